#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_enums.hpp"
#include "domain/enum_names.hpp"
#include "domain/report_period.hpp"

// Care for volunteers after hard moments and over time: the debrief each volunteer of a circle is
// owed when an urgent or emergency concern about it closes, the monthly wellbeing check they
// answer in their portal, seen by coordinators only, and the interview when they leave. No I/O.
namespace cercle::domain {

// How many days after the closure of the concern a debrief is due.
inline constexpr int kDebriefWithinDays = 7;
// The longest staff note on a debrief and the longest note on a wellbeing answer, in characters.
inline constexpr std::size_t kDebriefNoteLimit = 2000;
inline constexpr std::size_t kWellbeingNoteLimit = 1000;

// True when closing a concern of `severity` owes each volunteer of its circle a debrief: urgent
// and emergency concerns, the ones that alert.
bool NeedsDebrief(Severity severity);

// The day a debrief is due when the concern closed on `closed_on`.
CivilDate DebriefDueOn(CivilDate closed_on);

// A debrief owed to one volunteer of a circle after an urgent or emergency concern closed; held
// once the coordinator records it. The note is staff's: volunteers never see it.
struct VolunteerDebrief {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t volunteer_id = 0;
  std::int64_t concern_id = 0;
  std::int64_t circle_id = 0;
  CivilDate due_on{};
  Instant created_at;
  std::optional<CivilDate> held_on;
  std::optional<std::int64_t> held_by;
  std::string note;

  bool held() const { return held_on.has_value(); }
};

// What the coordinator records when a debrief was held: the day (not in the future, not before
// the debrief was owed) and an optional note.
struct DebriefHeld {
  std::optional<CivilDate> held_on;  // none when the day could not be read
  std::string note;
};

// Checks `held` (trimming its note) for a debrief created on `owed_on`, on `today`; field errors
// under "held_on" and "note".
Status CheckDebriefHeld(DebriefHeld& held, CivilDate owed_on, CivilDate today);

// The points of the wellbeing scale, from 1 (the lowest) to 5.
inline constexpr int kWellbeingLowest = 1;
inline constexpr int kWellbeingHighest = 5;
// The label of each point, kWellbeingLowest first (msgids).
inline constexpr std::array<const char*, 5> kWellbeingLabels{
    N_("Struggling"), N_("Rather low"), N_("So-so"), N_("Rather well"), N_("Very well")};
// The label of `score` (a msgid); "" outside the scale.
const char* WellbeingLabel(int score);

// A month, written "YYYY-MM": the month a wellbeing check is about.
std::string MonthOf(CivilDate date);

// A volunteer's answer to one month's wellbeing check; the note is for coordinators only.
struct WellbeingAnswer {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t volunteer_id = 0;
  std::string month;  // "YYYY-MM"
  int score = 0;
  std::string note;
  Instant answered_at;
};

// What a volunteer answers: a point of the scale (none when not chosen or not one of the scale's)
// and an optional note.
struct WellbeingReply {
  std::optional<int> score;
  std::string note;
};

// Checks `reply` (trimming its note); field errors under "score" and "note".
Status CheckWellbeingReply(WellbeingReply& reply);

// Why a volunteer's wellbeing needs a coordinator's attention.
enum class WellbeingFlagReason {
  kLowest,      // the latest answer is the bottom of the scale
  kFell,        // the latest answer is lower than the one before by kWellbeingFall or more
  kUnanswered,  // the two months before this one went unanswered while in a circle
};

// How many points lower than the previous answer makes a fall.
inline constexpr int kWellbeingFall = 2;

// A flag on a volunteer's wellbeing, with the scores it is about (none for kUnanswered).
struct WellbeingFlag {
  WellbeingFlagReason reason = WellbeingFlagReason::kLowest;
  std::string month;  // the latest answer's month, or the earlier of the months unanswered
  int score = 0;      // the latest answer
  int previous = 0;   // the answer before it, for kFell
};

// The flag on a volunteer's `answers` (in any order) on `today`, if any. Only an answer of this
// month or the previous one can raise a score flag: an older one is no news. The unanswered flag
// needs both months before this one without an answer (an answer this month clears it) and the
// volunteer in a circle since `in_circle_since` (none: not in a circle), on or before the first
// day of the earlier month.
std::optional<WellbeingFlag> WellbeingFlagOf(const std::vector<WellbeingAnswer>& answers,
                                             CivilDate today,
                                             std::optional<CivilDate> in_circle_since);

// Why a volunteer left the program, as the exit interview records it (several may apply).
enum class ExitReason {
  kTime,
  kMoved,
  kEmotionalLoad,
  kHealth,
  kFamilyOrWork,
  kProgram,
  kCircleEnded,
  kOther,
};

template <>
struct EnumTable<ExitReason> {
  static constexpr std::array<EnumEntry<ExitReason>, 8> kEntries{{
      {ExitReason::kTime, "time", N_("Not enough time")},
      {ExitReason::kMoved, "moved", N_("Moved away")},
      {ExitReason::kEmotionalLoad, "emotional_load", N_("Emotional load of the role")},
      {ExitReason::kHealth, "health", N_("Health")},
      {ExitReason::kFamilyOrWork, "family_or_work", N_("Family or work")},
      {ExitReason::kProgram, "program", N_("Disagreement with the program")},
      {ExitReason::kCircleEnded, "circle_ended", N_("Their circle ended")},
      {ExitReason::kOther, "other", N_("Another reason")},
  }};
};

// The interview a coordinator records once a volunteer's file is closed as exited; the note is
// staff's.
struct ExitInterview {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t volunteer_id = 0;
  CivilDate held_on{};
  std::vector<ExitReason> reasons;  // in EnumTable order, each once
  std::string note;
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// What the coordinator types: the day, the reasons ticked, a note (needed with kOther).
struct ExitInterviewDraft {
  std::optional<CivilDate> held_on;  // none when the day could not be read
  std::vector<ExitReason> reasons;
  bool unknown_reason = false;  // a reason was sent that the list does not hold
  std::string note;
};

// Checks `draft` (trimming its note, putting its reasons in order, each once) for a file that
// exited on `exited_on`, on `today`: a past day not before the exit, at least one known reason, a
// note for "another reason"; field errors under "held_on", "reasons" and "note".
Status CheckExitInterview(ExitInterviewDraft& draft, CivilDate exited_on, CivilDate today);

// How many exit interviews held within `period` name each reason, every reason present (zero
// when none), in EnumTable order.
std::vector<std::pair<ExitReason, int>> CountExitReasons(
    const std::vector<ExitInterview>& interviews, const ReportPeriod& period);

}  // namespace cercle::domain
