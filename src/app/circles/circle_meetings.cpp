#include "app/circles/circle_meetings.hpp"

#include <algorithm>

#include "app/circles/circles.hpp"
#include "app/circles/meeting_place.hpp"
#include "app/record_change.hpp"
#include "auth/policies/circle_policy.hpp"
#include "base/text.hpp"
#include "domain/volunteer.hpp"
#include "store/circle_store.hpp"
#include "store/meeting_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::circles {
namespace {

// A meeting with its minutes and its circle, when the actor may manage the circle.
struct ManagedMeeting {
  store::MeetingRecord record;
  domain::Circle circle;
};

Result<ManagedMeeting> FindManagedMeeting(const store::Unit& unit, const auth::Actor& actor,
                                          std::int64_t meeting_id) {
  if (!auth::policies::CirclePolicy::CanManage(actor) || !actor.organisation_id) {
    return Error::NotFound();
  }
  auto record = store::MeetingStore(unit.session()).Find(meeting_id, *actor.organisation_id);
  if (!record) return Error::NotFound();
  auto circle = TRY(FindManagedCircle(unit, actor, record->meeting.circle_id));
  return ManagedMeeting{std::move(*record), std::move(circle)};
}

// True when `volunteer_id` is a current member of the circle.
bool IsCurrentMember(const store::Unit& unit, const domain::Circle& circle,
                     std::int64_t volunteer_id) {
  const auto members =
      store::CircleStore(unit.session()).Members(circle.id, circle.organisation_id);
  return std::any_of(members.begin(), members.end(), [&](const domain::CircleMember& member) {
    return member.current() && member.volunteer_id == volunteer_id;
  });
}

}  // namespace

Result<std::int64_t> PlanMeetings(const Services& services, const auth::Actor& actor,
                                  const PlanMeetingsCommand& command) {
  return ChangeRecord(
      services, actor, {"circle.meeting_plan", "circle"}, FindOpenCircle, command.circle_id,
      [&](store::Unit& unit, const domain::Circle& circle) -> Result<std::int64_t> {
        auto plan = command.plan;
        const auto venue = TRY(PlaceOf(unit, circle, plan));
        TRY(domain::CheckMeetingPlan(plan, circle.phase, services.Today()));
        const auto writer = command.writer_volunteer_id;
        if (writer && !IsCurrentMember(unit, circle, *writer)) {
          return Error::Fields({{"writer", {N_("Choose a volunteer of the circle."), {}}}});
        }
        const auto dates = domain::MeetingSeries(circle.phase, *plan.date, plan.count);
        const auto reason =
            TRY(ClashOverride(unit, actor, circle, plan, venue ? &*venue : nullptr, dates,
                              {command.override_clashes, command.override_reason}));
        for (const auto date : dates) {
          domain::Meeting meeting;
          meeting.organisation_id = circle.organisation_id;
          meeting.circle_id = circle.id;
          meeting.kind = *plan.kind;
          meeting.starts = LocalInstant(services, date, *plan.start_minute);
          meeting.duration_minutes = *plan.duration_minutes;
          meeting.place = Trimmed(plan.place);
          meeting.venue_id = plan.venue_id;
          meeting.mode = plan.mode;
          meeting.writer_volunteer_id = writer;
          InsertPlannedMeeting(services, unit, actor, std::move(meeting), reason);
        }
        return circle.id;
      });
}

Result<std::int64_t> CancelMeeting(const Services& services, const auth::Actor& actor,
                                   std::int64_t meeting_id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto managed = TRY(FindManagedMeeting(unit, actor, meeting_id));
    if (managed.circle.closed()) return ClosedCircle();
    if (!store::MeetingStore(unit.session())
             .Cancel(meeting_id, managed.circle.organisation_id, actor.user_id, unit.now())) {
      return Error::Conflict(N_("This meeting has minutes or was cancelled already."));
    }
    Audit(services, unit, actor, {"circle.meeting_cancel", "meeting", std::to_string(meeting_id)});
    return managed.circle.id;
  });
}

Result<std::int64_t> AcknowledgeMinutes(const Services& services, const auth::Actor& actor,
                                        const AcknowledgeCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto managed = TRY(FindManagedMeeting(unit, actor, command.meeting_id));
    if (!managed.record.minutes) return Error::Conflict(N_("This meeting has no minutes yet."));
    const std::string comment = Trimmed(command.comment);
    TRY(domain::CheckAcknowledgement(*managed.record.minutes, comment));
    if (!store::MeetingStore(unit.session())
             .Acknowledge(command.meeting_id, managed.circle.organisation_id, actor.user_id,
                          comment, unit.now())) {
      return Error::Conflict(N_("These minutes are already acknowledged."));
    }
    Audit(services, unit, actor,
          {"circle.minutes_acknowledge", "meeting", std::to_string(command.meeting_id)});
    return command.meeting_id;
  });
}

Result<MeetingPage> LoadMeetingPage(const Services& services, const auth::Actor& actor,
                                    std::int64_t meeting_id, ViewAudit audit) {
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<MeetingPage> {
    auto managed = TRY(FindManagedMeeting(unit, actor, meeting_id));
    MeetingPage page{std::move(managed.record.meeting),
                     std::move(managed.record.minutes),
                     std::move(managed.circle),
                     {}};
    store::VolunteerFilter every;
    every.include_closed = true;
    for (const auto& volunteer :
         store::VolunteerStore(unit.session()).List(page.circle.organisation_id, every)) {
      page.volunteer_names[volunteer.id] = volunteer.FullName();
    }
    return page;
  }));
  if (audit == ViewAudit::kRecord) {
    app::AuditView(services, actor,
                   {page.minutes ? "circle.minutes_view" : "circle.meeting_view", "meeting",
                    std::to_string(page.meeting.id)});
  }
  return page;
}

}  // namespace cercle::app::circles
