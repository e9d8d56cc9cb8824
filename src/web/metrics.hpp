#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace cercle::web {

// Request counts and a latency histogram by route, method and status, rendered for Prometheus.
// Thread-safe.
class Metrics {
 public:
  // Records one answered request. `route` is the route's pattern, never the raw path.
  void Observe(const std::string& route, const std::string& method, int status, double seconds);
  // The Prometheus text exposition of everything observed.
  std::string Render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  5.0};
  struct Series {
    std::array<unsigned long long, kBuckets.size()> bucket_counts{};
    unsigned long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, Series> series_;
};

}  // namespace cercle::web
