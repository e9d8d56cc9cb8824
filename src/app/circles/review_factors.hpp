#pragma once

#include <cstdint>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"
#include "domain/legal.hpp"
#include "domain/risk_factors.hpp"

// Dynamic risk and protective factors rated at a circle's review: each factor of the
// organisation's list on a short scale with a comment, never added up into a score. Coordinators
// and organisation admins only (auth::policies::RiskFactorPolicy), every view audited; anyone else,
// and another organisation's circle or review, gets NotFound.
namespace cercle::app::circles {

// The factors of a review: the list to rate (the active factors, and the inactive ones this review
// rated, in the list's order) and the ratings given.
struct ReviewFactorsPage {
  domain::Circle circle;
  domain::CircleReview review;
  std::vector<domain::RiskFactor> factors;
  std::vector<domain::FactorRating> ratings;
  // The core member's risk assessments received from corrections, the latest first, and those the
  // review relies on (by id), in place of its ratings or beside them.
  std::vector<domain::RiskAssessment> assessments;
  std::vector<std::int64_t> cited;
};

// The factors of review `review_id`, audited "circle.review_factors_view".
Result<ReviewFactorsPage> LoadReviewFactors(const Services& services, const auth::Actor& actor,
                                            std::int64_t review_id);

// The factors of a review as the coordinator rated them.
struct RateFactorsCommand {
  std::int64_t review_id = 0;
  std::vector<domain::FactorRatingEntry> entries;
  // The assessments received from corrections the review relies on: some of the core member's.
  std::vector<std::int64_t> assessment_ids;
};

// Records the ratings of the review, checked by domain::CheckFactorRatings, and the assessments
// it relies on (an assessment not of the core member's file is the field error "assessments"), in
// place of those it had, but for those of factors taken off the list, which stay
// ("circle.review_factors"); writes the organisation's default list first when it has none. Returns
// the review's id.
Result<std::int64_t> RateFactors(const Services& services, const auth::Actor& actor,
                                 const RateFactorsCommand& command);

}  // namespace cercle::app::circles
