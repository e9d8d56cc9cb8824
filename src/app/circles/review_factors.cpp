#include "app/circles/review_factors.hpp"

#include <algorithm>
#include <set>

#include "auth/policies/risk_factor_policy.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
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

}  // namespace

Result<ReviewFactorsPage> LoadReviewFactors(const Services& services, const auth::Actor& actor,
                                            std::int64_t review_id) {
  auto page =
      TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<ReviewFactorsPage> {
        auto [circle, review] = TRY(FindReview(unit, actor, review_id));
        store::RiskFactorStore store(unit.session());
        auto ratings = store.RatingsOfReview(review.id, circle.organisation_id);
        auto factors = FactorsToShow(ListOf(store, circle.organisation_id), ratings);
        return ReviewFactorsPage{std::move(circle), std::move(review), std::move(factors),
                                 std::move(ratings)};
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
    TRY(domain::CheckFactorRatings(entries, ListOf(store, organisation)));
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
    Audit(services, unit, actor,
          {"circle.review_factors", "circle_review", std::to_string(review.id)});
    return review.id;
  });
}

}  // namespace cercle::app::circles
