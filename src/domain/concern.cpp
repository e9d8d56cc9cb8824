#include "domain/concern.hpp"

#include <algorithm>
#include <array>

#include "domain/volunteer.hpp"

namespace cercle::domain {
namespace {

constexpr std::array<std::string_view, 10> kCategoryNames = {
    "access_to_victims",  "sexual_preoccupation",
    "hostility",          "rejection_of_supervision",
    "emotional_collapse", "loss_of_supports",
    "substance_abuse",    "condition_breach",
    "suicide_risk",       "other"};
constexpr std::array<std::string_view, 10> kCategoryLabels = {
    N_("Access to potential victims or to minors"),
    N_("Sexual preoccupation"),
    N_("Hostility"),
    N_("Rejection of supervision"),
    N_("Emotional collapse"),
    N_("Loss of social supports"),
    N_("Substance abuse"),
    N_("Breach of a condition"),
    N_("Risk of suicide or self-harm"),
    N_("Other concern")};

constexpr std::array<std::string_view, 4> kSeverityNames = {"information", "concern", "urgent",
                                                            "emergency"};
constexpr std::array<std::string_view, 4> kSeverityLabels = {N_("Information"), N_("Concern"),
                                                             N_("Urgent"), N_("Emergency")};

constexpr std::array<std::string_view, 4> kStatusNames = {"raised", "acknowledged", "in_progress",
                                                          "closed"};
constexpr std::array<std::string_view, 4> kStatusLabels = {N_("Raised"), N_("Acknowledged"),
                                                           N_("In progress"), N_("Closed")};

constexpr std::array<std::string_view, 6> kOutcomeNames = {
    "resolved", "referred", "reported", "unfounded", "circle_changed", "other"};
constexpr std::array<std::string_view, 6> kOutcomeLabels = {
    N_("Resolved within the circle"),         N_("Referred to services"),
    N_("Reported to the authorities"),        N_("No risk confirmed"),
    N_("The circle was suspended or closed"), N_("Other outcome")};

constexpr std::array<std::string_view, 5> kActionNames = {"talk", "emergency_meeting",
                                                          "safety_plan", "referral", "other"};
constexpr std::array<std::string_view, 5> kActionLabels = {
    N_("Talk with the core member"), N_("Emergency circle meeting"), N_("Safety plan"),
    N_("Referral to services"), N_("Other action")};

constexpr std::size_t kMaxShortTextLength = 2000;

template <std::size_t N>
std::optional<std::size_t> IndexOf(const std::array<std::string_view, N>& names,
                                   std::string_view name) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  return std::nullopt;
}

template <class Enum, std::size_t N>
std::optional<Enum> Parse(const std::array<std::string_view, N>& names, std::string_view name) {
  const auto index = IndexOf(names, name);
  if (!index) return std::nullopt;
  return static_cast<Enum>(*index);
}

std::size_t Index(auto value) { return static_cast<std::size_t>(value); }

// Trims `text`; adds an error when it is empty (with `missing`, unless that is null) or longer than
// `limit`.
void CheckText(std::string& text, const char* field, std::size_t limit, const char* missing,
               std::vector<FieldError>& errors) {
  text = volunteer_text::Trimmed(text);
  if (text.empty() && missing) {
    errors.push_back({field, {missing, {}}});
  } else if (volunteer_text::CharacterCount(text) > limit) {
    errors.push_back(
        {field, {N_("Use at most {count} characters."), {{"count", std::to_string(limit)}}}});
  }
}

}  // namespace

const std::vector<ConcernCategory>& ConcernCategories() {
  static const std::vector<ConcernCategory> categories = [] {
    std::vector<ConcernCategory> all;
    for (std::size_t i = 0; i < kCategoryNames.size(); ++i)
      all.push_back(static_cast<ConcernCategory>(i));
    return all;
  }();
  return categories;
}

std::string_view ConcernCategoryName(ConcernCategory category) {
  return kCategoryNames[Index(category)];
}
std::optional<ConcernCategory> ParseConcernCategory(std::string_view name) {
  return Parse<ConcernCategory>(kCategoryNames, name);
}
std::string_view ConcernCategoryLabel(ConcernCategory category) {
  return kCategoryLabels[Index(category)];
}
bool ShowsDutyToReport(ConcernCategory category) {
  return category == ConcernCategory::kAccessToVictims;
}

const std::vector<Severity>& Severities() {
  static const std::vector<Severity> severities = {Severity::kInformation, Severity::kConcern,
                                                   Severity::kUrgent, Severity::kEmergency};
  return severities;
}

std::string_view SeverityName(Severity severity) { return kSeverityNames[Index(severity)]; }
std::optional<Severity> ParseSeverity(std::string_view name) {
  return Parse<Severity>(kSeverityNames, name);
}
std::string_view SeverityLabel(Severity severity) { return kSeverityLabels[Index(severity)]; }

std::string_view SeverityBadge(Severity severity) {
  switch (severity) {
    case Severity::kUrgent:
    case Severity::kEmergency:
      return "danger";
    case Severity::kConcern:
      return "warning";
    case Severity::kInformation:
      break;
  }
  return "";
}

bool Alerts(Severity severity) {
  return severity == Severity::kUrgent || severity == Severity::kEmergency;
}

const std::vector<ConcernStatus>& ConcernStatuses() {
  static const std::vector<ConcernStatus> statuses = {
      ConcernStatus::kRaised, ConcernStatus::kAcknowledged, ConcernStatus::kInProgress,
      ConcernStatus::kClosed};
  return statuses;
}

std::string_view ConcernStatusName(ConcernStatus status) { return kStatusNames[Index(status)]; }
std::optional<ConcernStatus> ParseConcernStatus(std::string_view name) {
  return Parse<ConcernStatus>(kStatusNames, name);
}
std::string_view ConcernStatusLabel(ConcernStatus status) { return kStatusLabels[Index(status)]; }

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

const std::vector<ConcernOutcome>& ConcernOutcomes() {
  static const std::vector<ConcernOutcome> outcomes = {
      ConcernOutcome::kResolved,  ConcernOutcome::kReferred,      ConcernOutcome::kReported,
      ConcernOutcome::kUnfounded, ConcernOutcome::kCircleChanged, ConcernOutcome::kOther};
  return outcomes;
}

std::string_view ConcernOutcomeName(ConcernOutcome outcome) {
  return kOutcomeNames[Index(outcome)];
}
std::optional<ConcernOutcome> ParseConcernOutcome(std::string_view name) {
  return Parse<ConcernOutcome>(kOutcomeNames, name);
}
std::string_view ConcernOutcomeLabel(ConcernOutcome outcome) {
  return kOutcomeLabels[Index(outcome)];
}

const std::vector<ActionKind>& ActionKinds() {
  static const std::vector<ActionKind> kinds = {
      ActionKind::kTalkWithCoreMember, ActionKind::kEmergencyMeeting, ActionKind::kSafetyPlan,
      ActionKind::kReferral, ActionKind::kOther};
  return kinds;
}

std::string_view ActionKindName(ActionKind kind) { return kActionNames[Index(kind)]; }
std::optional<ActionKind> ParseActionKind(std::string_view name) {
  return Parse<ActionKind>(kActionNames, name);
}
std::string_view ActionKindLabel(ActionKind kind) { return kActionLabels[Index(kind)]; }

Status CheckConcernDraft(ConcernDraft& draft, Instant now) {
  std::vector<FieldError> errors;
  if (!draft.category)
    errors.push_back({"category", {N_("Choose what the concern is about."), {}}});
  if (!draft.severity) errors.push_back({"severity", {N_("Choose how serious it is."), {}}});
  CheckText(draft.observed, "observed", kMaxConcernTextLength, N_("Say what you saw or heard."),
            errors);
  if (!draft.observed_at) {
    errors.push_back(
        {"observed_at", {N_("Enter the day and time, such as 2026-11-30 19:30."), {}}});
  } else if (*draft.observed_at > now + kClockTolerance) {
    errors.push_back({"observed_at", {N_("The moment cannot be in the future."), {}}});
  } else if (*draft.observed_at < now - std::chrono::days(kMaxObservedDaysAgo)) {
    errors.push_back({"observed_at", {N_("The moment cannot be more than a year ago."), {}}});
  }
  CheckText(draft.already_done, "already_done", kMaxConcernTextLength, nullptr, errors);
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
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
  if (!outcome) errors.push_back({"outcome", {N_("Choose the outcome."), {}}});
  const bool required = outcome == ConcernOutcome::kOther;
  CheckText(note, "outcome_note", kMaxShortTextLength,
            required ? N_("Describe the outcome.") : nullptr, errors);
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

Status CheckReply(std::string& reply) {
  std::vector<FieldError> errors;
  CheckText(reply, "reply", kMaxShortTextLength, N_("Write the reply."), errors);
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

Status CheckAction(std::optional<ActionKind> kind, std::string& note,
                   std::optional<Instant> taken_at, const Concern& concern, Instant now) {
  std::vector<FieldError> errors;
  if (!kind) {
    errors.push_back({"kind", {N_("Choose the kind of action."), {}}});
  } else if (*kind == ActionKind::kEmergencyMeeting) {
    errors.push_back({"kind", {N_("Plan an emergency meeting with its own form below."), {}}});
  }
  CheckText(note, "note", kMaxShortTextLength, N_("Describe the action."), errors);
  if (!taken_at) {
    errors.push_back({"taken_at", {N_("Enter the day and time, such as 2026-11-30 19:30."), {}}});
  } else if (*taken_at > now + kClockTolerance) {
    errors.push_back({"taken_at", {N_("The moment cannot be in the future."), {}}});
  } else if (*taken_at < concern.observed_at) {
    errors.push_back({"taken_at", {N_("The moment cannot be before what was observed."), {}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
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
