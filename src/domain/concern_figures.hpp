#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"

// The register's figures: per month, how long concerns took to be acknowledged and to be closed. No
// I/O.
namespace cercle::domain {

// The moments of one concern that the figures need.
struct ConcernTimes {
  Instant raised_at;
  std::optional<Instant> acknowledged_at;
  std::optional<Instant> closed_at;
};

// One month's figures, for the concerns raised that month.
struct MonthFigures {
  int year = 0;
  unsigned month = 0;  // 1 to 12
  int raised = 0;
  int acknowledged = 0;  // how many were acknowledged (the count behind the median)
  std::optional<std::chrono::seconds> median_to_acknowledge;
  int closed = 0;
  std::optional<std::chrono::seconds> median_to_close;
};

// The median of `values` (the mean of the two middle ones for an even count); none when empty.
std::optional<std::chrono::seconds> Median(std::vector<std::chrono::seconds> values);

// The figures of every month in which a concern was raised, newest month first. `day_of` gives an
// instant's day in the organisation's time zone.
std::vector<MonthFigures> MonthlyFigures(const std::vector<ConcernTimes>& concerns,
                                         const std::function<CivilDate(Instant)>& day_of);

}  // namespace cercle::domain
