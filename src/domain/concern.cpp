#include "domain/concern.hpp"

#include <algorithm>

#include "domain/field_checks.hpp"
#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

constexpr std::size_t kMaxShortTextLength = 2000;

}  // namespace

bool ShowsDutyToReport(ConcernCategory category) {
  return category == ConcernCategory::kAccessToVictims;
}

bool Alerts(Severity severity) {
  return severity == Severity::kUrgent || severity == Severity::kEmergency;
}

std::string_view ConcernStatusBadge(ConcernStatus status) {
  switch (status) {
    case ConcernStatus::kRaised:
      return "danger";
    case ConcernStatus::kAcknowledged:
    case ConcernStatus::kInProgress:
      return "warning";
    case ConcernStatus::kClosed:
      break;
  }
  return "ok";
}

Status CheckConcernDraft(ConcernDraft& draft, Instant now) {
  std::vector<FieldError> errors;
  if (!draft.category) AddError(errors, "category", N_("Choose what the concern is about."));
  if (!draft.severity) AddError(errors, "severity", N_("Choose how serious it is."));
  CheckText(errors, "observed", draft.observed, kMaxConcernTextLength,
            N_("Say what you saw or heard."));
  CheckPastMoment(errors, "observed_at", draft.observed_at, now,
                  Earliest{now - std::chrono::days(kMaxObservedDaysAgo),
                           N_("The moment cannot be more than a year ago.")});
  CheckText(errors, "already_done", draft.already_done, kMaxConcernTextLength);
  return Checked(std::move(errors));
}

Status CheckConcernTransition(ConcernStatus from, ConcernStatus to) {
  using enum ConcernStatus;
  if (from == kClosed) return Error::Conflict(N_("This concern is closed."));
  switch (to) {
    case kAcknowledged:
      if (from == kRaised) return {};
      return Error::Conflict(N_("This concern is already acknowledged."));
    case kInProgress:
      if (from == kAcknowledged) return {};
      if (from == kRaised) return Error::Conflict(N_("Acknowledge the concern first."));
      return Error::Conflict(N_("This concern is already in progress."));
    case kClosed:
      if (from == kAcknowledged || from == kInProgress) return {};
      return Error::Conflict(N_("Acknowledge the concern first."));
    case kRaised:
      break;
  }
  return Error::Conflict(N_("A concern cannot go back to raised."));
}

bool AcceptsWork(ConcernStatus status) {
  return status == ConcernStatus::kAcknowledged || status == ConcernStatus::kInProgress;
}

Status CheckClosure(std::optional<ConcernOutcome> outcome, std::string& note) {
  std::vector<FieldError> errors;
  if (!outcome) AddError(errors, "outcome", N_("Choose the outcome."));
  const bool required = outcome == ConcernOutcome::kOther;
  CheckText(errors, "outcome_note", note, kMaxShortTextLength,
            required ? N_("Describe the outcome.") : nullptr);
  return Checked(std::move(errors));
}

Status CheckReply(std::string& reply) {
  std::vector<FieldError> errors;
  CheckText(errors, "reply", reply, kMaxShortTextLength, N_("Write the reply."));
  return Checked(std::move(errors));
}

Status CheckAction(std::optional<ActionKind> kind, std::string& note,
                   std::optional<Instant> taken_at, const Concern& concern, Instant now) {
  std::vector<FieldError> errors;
  if (!kind) {
    AddError(errors, "kind", N_("Choose the kind of action."));
  } else if (*kind == ActionKind::kEmergencyMeeting) {
    AddError(errors, "kind", N_("Plan an emergency meeting with its own form below."));
  }
  CheckText(errors, "note", note, kMaxShortTextLength, N_("Describe the action."));
  CheckPastMoment(
      errors, "taken_at", taken_at, now,
      Earliest{concern.observed_at, N_("The moment cannot be before what was observed.")});
  return Checked(std::move(errors));
}

SeverityMeaning MeaningOf(Severity severity) {
  switch (severity) {
    case Severity::kInformation:
      return {N_("Information: no alert, the coordinator reads it"),
              N_("For example: he moved, changed jobs or started a course.")};
    case Severity::kConcern:
      return {N_("Concern: the coordinator follows it up, without an alert"),
              N_("For example: he missed two meetings, or seems isolated and discouraged.")};
    case Severity::kUrgent:
      return {N_("Urgent: response within {delay}"),
              N_("For example: he says he broke a condition, or lost his housing today.")};
    case Severity::kEmergency:
      break;
  }
  return {N_("Immediate danger: {delay} — call 911 first"),
          N_("For example: he talks of hurting himself or someone, or is alone with a child.")};
}

Message DelayMessage(std::chrono::minutes delay) {
  const long long total = std::max<long long>(0, delay.count());
  const long long hours = total / 60;
  const long long minutes = total % 60;
  if (hours == 0) return {N_("{minutes} min"), {{"minutes", std::to_string(minutes)}}};
  if (minutes == 0) return {N_("{hours} h"), {{"hours", std::to_string(hours)}}};
  return {N_("{hours} h {minutes} min"),
          {{"hours", std::to_string(hours)}, {"minutes", std::to_string(minutes)}}};
}

Message DurationMessage(std::chrono::seconds duration) {
  const long long total_minutes = std::max<long long>(0, duration.count() / 60);
  const long long days = total_minutes / (24 * 60);
  const long long hours = (total_minutes / 60) % 24;
  const long long minutes = total_minutes % 60;
  if (days > 0) {
    return {N_("{days} d {hours} h"),
            {{"days", std::to_string(days)}, {"hours", std::to_string(hours)}}};
  }
  if (hours > 0) {
    return {N_("{hours} h {minutes} min"),
            {{"hours", std::to_string(hours)}, {"minutes", std::to_string(minutes)}}};
  }
  return {N_("{minutes} min"), {{"minutes", std::to_string(minutes)}}};
}

}  // namespace cercle::domain
