#include "domain/risk_factors.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

// The default list: dynamic factors in the spirit of STABLE-2007, protective factors in the spirit
// of SAPROF. Keys are stable; names are msgids.
struct DefaultFactor {
  const char* key;
  const char* name;
  FactorKind kind;
};
constexpr std::array<DefaultFactor, 24> kDefaultFactors{{
    {"social_influences", N_("Significant social influences"), FactorKind::kDynamicRisk},
    {"relationship_stability", N_("Capacity for relationship stability"), FactorKind::kDynamicRisk},
    {"identification_children", N_("Emotional identification with children"),
     FactorKind::kDynamicRisk},
    {"hostility_women", N_("Hostility toward women"), FactorKind::kDynamicRisk},
    {"social_rejection", N_("General social rejection and loneliness"), FactorKind::kDynamicRisk},
    {"lack_concern", N_("Lack of concern for others"), FactorKind::kDynamicRisk},
    {"impulsivity", N_("Impulsivity"), FactorKind::kDynamicRisk},
    {"problem_solving", N_("Poor problem-solving skills"), FactorKind::kDynamicRisk},
    {"negative_emotionality", N_("Negative emotionality"), FactorKind::kDynamicRisk},
    {"sex_drive", N_("Sex drive and preoccupation"), FactorKind::kDynamicRisk},
    {"sex_coping", N_("Sex as coping"), FactorKind::kDynamicRisk},
    {"deviant_interests", N_("Deviant sexual interests"), FactorKind::kDynamicRisk},
    {"supervision", N_("Cooperation with supervision"), FactorKind::kDynamicRisk},
    {"work", N_("Work"), FactorKind::kProtective},
    {"leisure", N_("Leisure activities"), FactorKind::kProtective},
    {"finances", N_("Financial management"), FactorKind::kProtective},
    {"treatment_motivation", N_("Motivation for treatment"), FactorKind::kProtective},
    {"authority_attitudes", N_("Attitudes towards authority"), FactorKind::kProtective},
    {"life_goals", N_("Life goals"), FactorKind::kProtective},
    {"social_network", N_("Social network"), FactorKind::kProtective},
    {"intimate_relationship", N_("Intimate relationship"), FactorKind::kProtective},
    {"professional_care", N_("Professional care"), FactorKind::kProtective},
    {"living_circumstances", N_("Living circumstances"), FactorKind::kProtective},
    {"external_control", N_("External control"), FactorKind::kProtective},
}};

// For a risk factor, how much of a problem it is; for a protective factor, how present it is.
constexpr std::array<const char*, 3> kRiskLabels{N_("No problem"), N_("Somewhat a problem"),
                                                 N_("Clearly a problem")};
constexpr std::array<const char*, 3> kProtectiveLabels{N_("Absent"), N_("Partly present"),
                                                       N_("Clearly present")};

constexpr std::string_view kCustomPrefix = "custom-";

// `name` in lower case (ASCII letters only: enough to catch one name typed twice).
std::string Lowered(std::string_view name) {
  std::string lowered(name);
  for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered;
}

}  // namespace

const char* FactorRatingLabel(FactorKind kind, int rating) {
  if (rating < kLowestFactorRating || rating > kHighestFactorRating) return "";
  const auto& labels = kind == FactorKind::kDynamicRisk ? kRiskLabels : kProtectiveLabels;
  return labels[static_cast<std::size_t>(rating)];
}

std::vector<RiskFactor> DefaultRiskFactors() {
  std::vector<RiskFactor> factors;
  int position = 0;
  for (const auto& factor : kDefaultFactors) {
    factors.push_back({.key = factor.key,
                       .name = factor.name,
                       .kind = factor.kind,
                       .position = ++position,
                       .active = true});
  }
  return factors;
}

Status CheckFactorName(std::string& name, const std::vector<RiskFactor>& factors,
                       const std::string& key) {
  std::vector<FieldError> errors;
  CheckText(errors, "name", name, kFactorNameLimit, N_("Name the factor."));
  const bool taken = std::any_of(factors.begin(), factors.end(), [&](const RiskFactor& other) {
    return other.key != key && Lowered(other.name) == Lowered(name);
  });
  if (errors.empty() && taken) AddError(errors, "name", N_("Another factor has this name."));
  return Checked(std::move(errors));
}

std::string NextCustomKey(const std::vector<RiskFactor>& factors) {
  int highest = 0;
  for (const auto& factor : factors) {
    if (!factor.key.starts_with(kCustomPrefix)) continue;
    const auto digits = factor.key.substr(kCustomPrefix.size());
    if (digits.empty() || digits.size() > 6 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;  // not written here, so it cannot collide with a key written here
    }
    highest = std::max(highest, std::stoi(digits));
  }
  return std::string(kCustomPrefix) + std::to_string(highest + 1);
}

Status CheckFactorRatings(std::vector<FactorRatingEntry>& entries,
                          const std::vector<RiskFactor>& factors) {
  std::vector<FieldError> errors;
  std::set<std::string> active;
  for (const auto& factor : factors) {
    if (factor.active) active.insert(factor.key);
  }
  for (auto& entry : entries) {
    if (!active.contains(entry.key)) {
      AddError(errors, "ratings", N_("This factor is not on the list any more."));
      continue;
    }
    const std::string rating_field = "rating-" + entry.key;
    if (entry.unreadable || (entry.rating && (*entry.rating < kLowestFactorRating ||
                                              *entry.rating > kHighestFactorRating))) {
      AddError(errors, rating_field, N_("Choose 0, 1 or 2, or leave the factor unrated."));
    }
    const std::string comment_field = "comment-" + entry.key;
    CheckText(errors, comment_field, entry.comment, kFactorCommentLimit);
    if (!entry.rating && !entry.unreadable && !entry.comment.empty()) {
      AddError(errors, rating_field, N_("Rate the factor to keep its comment."));
    }
  }
  return Checked(std::move(errors));
}

FactorDirection DirectionOf(FactorKind kind, int first, int last) {
  if (first == last) return FactorDirection::kSame;
  const bool lower = last < first;
  return lower == (kind == FactorKind::kDynamicRisk) ? FactorDirection::kImproved
                                                     : FactorDirection::kWorse;
}

std::vector<FactorChange> FirstToLastChanges(const std::vector<FactorRatingRecord>& ratings,
                                             const ReportPeriod& period) {
  // For each factor and circle, its first and last rating, by the day of the review (then the
  // review's id, for two reviews on one day).
  struct Span {
    const FactorRatingRecord* first = nullptr;
    const FactorRatingRecord* last = nullptr;
  };
  const auto earlier = [](const FactorRatingRecord* a, const FactorRatingRecord& b) {
    return std::pair(a->held_on, a->review_id) < std::pair(b.held_on, b.review_id);
  };
  std::map<std::int64_t, std::map<std::int64_t, Span>> spans;
  std::map<std::int64_t, const FactorRatingRecord*> factors;
  for (const auto& rating : ratings) {
    factors.emplace(rating.factor_id, &rating);
    auto& span = spans[rating.factor_id][rating.circle_id];
    if (!span.first || !earlier(span.first, rating)) span.first = &rating;
    if (!span.last || earlier(span.last, rating)) span.last = &rating;
  }
  std::vector<FactorChange> changes;
  for (const auto& [factor_id, by_circle] : spans) {
    const auto& factor = *factors.at(factor_id);
    FactorChange change{
        .factor_id = factor_id, .factor_name = factor.factor_name, .kind = factor.kind};
    int total = 0;
    for (const auto& [circle_id, span] : by_circle) {
      if (span.first->review_id == span.last->review_id || !period.Contains(span.last->held_on)) {
        continue;
      }
      ++change.circles;
      total += span.last->rating - span.first->rating;
      switch (DirectionOf(factor.kind, span.first->rating, span.last->rating)) {
        case FactorDirection::kImproved:
          ++change.improved;
          break;
        case FactorDirection::kSame:
          ++change.same;
          break;
        case FactorDirection::kWorse:
          ++change.worse;
          break;
      }
    }
    if (change.circles == 0) continue;
    change.mean_change = static_cast<double>(total) / change.circles;
    changes.push_back(std::move(change));
  }
  std::stable_sort(changes.begin(), changes.end(), [&](const auto& a, const auto& b) {
    return factors.at(a.factor_id)->position < factors.at(b.factor_id)->position;
  });
  return changes;
}

}  // namespace cercle::domain
