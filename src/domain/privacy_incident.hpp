#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"

// The register of confidentiality incidents (Québec's Law 25, s. 3.5 to 3.8, and the regulation
// respecting confidentiality incidents, s. 7): what each entry holds, its checks, when its notices
// are overdue and how long it is kept. No I/O.
namespace cercle::domain {

// One level of a factor of the assessment of the risk of serious injury.
enum class RiskLevel { kLow, kModerate, kHigh };

template <>
struct EnumTable<RiskLevel> {
  static constexpr std::array<EnumEntry<RiskLevel>, 3> kEntries{{
      {RiskLevel::kLow, "low", N_("Low")},
      {RiskLevel::kModerate, "moderate", N_("Moderate")},
      {RiskLevel::kHigh, "high", N_("High")},
  }};
};

// The conclusion of the assessment: whether the incident presents a risk of serious injury, which
// obliges the organisation to notify the Commission and the people concerned (s. 3.5).
enum class RiskConclusion { kNotSerious, kSerious };

template <>
struct EnumTable<RiskConclusion> {
  static constexpr std::array<EnumEntry<RiskConclusion>, 2> kEntries{{
      {RiskConclusion::kNotSerious, "not_serious", N_("No risk of serious injury")},
      {RiskConclusion::kSerious, "serious", N_("Risk of serious injury")},
  }};
};

// Who a person concerned by an incident is in Cercle.
enum class ConcernedKind { kCoreMember, kVolunteer };

template <>
struct EnumTable<ConcernedKind> {
  static constexpr std::array<EnumEntry<ConcernedKind>, 2> kEntries{{
      {ConcernedKind::kCoreMember, "core_member", N_("Core member")},
      {ConcernedKind::kVolunteer, "volunteer", N_("Volunteer")},
  }};
};

// The kinds of record an incident may be tied to. Each stored name is the object type the audit
// log gives such a record, so that an audit entry's target names a record directly.
enum class IncidentRecordKind {
  kDocument,
  kConcern,
  kDisclosure,
  kSharingAgreement,
  kCircle,
  kCoreMember,
  kVolunteer,
  kReferral,
};

template <>
struct EnumTable<IncidentRecordKind> {
  static constexpr std::array<EnumEntry<IncidentRecordKind>, 8> kEntries{{
      {IncidentRecordKind::kDocument, "document", N_("Document")},
      {IncidentRecordKind::kConcern, "concern", N_("Concern (and its disclosures)")},
      {IncidentRecordKind::kDisclosure, "disclosure", N_("Disclosure of a concern")},
      {IncidentRecordKind::kSharingAgreement, "sharing_agreement", N_("Sharing agreement")},
      {IncidentRecordKind::kCircle, "circle", N_("Circle")},
      {IncidentRecordKind::kCoreMember, "core_member", N_("Core member's file")},
      {IncidentRecordKind::kVolunteer, "volunteer", N_("Volunteer's file")},
      {IncidentRecordKind::kReferral, "referral", N_("Referral")},
  }};
};

// A record an incident is tied to: a document sent to the wrong partner, a disclosure made to
// the wrong recipient, a sharing agreement…
struct IncidentRecord {
  IncidentRecordKind kind = IncidentRecordKind::kDocument;
  std::int64_t id = 0;

  friend bool operator==(const IncidentRecord&, const IncidentRecord&) = default;
};

// A core member or a volunteer concerned by an incident. `name` is read with the entry for
// display, never stored with it.
struct ConcernedPerson {
  ConcernedKind kind = ConcernedKind::kCoreMember;
  std::int64_t id = 0;
  std::string name;

  friend bool operator==(const ConcernedPerson& a, const ConcernedPerson& b) {
    return a.kind == b.kind && a.id == b.id;
  }
};

// "document:12", as a form carries a record or a person ("core_member:5").
std::string ReferenceText(IncidentRecordKind kind, std::int64_t id);
std::string ReferenceText(ConcernedKind kind, std::int64_t id);
// The record or person "kind:id" names, when it reads as one.
std::optional<IncidentRecord> ParseIncidentRecord(std::string_view text);
std::optional<ConcernedPerson> ParseConcernedPerson(std::string_view text);

// One entry of the register.
struct PrivacyIncident {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  // The personal information concerned, or, when it is not known, why.
  std::string information;
  std::string information_unknown;
  // A description of the circumstances of the incident.
  std::string circumstances;
  // The date of the incident, or the period (from, until); when not known, why.
  std::optional<CivilDate> occurred_from;
  std::optional<CivilDate> occurred_until;
  std::string occurred_unknown;
  // When the organisation learned of it: the notice delay and the retention count from here.
  CivilDate learned_on{};
  // The number of people concerned, or an estimate when `people_count_estimated`.
  int people_count = 0;
  bool people_count_estimated = false;
  // The assessment of the risk of serious injury: each factor's level and a short text.
  std::optional<RiskLevel> sensitivity_level;  // how sensitive the information is
  std::string sensitivity_note;
  std::optional<RiskLevel> misuse_level;  // how likely it is to be misused
  std::string misuse_note;
  std::optional<RiskLevel> consequences_level;  // what its use could cause
  std::string consequences_note;
  std::optional<RiskLevel> likelihood_level;  // how likely an injury is
  std::string likelihood_note;
  std::optional<RiskConclusion> conclusion;
  // The notices a risk of serious injury calls for.
  std::optional<CivilDate> commission_notified_on;
  std::optional<CivilDate> people_notified_on;
  std::optional<CivilDate> public_notice_on;
  // The measures taken to reduce the risk of injury.
  std::string measures;
  // The earliest day the entry may be destroyed (IncidentKeepUntil of learned_on).
  CivilDate keep_until{};
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
  std::optional<std::int64_t> updated_by;
  Instant updated_at;

  bool serious() const { return conclusion == RiskConclusion::kSerious; }
};

// The longest texts of an entry, in characters.
inline constexpr std::size_t kMaxIncidentText = 4000;
inline constexpr std::size_t kMaxRiskNote = 1000;
// The most people an entry may count.
inline constexpr int kMaxPeopleConcerned = 10'000'000;
// How long an entry is kept at least after the organisation learned of the incident.
inline constexpr int kIncidentRetentionYears = 5;

// Trims the entry's texts and checks it: the information concerned or why it is unknown; the
// circumstances; the date or period of the incident (not in the future, the end not before the
// start) or why it is unknown; when the organisation learned of it (not in the future, not before
// the incident began); a number of people from 0 to kMaxPeopleConcerned and not fewer than the
// `people_listed`; the four levels of the assessment and its conclusion; notices neither in the
// future nor before the organisation learned of the incident; the measures taken. Field errors
// under the members' names.
Status CheckPrivacyIncident(PrivacyIncident& incident, CivilDate today, std::size_t people_listed);

// The earliest day an entry may be destroyed: kIncidentRetentionYears after `learned_on`.
CivilDate IncidentKeepUntil(CivilDate learned_on);

// Where an entry's notices stand.
enum class NoticeState {
  kNotRequired,  // no risk of serious injury
  kGiven,        // the Commission and the people concerned were notified
  kDue,          // a notice is missing, within the delay
  kOverdue,      // a notice is missing after the delay
};

struct NoticeStatus {
  NoticeState state = NoticeState::kNotRequired;
  CivilDate due_by{};  // the last day of the delay, when a notice is required
};

// Where the notices of `incident` stand on `today`, with `delay_days` (the setting
// privacy.incident_notice_days) counted from the day the organisation learned of it. An entry
// with a risk of serious injury is overdue from the day after its delay while the Commission or
// the people concerned were not notified.
NoticeStatus NoticeStatusOf(const PrivacyIncident& incident, CivilDate today, int delay_days);

// True when NoticeStatusOf says kOverdue: the register and the home page flag it.
bool NoticeOverdue(const PrivacyIncident& incident, CivilDate today, int delay_days);

}  // namespace cercle::domain
