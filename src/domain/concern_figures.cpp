#include "domain/concern_figures.hpp"

#include <algorithm>
#include <map>

namespace cercle::domain {

std::optional<std::chrono::seconds> Median(std::vector<std::chrono::seconds> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  if (values.size() % 2 == 1) return values[middle];
  return (values[middle - 1] + values[middle]) / 2;
}

std::vector<MonthFigures> MonthlyFigures(const std::vector<ConcernTimes>& concerns,
                                         const std::function<CivilDate(Instant)>& day_of) {
  struct Durations {
    int raised = 0;
    std::vector<std::chrono::seconds> to_acknowledge;
    std::vector<std::chrono::seconds> to_close;
  };
  // Keyed by (year, month), so that the map's order is the calendar's.
  std::map<std::pair<int, unsigned>, Durations> months;
  for (const auto& concern : concerns) {
    const CivilDate day = day_of(concern.raised_at);
    auto& month = months[{static_cast<int>(day.year()), static_cast<unsigned>(day.month())}];
    ++month.raised;
    if (concern.acknowledged_at) {
      month.to_acknowledge.push_back(
          std::max(std::chrono::seconds(0), *concern.acknowledged_at - concern.raised_at));
    }
    if (concern.closed_at) {
      month.to_close.push_back(
          std::max(std::chrono::seconds(0), *concern.closed_at - concern.raised_at));
    }
  }
  std::vector<MonthFigures> figures;
  for (auto it = months.rbegin(); it != months.rend(); ++it) {
    MonthFigures month;
    month.year = it->first.first;
    month.month = it->first.second;
    month.raised = it->second.raised;
    month.acknowledged = static_cast<int>(it->second.to_acknowledge.size());
    month.median_to_acknowledge = Median(it->second.to_acknowledge);
    month.closed = static_cast<int>(it->second.to_close.size());
    month.median_to_close = Median(it->second.to_close);
    figures.push_back(month);
  }
  return figures;
}

}  // namespace cercle::domain
