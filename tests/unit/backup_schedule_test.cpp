// The daily backup's slot and its retention: a year and more of daily backups, with the retention
// applied after each as the scheduler does, keeps exactly 7 daily, 4 weekly and 12 monthly
// archives.
#include "domain/backup_schedule.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>

namespace cercle::domain {
namespace {

using std::chrono::sys_days;

CivilDate Day(int year, unsigned month, unsigned day) {
  return CivilDate(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day));
}

TEST(BackupSlot, IsTodayOnceTheTimeHasPassedAndYesterdayBefore) {
  const auto today = Day(2026, 12, 6);
  EXPECT_EQ(BackupSlot(today, 2 * 60 + 29, 2 * 60 + 30), Day(2026, 12, 5));
  EXPECT_EQ(BackupSlot(today, 2 * 60 + 30, 2 * 60 + 30), today);
  EXPECT_EQ(BackupSlot(today, 23 * 60, 2 * 60 + 30), today);
  EXPECT_EQ(BackupSlot(Day(2027, 1, 1), 0, 30), Day(2026, 12, 31));
}

TEST(KeptBackups, KeepsEverythingWhileThereAreFewerThanTheDailyTier) {
  const std::vector<CivilDate> days = {Day(2026, 12, 4), Day(2026, 12, 6), Day(2026, 12, 5)};
  EXPECT_EQ(KeptBackups(days, {}),
            (std::vector<CivilDate>{Day(2026, 12, 6), Day(2026, 12, 5), Day(2026, 12, 4)}));
}

TEST(KeptBackups, ADailyBackupWithTheRetentionAfterEachKeepsExactly7Then4Then12) {
  std::vector<CivilDate> archives;
  const auto first = sys_days(Day(2025, 3, 17));
  for (int day = 0; day < 800; ++day) {
    archives.push_back(CivilDate(first + std::chrono::days(day)));
    archives = KeptBackups(archives, {.daily = 7, .weekly = 4, .monthly = 12});
  }
  ASSERT_EQ(archives.size(), 23u);
  // The newest seven days, one after the other.
  for (std::size_t i = 1; i < 7; ++i) {
    EXPECT_EQ(sys_days(archives[i - 1]) - sys_days(archives[i]), std::chrono::days(1));
  }
  // Then four weeks, each its own and none the daily tier's: Sundays a week apart.
  std::set<int> weeks;
  for (std::size_t i = 7; i < 11; ++i) {
    EXPECT_EQ(std::chrono::weekday(sys_days(archives[i])), std::chrono::Sunday) << i;
    EXPECT_LT(archives[i], archives[6]);
    weeks.insert(static_cast<int>(sys_days(archives[i]).time_since_epoch().count() / 7));
  }
  EXPECT_EQ(weeks.size(), 4u);
  // Then twelve months, each its own, older than the weeks, and every month between present.
  for (std::size_t i = 12; i < 23; ++i) {
    const auto newer =
        CivilDate(archives[i - 1].year(), archives[i - 1].month(), std::chrono::day(1));
    const auto older = CivilDate(archives[i].year(), archives[i].month(), std::chrono::day(1));
    EXPECT_EQ(CivilDate(sys_days(newer) - std::chrono::days(1)).month(), older.month()) << i;
  }
  EXPECT_LT(archives[11], archives[10]);
}

TEST(KeptBackups, AGapOfSeveralDaysLosesNoTier) {
  std::vector<CivilDate> archives;
  const auto first = sys_days(Day(2025, 1, 1));
  for (int day = 0; day < 500; ++day) {
    if (day % 30 < 10) continue;  // the server was down ten days a month
    archives.push_back(CivilDate(first + std::chrono::days(day)));
    archives = KeptBackups(archives, {});
  }
  EXPECT_EQ(archives.size(), 23u);
  EXPECT_TRUE(std::is_sorted(archives.rbegin(), archives.rend()));
}

TEST(KeptBackups, ZeroWeeklyAndMonthlyKeepOnlyTheDays) {
  std::vector<CivilDate> archives;
  const auto first = sys_days(Day(2026, 1, 1));
  for (int day = 0; day < 60; ++day) archives.push_back(CivilDate(first + std::chrono::days(day)));
  EXPECT_EQ(KeptBackups(archives, {.daily = 3, .weekly = 0, .monthly = 0}).size(), 3u);
}

}  // namespace
}  // namespace cercle::domain
