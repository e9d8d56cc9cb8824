#include "domain/backup_schedule.hpp"

#include <algorithm>
#include <chrono>
#include <functional>

namespace cercle::domain {
namespace {

// The Monday that starts the week of `day`.
CivilDate WeekOf(CivilDate day) {
  const std::chrono::sys_days date(day);
  const auto since_monday = (std::chrono::weekday(date) - std::chrono::Monday).count();
  return CivilDate(date - std::chrono::days(since_monday));
}

// The first of the month of `day`.
CivilDate MonthOf(CivilDate day) { return CivilDate(day.year(), day.month(), std::chrono::day(1)); }

// Keeps, from `days` (newest first) starting at `from`, the newest day of each of the first `count`
// periods that `period` names; returns where the next tier starts: after the oldest day kept.
std::size_t KeepNewestOfPeriods(const std::vector<CivilDate>& days, std::size_t from, int count,
                                const std::function<CivilDate(CivilDate)>& period,
                                std::vector<CivilDate>& kept) {
  std::size_t next = from;
  int periods = 0;
  for (std::size_t i = from; i < days.size() && periods < count; ++i) {
    if (i > from && period(days[i]) == period(days[i - 1])) continue;
    kept.push_back(days[i]);
    ++periods;
    next = i + 1;
  }
  return next;
}

}  // namespace

CivilDate BackupSlot(CivilDate today, int minute, int scheduled_minute) {
  return minute >= scheduled_minute ? today : AddDays(today, -1);
}

std::vector<CivilDate> KeptBackups(std::vector<CivilDate> days, const Retention& retention) {
  std::sort(days.begin(), days.end(), std::greater<>());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  std::vector<CivilDate> kept;
  const std::size_t daily = std::min<std::size_t>(days.size(), std::max(retention.daily, 0));
  kept.assign(days.begin(), days.begin() + static_cast<std::ptrdiff_t>(daily));
  // A tier starts with the first period that the tier before it did not reach into.
  std::size_t next = daily;
  while (next < days.size() && daily > 0 && WeekOf(days[next]) == WeekOf(days[daily - 1])) ++next;
  next = KeepNewestOfPeriods(days, next, retention.weekly, WeekOf, kept);
  if (next > 0) {
    const CivilDate last = days[next - 1];
    while (next < days.size() && MonthOf(days[next]) == MonthOf(last)) ++next;
  }
  KeepNewestOfPeriods(days, next, retention.monthly, MonthOf, kept);
  return kept;
}

}  // namespace cercle::domain
