#include "domain/privacy_incident.hpp"

#include <charconv>

#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

// The largest id a reference may carry, as the databases store ids.
constexpr std::size_t kMaxIdDigits = 18;

// The kind and id of "kind:id", when it reads as one of E's names and a positive id.
template <class E>
std::optional<std::pair<E, std::int64_t>> ParseReference(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto kind = ParseEnum<E>(text.substr(0, colon));
  const std::string_view digits = text.substr(colon + 1);
  if (!kind || digits.empty() || digits.size() > kMaxIdDigits) return std::nullopt;
  std::int64_t id = 0;
  const auto [end, fault] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (fault != std::errc{} || end != digits.data() + digits.size() || id <= 0) return std::nullopt;
  return std::pair{*kind, id};
}

// Adds an error under `field` when `level` is not chosen.
void RequireLevel(std::vector<FieldError>& errors, std::string_view field,
                  const std::optional<RiskLevel>& level) {
  if (!level) AddError(errors, field, N_("Choose a level."));
}

// Checks a notice's day: not in the future, not before the organisation learned of the incident.
void CheckNotice(std::vector<FieldError>& errors, std::string_view field,
                 const std::optional<CivilDate>& day, CivilDate learned_on, CivilDate today) {
  if (!day) return;
  CheckPastDay(errors, field, day, today,
               Earliest{learned_on, N_("A notice cannot come before the organisation learned of "
                                       "the incident.")});
}

// Checks the date or period of the incident, or why it is unknown.
void CheckPeriod(std::vector<FieldError>& errors, PrivacyIncident& incident, CivilDate today) {
  CheckText(errors, "occurred_unknown", incident.occurred_unknown, kMaxIncidentText);
  if (!incident.occurred_from) {
    if (incident.occurred_unknown.empty()) {
      AddError(errors, "occurred_from",
               N_("Give the date the incident happened or began, or say why it is not known."));
    } else if (incident.occurred_until) {
      AddError(errors, "occurred_from", N_("Give the start of the period as well."));
    }
    return;
  }
  CheckPastDay(errors, "occurred_from", incident.occurred_from, today,
               Earliest{kEarliestRecord, N_("Enter a date after 1950.")});
  if (incident.occurred_until) {
    CheckPastDay(errors, "occurred_until", incident.occurred_until, today,
                 Earliest{*incident.occurred_from, N_("The end cannot come before the start.")});
  }
}

}  // namespace

std::string ReferenceText(IncidentRecordKind kind, std::int64_t id) {
  return std::string(NameOf(kind)) + ":" + std::to_string(id);
}

std::string ReferenceText(ConcernedKind kind, std::int64_t id) {
  return std::string(NameOf(kind)) + ":" + std::to_string(id);
}

std::optional<IncidentRecord> ParseIncidentRecord(std::string_view text) {
  const auto parsed = ParseReference<IncidentRecordKind>(text);
  if (!parsed) return std::nullopt;
  return IncidentRecord{parsed->first, parsed->second};
}

std::optional<ConcernedPerson> ParseConcernedPerson(std::string_view text) {
  const auto parsed = ParseReference<ConcernedKind>(text);
  if (!parsed) return std::nullopt;
  return ConcernedPerson{parsed->first, parsed->second, {}};
}

Status CheckPrivacyIncident(PrivacyIncident& incident, CivilDate today, std::size_t people_listed) {
  std::vector<FieldError> errors;
  CheckText(errors, "information", incident.information, kMaxIncidentText);
  CheckText(errors, "information_unknown", incident.information_unknown, kMaxIncidentText);
  if (incident.information.empty() && incident.information_unknown.empty()) {
    AddError(errors, "information",
             N_("Describe the information concerned, or say why it is not known."));
  }
  CheckText(errors, "circumstances", incident.circumstances, kMaxIncidentText,
            N_("Describe the circumstances of the incident."));
  CheckPeriod(errors, incident, today);
  std::optional<Earliest<CivilDate>> after_start =
      Earliest{kEarliestRecord, N_("Enter a date after 1950.")};
  if (incident.occurred_from && *incident.occurred_from >= kEarliestRecord) {
    after_start = Earliest{*incident.occurred_from,
                           N_("The organisation cannot learn of an incident before it began.")};
  }
  CheckPastDay(errors, "learned_on", incident.learned_on, today, after_start);
  if (incident.people_count < 0 || incident.people_count > kMaxPeopleConcerned) {
    CheckWholeNumber(errors, "people_count", incident.people_count, 0, kMaxPeopleConcerned);
  } else if (static_cast<std::size_t>(incident.people_count) < people_listed) {
    errors.push_back({"people_count",
                      {N_("The number cannot be smaller than the {count} people listed."),
                       {{"count", std::to_string(people_listed)}}}});
  }
  RequireLevel(errors, "sensitivity_level", incident.sensitivity_level);
  CheckText(errors, "sensitivity_note", incident.sensitivity_note, kMaxRiskNote);
  RequireLevel(errors, "misuse_level", incident.misuse_level);
  CheckText(errors, "misuse_note", incident.misuse_note, kMaxRiskNote);
  RequireLevel(errors, "consequences_level", incident.consequences_level);
  CheckText(errors, "consequences_note", incident.consequences_note, kMaxRiskNote);
  RequireLevel(errors, "likelihood_level", incident.likelihood_level);
  CheckText(errors, "likelihood_note", incident.likelihood_note, kMaxRiskNote);
  if (!incident.conclusion) {
    AddError(errors, "conclusion",
             N_("Say whether the incident presents a risk of serious injury."));
  }
  CheckNotice(errors, "commission_notified_on", incident.commission_notified_on,
              incident.learned_on, today);
  CheckNotice(errors, "people_notified_on", incident.people_notified_on, incident.learned_on,
              today);
  CheckNotice(errors, "public_notice_on", incident.public_notice_on, incident.learned_on, today);
  CheckText(errors, "measures", incident.measures, kMaxIncidentText,
            N_("Describe the measures taken to reduce the risk of injury."));
  incident.keep_until = IncidentKeepUntil(incident.learned_on);
  return Checked(std::move(errors));
}

CivilDate IncidentKeepUntil(CivilDate learned_on) {
  return AddMonths(learned_on, 12 * kIncidentRetentionYears);
}

NoticeStatus NoticeStatusOf(const PrivacyIncident& incident, CivilDate today, int delay_days) {
  if (!incident.serious()) return {};
  const CivilDate due_by = AddDays(incident.learned_on, delay_days);
  if (incident.commission_notified_on && incident.people_notified_on) {
    return {NoticeState::kGiven, due_by};
  }
  return {today > due_by ? NoticeState::kOverdue : NoticeState::kDue, due_by};
}

bool NoticeOverdue(const PrivacyIncident& incident, CivilDate today, int delay_days) {
  return NoticeStatusOf(incident, today, delay_days).state == NoticeState::kOverdue;
}

}  // namespace cercle::domain
