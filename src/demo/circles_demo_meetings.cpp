#include <algorithm>
#include <chrono>

#include "app/circles/circle_meetings.hpp"
#include "app/circles/circles.hpp"
#include "app/circles/portal_circle.hpp"
#include "demo/circles_demo_story.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_meetings.hpp"
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

Result<auth::Actor> Loader::VolunteerActor(std::int64_t volunteer_id) const {
  for (const auto& [name, volunteer] : by_name) {
    if (volunteer.id != volunteer_id || !volunteer.user_id) continue;
    const auto actor = actors.volunteers.find(*volunteer.user_id);
    if (actor != actors.volunteers.end()) return actor->second;
  }
  return Error::Invalid(N_("The demo volunteers are missing."));
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
  const auto venue = loader.venue_ids.find(meeting.place);
  if (venue == loader.venue_ids.end()) return Error::Invalid(N_("The demo set-up is incomplete."));
  TRY(app::circles::PlanMeetings(
      services, loader.coordinator(),
      {.circle_id = circle.id,
       .plan = {.kind = meeting.kind,
                .date = services.translator.LocalDate(meeting.starts),
                .start_minute = app::circles::LocalMinute(services, meeting.starts),
                .duration_minutes = meeting.duration_minutes,
                .venue_id = venue->second},
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
               [from, circle, meeting, day, turn](const app::Services& services) -> Status {
                 auto command = MinutesOf(*circle, meeting, turn);
                 command.meeting_id = circle->meetings.at(day);
                 const auto writer = TRY(from->VolunteerActor(*meeting.writer_volunteer_id));
                 TRY(app::circles::SubmitMinutes(services, writer, command));
                 return {};
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
    const auto volunteer_id = ids[(loader.turn + index) % ids.size()];
    const auto& kinds = domain::EnumValues<domain::ContactKind>();
    const app::circles::LogContactCommand contact{
        .contacted_on = loader.DaysAgo(day),
        .kind = kinds[index % kinds.size()],
        .duration_minutes = 15 + static_cast<int>(index % 6) * 15,
        .note = circles_data::ContactNoteOf(index)};
    // Each volunteer logs his own contacts from his phone.
    timeline.Add(
        Morning(*contact.contacted_on),
        [from, circle, volunteer_id, contact](const app::Services& services) -> Status {
          auto command = contact;
          command.circle_id = circle->id;
          TRY(app::circles::LogContact(services, TRY(from->VolunteerActor(volunteer_id)), command));
          return {};
        });
  }
}

}  // namespace cercle::demo::circles_story
