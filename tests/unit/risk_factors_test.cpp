// Risk and protective factors' rules: the default list, the check of a review's ratings (0 to 2 or
// none, a short comment, a known active factor), the direction of a change by the factor's kind
// (lower is better for a risk factor, higher for a protective one), and the first-to-last change
// of each factor over circles, which never adds factors together.
#include "domain/risk_factors.hpp"
#include "domain/review_sources.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace cercle::domain {
namespace {

CivilDate Day(int year, unsigned month, unsigned day) {
  return CivilDate(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day));
}

bool HasField(const Status& status, const std::string& field) {
  if (status) return false;
  for (const auto& error : status.error().fields) {
    if (error.field == field) return true;
  }
  return false;
}

TEST(RiskFactorList, TheDefaultNamesRiskThenProtectiveFactorsWithDistinctKeysInOrder) {
  const auto factors = DefaultRiskFactors();
  ASSERT_EQ(factors.size(), 24u);
  std::set<std::string> keys;
  int last_position = 0;
  bool protective_seen = false;
  for (const auto& factor : factors) {
    EXPECT_TRUE(keys.insert(factor.key).second) << factor.key;
    EXPECT_GT(factor.position, last_position);
    last_position = factor.position;
    EXPECT_TRUE(factor.active);
    if (factor.kind == FactorKind::kProtective) protective_seen = true;
    EXPECT_FALSE(protective_seen && factor.kind == FactorKind::kDynamicRisk)
        << "risk factors come first";
  }
  EXPECT_EQ(factors.front().name, "Significant social influences");
  EXPECT_EQ(factors.back().name, "External control");
}

TEST(RiskFactorList, EachPointOfTheScaleSaysWhatItMeansForTheKind) {
  EXPECT_STREQ(FactorRatingLabel(FactorKind::kDynamicRisk, 0), "No problem");
  EXPECT_STREQ(FactorRatingLabel(FactorKind::kDynamicRisk, 2), "Clearly a problem");
  EXPECT_STREQ(FactorRatingLabel(FactorKind::kProtective, 0), "Absent");
  EXPECT_STREQ(FactorRatingLabel(FactorKind::kProtective, 2), "Clearly present");
  EXPECT_STREQ(FactorRatingLabel(FactorKind::kProtective, 3), "");
}

TEST(RiskFactorList, ANameIsRequiredShortAndNotAnotherFactorsName) {
  const auto factors = DefaultRiskFactors();
  std::string name = "  Consommation d'alcool (essai)  ";
  EXPECT_TRUE(CheckFactorName(name, factors, ""));
  EXPECT_EQ(name, "Consommation d'alcool (essai)");
  std::string empty = "   ";
  EXPECT_TRUE(HasField(CheckFactorName(empty, factors, ""), "name"));
  std::string long_name(kFactorNameLimit + 1, 'x');
  EXPECT_TRUE(HasField(CheckFactorName(long_name, factors, ""), "name"));
  std::string taken = "impulsivity";
  EXPECT_TRUE(HasField(CheckFactorName(taken, factors, ""), "name"));
  std::string own = "Impulsivity";
  EXPECT_TRUE(CheckFactorName(own, factors, "impulsivity")) << "a factor keeps its own name";
}

TEST(RiskFactorList, AnAddedFactorGetsTheNextCustomKey) {
  auto factors = DefaultRiskFactors();
  EXPECT_EQ(NextCustomKey(factors), "custom-1");
  factors.push_back({.key = "custom-1"});
  factors.push_back({.key = "custom-7"});
  factors.push_back({.key = "custom-x"});
  EXPECT_EQ(NextCustomKey(factors), "custom-8");
}

TEST(FactorRatingsCheck, AcceptsRatingsFromZeroToTwoAndLeavesOthersUnrated) {
  const auto factors = DefaultRiskFactors();
  std::vector<FactorRatingEntry> entries{
      {.key = "impulsivity", .rating = 2, .comment = "  Achats impulsifs (fictif).  "},
      {.key = "work", .rating = 0},
      {.key = "leisure"}};
  EXPECT_TRUE(CheckFactorRatings(entries, factors));
  EXPECT_EQ(entries[0].comment, "Achats impulsifs (fictif).");
}

TEST(FactorRatingsCheck, RefusesARatingOffTheScaleOrUnreadable) {
  const auto factors = DefaultRiskFactors();
  std::vector<FactorRatingEntry> high{{.key = "impulsivity", .rating = 3}};
  EXPECT_TRUE(HasField(CheckFactorRatings(high, factors), "rating-impulsivity"));
  std::vector<FactorRatingEntry> negative{{.key = "work", .rating = -1}};
  EXPECT_TRUE(HasField(CheckFactorRatings(negative, factors), "rating-work"));
  std::vector<FactorRatingEntry> text{{.key = "work", .unreadable = true}};
  EXPECT_TRUE(HasField(CheckFactorRatings(text, factors), "rating-work"));
}

TEST(FactorRatingsCheck, RefusesALongCommentOrACommentWithoutRating) {
  const auto factors = DefaultRiskFactors();
  std::vector<FactorRatingEntry> long_comment{
      {.key = "work", .rating = 1, .comment = std::string(kFactorCommentLimit + 1, 'x')}};
  EXPECT_TRUE(HasField(CheckFactorRatings(long_comment, factors), "comment-work"));
  std::vector<FactorRatingEntry> unrated{{.key = "work", .comment = "Sans note."},
                                         {.key = "leisure", .rating = 1}};
  EXPECT_TRUE(HasField(CheckFactorRatings(unrated, factors), "rating-work"));
}

TEST(FactorRatingsCheck, RefusesAnInactiveOrUnknownFactorAndAnEmptyForm) {
  auto factors = DefaultRiskFactors();
  factors[0].active = false;
  std::vector<FactorRatingEntry> inactive{{.key = factors[0].key, .rating = 1}};
  EXPECT_TRUE(HasField(CheckFactorRatings(inactive, factors), "ratings"));
  std::vector<FactorRatingEntry> unknown{{.key = "astrology", .rating = 1}};
  EXPECT_TRUE(HasField(CheckFactorRatings(unknown, factors), "ratings"));
}

// A review's form says something: a factor rated, or an assessment received from corrections in
// place of the ratings; a rating off the scale is refused all the same.
TEST(ReviewSources, ARatingOrAnAssessmentFromCorrections) {
  const auto factors = DefaultRiskFactors();
  std::vector<FactorRatingEntry> none{{.key = "work"}, {.key = "leisure"}};
  EXPECT_TRUE(CheckFactorRatings(none, factors));
  EXPECT_TRUE(HasField(CheckReviewHasSource(none, 0), "ratings"));
  EXPECT_TRUE(CheckReviewHasSource(none, 1));
  std::vector<FactorRatingEntry> rated{{.key = "work", .rating = 0}};
  EXPECT_TRUE(CheckReviewHasSource(rated, 0)) << "0 is a rating";
  std::vector<FactorRatingEntry> bad{{.key = "work", .rating = 3}};
  EXPECT_TRUE(HasField(CheckFactorRatings(bad, factors), "rating-work"));
}

TEST(FactorDirectionRule, LowerIsBetterForRiskHigherForProtection) {
  EXPECT_EQ(DirectionOf(FactorKind::kDynamicRisk, 2, 1), FactorDirection::kImproved);
  EXPECT_EQ(DirectionOf(FactorKind::kDynamicRisk, 0, 2), FactorDirection::kWorse);
  EXPECT_EQ(DirectionOf(FactorKind::kProtective, 0, 2), FactorDirection::kImproved);
  EXPECT_EQ(DirectionOf(FactorKind::kProtective, 2, 1), FactorDirection::kWorse);
  EXPECT_EQ(DirectionOf(FactorKind::kProtective, 1, 1), FactorDirection::kSame);
}

FactorRatingRecord Rating(std::int64_t circle, std::int64_t review, CivilDate held_on,
                          std::int64_t factor, FactorKind kind, int rating) {
  return {.circle_id = circle,
          .review_id = review,
          .held_on = held_on,
          .factor_id = factor,
          .factor_name = factor == 1 ? "Impulsivity" : "Work",
          .kind = kind,
          .position = static_cast<int>(factor),
          .rating = rating};
}

TEST(FirstToLastChange, ComparesEachCirclesFirstAndLastRatingOfEachFactor) {
  const ReportPeriod year{Day(2026, 1, 1), Day(2026, 12, 31)};
  const auto risk = FactorKind::kDynamicRisk;
  const auto protective = FactorKind::kProtective;
  const std::vector<FactorRatingRecord> ratings{
      // Circle 10: impulsivity 2 → 1 → 1 (improved by 1); work 0 → 2 (improved by 2).
      Rating(10, 100, Day(2026, 3, 1), 1, risk, 2),
      Rating(10, 100, Day(2026, 3, 1), 2, protective, 0),
      Rating(10, 101, Day(2026, 6, 1), 1, risk, 1), Rating(10, 102, Day(2026, 9, 1), 1, risk, 1),
      Rating(10, 102, Day(2026, 9, 1), 2, protective, 2),
      // Circle 20, listed last review first: impulsivity 0 → 2 (worse by 2); work 1 → 1 (same).
      Rating(20, 201, Day(2026, 8, 1), 1, risk, 2),
      Rating(20, 201, Day(2026, 8, 1), 2, protective, 1),
      Rating(20, 200, Day(2026, 5, 1), 1, risk, 0),
      Rating(20, 200, Day(2026, 5, 1), 2, protective, 1),
      // Circle 30: rated once, so not counted.
      Rating(30, 300, Day(2026, 7, 1), 1, risk, 2)};
  const auto changes = FirstToLastChanges(ratings, year);
  ASSERT_EQ(changes.size(), 2u);
  const auto& impulsivity = changes[0];
  EXPECT_EQ(impulsivity.factor_id, 1);
  EXPECT_EQ(impulsivity.circles, 2);
  EXPECT_EQ(impulsivity.improved, 1);
  EXPECT_EQ(impulsivity.same, 0);
  EXPECT_EQ(impulsivity.worse, 1);
  EXPECT_DOUBLE_EQ(impulsivity.mean_change, (-1.0 + 2.0) / 2);
  const auto& work = changes[1];
  EXPECT_EQ(work.kind, protective);
  EXPECT_EQ(work.circles, 2);
  EXPECT_EQ(work.improved, 1);
  EXPECT_EQ(work.same, 1);
  EXPECT_EQ(work.worse, 0);
  EXPECT_DOUBLE_EQ(work.mean_change, (2.0 + 0.0) / 2);
}

TEST(FirstToLastChange, CountsOnlyCirclesWhoseLastRatingFallsInThePeriod) {
  const std::vector<FactorRatingRecord> ratings{
      Rating(10, 100, Day(2026, 3, 1), 1, FactorKind::kDynamicRisk, 2),
      Rating(10, 101, Day(2026, 6, 1), 1, FactorKind::kDynamicRisk, 1)};
  EXPECT_TRUE(FirstToLastChanges(ratings, {Day(2026, 7, 1), Day(2026, 9, 30)}).empty());
  EXPECT_EQ(FirstToLastChanges(ratings, {Day(2026, 4, 1), Day(2026, 6, 30)}).size(), 1u);
}

}  // namespace
}  // namespace cercle::domain
