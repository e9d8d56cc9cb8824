#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"

// How long each kind of record is kept once its purpose is achieved (Law 25, s. 23), and how it
// ends: destroyed, or anonymised in place so that the figures already reported do not change (the
// regulation on anonymisation). Pure rules: the app layer reads the records and the clock.
namespace cercle::domain {

// The kinds of record the retention schedule covers, each with its own period.
enum class RetainedKind {
  kCoreMemberFiles,    // closed core members' files, from the day they closed
  kVolunteersWhoLeft,  // volunteers who left or were not retained, from the day they left
  kDeclinedReferrals,  // referrals declined or withdrawn, from the decision
  kConcerns,           // closed concerns, from their closure
  kMinutes,            // circle meetings' minutes, from the meeting
  kDocuments,          // removed documents' records, from their removal
  kAuditEntries,       // the audit log: never destroyed
  kIncidents,          // confidentiality incidents, from the day the organisation learned of them
  kSessions,           // sign-in sessions, from their expiry
  kMail,               // sent mail, from its sending (or its last failed attempt)
};

template <>
struct EnumTable<RetainedKind> {
  static constexpr std::array<EnumEntry<RetainedKind>, 10> kEntries{{
      {RetainedKind::kCoreMemberFiles, "core_member_files", N_("Closed core members' files")},
      {RetainedKind::kVolunteersWhoLeft, "volunteers_who_left", N_("Volunteers who left")},
      {RetainedKind::kDeclinedReferrals, "declined_referrals",
       N_("Declined or withdrawn referrals")},
      {RetainedKind::kConcerns, "concerns", N_("Closed concerns")},
      {RetainedKind::kMinutes, "minutes", N_("Minutes of circle meetings")},
      {RetainedKind::kDocuments, "documents", N_("Removed documents")},
      {RetainedKind::kAuditEntries, "audit_entries", N_("Audit log entries")},
      {RetainedKind::kIncidents, "incidents", N_("Confidentiality incidents")},
      {RetainedKind::kSessions, "sessions", N_("Sign-in sessions")},
      {RetainedKind::kMail, "mail", N_("Sent mail")},
  }};
};

// How a period is counted: in months, in days, or never ending (the record is never destroyed).
enum class PeriodUnit { kMonths, kDays, kForever };

template <>
struct EnumTable<PeriodUnit> {
  static constexpr std::array<EnumEntry<PeriodUnit>, 3> kEntries{{
      {PeriodUnit::kMonths, "months", N_("months")},
      {PeriodUnit::kDays, "days", N_("days")},
      {PeriodUnit::kForever, "forever", N_("Never destroyed")},
  }};
};

// What becomes of a record at the end of its period: destroyed (its contents and any stored file
// deleted), or anonymised in place (what identifies a person removed, free text destroyed, dates
// coarsened to the month, counts kept).
enum class DisposalMethod { kDestroyed, kAnonymised };

template <>
struct EnumTable<DisposalMethod> {
  static constexpr std::array<EnumEntry<DisposalMethod>, 2> kEntries{{
      {DisposalMethod::kDestroyed, "destroyed", N_("Destroyed")},
      {DisposalMethod::kAnonymised, "anonymised", N_("Anonymised")},
  }};
};

// One line of the rules: a kind's default period, the bounds an administrator may set it within,
// what the period counts from, how the record ends, and the law behind it.
struct RetentionRule {
  RetainedKind kind = RetainedKind::kCoreMemberFiles;
  PeriodUnit unit = PeriodUnit::kMonths;
  int default_length = 0;
  int floor = 0;                  // the shortest period allowed
  int ceiling = 0;                // the longest period allowed
  std::string_view counted_from;  // English msgid: "after the file closed"…
  DisposalMethod method = DisposalMethod::kAnonymised;
  std::string_view technique;   // English msgid: what the disposal does to the record
  std::string_view legal_note;  // English msgid: the provision behind the period
};

// Every kind's rule, in the order the schedule lists them.
const std::vector<RetentionRule>& RetentionRules();
// The rule of `kind`.
const RetentionRule& RuleOf(RetainedKind kind);

// One line of an organisation's schedule, as other pages show it (the public privacy page says
// "how long it is kept" from it): the kind, its label (msgid), its period, and its legal note.
struct ScheduledPeriod {
  RetainedKind kind = RetainedKind::kCoreMemberFiles;
  std::string_view label;  // English msgid
  PeriodUnit unit = PeriodUnit::kMonths;
  int length = 0;  // months or days; 0 when the unit is kForever
  std::string_view counted_from;
  std::string_view legal_note;  // English msgid
  bool is_default = true;       // the organisation kept the default
};

// An organisation's schedule: every kind, in the rules' order.
using RetentionSchedule = std::vector<ScheduledPeriod>;

// The schedule from the lengths an organisation stored (by kind); a kind without a stored length,
// or with one outside its bounds (a row written before the bounds changed), has its default.
RetentionSchedule ScheduleFrom(const std::map<RetainedKind, int>& stored);

// The line of `kind` in `schedule`.
const ScheduledPeriod& PeriodOf(const RetentionSchedule& schedule, RetainedKind kind);

// Checks a period an administrator typed for `kind`: a field error under `field` when the kind's
// period cannot be changed (the audit log) or when `length` is outside its floor and ceiling.
Status CheckPeriod(RetainedKind kind, int length, std::string_view field);

// The day a record whose purpose ended on `ended_on` reaches the end of `period`: `length` months
// or days later. None for a record that is never destroyed.
std::optional<CivilDate> DueOn(const ScheduledPeriod& period, CivilDate ended_on);

// True when that day has come by `today`.
bool IsDue(const ScheduledPeriod& period, CivilDate ended_on, CivilDate today);

// A date coarsened for anonymisation: the first day of its month. Periods of the funder's
// reports are whole months (months, quarters, fiscal years), so a coarsened date stays in every
// period it was in, and a status on a period's last day is the same before and after.
CivilDate CoarsenDate(CivilDate date);

// Why a record that reached its end is kept for now.
enum class HoldKind {
  kLegalHold,    // the person in charge put it on legal hold, with a reason
  kOpenRequest,  // the person concerned has an open request (access, correction, portability)
};

template <>
struct EnumTable<HoldKind> {
  static constexpr std::array<EnumEntry<HoldKind>, 2> kEntries{{
      {HoldKind::kLegalHold, "legal_hold", N_("Legal hold")},
      {HoldKind::kOpenRequest, "open_request", N_("Open request from the person concerned")},
  }};
};

// The kinds that are kept whole for a person and may be put on legal hold one by one.
bool MayBeHeld(RetainedKind kind);

// The purpose every anonymisation record states (regulation on anonymisation).
inline constexpr std::string_view kAnonymisationPurpose =
    N_("The purpose for which the information was collected is achieved (Law 25, s. 23); the "
       "anonymised records are kept only to produce statistics and reports to funders for past "
       "periods.");

// The longest re-identification risk assessment an approval records, in characters.
inline constexpr std::size_t kRiskAssessmentLimit = 2000;
// The longest reason of a legal hold, in characters.
inline constexpr std::size_t kHoldReasonLimit = 500;

}  // namespace cercle::domain
