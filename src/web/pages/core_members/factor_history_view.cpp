#include "web/pages/core_members/factor_history_view.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "report/line_chart.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::core_members {
namespace {

// One factor's line: its ratings by review.
struct FactorLine {
  const domain::FactorRatingRecord* factor = nullptr;
  std::map<std::int64_t, int> by_review;
};

// The text of one rating in the table: "2 — Clearly a problem", or a dash.
std::string RatingText(const Context& context, domain::FactorKind kind, std::optional<int> rating) {
  if (!rating) return "—";
  return std::to_string(*rating) + " — " +
         context.Translate(domain::FactorRatingLabel(kind, *rating));
}

}  // namespace

mstch::map FactorHistoryView(const Context& context,
                             const std::vector<domain::FactorRatingRecord>& ratings) {
  std::vector<std::int64_t> reviews;
  mstch::array review_headers;
  std::map<std::int64_t, FactorLine> lines;
  for (const auto& rating : ratings) {
    if (std::find(reviews.begin(), reviews.end(), rating.review_id) == reviews.end()) {
      reviews.push_back(rating.review_id);
      review_headers.push_back(mstch::map{{"date", reports::ShowDate(context, rating.held_on)}});
    }
    auto& line = lines[rating.factor_id];
    line.factor = &rating;
    line.by_review[rating.review_id] = rating.rating;
  }
  std::vector<const FactorLine*> ordered;
  for (const auto& [id, line] : lines) ordered.push_back(&line);
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
    return a->factor->position < b->factor->position;
  });
  mstch::array factors;
  for (const auto* line : ordered) {
    const auto& factor = *line->factor;
    const std::string name = context.Translate(factor.factor_name);
    report::LineChart chart{.title = name,
                            .description = context.Translate(
                                factor.kind == domain::FactorKind::kDynamicRisk
                                    ? N_("Rating at each review, 0 to 2: lower is better.")
                                    : N_("Rating at each review, 0 to 2: higher is better.")),
                            .lowest = domain::kLowestFactorRating,
                            .highest = domain::kHighestFactorRating};
    mstch::array cells;
    for (const auto review : reviews) {
      const auto found = line->by_review.find(review);
      const auto value =
          found == line->by_review.end() ? std::nullopt : std::optional<int>(found->second);
      chart.values.push_back(value);
      cells.push_back(mstch::map{{"text", RatingText(context, factor.kind, value)}});
    }
    factors.push_back(mstch::map{
        {"name", name},
        {"kind", context.Translate(domain::LabelOf(factor.kind))},
        {"chart", report::RenderLineChart(chart, "factor-" + std::to_string(factor.factor_id))},
        {"cells", cells}});
  }
  return mstch::map{{"factor_reviews", review_headers},
                    {"factor_lines", factors},
                    {"no_factor_ratings", factors.empty()}};
}

}  // namespace cercle::web::pages::core_members
