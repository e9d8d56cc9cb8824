#include "demo/risk_factors_demo.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "app/circles/review_factors.hpp"
#include "demo/demo_actors.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"

namespace cercle::demo {
namespace {

// One factor rated at the demo reviews: its rating at the first, second and third review rated,
// in the circles of even and of odd rank, and the comment of the first review, if any.
struct DemoFactor {
  const char* key;
  std::array<int, 3> even;
  std::array<int, 3> odd;
  const char* comment;
};

constexpr std::array<DemoFactor, 7> kFactors{{
    {"impulsivity", {2, 1, 1}, {1, 1, 0}, "Achats sur un coup de tête, en baisse (démo)."},
    {"social_rejection", {2, 2, 1}, {2, 1, 1}, "Se dit seul le soir; le cercle l'appelle (démo)."},
    {"negative_emotionality", {1, 1, 0}, {1, 2, 1}, ""},
    {"supervision", {1, 0, 0}, {0, 0, 0}, "Rendez-vous de libération conditionnelle tenus (démo)."},
    {"work", {0, 1, 2}, {1, 1, 2}, "Emploi à temps partiel dans une épicerie fictive (démo)."},
    {"social_network", {0, 1, 1}, {0, 0, 1}, ""},
    {"professional_care", {1, 2, 2}, {2, 2, 2}, "Suivi chez une thérapeute fictive (démo)."},
}};

// Noon in Montréal on `day`.
Instant NoonOf(CivilDate day) {
  return Instant(std::chrono::sys_days(day).time_since_epoch()) + std::chrono::hours(17);
}

// The ratings of the `index`th review rated (0 = the first) of a circle of rank `rank`.
std::vector<domain::FactorRatingEntry> EntriesOf(std::size_t index, std::size_t rank) {
  std::vector<domain::FactorRatingEntry> entries;
  for (const auto& factor : kFactors) {
    const auto& ratings = rank % 2 == 0 ? factor.even : factor.odd;
    entries.push_back(
        {.key = factor.key, .rating = ratings[index], .comment = index == 0 ? factor.comment : ""});
  }
  return entries;
}

// The STABLE-2007 assessments received for the core member of `circle_id`: the first review of
// the demo's first circle relies on them beside its own ratings.
std::vector<std::int64_t> Stable2007Of(const app::Services& services, std::int64_t organisation_id,
                                       std::int64_t circle_id) {
  return services.database.Read(store::Scope::Organisation(organisation_id), [&](soci::session& s) {
    std::vector<std::int64_t> ids;
    const auto circle = store::CircleStore(s).Find(circle_id, organisation_id);
    if (!circle) return ids;
    for (const auto& assessment :
         store::CoreMemberStore(s).RiskAssessments(circle->core_member_id, organisation_id)) {
      if (assessment.tool == domain::RiskTool::kStable2007) ids.push_back(assessment.id);
    }
    return ids;
  });
}

}  // namespace

Status LoadFactorRatings(const app::Services& services, std::int64_t organisation_id) {
  const auto actors = TRY(FindActors(services, organisation_id));
  const auto by_circle = services.database.Read(
      store::Scope::Organisation(organisation_id),
      [&](soci::session& s) { return store::CircleReviewStore(s).ByCircle(organisation_id); });
  std::size_t rank = 0;
  for (const auto& [circle_id, reviews] : by_circle) {
    // The last three reviews, the oldest of them first (ByCircle lists the oldest first).
    const std::size_t first =
        reviews.size() > kFactors[0].even.size() ? reviews.size() - kFactors[0].even.size() : 0;
    for (std::size_t i = first; i < reviews.size(); ++i) {
      const Backdated then(services, NoonOf(reviews[i].held_on));
      const bool cites = rank == 0 && i == first;
      TRY(app::circles::RateFactors(then.services(), actors.coordinator,
                                    {reviews[i].id, EntriesOf(i - first, rank),
                                     cites ? Stable2007Of(services, organisation_id, circle_id)
                                           : std::vector<std::int64_t>{}}));
    }
    ++rank;
  }
  return {};
}

}  // namespace cercle::demo
