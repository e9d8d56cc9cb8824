#include "store/risk_factor_store.hpp"

#include "store/fetch.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

// The organisation's list of factors; renamed, moved or deactivated, never deleted.
struct RiskFactors {
  using Record = domain::RiskFactor;
  static constexpr TableColumns kColumns{.table = "risk_factors",
                                         .fixed = "organisation_id, factor_key, kind",
                                         .changing = "name, sort_order, active"};
  static auto Fields(Record& factor) {
    return std::tie(factor.id, factor.organisation_id, factor.key, factor.kind, factor.name,
                    factor.position, factor.active);
  }
};

// The ratings given at reviews, replaced whole when a review's ratings are recorded again.
struct ReviewFactorRatings {
  using Record = domain::FactorRating;
  static constexpr TableColumns kColumns{
      .table = "review_factor_ratings",
      .fixed = "organisation_id, review_id, factor_id, rating, comment, recorded_by, recorded_at"};
  static auto Fields(Record& rating) {
    return std::tie(rating.id, rating.organisation_id, rating.review_id, rating.factor_id,
                    rating.rating, rating.comment, rating.recorded_by, rating.recorded_at);
  }
};

// A rating with its review's day and circle and its factor, as the reports read it.
struct RatingRecords {
  using Record = domain::FactorRatingRecord;
  static auto Fields(Record& r) {
    return std::tie(r.circle_id, r.core_member_id, r.review_id, r.held_on, r.factor_id,
                    r.factor_key, r.factor_name, r.kind, r.position, r.rating);
  }
};

constexpr const char* kFactors = R"sql(
SELECT {columns}
  FROM risk_factors
 WHERE organisation_id = :organisation
 ORDER BY sort_order, id
)sql";

constexpr const char* kRatingsOfReview = R"sql(
SELECT {columns}
  FROM review_factor_ratings
 WHERE organisation_id = :organisation AND review_id = :review
 ORDER BY id
)sql";

constexpr const char* kDeleteRatingsOfReview = R"sql(
DELETE FROM review_factor_ratings
 WHERE organisation_id = :organisation AND review_id = :review
)sql";

constexpr const char* kRecords = R"sql(
SELECT c.id, c.core_member_id, r.id, r.held_on, f.id, f.factor_key, f.name, f.kind, f.sort_order,
       fr.rating
  FROM review_factor_ratings fr
  JOIN circle_reviews r ON r.id = fr.review_id AND r.organisation_id = fr.organisation_id
  JOIN circles c ON c.id = r.circle_id AND c.organisation_id = r.organisation_id
  JOIN risk_factors f ON f.id = fr.factor_id AND f.organisation_id = fr.organisation_id
 WHERE fr.organisation_id = :organisation AND (:core_member = 0 OR c.core_member_id = :core_member)
 ORDER BY r.held_on, r.id, f.sort_order, f.id
)sql";

}  // namespace

std::vector<domain::RiskFactor> RiskFactorStore::Factors(std::int64_t organisation_id) {
  return SelectAll<RiskFactors>(session_, kFactors, Values("organisation", organisation_id));
}

bool RiskFactorStore::AddDefaultFactors(std::int64_t organisation_id) {
  return InsertDefaults<RiskFactors>(session_, organisation_id, domain::DefaultRiskFactors(),
                                     NoValues);
}

std::int64_t RiskFactorStore::InsertFactor(const domain::RiskFactor& factor) {
  return Insert<RiskFactors>(session_, factor);
}

void RiskFactorStore::UpdateFactor(const domain::RiskFactor& factor) {
  Update<RiskFactors>(session_, factor);
}

std::vector<domain::FactorRating> RiskFactorStore::RatingsOfReview(std::int64_t review_id,
                                                                   std::int64_t organisation_id) {
  return SelectAll<ReviewFactorRatings>(
      session_, kRatingsOfReview, Values("organisation", organisation_id, "review", review_id));
}

constexpr const char* kAssessmentsOfReview = R"sql(
  SELECT assessment_id FROM review_assessments
  WHERE organisation_id = :organisation AND review_id = :review ORDER BY assessment_id
)sql";
constexpr const char* kDeleteAssessmentsOfReview = R"sql(
  DELETE FROM review_assessments WHERE organisation_id = :organisation AND review_id = :review
)sql";
constexpr const char* kInsertAssessmentOfReview = R"sql(
  INSERT INTO review_assessments (organisation_id, review_id, assessment_id, recorded_by, recorded_at)
  VALUES (:organisation, :review, :assessment, :recorded_by, :recorded_at)
)sql";
constexpr const char* kCitedAssessments = R"sql(
  SELECT a.review_id, r.held_on, a.assessment_id
  FROM review_assessments a
  JOIN circle_reviews r ON r.id = a.review_id AND r.organisation_id = a.organisation_id
  JOIN circles c ON c.id = r.circle_id AND c.organisation_id = r.organisation_id
  WHERE a.organisation_id = :organisation AND c.core_member_id = :core_member
  ORDER BY r.held_on, r.id, a.assessment_id
)sql";

std::vector<std::int64_t> RiskFactorStore::AssessmentsOfReview(std::int64_t review_id,
                                                               std::int64_t organisation_id) {
  std::vector<std::int64_t> ids;
  for (const auto& [id] : FetchAll<TableRow<ValueRow<std::int64_t>>>(
           session_, kAssessmentsOfReview,
           OfOrganisation(organisation_id, {{"review", review_id}}))) {
    ids.push_back(id);
  }
  return ids;
}

void RiskFactorStore::ReplaceAssessments(std::int64_t review_id, std::int64_t organisation_id,
                                         const std::vector<std::int64_t>& assessment_ids,
                                         std::optional<std::int64_t> recorded_by, Instant now) {
  Change(session_, kDeleteAssessmentsOfReview,
         Values("organisation", organisation_id, "review", review_id));
  for (const std::int64_t assessment_id : assessment_ids) {
    Change(session_, kInsertAssessmentOfReview,
           Values("organisation", organisation_id, "review", review_id, "assessment", assessment_id,
                  "recorded_by", recorded_by, "recorded_at", now));
  }
}

std::vector<domain::CitedAssessment> RiskFactorStore::CitedAssessments(
    std::int64_t organisation_id, std::int64_t core_member_id) {
  std::vector<domain::CitedAssessment> cited;
  for (const auto& [review, held_on, assessment] :
       FetchAll<TableRow<ValueRow<std::int64_t, CivilDate, std::int64_t>>>(
           session_, kCitedAssessments,
           OfOrganisation(organisation_id, {{"core_member", core_member_id}}))) {
    cited.push_back({review, held_on, assessment});
  }
  return cited;
}

void RiskFactorStore::ReplaceRatings(std::int64_t review_id, std::int64_t organisation_id,
                                     const std::vector<domain::FactorRating>& ratings) {
  Change(session_, kDeleteRatingsOfReview,
         Values("organisation", organisation_id, "review", review_id));
  for (const auto& rating : ratings) Insert<ReviewFactorRatings>(session_, rating);
}

std::vector<domain::FactorRatingRecord> RiskFactorStore::Records(
    std::int64_t organisation_id, std::optional<std::int64_t> core_member_id) {
  return FetchAll<TableRow<RatingRecords>>(
      session_, kRecords,
      Params({{"organisation", organisation_id}, {"core_member", core_member_id.value_or(0)}}));
}

}  // namespace cercle::store
