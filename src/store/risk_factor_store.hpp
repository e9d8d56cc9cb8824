#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "base/clock.hpp"
#include "domain/review_sources.hpp"
#include "domain/risk_factors.hpp"

namespace cercle::store {

// Reads and writes the organisation's list of risk and protective factors (risk_factors) and
// their ratings at circles' reviews (review_factor_ratings), within the caller's transaction.
// Every query names the organisation, on top of row-level security.
class RiskFactorStore {
 public:
  explicit RiskFactorStore(soci::session& session) : session_(session) {}

  // The organisation's factors, active or not, in the list's order; empty until the list is
  // written (AddDefaultFactors).
  std::vector<domain::RiskFactor> Factors(std::int64_t organisation_id);
  // Writes domain::DefaultRiskFactors() for the organisation when it has no factor yet; true when
  // it did.
  bool AddDefaultFactors(std::int64_t organisation_id);
  // Stores a new factor; returns its id.
  std::int64_t InsertFactor(const domain::RiskFactor& factor);
  // Stores a factor's name, position and whether it is active.
  void UpdateFactor(const domain::RiskFactor& factor);

  // The ratings given at review `review_id`.
  std::vector<domain::FactorRating> RatingsOfReview(std::int64_t review_id,
                                                    std::int64_t organisation_id);
  // Replaces the ratings of review `review_id` with `ratings`.
  void ReplaceRatings(std::int64_t review_id, std::int64_t organisation_id,
                      const std::vector<domain::FactorRating>& ratings);
  // The assessments received from corrections that review `review_id` relies on
  // (review_assessments), by id.
  std::vector<std::int64_t> AssessmentsOfReview(std::int64_t review_id,
                                                std::int64_t organisation_id);
  // Replaces them with `assessment_ids`, recorded by `recorded_by` at `now`.
  void ReplaceAssessments(std::int64_t review_id, std::int64_t organisation_id,
                          const std::vector<std::int64_t>& assessment_ids,
                          std::optional<std::int64_t> recorded_by, Instant now);
  // The assessments the reviews of core member `core_member_id`'s circles rely on, the earliest
  // review first.
  std::vector<domain::CitedAssessment> CitedAssessments(std::int64_t organisation_id,
                                                        std::int64_t core_member_id);
  // Every rating of the organisation's reviews, with its factor and circle, the earliest review
  // first; only those of core member `core_member_id` when given.
  std::vector<domain::FactorRatingRecord> Records(std::int64_t organisation_id,
                                                  std::optional<std::int64_t> core_member_id = {});

 private:
  soci::session& session_;
};

}  // namespace cercle::store
