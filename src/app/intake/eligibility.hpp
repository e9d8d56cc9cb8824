#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "domain/eligibility.hpp"
#include "i18n/translator.hpp"

// The organisation's eligibility criteria, which its administrators adjust
// (auth::policies::EligibilityCriteriaPolicy): anyone else gets Forbidden; a criterion of another
// organisation is NotFound.
namespace cercle::app::intake {

// Every criterion of the actor's organisation, active and retired, in checklist order; the
// program's defaults are given to an organisation that never had any.
Result<std::vector<domain::EligibilityCriterion>> LoadCriteria(const Services& services,
                                                               const auth::Actor& actor);

// The wording of `criterion` in `language`: the admin's, or the program's default.
std::string CriterionLabel(const Services& services, i18n::Language language,
                           const domain::EligibilityCriterion& criterion);

// Adds a criterion at the end of the list (audited "eligibility.create"); returns its id.
Result<std::int64_t> AddCriterion(const Services& services, const auth::Actor& actor,
                                  const std::string& label);

// A new wording of a criterion; nothing changes when it reads as the criterion already does in
// `language`, the reader's.
struct CriterionRename {
  std::int64_t criterion_id = 0;
  std::string label;
  i18n::Language language = i18n::Language::kFrench;
};

// Rewords the criterion (audited "eligibility.update").
Status RenameCriterion(const Services& services, const auth::Actor& actor,
                       const CriterionRename& command);

// Whether a criterion leaves the checklists or comes back to them.
enum class Retirement { kRetire, kRestore };

// Retires or restores the criterion (audited "eligibility.retire" or "eligibility.restore");
// nothing when it already is.
Status SetCriterionRetirement(const Services& services, const auth::Actor& actor,
                              std::int64_t criterion_id, Retirement retirement);

}  // namespace cercle::app::intake
