#include "store/query_log.hpp"

#include <soci/logger.h>
#include <atomic>
#include <mutex>
#include <utility>

namespace cercle::store::query_log {
namespace {

std::atomic<bool> recording{false};
std::mutex recorded_mutex;
std::vector<std::string> recorded;

class Recorder : public soci::logger_impl {
 public:
  void start_query(const std::string& query) override {
    if (!recording.load(std::memory_order_relaxed)) return;
    const std::lock_guard lock(recorded_mutex);
    recorded.push_back(query);
  }
  // SOCI's own logger keeps the last query for session::get_last_query; this one keeps nothing,
  // and says so rather than throw as logger_impl does.
  std::string get_last_query() const override { return {}; }

 private:
  logger_impl* do_clone() const override { return new Recorder; }
};

}  // namespace

void Start() {
  const std::lock_guard lock(recorded_mutex);
  recorded.clear();
  recording.store(true);
}

void Stop() {
  recording.store(false);
  const std::lock_guard lock(recorded_mutex);
  recorded.clear();
}

std::vector<std::string> Take() {
  const std::lock_guard lock(recorded_mutex);
  return std::exchange(recorded, {});
}

std::unique_ptr<soci::logger_impl> MakeLogger() { return std::make_unique<Recorder>(); }

}  // namespace cercle::store::query_log
