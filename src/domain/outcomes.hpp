#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/person_enums.hpp"

// Outcomes on a core member's file, for funders and evaluators: recidivism events (new charges,
// convictions, breaches, returns to custody), outcome measures (housing, occupation, social
// network) on scales each organisation adjusts, and the follow-up checks of public records after
// his file closes. No I/O.
//
// The coordinator says on each event whether it happened during or after the circle (an event can
// be learned of long after, from court records), and on each measure whether it was taken at the
// start, at a review or at closure. Follow-ups count from the closure of his file.
namespace cercle::domain {

// A new charge, conviction, breach or return to custody of a core member.
struct RecidivismEvent {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t core_member_id = 0;
  CivilDate occurred_on{};
  RecidivismKind kind = RecidivismKind::kNewCharge;
  OffenceCategory category = OffenceCategory::kOther;
  EventSource source = EventSource::kCourtRecords;
  // Where to find it again (a court file number, an article); coordinators only, never exported.
  std::string reference;
  CirclePeriod period = CirclePeriod::kDuring;
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
  Instant updated_at;
};

// The longest reference of an event, in characters.
inline constexpr std::size_t kMaxReferenceLength = 500;

// Trims the event's reference and checks it: a date not after `today` and not before 1950, a
// reference of at most kMaxReferenceLength characters. Field errors "occurred_on", "reference".
Status CheckRecidivismEvent(RecidivismEvent& event, CivilDate today);

// The fewest and most levels a scale has.
inline constexpr std::size_t kMinScaleLevels = 2;
inline constexpr std::size_t kMaxScaleLevels = 7;
// The longest label of a level, in characters.
inline constexpr std::size_t kMaxLevelLabelLength = 120;

// One organisation's scale for one dimension: its levels from the worst (level 1) to the best.
struct OutcomeScale {
  OutcomeDimension dimension = OutcomeDimension::kHousing;
  // The labels, level 1 first. The default scales hold English msgids, which pages translate;
  // an organisation's own labels are shown as written.
  std::vector<std::string> labels;
  bool is_default = true;
};

// The scale every organisation starts with for `dimension`: three levels (English msgids).
OutcomeScale DefaultScale(OutcomeDimension dimension);

// Reads the levels an admin typed, one per line, worst first: blank lines are dropped and each
// label trimmed. Refuses fewer than kMinScaleLevels or more than kMaxScaleLevels levels, a label
// longer than kMaxLevelLabelLength characters, and fewer levels than `highest_level_in_use` (the
// highest level recorded measures use). Errors name field `field`.
Result<std::vector<std::string>> ParseScaleLevels(std::string_view text,
                                                  std::size_t highest_level_in_use,
                                                  const std::string& field);

// Housing, occupation and social network measured on one day.
struct OutcomeMeasure {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t core_member_id = 0;
  CivilDate measured_on{};
  MeasureOccasion occasion = MeasureOccasion::kStart;
  // The level on each dimension's scale (1 = worst), in the order of
  // EnumValues<domain::OutcomeDimension>().
  std::array<int, 3> levels{};
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;

  int Level(OutcomeDimension dimension) const {
    return levels[static_cast<std::size_t>(dimension)];
  }
};

// Checks a measure against the organisation's `scales` (in the order of
// EnumValues<domain::OutcomeDimension>()): a date not after `today` and not before 1950, and a
// level within each scale. Field errors "measured_on", "housing", "occupation", "social_network".
Status CheckOutcomeMeasure(const OutcomeMeasure& measure, const std::vector<OutcomeScale>& scales,
                           CivilDate today);

// The months after closure at which public records are checked for new events.
inline constexpr std::array<int, 4> kFollowUpMonths = {6, 12, 24, 36};
// How many days before a follow-up falls due it shows among the things to look at.
inline constexpr int kFollowUpNoticeDays = 14;

// A check of public records after closure, done for the follow-up at `milestone_months`.
struct FollowUpCheck {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t core_member_id = 0;
  int milestone_months = 6;
  CivilDate checked_on{};
  bool found_events = false;  // new events found (recorded as recidivism events)
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// One follow-up of a closed file: when it falls due and, when done, the check.
struct FollowUp {
  int milestone_months = 6;
  CivilDate due_on{};
  std::optional<FollowUpCheck> check;
  // True when the follow-up is due within kFollowUpNoticeDays of `today` (or overdue) and not done.
  bool Pending(CivilDate today) const {
    return !check && DaysBetween(today, due_on) <= kFollowUpNoticeDays;
  }
};

// The follow-ups of a file closed on `closed_on`, each with its check among `checks` (of that
// file), in order of their milestones.
std::vector<FollowUp> FollowUpSchedule(CivilDate closed_on,
                                       const std::vector<FollowUpCheck>& checks);

// True when `milestone` is one of kFollowUpMonths.
bool IsFollowUpMilestone(int milestone);

// Checks a follow-up check: a known milestone (field "milestone"), a date not after `today` and
// not before the file's closure (field "checked_on").
Status CheckFollowUpCheck(const FollowUpCheck& check, CivilDate closed_on, CivilDate today);

}  // namespace cercle::domain
