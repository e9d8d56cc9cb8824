#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle.hpp"
#include "domain/circle_enums.hpp"
#include "domain/venues.hpp"

// A circle's meetings: their kinds, planning by the phase's rhythm, and the minutes one volunteer
// writes within 48 hours, which the coordinator acknowledges. No I/O.
namespace cercle::domain {

// A planned (or held) meeting. Its place shows in volunteers' calendar feeds: it never names
// anyone. A meeting in person planned since the venue register is at a venue, whose name `place`
// copies; one by telephone or video has no venue and `place` holds the mode's stored name (pages
// show the mode's label, through PlaceShown in the web layer).
struct Meeting {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t circle_id = 0;
  MeetingKind kind = MeetingKind::kGroup;
  Instant starts;
  int duration_minutes = 120;
  std::string place;
  std::optional<std::int64_t> writer_volunteer_id;  // who is asked to write the minutes
  std::optional<Instant> cancelled_at;
  std::optional<std::int64_t> created_by;
  Instant created_at;
  std::optional<std::int64_t> venue_id;  // none before the register, or not in person
  MeetingMode mode = MeetingMode::kInPerson;
  // Why a coordinator planned it despite a clash with a condition, and who; "" and none otherwise.
  std::string clash_override_reason;
  std::optional<std::int64_t> clash_overridden_by;

  Instant ends() const { return starts + std::chrono::minutes(duration_minutes); }
  bool cancelled() const { return cancelled_at.has_value(); }
  // True once it has started and was not cancelled.
  bool HeldBy(Instant now) const { return !cancelled() && starts <= now; }
};

// The minutes of a held meeting.
struct Minutes {
  std::int64_t meeting_id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t written_by_volunteer_id = 0;
  std::optional<std::int64_t> written_by;  // the account that submitted them
  int duration_minutes = 0;
  bool core_member_present = false;
  std::vector<std::int64_t> present_volunteers;
  std::string check_in;
  std::string accountability;  // relationships, risk factors, situations
  std::string support;
  std::string decisions;
  std::string next_steps;
  Instant submitted_at;
  std::optional<std::int64_t> acknowledged_by;
  std::optional<Instant> acknowledged_at;
  std::string coordinator_comment;  // the volunteers read it

  bool acknowledged() const { return acknowledged_at.has_value(); }
};

// What shows where a meeting's place does: the msgid of its mode's label for a meeting by
// telephone or video, or none for one in person (its place shows, the venue's name).
std::optional<std::string_view> ModeShownInsteadOfPlace(const Meeting& meeting);

// The moment the minutes of `meeting` are due: kMinutesDueHours after its end.
Instant MinutesDueAt(const Meeting& meeting);
// Where `meeting` stands on `now`, given its minutes when there are some.
MinutesState MinutesStateOf(const Meeting& meeting, const Minutes* minutes, Instant now);

// The most meetings planned at once.
inline constexpr int kMaxMeetingSeries = 12;

// The days of a series of `count` meetings from `first` at the rhythm of `phase`: every week in the
// intensive and weekly phases, every two weeks in the pre-release and biweekly phases, the same day
// of every month in the monthly phase. A phase without a rhythm (forming, informal, suspended,
// closed) gives `first` alone.
std::vector<CivilDate> MeetingSeries(CirclePhase phase, CivilDate first, int count);
// True when `phase` has a rhythm to repeat.
bool HasMeetingRhythm(CirclePhase phase);

// What a coordinator typed to plan meetings.
struct MeetingPlan {
  std::optional<MeetingKind> kind;
  std::optional<CivilDate> date;
  std::optional<int> start_minute;  // minutes after midnight, local time
  std::optional<int> duration_minutes;
  std::string place;  // the venue's name, or the mode's stored name
  int count = 1;
  MeetingMode mode = MeetingMode::kInPerson;
  std::optional<std::int64_t> venue_id;
};

// Checks a plan: a kind, a real date from a year ago to two years ahead, a time, a length of 15
// minutes to 10 hours, a place of 1 to 200 characters, and 1 to kMaxMeetingSeries meetings (more
// than one only when the phase has a rhythm). Field errors "kind", "date", "time", "duration",
// "place", "count".
Status CheckMeetingPlan(const MeetingPlan& plan, CirclePhase phase, CivilDate today);

// The longest text of each part of the minutes, in characters.
inline constexpr std::size_t kMaxMinutesPartLength = 5000;

// Checks minutes before they are recorded: the meeting is held and not cancelled, someone was
// present, the length is 1 minute to 24 hours, the check-in and the accountability part are
// written, and no part is longer than kMaxMinutesPartLength characters. Field errors "present",
// "duration", "check_in", "accountability", "support", "decisions", "next_steps". Trims the texts.
Status CheckMinutes(Minutes& minutes, const Meeting& meeting, Instant now);

// Checks the coordinator's comment on acknowledging minutes: at most 2000 characters (field
// "comment"). Refuses (Conflict) minutes already acknowledged.
Status CheckAcknowledgement(const Minutes& minutes, std::string_view comment);

}  // namespace cercle::domain
