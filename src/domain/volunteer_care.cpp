#include "domain/volunteer_care.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/field_checks.hpp"

namespace cercle::domain {

bool NeedsDebrief(Severity severity) {
  return severity == Severity::kUrgent || severity == Severity::kEmergency;
}

CivilDate DebriefDueOn(CivilDate closed_on) { return AddDays(closed_on, kDebriefWithinDays); }

Status CheckDebriefHeld(DebriefHeld& held, CivilDate owed_on, CivilDate today) {
  std::vector<FieldError> errors;
  CheckPastDay(
      errors, "held_on", held.held_on, today,
      Earliest<CivilDate>{owed_on, N_("The debrief cannot precede the concern's closure.")});
  CheckText(errors, "note", held.note, kDebriefNoteLimit);
  return Checked(std::move(errors));
}

const char* WellbeingLabel(int score) {
  if (score < kWellbeingLowest || score > kWellbeingHighest) return "";
  return kWellbeingLabels[static_cast<std::size_t>(score - kWellbeingLowest)];
}

std::string MonthOf(CivilDate date) { return FormatIsoDate(date).substr(0, 7); }

Status CheckWellbeingReply(WellbeingReply& reply) {
  std::vector<FieldError> errors;
  if (!reply.score || *reply.score < kWellbeingLowest || *reply.score > kWellbeingHighest) {
    AddError(errors, "score", N_("Choose how you are doing."));
  }
  CheckText(errors, "note", reply.note, kWellbeingNoteLimit);
  return Checked(std::move(errors));
}

namespace {

// The first day of the month `months` before the month of `today`.
CivilDate MonthStart(CivilDate today, int months) {
  const CivilDate first{today.year(), today.month(), std::chrono::day{1}};
  return AddMonths(first, -months);
}

}  // namespace

std::optional<WellbeingFlag> WellbeingFlagOf(const std::vector<WellbeingAnswer>& answers,
                                             CivilDate today,
                                             std::optional<CivilDate> in_circle_since) {
  std::vector<const WellbeingAnswer*> sorted;
  for (const auto& answer : answers) sorted.push_back(&answer);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->month > b->month; });
  const std::string this_month = MonthOf(today);
  const std::string last_month = MonthOf(MonthStart(today, 1));
  const std::string month_before = MonthOf(MonthStart(today, 2));
  if (!sorted.empty() && sorted.front()->month >= last_month) {
    const auto& latest = *sorted.front();
    if (latest.score <= kWellbeingLowest) {
      return WellbeingFlag{WellbeingFlagReason::kLowest, latest.month, latest.score, 0};
    }
    if (sorted.size() > 1 && sorted[1]->score - latest.score >= kWellbeingFall) {
      return WellbeingFlag{WellbeingFlagReason::kFell, latest.month, latest.score,
                           sorted[1]->score};
    }
  }
  const bool answered_lately = std::any_of(sorted.begin(), sorted.end(), [&](const auto* answer) {
    return answer->month == this_month || answer->month == last_month ||
           answer->month == month_before;
  });
  if (!answered_lately && in_circle_since && *in_circle_since <= MonthStart(today, 2)) {
    return WellbeingFlag{WellbeingFlagReason::kUnanswered, month_before, 0, 0};
  }
  return std::nullopt;
}

Status CheckExitInterview(ExitInterviewDraft& draft, CivilDate exited_on, CivilDate today) {
  std::vector<FieldError> errors;
  CheckPastDay(errors, "held_on", draft.held_on, today,
               Earliest<CivilDate>{exited_on, N_("The interview cannot precede the exit.")});
  std::vector<ExitReason> ordered;
  for (const auto reason : EnumValues<ExitReason>()) {
    if (std::find(draft.reasons.begin(), draft.reasons.end(), reason) != draft.reasons.end()) {
      ordered.push_back(reason);
    }
  }
  draft.reasons = std::move(ordered);
  if (draft.unknown_reason || draft.reasons.empty()) {
    AddError(errors, "reasons", N_("Tick at least one reason from the list."));
  }
  const bool other = std::find(draft.reasons.begin(), draft.reasons.end(), ExitReason::kOther) !=
                     draft.reasons.end();
  CheckText(errors, "note", draft.note, kDebriefNoteLimit,
            other ? N_("Describe the other reason.") : nullptr);
  return Checked(std::move(errors));
}

std::vector<std::pair<ExitReason, int>> CountExitReasons(
    const std::vector<ExitInterview>& interviews, const ReportPeriod& period) {
  std::vector<std::pair<ExitReason, int>> counts;
  for (const auto reason : EnumValues<ExitReason>()) counts.emplace_back(reason, 0);
  for (const auto& interview : interviews) {
    if (!period.Contains(interview.held_on)) continue;
    for (const auto reason : interview.reasons) ++counts[static_cast<std::size_t>(reason)].second;
  }
  return counts;
}

}  // namespace cercle::domain
