#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/circle_enums.hpp"
#include "domain/field_checks.hpp"

// Concerns: the warning signs volunteers are trained to watch for, raised with the coordinator from
// a phone, the coordinator's minutes or the circle page, then acknowledged, worked on (actions, an
// emergency meeting, disclosures) and closed with an outcome (DESIGN.md, "Concern"). No I/O.
namespace cercle::domain {

// True for the category whose page shows the duty to report a child in danger (Youth Protection Act
// s.39).
bool ShowsDutyToReport(ConcernCategory category);

// Every severity, from the least to the most serious (for the reports).
inline std::vector<Severity> Severities() { return EnumValues<Severity>(); }
// True for the severities that alert the on-call coordinators at once and escalate when
// unacknowledged.
bool Alerts(Severity severity);

// "danger" while raised, "warning" while acknowledged or in progress, "ok" once closed.
std::string_view ConcernStatusBadge(ConcernStatus status);

// One concern.
struct Concern {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t circle_id = 0;
  std::optional<std::int64_t> meeting_id;  // the meeting whose minutes it was raised from
  ConcernCategory category = ConcernCategory::kOther;
  Severity severity = Severity::kConcern;
  ConcernStatus status = ConcernStatus::kRaised;
  std::string observed;  // what was seen or heard
  Instant observed_at;   // when
  std::string already_done;
  std::int64_t raised_by = 0;  // the account that raised it
  std::optional<std::int64_t>
      raised_by_volunteer;  // their volunteer file, when a volunteer raised it
  Instant raised_at;
  std::optional<std::int64_t> acknowledged_by;
  std::optional<Instant> acknowledged_at;
  std::optional<Instant> started_at;  // moved to "in progress"
  std::optional<std::int64_t> closed_by;
  std::optional<Instant> closed_at;
  std::optional<ConcernOutcome> outcome;
  std::string outcome_note;
  std::string reply;  // the coordinator's reply, which the volunteer who raised it reads
  std::optional<std::int64_t> replied_by;
  std::optional<Instant> replied_at;
  Instant updated_at;

  bool open() const { return status != ConcernStatus::kClosed; }
};

// The longest text of a concern's parts, in characters.
inline constexpr std::size_t kMaxConcernTextLength = 4000;
// How far in the past the moment observed may be.
inline constexpr int kMaxObservedDaysAgo = 366;

// What someone typed to raise a concern.
struct ConcernDraft {
  std::optional<ConcernCategory> category;
  std::optional<Severity> severity;
  std::string observed;
  std::optional<Instant> observed_at;  // none when the moment could not be read
  std::string already_done;
};

// Checks a concern as typed, on `now`, and trims its texts: a category, a severity, what was seen
// or heard (1 to kMaxConcernTextLength characters), a moment neither in the future (beyond
// kClockTolerance) nor more than kMaxObservedDaysAgo days ago, and what was already done (at most
// kMaxConcernTextLength). Field errors "category", "severity", "observed", "observed_at",
// "already_done".
Status CheckConcernDraft(ConcernDraft& draft, Instant now);

// Checks a move of a concern from `from` to `to`: raised → acknowledged, acknowledged → in
// progress, acknowledged or in progress → closed. Anything else is a Conflict that names the rule;
// nothing changes.
Status CheckConcernTransition(ConcernStatus from, ConcernStatus to);

// True when actions and disclosures may be recorded: the concern is acknowledged or in progress.
bool AcceptsWork(ConcernStatus status);

// Checks a closure: an outcome chosen, and a note of at most 2000 characters that is required for
// "other" (field errors "outcome", "outcome_note"). Trims the note.
Status CheckClosure(std::optional<ConcernOutcome> outcome, std::string& note);

// Checks the coordinator's reply to the volunteers: 1 to 2000 characters once trimmed (field
// "reply").
Status CheckReply(std::string& reply);

// One action, with who recorded it and when it was taken.
struct ConcernAction {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t concern_id = 0;
  ActionKind kind = ActionKind::kOther;
  std::string note;
  Instant taken_at;
  std::optional<std::int64_t> meeting_id;  // the emergency meeting it planned
  std::int64_t recorded_by = 0;
  Instant recorded_at;
};

// Checks an action as typed, on `now`: a kind (an emergency meeting is planned through its own
// form, not here), a note of 1 to 2000 characters, and a moment not in the future and not before
// the concern was observed. Field errors "kind", "note", "taken_at". Trims the note.
Status CheckAction(std::optional<ActionKind> kind, std::string& note,
                   std::optional<Instant> taken_at, const Concern& concern, Instant now);

// What a volunteer reads under each severity on the raising form: what raising it sets off, as a
// msgid with the argument "{delay}" for the severities that alert, and a one-line example.
struct SeverityMeaning {
  const char* choice = "";
  const char* example = "";
};
SeverityMeaning MeaningOf(Severity severity);

// A delay as a choice states it, in English msgids with arguments: "{minutes} min", "{hours} h",
// "{hours} h {minutes} min" (never in days: the longest delay a setting allows is 48 hours).
Message DelayMessage(std::chrono::minutes delay);

// A length of time as people read it, in English msgids with arguments: "{minutes} min", "{hours} h
// {minutes} min", "{days} d {hours} h".
Message DurationMessage(std::chrono::seconds duration);

}  // namespace cercle::domain
