// Expenses and mileage: the amount of a mileage claim at the rate in force on its day, across a
// rate change, rounded half up to the cent; the amounts and distances volunteers type; the checks
// of a claim and of a rate; the costs by month.
#include <gtest/gtest.h>

#include "domain/expenses.hpp"
#include "domain/funder_report.hpp"

namespace cercle::domain {
namespace {

using namespace std::chrono;

CivilDate Day(int y, unsigned m, unsigned d) { return CivilDate{year{y}, month{m}, day{d}}; }

// 0,50 $/km from 1 January 2026, 0,55 $/km from 1 July 2026.
std::vector<MileageRate> Rates() {
  return {{.effective_from = Day(2026, 7, 1), .cents_per_km = 55},
          {.effective_from = Day(2026, 1, 1), .cents_per_km = 50}};
}

// True when `status` is a refusal that names `field`.
bool Refuses(const Status& status, std::string_view field) {
  if (status) return false;
  for (const auto& error : status.error().fields) {
    if (error.field == field) return true;
  }
  return false;
}

ExpenseClaim Mileage(CivilDate on, std::int64_t tenths) {
  return {.incurred_on = on, .kind = ExpenseKind::kMileage, .tenths_km = tenths};
}

TEST(MileageRate, TheRateInForceIsTheLatestStartedOnOrBeforeTheDay) {
  EXPECT_EQ(RateOn(Rates(), Day(2025, 12, 31)), std::nullopt);
  EXPECT_EQ(RateOn(Rates(), Day(2026, 1, 1)), 50);
  EXPECT_EQ(RateOn(Rates(), Day(2026, 6, 30)), 50);
  EXPECT_EQ(RateOn(Rates(), Day(2026, 7, 1)), 55);
  EXPECT_EQ(RateOn(Rates(), Day(2026, 11, 15)), 55);
}

TEST(MileageRate, ClaimsAcrossARateChangeAreEachValuedAtTheirDaysRate) {
  auto before = Mileage(Day(2026, 6, 30), 423);  // 42,3 km at 0,50 $ = 21,15 $
  auto after = Mileage(Day(2026, 7, 1), 423);    // 42,3 km at 0,55 $ = 23,265 $ → 23,27 $
  ASSERT_TRUE(CheckClaim(before, Rates(), Day(2026, 12, 1)));
  ASSERT_TRUE(CheckClaim(after, Rates(), Day(2026, 12, 1)));
  EXPECT_EQ(before.amount_cents, 2115);
  EXPECT_EQ(after.amount_cents, 2327);
}

TEST(MileageRate, RoundsHalfACentUpAndLessDown) {
  EXPECT_EQ(MileageCents(1, 55), 6);    // 5,5 ¢ → 6 ¢
  EXPECT_EQ(MileageCents(1, 54), 5);    // 5,4 ¢ → 5 ¢
  EXPECT_EQ(MileageCents(3, 51), 15);   // 15,3 ¢ → 15 ¢
  EXPECT_EQ(MileageCents(10, 50), 50);  // 1 km exactly
  EXPECT_EQ(MileageCents(20000, 1000), 2000000);
}

TEST(MileageRate, AMileageClaimBeforeAnyRateIsRefused) {
  auto claim = Mileage(Day(2025, 12, 31), 100);
  const auto checked = CheckClaim(claim, Rates(), Day(2026, 6, 1));
  ASSERT_FALSE(checked);
  EXPECT_TRUE(Refuses(checked, "incurred_on"));
}

TEST(ExpenseClaim, RefusesAFutureDayNoDistanceAndNoAmount) {
  auto future = Mileage(Day(2026, 6, 2), 100);
  EXPECT_TRUE(Refuses(CheckClaim(future, Rates(), Day(2026, 6, 1)), "incurred_on"));
  auto no_distance = Mileage(Day(2026, 6, 1), 0);
  no_distance.tenths_km.reset();
  EXPECT_TRUE(Refuses(CheckClaim(no_distance, Rates(), Day(2026, 6, 1)), "distance"));
  ExpenseClaim meal{.incurred_on = Day(2026, 6, 1), .kind = ExpenseKind::kMeal};
  EXPECT_TRUE(Refuses(CheckClaim(meal, Rates(), Day(2026, 6, 1)), "amount"));
  meal.amount_cents = 1250;
  meal.tenths_km = 30;  // a distance typed on a meal is dropped
  ASSERT_TRUE(CheckClaim(meal, Rates(), Day(2026, 6, 1)));
  EXPECT_EQ(meal.tenths_km, std::nullopt);
  EXPECT_EQ(meal.amount_cents, 1250);
  auto too_old = Mileage(Day(2025, 5, 1), 100);
  EXPECT_TRUE(Refuses(CheckClaim(too_old, Rates(), Day(2026, 6, 1)), "incurred_on"));
  auto long_note = meal;
  long_note.note = std::string(501, 'x');
  EXPECT_TRUE(Refuses(CheckClaim(long_note, Rates(), Day(2026, 6, 1)), "note"));
}

TEST(ExpenseClaim, ReadsAmountsAndDistancesAsTyped) {
  EXPECT_EQ(ParseCents("12"), 1200);
  EXPECT_EQ(ParseCents("12,5"), 1250);
  EXPECT_EQ(ParseCents(" 12.50 $"), 1250);
  EXPECT_EQ(ParseCents("0,07"), 7);
  EXPECT_EQ(ParseCents("12,505"), std::nullopt);
  EXPECT_EQ(ParseCents("douze"), std::nullopt);
  EXPECT_EQ(ParseCents(""), std::nullopt);
  EXPECT_EQ(ParseCents("1,2,3"), std::nullopt);
  EXPECT_EQ(ParseTenthsKm("42"), 420);
  EXPECT_EQ(ParseTenthsKm("42,3 km"), 423);
  EXPECT_EQ(ParseTenthsKm("42.35"), std::nullopt);
  EXPECT_EQ(ParseTenthsKm("-4"), std::nullopt);
}

TEST(MileageRate, ChecksTheRate) {
  EXPECT_TRUE(CheckRate({.effective_from = Day(2026, 1, 1), .cents_per_km = 50}));
  EXPECT_TRUE(Refuses(CheckRate({.effective_from = Day(2026, 1, 1), .cents_per_km = 0}), "rate"));
  EXPECT_TRUE(Refuses(CheckRate({.effective_from = Day(2026, 2, 30), .cents_per_km = 50}),
                      "effective_from"));
}

TEST(ExpenseCosts, AddUpApprovedAndPaidClaimsByTheirMonth) {
  std::vector<ExpenseClaim> claims = {
      {.incurred_on = Day(2026, 1, 31), .amount_cents = 1000, .status = ExpenseStatus::kApproved},
      {.incurred_on = Day(2026, 1, 2), .amount_cents = 250, .status = ExpenseStatus::kPaid},
      {.incurred_on = Day(2026, 2, 1), .amount_cents = 700, .status = ExpenseStatus::kPaid},
      {.incurred_on = Day(2026, 2, 3), .amount_cents = 9999, .status = ExpenseStatus::kRefused},
      {.incurred_on = Day(2026, 3, 3), .amount_cents = 5, .status = ExpenseStatus::kSubmitted}};
  const auto costs = CostsByMonth(claims);
  ASSERT_EQ(costs.size(), 2u);
  EXPECT_EQ(costs.at(YearMonth{2026, 1}), 1250);
  EXPECT_EQ(costs.at(YearMonth{2026, 2}), 700);
}

// A circle opened on `opened` (forming), closed on `closed` when given.
CircleRecord CircleOpen(CivilDate opened, std::optional<CivilDate> closed = {}) {
  CircleRecord circle;
  circle.phases.push_back({opened, CirclePhase::kForming});
  circle.phases.push_back({AddDays(opened, 10), CirclePhase::kWeekly});
  if (closed) circle.phases.push_back({*closed, CirclePhase::kClosed});
  return circle;
}

TEST(ExpenseCosts, CircleDaysCountEachDayACircleWasOpenAtItsEnd) {
  ReportRecords records;
  const ReportPeriod year{Day(2026, 1, 1), Day(2026, 12, 31)};
  records.circles.push_back(CircleOpen(Day(2025, 6, 1)));                    // the whole year
  records.circles.push_back(CircleOpen(Day(2026, 7, 1)));                    // Jul. to Dec.: 184
  records.circles.push_back(CircleOpen(Day(2025, 1, 1), Day(2026, 1, 11)));  // Jan. 1 to 10
  records.circles.push_back(CircleOpen(Day(2027, 1, 1)));                    // after the period
  EXPECT_EQ(OpenCircleDays(records, year), 365 + 184 + 10);
}

TEST(ExpenseCosts, CostPerCircleYearSpreadsTheCostOverCircleDays) {
  EXPECT_EQ(CostPerCircleYear(100000, 365), 100000);  // one circle for a year
  EXPECT_EQ(CostPerCircleYear(100000, 730), 50000);   // two circles, or one for two years
  EXPECT_EQ(CostPerCircleYear(100, 3), 12167);        // 12 166,67 ¢ rounded half up
  EXPECT_EQ(CostPerCircleYear(100, 0), std::nullopt);
}

TEST(ExpenseCosts, TheFunderFigureAddsUpTheApprovedClaimsOfThePeriodByMonth) {
  ReportRecords records;
  records.expenses = {{.id = 1, .incurred_on = Day(2026, 3, 31), .amount_cents = 1000},
                      {.id = 2, .incurred_on = Day(2026, 4, 1), .amount_cents = 250},
                      {.id = 3, .incurred_on = Day(2026, 4, 30), .amount_cents = 5},
                      {.id = 4, .incurred_on = Day(2026, 7, 1), .amount_cents = 999}};
  const auto figure = VolunteerExpenses(records, {Day(2026, 4, 1), Day(2026, 6, 30)}, {});
  EXPECT_EQ(figure.value, 255);
  ASSERT_EQ(figure.breakdown.size(), 3u);
  EXPECT_EQ(figure.breakdown[0].key, "2026-04");
  EXPECT_EQ(figure.breakdown[0].value, 255);
  EXPECT_EQ(figure.breakdown[1].value, 0);
  EXPECT_EQ(figure.records.size(), 2u);
}

}  // namespace
}  // namespace cercle::domain
