#include "app/circles/portal_circle.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/circles/circles.hpp"
#include "app/circles/own_circle.hpp"
#include "app/drafts/drafts.hpp"
#include "auth/crypto.hpp"
#include "auth/policies/circle_policy.hpp"
#include "config/public_link.hpp"
#include "store/calendar_token_store.hpp"
#include "store/circle_contact_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"
#include "store/meeting_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::circles {
namespace {

using auth::policies::CirclePolicy;

// A meeting with its minutes, in a circle the volunteer may read.
struct OwnMeeting {
  OwnCircle own;
  store::MeetingRecord record;
};

Result<OwnMeeting> FindOwnMeeting(const Services& services, const store::Unit& unit,
                                  const auth::Actor& actor, std::int64_t meeting_id) {
  if (!CirclePolicy::MayHaveVolunteerView(actor) || !actor.organisation_id) {
    return Error::NotFound();
  }
  auto record = store::MeetingStore(unit.session()).Find(meeting_id, *actor.organisation_id);
  if (!record) return Error::NotFound();
  auto own = TRY(FindOwnCircle(services, unit, actor, record->meeting.circle_id));
  return OwnMeeting{std::move(own), std::move(*record)};
}

bool MayWriteMinutes(const Services& services, const auth::Actor& actor, const OwnCircle& own,
                     const domain::Meeting& meeting) {
  return CirclePolicy::CanVolunteerWriteMinutes(
      actor, own.volunteer, own.circle, own.stays, own.access_days,
      services.translator.LocalDate(meeting.starts), services.Today());
}

bool Due(domain::MinutesState state) {
  return state == domain::MinutesState::kDue || state == domain::MinutesState::kLate;
}

domain::MinutesState StateOf(const store::MeetingRecord& record, Instant now) {
  return domain::MinutesStateOf(record.meeting, record.minutes ? &*record.minutes : nullptr, now);
}

// Until when the volunteer may read the circle, once it closed or they left.
std::optional<CivilDate> AccessEnds(const OwnCircle& own) {
  std::optional<CivilDate> ends;
  for (const auto& stay : own.stays) {
    if (const auto day = domain::VolunteerAccessEnds(own.circle, stay, own.access_days)) ends = day;
  }
  return ends;
}

// The names of the volunteers of `members`, by volunteer id.
std::map<std::int64_t, std::string> VolunteerNames(
    const store::Unit& unit, std::int64_t organisation_id,
    const std::vector<domain::CircleMember>& members) {
  std::map<std::int64_t, std::string> names;
  store::VolunteerStore volunteers(unit.session());
  for (const auto& member : members) {
    if (names.contains(member.volunteer_id)) continue;
    if (const auto volunteer = volunteers.Find(member.volunteer_id, organisation_id)) {
      names[member.volunteer_id] = volunteer->FullName();
    }
  }
  return names;
}

std::string NameIn(const std::map<std::int64_t, std::string>& names, std::int64_t id) {
  const auto name = names.find(id);
  return name == names.end() ? std::string("—") : name->second;
}

// The volunteers of the circle on `day` (their stays covering it), by name.
std::vector<std::pair<std::int64_t, std::string>> MembersOn(
    const std::vector<domain::CircleMember>& members,
    const std::map<std::int64_t, std::string>& names, CivilDate day) {
  std::vector<std::pair<std::int64_t, std::string>> present;
  std::set<std::int64_t> seen;
  for (const auto& member : members) {
    if (member.joined_on > day || (member.left_on && *member.left_on < day) ||
        seen.contains(member.volunteer_id)) {
      continue;
    }
    seen.insert(member.volunteer_id);
    present.emplace_back(member.volunteer_id, NameIn(names, member.volunteer_id));
  }
  return present;
}

PortalMeetingRow RowOf(const store::MeetingRecord& record, std::int64_t volunteer_id, Instant now) {
  return {record.meeting, StateOf(record, now), record.meeting.writer_volunteer_id == volunteer_id,
          record.minutes && !record.minutes->coordinator_comment.empty()};
}

// The core member, as volunteers may know him.
void ReadCoreMember(const store::Unit& unit, const domain::Circle& circle, CivilDate today,
                    PortalCirclePage& page) {
  const auto core_member =
      store::CoreMemberStore(unit.session()).Find(circle.core_member_id, circle.organisation_id);
  if (!core_member) return;
  const auto conditions =
      store::LegalStore(unit.session()).Conditions(circle.core_member_id, circle.organisation_id);
  page.core_member = domain::ProjectForVolunteers(*core_member, conditions, today);
}

// The next meetings, the minutes the volunteer may write now, and the latest held ones.
void ReadMeetings(const Services& services, const store::Unit& unit, const auth::Actor& actor,
                  const OwnCircle& own, PortalCirclePage& page) {
  const Instant now = unit.now();
  const auto& circle = own.circle;
  const std::int64_t me = own.volunteer.id;
  store::MeetingStore meetings(unit.session());
  const auto planned = meetings.PlannedOfCircle(circle.id, circle.organisation_id, now);
  for (std::size_t i = 0; i < planned.size() && i <= kPhoneRows; ++i) {
    auto row = RowOf(planned[i], me, now);
    if (page.next_meeting) {
      page.later.push_back(std::move(row));
    } else {
      page.next_meeting = std::move(row);
    }
  }
  const auto without_minutes =
      meetings.WithoutMinutesOfCircle(circle.id, circle.organisation_id, now);
  std::set<std::int64_t> writing;
  for (const auto& record : without_minutes) {
    if (!Due(StateOf(record, now)) || !MayWriteMinutes(services, actor, own, record.meeting)) {
      continue;
    }
    page.to_write.push_back(RowOf(record, me, now));
    writing.insert(record.meeting.id);
  }
  // Enough held meetings to fill the list once those this volunteer must write are set apart.
  const store::PageSlice slice{static_cast<std::int64_t>(kPhoneRows + without_minutes.size()), 0};
  for (const auto& record : meetings.HeldOfCircle(circle.id, circle.organisation_id, now, slice)) {
    if (writing.contains(record.meeting.id)) continue;
    if (page.held.size() == kPhoneRows) break;
    page.held.push_back(RowOf(record, me, now));
  }
}

// The current volunteers and the latest contacts, each with a volunteer's name.
void ReadPeople(const store::Unit& unit, const OwnCircle& own, PortalCirclePage& page) {
  const auto& circle = own.circle;
  const auto members =
      store::CircleStore(unit.session()).Members(circle.id, circle.organisation_id);
  const auto names = VolunteerNames(unit, circle.organisation_id, members);
  for (const auto& member : members) {
    if (!member.current()) continue;
    page.members.push_back({NameIn(names, member.volunteer_id), member.primary,
                            member.volunteer_id == own.volunteer.id});
  }
  for (auto& contact : store::CircleContactStore(unit.session())
                           .OfCircle(circle.id, circle.organisation_id,
                                     {static_cast<std::int64_t>(kPhoneRows), 0})) {
    auto who = NameIn(names, contact.volunteer_id);
    page.contacts.push_back({std::move(contact), std::move(who)});
  }
}

// Adds to `row` the circle's next meeting and the minutes its volunteer has to write, among the
// organisation's `meetings` without minutes.
void AddMeetingsToWrite(const Services& services, const auth::Actor& actor, const OwnCircle& own,
                        const std::vector<store::MeetingRecord>& meetings, Instant now,
                        PortalCircleRow& row) {
  for (const auto& record : meetings) {
    const auto& meeting = record.meeting;
    if (meeting.circle_id != own.circle.id) continue;
    const auto state = StateOf(record, now);
    if (state == domain::MinutesState::kPlanned && !row.next_meeting) row.next_meeting = meeting;
    if (Due(state) &&
        (!meeting.writer_volunteer_id || meeting.writer_volunteer_id == own.volunteer.id) &&
        MayWriteMinutes(services, actor, own, meeting)) {
      row.to_write.push_back(RowOf(record, own.volunteer.id, now));
    }
  }
}

// Open circles first, by code name ("Cercle B" before "Cercle AA"), then the closed ones.
bool ListedBefore(const domain::Circle& a, const domain::Circle& b) {
  if (a.closed() != b.closed()) return !a.closed();
  if (a.code_name.size() != b.code_name.size()) return a.code_name.size() < b.code_name.size();
  return a.code_name < b.code_name;
}

}  // namespace

Result<PortalCirclePage> LoadPortalCircle(const Services& services, const auth::Actor& actor,
                                          std::int64_t circle_id, ViewAudit audit) {
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<PortalCirclePage> {
    const auto own = TRY(FindOwnCircle(services, unit, actor, circle_id));
    PortalCirclePage page;
    page.circle = own.circle;
    page.today = services.Today();
    page.access_ends = AccessEnds(own);
    ReadCoreMember(unit, own.circle, page.today, page);
    ReadPeople(unit, own, page);
    ReadMeetings(services, unit, actor, own, page);
    page.can_log = CirclePolicy::CanVolunteerAct(actor, own.volunteer, own.circle, own.stays);
    page.has_feed = store::CalendarTokenStore(unit.session())
                        .HasToken(own.volunteer.id, own.circle.organisation_id);
    return page;
  }));
  if (audit == ViewAudit::kRecord) {
    AuditView(services, actor, {"circle.view", "circle", std::to_string(page.circle.id)});
  }
  return page;
}

Result<PortalMeetingPage> LoadPortalMeeting(const Services& services, const auth::Actor& actor,
                                            std::int64_t meeting_id, ViewAudit audit) {
  auto page =
      TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<PortalMeetingPage> {
        auto found = TRY(FindOwnMeeting(services, unit, actor, meeting_id));
        const auto& circle = found.own.circle;
        PortalMeetingPage page;
        page.state = StateOf(found.record, unit.now());
        const auto stays =
            store::CircleStore(unit.session()).Members(circle.id, circle.organisation_id);
        page.members = MembersOn(stays, VolunteerNames(unit, circle.organisation_id, stays),
                                 services.translator.LocalDate(found.record.meeting.starts));
        page.may_write = !found.record.minutes && Due(page.state) &&
                         MayWriteMinutes(services, actor, found.own, found.record.meeting);
        page.meeting = std::move(found.record.meeting);
        page.minutes = std::move(found.record.minutes);
        page.circle = std::move(found.own.circle);
        return page;
      }));
  if (audit == ViewAudit::kRecord) {
    AuditView(services, actor,
              {page.minutes ? "circle.minutes_view" : "circle.meeting_view", "meeting",
               std::to_string(page.meeting.id)});
  }
  return page;
}

std::vector<PortalCircleRow> ReadPortalCircles(const Services& services, const store::Unit& unit,
                                               const auth::Actor& actor,
                                               const domain::Volunteer& volunteer) {
  const std::int64_t organisation = volunteer.organisation_id;
  store::CircleStore circles(unit.session());
  const auto stays = circles.StaysOf(volunteer.id, organisation);
  if (stays.empty()) return {};
  std::vector<std::int64_t> ids;
  for (const auto& stay : stays) ids.push_back(stay.circle_id);
  auto found = circles.FindMany(ids, organisation);
  std::sort(found.begin(), found.end(), ListedBefore);
  const int access_days = LoadCircleSettings(unit).access_days;
  std::vector<std::int64_t> core_member_ids;
  for (const auto& circle : found) core_member_ids.push_back(circle.core_member_id);
  std::map<std::int64_t, std::string> names;
  for (const auto& core_member :
       store::CoreMemberStore(unit.session()).FindMany(core_member_ids, organisation)) {
    names[core_member.id] = core_member.name_used();
  }
  // The next meeting and the minutes to write need only the meetings without minutes.
  const auto meetings =
      store::MeetingStore(unit.session()).WithoutMinutesOfCircles(ids, organisation);
  const auto today = services.Today();
  std::vector<PortalCircleRow> rows;
  for (auto& circle : found) {
    OwnCircle own{volunteer, std::move(circle), {}, access_days};
    for (const auto& stay : stays) {
      if (stay.circle_id == own.circle.id) own.stays.push_back(stay);
    }
    if (!CirclePolicy::CanVolunteerRead(actor, volunteer, own.circle, own.stays, access_days,
                                        today)) {
      continue;
    }
    PortalCircleRow row{own.circle, std::nullopt, AccessEnds(own), std::nullopt, {}};
    if (const auto name = names.find(own.circle.core_member_id); name != names.end()) {
      row.core_member = name->second;
    }
    AddMeetingsToWrite(services, actor, own, meetings, unit.now(), row);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<PortalCircleRow>> LoadPortalCircles(const Services& services,
                                                       const auth::Actor& actor) {
  return Read(services, actor.scope(),
              [&](store::Unit& unit) -> Result<std::vector<PortalCircleRow>> {
                const auto volunteer = FindOwnVolunteer(unit, actor);
                if (!volunteer) return Error::NotFound();
                return ReadPortalCircles(services, unit, actor, *volunteer);
              });
}

namespace {

// The minutes of `found` as `command` gives them, checked against the volunteers of the circle on
// the meeting's day.
Result<domain::Minutes> MinutesOf(const store::Unit& unit, const auth::Actor& actor,
                                  const OwnMeeting& found, CivilDate day,
                                  const MinutesCommand& command) {
  const auto& circle = found.own.circle;
  const auto members = MembersOn(
      store::CircleStore(unit.session()).Members(circle.id, circle.organisation_id), {}, day);
  domain::Minutes minutes;
  minutes.meeting_id = found.record.meeting.id;
  minutes.organisation_id = circle.organisation_id;
  minutes.written_by_volunteer_id = found.own.volunteer.id;
  minutes.written_by = actor.user_id;
  minutes.core_member_present = command.core_member_present;
  for (const auto id : command.present) {
    const bool member = std::any_of(members.begin(), members.end(),
                                    [&](const auto& entry) { return entry.first == id; });
    if (!member) return Error::Fields({{"present", {N_("Tick who was present."), {}}}});
    if (std::find(minutes.present_volunteers.begin(), minutes.present_volunteers.end(), id) ==
        minutes.present_volunteers.end()) {
      minutes.present_volunteers.push_back(id);
    }
  }
  minutes.duration_minutes = command.duration_minutes.value_or(0);
  minutes.check_in = command.check_in;
  minutes.accountability = command.accountability;
  minutes.support = command.support;
  minutes.decisions = command.decisions;
  minutes.next_steps = command.next_steps;
  minutes.submitted_at = unit.now();
  return minutes;
}

Error AlreadyWritten() {
  return Error::Conflict(N_("The minutes of this meeting are already written."));
}

}  // namespace

Result<std::int64_t> SubmitMinutes(const Services& services, const auth::Actor& actor,
                                   const MinutesCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto found = TRY(FindOwnMeeting(services, unit, actor, command.meeting_id));
    const auto& meeting = found.record.meeting;
    if (found.record.minutes) return AlreadyWritten();
    if (!MayWriteMinutes(services, actor, found.own, meeting)) {
      return Error::Invalid(N_("You were not a member of this circle on the day of this meeting."));
    }
    const auto day = services.translator.LocalDate(meeting.starts);
    auto minutes = TRY(MinutesOf(unit, actor, found, day, command));
    TRY(domain::CheckMinutes(minutes, meeting, minutes.submitted_at));
    if (!store::MeetingStore(unit.session())
             .InsertMinutes(minutes, day, found.own.circle.code_name)) {
      return AlreadyWritten();
    }
    Audit(services, unit, actor, {"circle.minutes_submit", "meeting", std::to_string(meeting.id)});
    drafts::DeleteSentDraft(unit, actor, domain::DraftForm::kMinutes, meeting.id);
    return meeting.id;
  });
}

Result<std::int64_t> LogContact(const Services& services, const auth::Actor& actor,
                                const LogContactCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto own = TRY(FindOwnCircle(services, unit, actor, command.circle_id));
    if (!CirclePolicy::CanVolunteerAct(actor, own.volunteer, own.circle, own.stays)) {
      return Error::Invalid(N_("This circle has ended: contacts can no longer be logged."));
    }
    std::vector<FieldError> errors;
    if (!command.contacted_on) {
      errors.push_back({"contacted_on", {N_("Enter a real date, such as 1980-05-31."), {}}});
    }
    if (!command.kind) errors.push_back({"kind", {N_("Choose the kind of contact."), {}}});
    if (!command.duration_minutes) {
      errors.push_back(
          {"duration", {N_("Enter a duration such as 1.5 or 1:30, at most 24 hours."), {}}});
    }
    if (!errors.empty()) return Error::Fields(std::move(errors));
    domain::CircleContact contact;
    contact.organisation_id = own.circle.organisation_id;
    contact.circle_id = own.circle.id;
    contact.volunteer_id = own.volunteer.id;
    contact.contacted_on = *command.contacted_on;
    contact.kind = *command.kind;
    contact.duration_minutes = *command.duration_minutes;
    contact.note = command.note;
    TRY(domain::CheckContact(contact, services.Today()));
    contact.logged_by = actor.user_id;
    contact.logged_at = unit.now();
    const auto id = store::CircleContactStore(unit.session()).Insert(contact, own.circle.code_name);
    Audit(services, unit, actor, {"circle.contact_log", "circle_contact", std::to_string(id)});
    drafts::DeleteSentDraft(unit, actor, domain::DraftForm::kContact, own.circle.id);
    return id;
  });
}

Result<CalendarAddress> ResetCalendar(const Services& services, const auth::Actor& actor) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<CalendarAddress> {
    const auto volunteer = FindOwnVolunteer(unit, actor);
    if (!volunteer) return Error::NotFound();
    const std::string token = auth::RandomToken();
    store::CalendarTokenStore(unit.session())
        .Replace(volunteer->organisation_id, volunteer->id,
                 auth::KeyedHash(services.secrets.session_key, "calendar", token), unit.now());
    Audit(services, unit, actor, {"calendar.reset", "volunteer", std::to_string(volunteer->id)});
    // The address is shown once: only its keyed hash is stored.
    CalendarAddress address{
        config::PublicLink(services.config.server.public_url, "/calendar/" + token + ".ics"), ""};
    const auto scheme = address.address.find("://");
    address.webcal =
        scheme == std::string::npos ? address.address : "webcal" + address.address.substr(scheme);
    return address;
  });
}

}  // namespace cercle::app::circles
