#include "domain/review_sources.hpp"

#include <algorithm>

#include "domain/field_checks.hpp"

namespace cercle::domain {

Status CheckReviewHasSource(const std::vector<FactorRatingEntry>& entries,
                            std::size_t assessments_chosen) {
  const bool rated = std::any_of(entries.begin(), entries.end(),
                                 [](const FactorRatingEntry& entry) { return entry.rating; });
  if (rated || assessments_chosen > 0) return {};
  std::vector<FieldError> errors;
  AddError(errors, "ratings",
           N_("Rate at least one factor, or choose an assessment received from corrections."));
  return Checked(std::move(errors));
}

}  // namespace cercle::domain
