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

domain::FactorRatingRecord Rated(std::int64_t core_member, std::int64_t review, CivilDate held_on,
                                 const char* key, domain::FactorKind kind, int rating) {
  return {.circle_id = core_member * 10,
          .core_member_id = core_member,
          .review_id = review,
          .held_on = held_on,
          .factor_id = kind == domain::FactorKind::kDynamicRisk ? 1 : 2,
          .factor_key = key,
          .factor_name = key,
          .kind = kind,
          .position = kind == domain::FactorKind::kDynamicRisk ? 1 : 2,
          .rating = rating};
}

TEST(EvaluationExtractFactors, CarriesOnlyTheDirectionOfEachFactorsChange) {
  const CivilDate today{std::chrono::year{2026}, std::chrono::December, std::chrono::day{7}};
  const CivilDate march{std::chrono::year{2026}, std::chrono::March, std::chrono::day{1}};
  const CivilDate june{std::chrono::year{2026}, std::chrono::June, std::chrono::day{1}};
  domain::ReportRecords records;
  for (std::int64_t id = 1; id <= 2; ++id) {
    domain::CoreMemberRecord member{.id = id, .region = "Abitibi"};
    member.status = domain::CoreMemberStatus::kInCircle;
    member.history = {{march, domain::CoreMemberStatus::kCandidate}};
    member.research_consents = {{.scope = domain::ConsentScope::kResearch, .given_on = march}};
    records.core_members.push_back(member);
  }
  const auto risk = domain::FactorKind::kDynamicRisk;
  const auto protective = domain::FactorKind::kProtective;
  records.factor_ratings = {
      // Man 1: impulsivity 2 → 1 (improved), work rated once (empty).
      Rated(1, 11, march, "impulsivity", risk, 2), Rated(1, 11, march, "work", protective, 1),
      Rated(1, 12, june, "impulsivity", risk, 1),
      // Man 2: impulsivity 0 → 0 (same), work 2 → 1 (worse).
      Rated(2, 21, march, "impulsivity", risk, 0), Rated(2, 21, march, "work", protective, 2),
      Rated(2, 22, june, "impulsivity", risk, 0), Rated(2, 22, june, "work", protective, 1)};
  const auto extract = BuildEvaluationExtract(
      records, {.today = today,
                .pseudonym = [](std::int64_t id) { return "P" + std::to_string(id); },
                .minimum_group = kSafeMinimumGroup});
  ASSERT_EQ(extract.rows.size(), 2u);
  ASSERT_GE(extract.columns.size(), 2u);
  const std::size_t width = extract.columns.size();
  EXPECT_EQ(extract.columns[width - 2].name, "factor_impulsivity");
  EXPECT_EQ(extract.columns[width - 1].name, "factor_work");
  std::map<std::string, std::pair<Cell, Cell>> by_code;
  for (const auto& row : extract.rows) {
    ASSERT_EQ(row.size(), width);
    by_code[std::get<std::string>(row[0].value)] = {row[width - 2], row[width - 1]};
  }
  EXPECT_EQ(std::get<std::string>(by_code["P1"].first.value), "improved");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(by_code["P1"].second.value));
  EXPECT_EQ(std::get<std::string>(by_code["P2"].first.value), "same");
  EXPECT_EQ(std::get<std::string>(by_code["P2"].second.value), "worse");
}

}  // namespace
}  // namespace cercle::report
