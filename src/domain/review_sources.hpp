#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/risk_factors.hpp"

// What a circle's review relies on to say where the dynamic risk and protective factors stand: the
// ratings the circle gives, assessments received from corrections (risk_assessments, stored as the
// report wrote them), or both. Cercle computes no score from either. No I/O.
namespace cercle::domain {

// An assessment received from corrections that a review relies on (review_assessments).
struct CitedAssessment {
  std::int64_t review_id = 0;
  CivilDate held_on{};  // the review's day
  std::int64_t assessment_id = 0;
};

// Checks that a review's form says something: a factor rated in `entries`, or at least one
// assessment received from corrections chosen. Field error "ratings".
Status CheckReviewHasSource(const std::vector<FactorRatingEntry>& entries,
                            std::size_t assessments_chosen);

}  // namespace cercle::domain
