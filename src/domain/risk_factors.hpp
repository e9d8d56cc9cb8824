#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"
#include "domain/report_period.hpp"

// Dynamic risk and protective factors, rated by the coordinator at each review of a circle on a
// short scale, each factor with its own comment. The list is each organisation's (a default list
// in the spirit of STABLE-2007 and SAPROF until an admin changes it). Cercle never adds ratings
// up into a risk score: each factor stands on its own, and only its own change over time is
// shown. No I/O.
namespace cercle::domain {

// Whether a factor raises the risk (lower is better) or protects against it (higher is better).
enum class FactorKind { kDynamicRisk, kProtective };

template <>
struct EnumTable<FactorKind> {
  static constexpr std::array<EnumEntry<FactorKind>, 2> kEntries{{
      {FactorKind::kDynamicRisk, "dynamic_risk", N_("Dynamic risk factor")},
      {FactorKind::kProtective, "protective", N_("Protective factor")},
  }};
};

// The short scale: 0 = absent, 1 = partly present, 2 = clearly present.
inline constexpr int kLowestFactorRating = 0;
inline constexpr int kHighestFactorRating = 2;
// The longest comment on a rating and the longest name of a factor, in characters.
inline constexpr std::size_t kFactorCommentLimit = 500;
inline constexpr std::size_t kFactorNameLimit = 120;

// What `rating` means for a factor of `kind` (a msgid); "" outside the scale.
const char* FactorRatingLabel(FactorKind kind, int rating);

// One factor of an organisation's list. A default factor's name is an English msgid, which pages
// translate; a name an admin typed is shown as written.
struct RiskFactor {
  std::int64_t id = 0;  // 0 for a default factor not stored yet
  std::int64_t organisation_id = 0;
  std::string key;  // stable across renames: the form's fields are named after it
  std::string name;
  FactorKind kind = FactorKind::kDynamicRisk;
  int position = 0;  // the order of the list, smallest first
  bool active = true;
};

// The list every organisation starts with: the dynamic factors, then the protective ones.
std::vector<RiskFactor> DefaultRiskFactors();

// Trims and checks a factor's name: 1 to kFactorNameLimit characters, not the name of another
// factor of `factors` (one whose key is not `key`), compared without case. Field error "name".
Status CheckFactorName(std::string& name, const std::vector<RiskFactor>& factors,
                       const std::string& key);

// The key of a factor an admin adds: "custom-N", N one more than the highest such key taken.
std::string NextCustomKey(const std::vector<RiskFactor>& factors);

// One factor rated at one review: 0 to 2 and a comment.
struct FactorRating {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t review_id = 0;
  std::int64_t factor_id = 0;
  int rating = 0;
  std::string comment;
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// One factor's line of the review's form as typed: its rating (none when left blank: the factor
// is not rated at this review), and its comment.
struct FactorRatingEntry {
  std::string key;
  std::optional<int> rating;
  bool unreadable = false;  // the rating was typed but is not a whole number
  std::string comment;
};

// Checks the lines of a review's form against the active `factors`: a rating from
// kLowestFactorRating to kHighestFactorRating or none, a comment of at most kFactorCommentLimit
// characters (trimmed) and only with a rating, and a known active factor ("ratings" otherwise).
// Field errors "rating-KEY", "comment-KEY". Whether it rates any: domain/review_sources.
Status CheckFactorRatings(std::vector<FactorRatingEntry>& entries,
                          const std::vector<RiskFactor>& factors);

// How a factor moved from one rating to a later one, read by its kind.
enum class FactorDirection { kImproved, kSame, kWorse };
FactorDirection DirectionOf(FactorKind kind, int first, int last);

// One rating at one review, with what the reports need of its factor and circle.
struct FactorRatingRecord {
  std::int64_t circle_id = 0;
  std::int64_t core_member_id = 0;
  std::int64_t review_id = 0;
  CivilDate held_on{};
  std::int64_t factor_id = 0;
  std::string factor_key;
  std::string factor_name;
  FactorKind kind = FactorKind::kDynamicRisk;
  int position = 0;
  int rating = 0;
};

// How one factor moved, over the circles, from the first review that rated it to the last.
struct FactorChange {
  std::int64_t factor_id = 0;
  std::string factor_name;
  FactorKind kind = FactorKind::kDynamicRisk;
  int circles = 0;  // circles with the factor rated at two reviews or more
  int improved = 0;
  int same = 0;
  int worse = 0;
  double mean_change = 0;  // the mean of last minus first rating, in points of the scale
};

// For each factor rated (in the order of the list), the change in each circle from its first
// rating to its last, over the circles whose last rating falls within `period`; a circle counts
// once it has the factor rated at two reviews. Factors no circle counts for are left out. Each
// factor stands alone: nothing is added across factors.
std::vector<FactorChange> FirstToLastChanges(const std::vector<FactorRatingRecord>& ratings,
                                             const ReportPeriod& period);

}  // namespace cercle::domain
