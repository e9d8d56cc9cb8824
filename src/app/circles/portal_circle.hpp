#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/circles/circle_meetings.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_record.hpp"
#include "domain/core_member_projection.hpp"
#include "domain/volunteer.hpp"
#include "store/unit.hpp"

// The volunteer's phone view of their circles: the list on their portal's home, one circle (the
// next meeting, the minutes to write within 48 hours, the contacts between meetings), one meeting
// with its minutes, and the commands a volunteer gives there (minutes, a contact, a new calendar
// address). Of the core member, volunteers read domain::ProjectForVolunteers only. A circle they
// were never in, or one that closed (or that they left) longer ago than the organisation's delay,
// answers NotFound, exactly as a missing one.
namespace cercle::app::circles {

// How many held meetings and contacts the phone view lists.
inline constexpr std::size_t kPhoneRows = 8;

// A meeting as the phone view lists it.
struct PortalMeetingRow {
  domain::Meeting meeting;
  domain::MinutesState state = domain::MinutesState::kPlanned;
  bool writer_is_me = false;  // the volunteer is asked to write its minutes
  bool commented = false;     // the coordinator commented its minutes
};

// A volunteer of the circle, now.
struct PortalMember {
  std::string name;
  bool primary = false;
  bool me = false;  // the volunteer reading the page
};

// A contact between meetings, with the name of the volunteer who logged it.
struct PortalContact {
  domain::CircleContact contact;
  std::string who;
};

// One circle's phone view.
struct PortalCirclePage {
  domain::Circle circle;
  CivilDate today;
  // Until when the volunteer may still read the circle, once it closed or they left.
  std::optional<CivilDate> access_ends;
  std::optional<domain::VolunteerCoreMemberView> core_member;
  std::vector<PortalMember> members;
  std::optional<PortalMeetingRow> next_meeting;
  std::vector<PortalMeetingRow> later;     // the planned meetings after the next one
  std::vector<PortalMeetingRow> to_write;  // the minutes the volunteer may write now
  std::vector<PortalMeetingRow> held;      // the latest held meetings, besides those
  std::vector<PortalContact> contacts;     // the latest ones
  bool can_log = false;                    // the volunteer may log a contact
  bool has_feed = false;                   // the volunteer has a calendar address
};

// The phone view of circle `circle_id` for the actor's own volunteer file, audited "circle.view"
// with ViewAudit::kRecord; NotFound when the actor may not read it.
Result<PortalCirclePage> LoadPortalCircle(const Services& services, const auth::Actor& actor,
                                          std::int64_t circle_id,
                                          ViewAudit audit = ViewAudit::kRecord);

// One meeting's phone view: the meeting, its minutes once written, and who may write them.
struct PortalMeetingPage {
  domain::Meeting meeting;
  std::optional<domain::Minutes> minutes;
  domain::Circle circle;
  domain::MinutesState state = domain::MinutesState::kPlanned;
  // The volunteers of the circle on the meeting's day, by id, with their names.
  std::vector<std::pair<std::int64_t, std::string>> members;
  bool may_write = false;  // the minutes are due (or late) and the volunteer may write them
};

// The phone view of meeting `meeting_id`, audited "circle.minutes_view" (or "circle.meeting_view"
// while it has no minutes) with ViewAudit::kRecord; NotFound when the actor may not read its
// circle.
Result<PortalMeetingPage> LoadPortalMeeting(const Services& services, const auth::Actor& actor,
                                            std::int64_t meeting_id,
                                            ViewAudit audit = ViewAudit::kRecord);

// A circle on the portal's home.
struct PortalCircleRow {
  domain::Circle circle;
  std::optional<std::string> core_member;  // the name he goes by
  std::optional<CivilDate> access_ends;
  std::optional<domain::Meeting> next_meeting;
  // The minutes the volunteer is asked to write (or that no one was asked to), late ones flagged.
  std::vector<PortalMeetingRow> to_write;
};

// The circles `volunteer` (the actor's own file) may still read, open ones first by code name
// ("Cercle B" before "Cercle AA"), then the closed ones, read in `unit`: a few queries whatever the
// number of circles.
std::vector<PortalCircleRow> ReadPortalCircles(const Services& services, const store::Unit& unit,
                                               const auth::Actor& actor,
                                               const domain::Volunteer& volunteer);

// The same in a read transaction of its own, for the actor's own file; NotFound without one.
Result<std::vector<PortalCircleRow>> LoadPortalCircles(const Services& services,
                                                       const auth::Actor& actor);

// Minutes as a volunteer writes them.
struct MinutesCommand {
  std::int64_t meeting_id = 0;
  bool core_member_present = false;
  // The volunteers ticked present (a value the form could not read as an id is 0, nobody's).
  std::vector<std::int64_t> present;
  std::optional<int> duration_minutes;  // none when unreadable
  std::string check_in;
  std::string accountability;
  std::string support;
  std::string decisions;
  std::string next_steps;
};

// Stores the minutes after domain::CheckMinutes (the attendance feeding each present volunteer's
// hours), audited "circle.minutes_submit": Conflict when they are written already, Invalid when the
// volunteer was not a member on the meeting's day, a field error for someone ticked who was not.
// Returns the meeting's id.
Result<std::int64_t> SubmitMinutes(const Services& services, const auth::Actor& actor,
                                   const MinutesCommand& command);

// A contact between meetings, as the volunteer typed it (none where the form was unreadable).
struct LogContactCommand {
  std::int64_t circle_id = 0;
  std::optional<CivilDate> contacted_on;
  std::optional<domain::ContactKind> kind;
  std::optional<int> duration_minutes;
  std::string note;
};

// Logs the contact after domain::CheckContact, awaiting the coordinator's approval of its hours,
// audited "circle.contact_log": Invalid once the circle ended for the volunteer (before any field
// error). Returns the contact's id.
Result<std::int64_t> LogContact(const Services& services, const auth::Actor& actor,
                                const LogContactCommand& command);

// A calendar feed's new address, shown once.
struct CalendarAddress {
  std::string address;  // https://…/calendar/TOKEN.ics
  std::string webcal;   // the same with the webcal scheme, which phones subscribe to
};

// Replaces the actor's calendar token (the old address stops working at once), audited
// "calendar.reset"; only the token's keyed hash is stored. NotFound without a volunteer file.
Result<CalendarAddress> ResetCalendar(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::circles
