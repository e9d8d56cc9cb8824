#include <algorithm>
#include <chrono>

#include "app/circles/circle_meetings.hpp"
#include "app/circles/circles.hpp"
#include "app/circles/portal_circle.hpp"
#include "demo/circles_demo_story.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_meetings.hpp"
#include "store/circle_contact_store.hpp"
#include "store/meeting_store.hpp"

namespace cercle::demo::circles_story {

using circles_data::DemoCircle;
using domain::CirclePhase;
using std::chrono::hours;
using std::chrono::minutes;

Instant Evening(CivilDate day) {
  return Instant(std::chrono::sys_days(day).time_since_epoch() + hours(23) + minutes(30));
}
Instant Morning(CivilDate day) {
  return Instant(std::chrono::sys_days(day).time_since_epoch() + hours(14));
}

bool Loader::IsBastien(std::int64_t volunteer_id) const {
  const auto bastien = by_name.find("Bastien Fictif");
  return actors.bastien && bastien != by_name.end() && bastien->second.id == volunteer_id &&
         bastien->second.user_id == actors.bastien->user_id;
}

std::optional<int> StartedDaysAgo(const DemoCircle& demo) {
  for (const auto& step : demo.phases) {
    if (domain::IsActivePhase(step.phase)) return step.days_ago;
  }
  return std::nullopt;
}

namespace {

// The phase of `circle` in force on the day `days_ago` before today.
CirclePhase PhaseOn(const DemoCircle& circle, int days_ago) {
  CirclePhase phase = CirclePhase::kForming;
  for (const auto& step : circle.phases) {
    if (step.days_ago >= days_ago) phase = step.phase;
  }
  return phase;
}

// The days (before today) of the held meetings of `circle`, newest first, back to a year ago or its
// start: at the rhythm of the phase in force, with a meeting on the day of each phase change
// (decided there).
std::vector<int> HeldMeetingDays(const DemoCircle& circle, int started_days_ago) {
  std::vector<int> days;
  if (circle.last_meeting_days_ago == 0) return days;
  const int oldest = std::min(started_days_ago, 365);
  for (int day = circle.last_meeting_days_ago; day <= oldest;) {
    days.push_back(day);
    int next = day + circles_data::Rhythm(PhaseOn(circle, day + 1));
    for (const auto& step : circle.phases) {
      if (step.days_ago > day && step.days_ago < next) next = step.days_ago;
    }
    day = next;
  }
  return days;
}

// Plans one meeting of `circle` at `starts` through app::circles::PlanMeetings, and returns its id
// (PlanMeetings answers with the circle's: the meeting is found again by its start).
Result<std::int64_t> PlanMeeting(const app::Services& services, const Loader& loader,
                                 const CircleState& circle, const domain::Meeting& meeting) {
  TRY(app::circles::PlanMeetings(
      services, loader.coordinator(),
      {.circle_id = circle.id,
       .plan = {.kind = meeting.kind,
                .date = services.translator.LocalDate(meeting.starts),
                .start_minute = app::circles::LocalMinute(services, meeting.starts),
                .duration_minutes = meeting.duration_minutes,
                .place = meeting.place},
       .writer_volunteer_id = meeting.writer_volunteer_id}));
  // Reading back the new meeting is no workflow: the planning command does not name it.
  const auto records = services.database.Read(loader.scope(), [&](soci::session& session) {
    return store::MeetingStore(session).OfCircle(circle.id, loader.organisation_id);
  });
  for (const auto& record : records) {
    if (record.meeting.starts == meeting.starts) return record.meeting.id;
  }
  return Error::Invalid(N_("The demo set-up is incomplete."));
}

// The minutes of the meeting `turn`, as its writer types them.
app::circles::MinutesCommand MinutesOf(const CircleState& circle, const domain::Meeting& meeting,
                                       std::size_t turn) {
  const auto& ids = circle.volunteer_ids;
  const std::size_t next = turn + 1;  // the texts rotate with the count of meetings so far
  const auto text = circles_data::MinutesTextOf(next);
  app::circles::MinutesCommand minutes{
      .core_member_present = next % 11 != 5,
      .duration_minutes = meeting.duration_minutes - 15 + static_cast<int>(next % 4) * 15,
      .check_in = text.check_in,
      .accountability = text.accountability,
      .support = text.support,
      .decisions = text.decisions,
      .next_steps = text.next_steps};
  if (meeting.kind == domain::MeetingKind::kOneToOne) {
    minutes.present = {*meeting.writer_volunteer_id};
    return minutes;
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    // Now and then someone is away.
    if (ids[i] != *meeting.writer_volunteer_id && (next + i) % 9 == 0) continue;
    minutes.present.push_back(ids[i]);
  }
  return minutes;
}

// The writer's minutes of meeting `meeting_id`: Bastien submits his in his portal
// (app::circles::SubmitMinutes). The other writers have no account, and minutes are only ever
// submitted by their writer's own account: theirs are stored as they were written, the writer
// named and no account.
Status SubmitMinutes(const app::Services& services, const Loader& loader, const CircleState& circle,
                     std::int64_t writer, const app::circles::MinutesCommand& command,
                     CivilDate held_on) {
  if (loader.IsBastien(writer)) {
    TRY(app::circles::SubmitMinutes(services, *loader.actors.bastien, command));
    return {};
  }
  domain::Minutes minutes{.meeting_id = command.meeting_id,
                          .organisation_id = loader.organisation_id,
                          .written_by_volunteer_id = writer,
                          .duration_minutes = command.duration_minutes.value_or(0),
                          .core_member_present = command.core_member_present,
                          .present_volunteers = command.present,
                          .check_in = command.check_in,
                          .accountability = command.accountability,
                          .support = command.support,
                          .decisions = command.decisions,
                          .next_steps = command.next_steps,
                          .submitted_at = services.clock.Now()};
  return loader.services.database.Write(loader.scope(), [&](soci::session& session) -> Status {
    store::MeetingStore(session).InsertMinutes(minutes, held_on, circle.code_name);
    return {};
  });
}

// One held meeting `day` days ago: planned two weeks before, its minutes written the next day and
// acknowledged two days later, except the ones the demo leaves to write or to acknowledge.
void AddHeldMeeting(Loader& loader, Timeline& timeline, const std::shared_ptr<CircleState>& circle,
                    int day) {
  const DemoCircle& demo = *circle->demo;
  const auto& ids = circle->volunteer_ids;
  const std::size_t turn = loader.turn++;
  const bool closing = demo.closure && day == demo.phases.back().days_ago;
  domain::Meeting meeting;
  meeting.kind = closing         ? domain::MeetingKind::kClosure
                 : turn % 7 == 6 ? domain::MeetingKind::kOneToOne
                                 : domain::MeetingKind::kGroup;
  meeting.starts = Evening(loader.DaysAgo(day));
  meeting.duration_minutes = meeting.kind == domain::MeetingKind::kOneToOne ? 60 : 120;
  meeting.place = demo.place;
  meeting.writer_volunteer_id =
      day == demo.minutes_missing_days_ago ? ids.front() : ids[turn % ids.size()];
  const Loader* from = &loader;
  timeline.Add(Morning(loader.DaysAgo(day + 14)),
               [from, circle, meeting, day](const app::Services& services) -> Status {
                 circle->meetings[day] = TRY(PlanMeeting(services, *from, *circle, meeting));
                 return {};
               });
  if (day == demo.minutes_missing_days_ago) return;
  timeline.Add(Morning(loader.DaysAgo(day - 1)),
               [from, circle, meeting, day, turn](const app::Services& services) {
                 auto command = MinutesOf(*circle, meeting, turn);
                 command.meeting_id = circle->meetings.at(day);
                 return SubmitMinutes(services, *from, *circle, *meeting.writer_volunteer_id,
                                      command, from->DaysAgo(day));
               });
  if (day == demo.minutes_unacknowledged_days_ago) return;
  timeline.Add(
      Morning(loader.DaysAgo(std::max(day - 3, 0))),
      [from, circle, day, turn](const app::Services& services) -> Status {
        TRY(app::circles::AcknowledgeMinutes(services, from->coordinator(),
                                             {.meeting_id = circle->meetings.at(day),
                                              .comment = circles_data::CommentOf(turn + 1)}));
        return {};
      });
}

}  // namespace

void AddMeetings(Loader& loader, Timeline& timeline, const std::shared_ptr<CircleState>& circle) {
  const DemoCircle& demo = *circle->demo;
  const auto started_days_ago = StartedDaysAgo(demo);
  if (!started_days_ago) return;
  const auto held = HeldMeetingDays(demo, *started_days_ago);
  for (auto it = held.rbegin(); it != held.rend(); ++it)
    AddHeldMeeting(loader, timeline, circle, *it);
  if (held.empty() || demo.closure) return;
  const int step = circles_data::Rhythm(demo.phases.back().phase);
  const auto& ids = circle->volunteer_ids;
  const Loader* from = &loader;
  for (int i = 1, day = held.front() - step; i <= demo.planned_ahead; ++i, day -= step) {
    // A circle overdue for a meeting gets one planned soon.
    const int when = day >= 0 ? -12 * i : day;
    domain::Meeting meeting;
    meeting.kind = domain::MeetingKind::kGroup;
    meeting.starts = Evening(loader.DaysAgo(when));
    meeting.place = demo.place;
    meeting.writer_volunteer_id = ids[(loader.turn + static_cast<std::size_t>(i)) % ids.size()];
    timeline.Add(loader.now, [from, circle, meeting](const app::Services& services) -> Status {
      TRY(PlanMeeting(services, *from, *circle, meeting));
      return {};
    });
  }
}

void AddContacts(const Loader& loader, Timeline& timeline,
                 const std::shared_ptr<CircleState>& circle) {
  const DemoCircle& demo = *circle->demo;
  const auto started_days_ago = StartedDaysAgo(demo);
  if (demo.last_contact_days_ago == 0 || !started_days_ago) return;
  const auto& ids = circle->volunteer_ids;
  const int oldest = std::min(*started_days_ago, 365);
  const Loader* from = &loader;
  for (int day = demo.last_contact_days_ago; day <= oldest; day += demo.contact_every) {
    const auto index = static_cast<std::size_t>(day);
    domain::CircleContact contact;
    contact.organisation_id = loader.organisation_id;
    contact.volunteer_id = ids[(loader.turn + index) % ids.size()];
    contact.contacted_on = loader.DaysAgo(day);
    contact.kind =
        domain::EnumValues<domain::ContactKind>()[index %
                                                  domain::EnumValues<domain::ContactKind>().size()];
    contact.duration_minutes = 15 + static_cast<int>(index % 6) * 15;
    contact.note = circles_data::ContactNoteOf(index);
    timeline.Add(Morning(contact.contacted_on),
                 [from, circle, contact](const app::Services& services) -> Status {
                   // Bastien logs his own contacts from his phone. The other volunteers have no
                   // account, and only a volunteer's own account logs a contact: theirs are stored
                   // as the coordinator took them down.
                   if (from->IsBastien(contact.volunteer_id)) {
                     TRY(app::circles::LogContact(services, *from->actors.bastien,
                                                  {.circle_id = circle->id,
                                                   .contacted_on = contact.contacted_on,
                                                   .kind = contact.kind,
                                                   .duration_minutes = contact.duration_minutes,
                                                   .note = contact.note}));
                     return {};
                   }
                   auto record = contact;
                   record.circle_id = circle->id;
                   record.logged_by = from->coordinator().user_id;
                   record.logged_at = services.clock.Now();
                   return from->services.database.Write(
                       from->scope(), [&](soci::session& session) -> Status {
                         store::CircleContactStore(session).Insert(record, circle->code_name);
                         return {};
                       });
                 });
  }
}

}  // namespace cercle::demo::circles_story
