#include "domain/retention.hpp"

#include <stdexcept>

#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

// The note of the kinds whose period starts when their purpose is achieved.
constexpr std::string_view kPurposeAchieved =
    N_("Law 25, s. 23: once the purpose for which it was collected is achieved, the information "
       "is destroyed or anonymised.");

// What anonymising a person's record does, for the certificate.
constexpr std::string_view kPersonTechnique =
    N_("Names, dates of birth, addresses, telephone numbers, e-mail addresses and file numbers "
       "removed; free text and documents destroyed; dates coarsened to the first day of their "
       "month; counts and categories kept.");

}  // namespace

const std::vector<RetentionRule>& RetentionRules() {
  static const std::vector<RetentionRule> rules = {
      {RetainedKind::kCoreMemberFiles, PeriodUnit::kMonths, 60, 12, 120,
       N_("after the file closed"), DisposalMethod::kAnonymised, kPersonTechnique,
       kPurposeAchieved},
      {RetainedKind::kVolunteersWhoLeft, PeriodUnit::kMonths, 36, 6, 84,
       N_("after the volunteer left"), DisposalMethod::kAnonymised, kPersonTechnique,
       kPurposeAchieved},
      {RetainedKind::kDeclinedReferrals, PeriodUnit::kMonths, 24, 3, 60,
       N_("after the referral was declined or withdrawn"), DisposalMethod::kAnonymised,
       kPersonTechnique, kPurposeAchieved},
      {RetainedKind::kConcerns, PeriodUnit::kMonths, 60, 12, 120, N_("after the concern closed"),
       DisposalMethod::kAnonymised,
       N_("What was observed, done, disclosed and answered destroyed (free text and the names of "
          "recipients); the category, severity, outcome and times kept."),
       kPurposeAchieved},
      {RetainedKind::kMinutes, PeriodUnit::kMonths, 36, 12, 120, N_("after the meeting"),
       DisposalMethod::kDestroyed,
       N_("The text of the minutes and the coordinator's comment destroyed; the meeting's length "
          "and attendance kept for volunteer hours."),
       kPurposeAchieved},
      {RetainedKind::kDocuments, PeriodUnit::kMonths, 12, 1, 84,
       N_("after the document was removed"), DisposalMethod::kDestroyed,
       N_("The stored file deleted from disk and its title and file name cleared."),
       N_("Law 25, s. 23: a removed document's stored file is deleted; its record (title, file "
          "name) is kept for the audit trail only this long.")},
      {RetainedKind::kAuditEntries, PeriodUnit::kForever, 0, 0, 0, N_("never destroyed"),
       DisposalMethod::kDestroyed, "",
       N_("Never destroyed: audit entries hold no contents (who did what to which record, when "
          "and from where), and their chain proves that the log was not altered.")},
      {RetainedKind::kIncidents, PeriodUnit::kMonths, 60, 60, 120,
       N_("after the organisation learned of the incident"), DisposalMethod::kAnonymised,
       N_("Names of the people concerned removed; the register's counts and dates kept."),
       N_("At least 5 years after the organisation learned of the incident (regulation on "
          "confidentiality incidents, s. 7).")},
      {RetainedKind::kSessions, PeriodUnit::kDays, 7, 1, 90, N_("after the session expired"),
       DisposalMethod::kDestroyed,
       N_("The session's record (address and browser it was used from) deleted."),
       N_("Privacy by default (Law 25, s. 9.1): the shortest sensible period; a session records "
          "the address and browser it was used from.")},
      {RetainedKind::kMail, PeriodUnit::kDays, 30, 7, 365,
       N_("after the mail was sent or given up"), DisposalMethod::kDestroyed,
       N_("The mail's address, subject and text deleted."),
       N_("Privacy by default (Law 25, s. 9.1): sent mail is kept only long enough to answer a "
          "question about its delivery.")},
  };
  return rules;
}

const RetentionRule& RuleOf(RetainedKind kind) {
  for (const auto& rule : RetentionRules()) {
    if (rule.kind == kind) return rule;
  }
  throw std::logic_error("retention kind without a rule");
}

RetentionSchedule ScheduleFrom(const std::map<RetainedKind, int>& stored) {
  RetentionSchedule schedule;
  for (const auto& rule : RetentionRules()) {
    ScheduledPeriod period{rule.kind,         LabelOf(rule.kind), rule.unit, rule.default_length,
                           rule.counted_from, rule.legal_note,    true};
    const auto found = stored.find(rule.kind);
    if (rule.unit != PeriodUnit::kForever && found != stored.end() && found->second >= rule.floor &&
        found->second <= rule.ceiling) {
      period.length = found->second;
      period.is_default = found->second == rule.default_length;
    }
    schedule.push_back(period);
  }
  return schedule;
}

const ScheduledPeriod& PeriodOf(const RetentionSchedule& schedule, RetainedKind kind) {
  for (const auto& period : schedule) {
    if (period.kind == kind) return period;
  }
  throw std::logic_error("retention kind missing from the schedule");
}

Status CheckPeriod(RetainedKind kind, int length, std::string_view field) {
  const auto& rule = RuleOf(kind);
  std::vector<FieldError> errors;
  if (rule.unit == PeriodUnit::kForever) {
    AddError(errors, field, N_("This period cannot be changed."));
  } else {
    CheckWholeNumber(errors, field, length, rule.floor, rule.ceiling);
  }
  return Checked(std::move(errors));
}

std::optional<CivilDate> DueOn(const ScheduledPeriod& period, CivilDate ended_on) {
  switch (period.unit) {
    case PeriodUnit::kMonths:
      return AddMonths(ended_on, period.length);
    case PeriodUnit::kDays:
      return AddDays(ended_on, period.length);
    case PeriodUnit::kForever:
      break;
  }
  return std::nullopt;
}

bool IsDue(const ScheduledPeriod& period, CivilDate ended_on, CivilDate today) {
  const auto due = DueOn(period, ended_on);
  return due && !(today < *due);
}

CivilDate CoarsenDate(CivilDate date) { return date.year() / date.month() / std::chrono::day{1}; }

bool MayBeHeld(RetainedKind kind) {
  return kind == RetainedKind::kCoreMemberFiles || kind == RetainedKind::kVolunteersWhoLeft ||
         kind == RetainedKind::kDeclinedReferrals || kind == RetainedKind::kConcerns ||
         kind == RetainedKind::kMinutes || kind == RetainedKind::kDocuments;
}

}  // namespace cercle::domain
