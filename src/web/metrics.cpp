#include "web/metrics.hpp"

#include <fmt/format.h>

namespace cercle::web {

void Metrics::Observe(const std::string& route, const std::string& method, int status,
                      double seconds) {
  std::lock_guard lock(mutex_);
  Series& series = series_[{route, method, status}];
  ++series.count;
  series.sum += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++series.bucket_counts[i];
  }
}

std::string Metrics::Render() const {
  std::lock_guard lock(mutex_);
  std::string out =
      "# HELP cercle_http_requests_total HTTP requests answered, by route, method and status.\n"
      "# TYPE cercle_http_requests_total counter\n";
  for (const auto& [key, series] : series_) {
    const auto& [route, method, status] = key;
    out +=
        fmt::format("cercle_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                    route, method, status, series.count);
  }
  out +=
      "# HELP cercle_http_request_duration_seconds Time to answer HTTP requests, by route, method "
      "and status.\n"
      "# TYPE cercle_http_request_duration_seconds histogram\n";
  for (const auto& [key, series] : series_) {
    const auto& [route, method, status] = key;
    const std::string labels =
        fmt::format("route=\"{}\",method=\"{}\",status=\"{}\"", route, method, status);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format("cercle_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels,
                         kBuckets[i], series.bucket_counts[i]);
    }
    out += fmt::format("cercle_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels,
                       series.count);
    out += fmt::format("cercle_http_request_duration_seconds_sum{{{}}} {}\n", labels, series.sum);
    out +=
        fmt::format("cercle_http_request_duration_seconds_count{{{}}} {}\n", labels, series.count);
  }
  return out;
}

}  // namespace cercle::web
