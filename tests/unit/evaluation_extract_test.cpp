// The evaluation extract's coarsening: no combination of age band, region and referral source is
// shared by fewer than k rows once coarsened; it widens before it leaves rows out, and says what it
// did.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "report/evaluation_extract.hpp"

namespace cercle::report {
namespace {

using Rows = std::vector<QuasiIdentifiers>;

// `count` rows of the same combination.
Rows Repeat(std::size_t count, const QuasiIdentifiers& row) { return Rows(count, row); }

Rows Join(std::initializer_list<Rows> parts) {
  Rows rows;
  for (const auto& part : parts) rows.insert(rows.end(), part.begin(), part.end());
  return rows;
}

// The smallest group among the kept rows (0 when none is kept).
std::size_t SmallestKeptGroup(const CoarsenedRows& result) {
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> counts;
  for (std::size_t i = 0; i < result.rows.size(); ++i) {
    if (!result.kept[i]) continue;
    const auto& row = result.rows[i];
    ++counts[{row.age_group, row.region, row.referral_source}];
  }
  std::size_t smallest = 0;
  for (const auto& [combination, count] : counts) {
    if (smallest == 0 || count < smallest) smallest = count;
  }
  return smallest;
}

std::size_t Kept(const CoarsenedRows& result) {
  return static_cast<std::size_t>(std::count(result.kept.begin(), result.kept.end(), true));
}

// The rows the step of `kind` changed, or 0 when it was not applied.
std::size_t StepRows(const CoarsenedRows& result, Coarsening kind) {
  for (const auto& step : result.report.steps) {
    if (step.kind == kind) return step.rows;
  }
  return 0;
}

TEST(EvaluationCoarsening, LeavesAnExtractOfLargeGroupsAsItIs) {
  const auto rows = Join(
      {Repeat(5, {"40_49", "Abitibi", "csc"}), Repeat(6, {"30_39", "Montréal", "provincial"})});
  const auto result = Coarsen(rows, 5);
  EXPECT_EQ(Kept(result), 11u);
  EXPECT_TRUE(result.report.steps.empty());
  EXPECT_EQ(result.rows[0].age_group, "40_49");
  EXPECT_EQ(result.rows[5].region, "Montréal");
}

TEST(EvaluationCoarsening, WithFewerRowsThanKNoRowIsExported) {
  // Four men: each is someone a reader could recognise.
  const Rows rows = {{"40_49", "Abitibi", "csc"},
                     {"30_39", "Abitibi", "csc"},
                     {"50_59", "Gaspésie", "police"},
                     {"40_49", "Abitibi", "csc"}};
  const auto result = Coarsen(rows, 5);
  EXPECT_EQ(Kept(result), 0u);
  EXPECT_EQ(StepRows(result, Coarsening::kRowsSuppressed), 4u);
}

TEST(EvaluationCoarsening, WidensAgeBandsBeforeLeavingRowsOut) {
  // Twelve men of one region and source: three under 30 and four in their thirties would be left
  // out; the bands under 40 merge instead, so nobody is.
  const auto rows =
      Join({Repeat(3, {"under_30", "Abitibi", "csc"}), Repeat(4, {"30_39", "Abitibi", "csc"}),
            Repeat(5, {"40_49", "Abitibi", "csc"})});
  const auto result = Coarsen(rows, 5);
  EXPECT_EQ(Kept(result), 12u);
  EXPECT_EQ(result.rows[0].age_group, "under_40");
  EXPECT_EQ(result.rows[11].age_group, "40_59");
  EXPECT_EQ(StepRows(result, Coarsening::kWideAgeBands), 12u);
  EXPECT_EQ(StepRows(result, Coarsening::kRowsSuppressed), 0u);
  EXPECT_GE(SmallestKeptGroup(result), 5u);
}

TEST(EvaluationCoarsening, RareRegionsAndSourcesReadOther) {
  const auto rows =
      Join({Repeat(5, {"40_49", "Abitibi", "csc"}), Repeat(2, {"40_49", "Gaspésie", "csc"}),
            Repeat(3, {"40_49", "Laval", "csc"}), Repeat(5, {"50_59", "Abitibi", "police"}),
            Repeat(3, {"50_59", "Abitibi", "self"}), Repeat(2, {"50_59", "Abitibi", "community"})});
  const auto result = Coarsen(rows, 5);
  EXPECT_EQ(StepRows(result, Coarsening::kRareRegionsMerged), 5u);
  EXPECT_EQ(result.rows[5].region, "other");
  EXPECT_EQ(result.rows[7].region, "other");
  EXPECT_EQ(result.rows[0].region, "Abitibi");
  EXPECT_EQ(StepRows(result, Coarsening::kRareSourcesMerged), 5u);
  EXPECT_EQ(result.rows[15].referral_source, "other");
  EXPECT_EQ(Kept(result), rows.size());
  EXPECT_GE(SmallestKeptGroup(result), 5u);
}

TEST(EvaluationCoarsening, LeavesOutTheFewRowsStillUnderK) {
  // Twenty men share a combination; two are alone in theirs. Leaving two out costs less than
  // blurring twenty.
  const auto rows =
      Join({Repeat(20, {"40_49", "Abitibi", "csc"}), Repeat(1, {"70_plus", "Abitibi", "csc"}),
            Repeat(1, {"under_30", "Abitibi", "csc"})});
  const auto result = Coarsen(rows, 5);
  EXPECT_EQ(Kept(result), 20u);
  EXPECT_FALSE(result.kept[20]);
  EXPECT_FALSE(result.kept[21]);
  EXPECT_EQ(result.rows[0].age_group, "40_49");
  EXPECT_EQ(StepRows(result, Coarsening::kWideAgeBands), 0u);
  EXPECT_EQ(StepRows(result, Coarsening::kRowsSuppressed), 2u);
}

TEST(EvaluationCoarsening, WithholdsRegionsWhenNothingElseReachesK) {
  // Four regions of five men, each man's age band and source differing by region: only
  // withholding the regions brings the combinations to five.
  const auto rows =
      Join({Repeat(5, {"40_49", "Abitibi", "csc"}), Repeat(5, {"40_49", "Laval", "csc"}),
            Repeat(2, {"40_49", "Abitibi", "police"}), Repeat(2, {"40_49", "Laval", "police"}),
            Repeat(1, {"40_49", "Abitibi", "self"}), Repeat(1, {"40_49", "Laval", "self"}),
            Repeat(1, {"40_49", "Abitibi", "community"})});
  const auto result = Coarsen(rows, 5);
  EXPECT_GT(StepRows(result, Coarsening::kRegionsWithheld), 0u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (result.kept[i]) {
      EXPECT_EQ(result.rows[i].region, "other");
    }
  }
  EXPECT_GE(SmallestKeptGroup(result), 5u);
  EXPECT_GE(Kept(result), 15u);
}

TEST(EvaluationCoarsening, RegionsDifferingOnlyInCaseOrAccentsAreOneRegion) {
  const auto rows =
      Join({Repeat(3, {"40_49", "Montréal", "csc"}), Repeat(2, {"40_49", "montreal", "csc"})});
  const auto result = Coarsen(rows, 5);
  EXPECT_EQ(Kept(result), 5u);
  EXPECT_EQ(result.rows[4].region, "Montréal") << "one spelling, so spellings tell nobody apart";
}

TEST(EvaluationCoarsening, AMinimumBelowTheSafeFloorCountsAsTheFloor) {
  const Rows rows = {{"40_49", "Abitibi", "csc"}, {"50_59", "Laval", "police"}};
  const auto result = Coarsen(rows, 1);
  EXPECT_EQ(result.report.minimum_group, kSafeMinimumGroup);
  EXPECT_FALSE(result.report.steps.empty()) << "k = 1 would export each man as he is";
  EXPECT_GE(SmallestKeptGroup(result), kSafeMinimumGroup);
}

TEST(EvaluationCoarsening, MessagesNameTheRowsAndK) {
  const auto message = CoarseningMessage({Coarsening::kRowsSuppressed, 3}, 7);
  ASSERT_EQ(message.arguments.size(), 2u);
  EXPECT_EQ(message.arguments[0].value, "7");
  EXPECT_EQ(message.arguments[1].value, "3");
  EXPECT_NE(message.id.find("left out"), std::string::npos);
}

}  // namespace
}  // namespace cercle::report
