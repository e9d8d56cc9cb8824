#include "domain/eligibility.hpp"

#include <algorithm>

#include "domain/field_checks.hpp"
#include "domain/intake_fields.hpp"

namespace cercle::domain {

const std::vector<DefaultCriterion>& DefaultCriteria() {
  static const std::vector<DefaultCriterion> criteria = {
      {"sexual_offence", N_("Convicted of a sexual offence, federal or provincial")},
      {"high_risk", N_("Judged at high risk of reoffending")},
      {"legal_status", N_("On parole, on statutory release or at the end of the warrant (or under "
                          "an LTSO, or a s.810.1 or s.810.2 "
                          "order)")},
      {"consent", N_("Asks for help himself, and consents")},
  };
  return criteria;
}

std::optional<std::string_view> DefaultCriterionLabel(std::string_view key) {
  for (const auto& criterion : DefaultCriteria()) {
    if (criterion.key == key) return criterion.label;
  }
  return std::nullopt;
}

Status CheckCriterionLabel(std::string_view label) {
  std::vector<FieldError> errors;
  RequireText(errors, "label", label, 300, N_("Write the criterion."));
  return Checked(std::move(errors));
}

std::vector<ChecklistLine> EligibilityChecklist(const std::vector<EligibilityCriterion>& criteria,
                                                const std::vector<std::int64_t>& met) {
  std::vector<ChecklistLine> lines;
  for (const auto& criterion : criteria) {
    if (!criterion.active()) continue;
    lines.push_back({&criterion, std::find(met.begin(), met.end(), criterion.id) != met.end()});
  }
  std::stable_sort(lines.begin(), lines.end(), [](const ChecklistLine& a, const ChecklistLine& b) {
    return a.criterion->position < b.criterion->position;
  });
  return lines;
}

std::size_t MissingCriteriaCount(const std::vector<ChecklistLine>& checklist) {
  return static_cast<std::size_t>(std::count_if(
      checklist.begin(), checklist.end(), [](const ChecklistLine& line) { return !line.met; }));
}

}  // namespace cercle::domain
