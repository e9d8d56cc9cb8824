#include "app/circles/review_factors.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "auth/policies/core_member_policy.hpp"
#include "auth/policies/risk_factor_policy.hpp"
#include "domain/field_checks.hpp"
#include "domain/review_sources.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/risk_factor_store.hpp"

namespace cercle::app::circles {
namespace {

using auth::policies::RiskFactorPolicy;

// The review `review_id` and its circle, when the actor may see its ratings.
Result<std::pair<domain::Circle, domain::CircleReview>> FindReview(const store::Unit& unit,
                                                                   const auth::Actor& actor,
                                                                   std::int64_t review_id) {
  if (!RiskFactorPolicy::CanManage(actor)) return Error::NotFound();
  const std::int64_t organisation = actor.organisation_id.value_or(0);
  auto review = store::CircleReviewStore(unit.session()).Find(review_id, organisation);
  if (!review) return Error::NotFound();
  auto circle = store::CircleStore(unit.session()).Find(review->circle_id, organisation);
  if (!circle || !RiskFactorPolicy::CanView(actor, circle->organisation_id)) {
    return Error::NotFound();
  }
  return std::pair{std::move(*circle), std::move(*review)};
}

// The organisation's list, or the default list while it has none stored.
std::vector<domain::RiskFactor> ListOf(store::RiskFactorStore& store,
                                       std::int64_t organisation_id) {
  auto factors = store.Factors(organisation_id);
  return factors.empty() ? domain::DefaultRiskFactors() : factors;
}

// The factors a review's page lists: the active ones, and those `ratings` rated.
std::vector<domain::RiskFactor> FactorsToShow(std::vector<domain::RiskFactor> factors,
                                              const std::vector<domain::FactorRating>& ratings) {
  std::set<std::int64_t> rated;
  for (const auto& rating : ratings) rated.insert(rating.factor_id);
  std::erase_if(factors, [&](const domain::RiskFactor& factor) {
    return !factor.active && !rated.contains(factor.id);
  });
  return factors;
}

// The core member's assessments received from corrections, the latest first; none for an actor
// who may not read his risk.
std::vector<domain::RiskAssessment> AssessmentsOf(const store::Unit& unit, const auth::Actor& actor,
                                                  const domain::Circle& circle) {
  if (!auth::policies::CoreMemberPolicy::CanReadRisk(actor, circle.organisation_id)) return {};
  auto assessments = store::CoreMemberStore(unit.session())
                         .RiskAssessments(circle.core_member_id, circle.organisation_id);
  std::stable_sort(assessments.begin(), assessments.end(), [](const auto& a, const auto& b) {
    return std::tie(b.assessed_on, b.id) < std::tie(a.assessed_on, a.id);
  });
  return assessments;
}

// Checks that each of `chosen` is one of `assessments`, once; returns them in order.
Result<std::vector<std::int64_t>> ChosenAssessments(
    std::vector<std::int64_t> chosen, const std::vector<domain::RiskAssessment>& assessments) {
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  for (const std::int64_t id : chosen) {
    if (std::none_of(assessments.begin(), assessments.end(),
                     [&](const auto& each) { return each.id == id; })) {
      std::vector<FieldError> errors;
      domain::AddError(errors, "assessments",
                       N_("Choose among the assessments received for his file."));
      TRY(domain::Checked(std::move(errors)));
    }
  }
  return chosen;
}

}  // namespace

Result<ReviewFactorsPage> LoadReviewFactors(const Services& services, const auth::Actor& actor,
                                            std::int64_t review_id) {
  auto page =
      TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<ReviewFactorsPage> {
        auto [circle, review] = TRY(FindReview(unit, actor, review_id));
        store::RiskFactorStore store(unit.session());
        auto ratings = store.RatingsOfReview(review.id, circle.organisation_id);
        auto factors = FactorsToShow(ListOf(store, circle.organisation_id), ratings);
        auto assessments = AssessmentsOf(unit, actor, circle);
        auto cited = store.AssessmentsOfReview(review.id, circle.organisation_id);
        return ReviewFactorsPage{std::move(circle),  std::move(review),      std::move(factors),
                                 std::move(ratings), std::move(assessments), std::move(cited)};
      }));
  AuditView(services, actor,
            {"circle.review_factors_view", "circle_review", std::to_string(review_id)});
  return page;
}

Result<std::int64_t> RateFactors(const Services& services, const auth::Actor& actor,
                                 const RateFactorsCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    auto [circle, review] = TRY(FindReview(unit, actor, command.review_id));
    const std::int64_t organisation = circle.organisation_id;
    store::RiskFactorStore store(unit.session());
    auto entries = command.entries;
    const auto chosen =
        TRY(ChosenAssessments(command.assessment_ids, AssessmentsOf(unit, actor, circle)));
    TRY(domain::CheckFactorRatings(entries, ListOf(store, organisation)));
    TRY(domain::CheckReviewHasSource(entries, chosen.size()));
    store.AddDefaultFactors(organisation);
    const auto factors = store.Factors(organisation);
    // The ratings of factors taken off the list since stay as they were: the form no longer asks.
    std::vector<domain::FactorRating> ratings;
    for (auto& kept : store.RatingsOfReview(review.id, organisation)) {
      const auto factor = std::find_if(factors.begin(), factors.end(),
                                       [&](const auto& each) { return each.id == kept.factor_id; });
      if (factor != factors.end() && !factor->active) ratings.push_back(std::move(kept));
    }
    for (const auto& entry : entries) {
      if (!entry.rating) continue;
      const auto factor = std::find_if(factors.begin(), factors.end(),
                                       [&](const auto& each) { return each.key == entry.key; });
      ratings.push_back({.organisation_id = organisation,
                         .review_id = review.id,
                         .factor_id = factor->id,
                         .rating = *entry.rating,
                         .comment = entry.comment,
                         .recorded_by = actor.user_id,
                         .recorded_at = unit.now()});
    }
    store.ReplaceRatings(review.id, organisation, ratings);
    store.ReplaceAssessments(review.id, organisation, chosen, actor.user_id, unit.now());
    Audit(services, unit, actor,
          {"circle.review_factors", "circle_review", std::to_string(review.id)});
    return review.id;
  });
}

}  // namespace cercle::app::circles
