// Volunteer hours: totals by month and by year across month and year boundaries, funders' figures
// counting approved hours only, their value, and the durations volunteers type.
#include <gtest/gtest.h>

#include "domain/hours.hpp"

namespace cercle::domain {
namespace {

using namespace std::chrono;

HoursEntry Entry(CivilDate on, int minutes, HoursStatus status = HoursStatus::kApproved,
                 HoursKind kind = HoursKind::kTravel) {
  HoursEntry entry;
  entry.worked_on = on;
  entry.minutes = minutes;
  entry.status = status;
  entry.kind = kind;
  return entry;
}

TEST(VolunteerHours, AddUpByMonthAcrossAMonthBoundary) {
  const std::vector<HoursEntry> entries = {Entry(CivilDate{year{2026}, month{1}, day{31}}, 60),
                                           Entry(CivilDate{year{2026}, month{1}, day{31}}, 30),
                                           Entry(CivilDate{year{2026}, month{2}, day{1}}, 90),
                                           Entry(CivilDate{year{2026}, month{2}, day{28}}, 45)};
  const auto totals = TotalHours(entries, CountedHours::kApprovedOnly);
  ASSERT_EQ(totals.by_month.size(), 2u);
  EXPECT_EQ(totals.by_month.at(YearMonth{2026, 1}), 90);
  EXPECT_EQ(totals.by_month.at(YearMonth{2026, 2}), 135);
  EXPECT_EQ(totals.by_year.at(2026), 225);
  EXPECT_EQ(totals.total, 225);
}

TEST(VolunteerHours, AddUpByYearAcrossAYearBoundary) {
  const std::vector<HoursEntry> entries = {Entry(CivilDate{year{2025}, month{12}, day{31}}, 120),
                                           Entry(CivilDate{year{2026}, month{1}, day{1}}, 30),
                                           Entry(CivilDate{year{2025}, month{1}, day{1}}, 15)};
  const auto totals = TotalHours(entries, CountedHours::kApprovedOnly);
  EXPECT_EQ(totals.by_year.at(2025), 135);
  EXPECT_EQ(totals.by_year.at(2026), 30);
  EXPECT_EQ(totals.by_month.at(YearMonth{2025, 12}), 120);
  EXPECT_EQ(totals.by_month.at(YearMonth{2026, 1}), 30);
  EXPECT_EQ(totals.by_month.at(YearMonth{2025, 1}), 15);
  EXPECT_LT((YearMonth{2025, 12}), (YearMonth{2026, 1}));
}

TEST(VolunteerHours, FundersFiguresCountApprovedHoursOnly) {
  const CivilDate day1{year{2026}, month{3}, day{10}};
  const std::vector<HoursEntry> entries = {
      Entry(day1, 60, HoursStatus::kApproved), Entry(day1, 45, HoursStatus::kPending),
      Entry(day1, 500, HoursStatus::kRejected),
      Entry(day1, 180, HoursStatus::kApproved, HoursKind::kTraining)};
  const auto funders = TotalHours(entries, CountedHours::kApprovedOnly);
  EXPECT_EQ(funders.total, 240);
  EXPECT_EQ(funders.by_month.at(YearMonth{2026, 3}), 240);
  const auto with_pending = TotalHours(entries, CountedHours::kIncludingPending);
  EXPECT_EQ(with_pending.total, 285) << "a rejected entry never counts";
  EXPECT_TRUE(TotalHours({Entry(day1, 45, HoursStatus::kPending)}, CountedHours::kApprovedOnly)
                  .by_month.empty());
}

TEST(VolunteerHours, AreValuedAtTheHourlyRateToTheCent) {
  EXPECT_EQ(HoursValueCents(90, 2750), 4125);
  EXPECT_EQ(HoursValueCents(20, 2750), 917);  // 916.67
  EXPECT_EQ(HoursValueCents(0, 2750), 0);
  EXPECT_EQ(HoursValueCents(600000, 2750), 27500000);
}

TEST(VolunteerHours, ReadDurationsAsPeopleTypeThem) {
  EXPECT_EQ(ParseDuration("2"), 120);
  EXPECT_EQ(ParseDuration("1.5"), 90);
  EXPECT_EQ(ParseDuration("1,25"), 75);
  EXPECT_EQ(ParseDuration("1:30"), 90);
  EXPECT_EQ(ParseDuration("1 h 30"), 90);
  EXPECT_EQ(ParseDuration("2h"), 120);
  EXPECT_EQ(ParseDuration("45 min"), 45);
  EXPECT_EQ(ParseDuration(" 0:45 "), 45);
  for (const char* wrong : {"", "deux", "-1", "1:75", "1.5.2", "1,555", "h"}) {
    EXPECT_EQ(ParseDuration(wrong), std::nullopt) << wrong;
  }
}

TEST(VolunteerHours, LoggedEntriesAreChecked) {
  const CivilDate today{year{2026}, month{11}, day{30}};
  auto entry = Entry(today, 90);
  EXPECT_TRUE(CheckLoggedHours(entry, today));
  auto future = Entry(AddDays(today, 1), 90);
  EXPECT_EQ(CheckLoggedHours(future, today).error().fields.front().field, "worked_on");
  auto old = Entry(AddDays(today, -400), 90);
  EXPECT_EQ(CheckLoggedHours(old, today).error().fields.front().field, "worked_on");
  auto long_day = Entry(today, 24 * 60 + 1);
  EXPECT_EQ(CheckLoggedHours(long_day, today).error().fields.front().field, "duration");
  auto training = Entry(today, 60, HoursStatus::kPending, HoursKind::kTraining);
  EXPECT_EQ(CheckLoggedHours(training, today).error().fields.front().field, "kind");
}

}  // namespace
}  // namespace cercle::domain
