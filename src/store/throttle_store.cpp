#include "store/throttle_store.hpp"

namespace cercle::store {
namespace {

constexpr const char* kRead = R"sql(
  SELECT window_start, failures, last_failure_at FROM login_throttle WHERE throttle_key = :key
)sql";

constexpr const char* kUpsert = R"sql(
  INSERT INTO login_throttle (throttle_key, window_start, failures, last_failure_at)
  VALUES (:key, :start, :failures, :last)
  ON CONFLICT (throttle_key) DO UPDATE SET window_start = excluded.window_start,
                                          failures = excluded.failures,
                                          last_failure_at = excluded.last_failure_at
)sql";

constexpr const char* kClear = R"sql(
  DELETE FROM login_throttle WHERE throttle_key = :key
)sql";

}  // namespace

ThrottleState ThrottleStore::Read(const std::string& key, std::int64_t now) {
  ThrottleState state;
  session_ << kRead, soci::use(key, "key"), soci::into(state.window_start),
      soci::into(state.failures), soci::into(state.last_failure_at);
  if (!session_.got_data() || now - state.window_start >= window_seconds_) {
    return ThrottleState{now, 0, 0};
  }
  return state;
}

void ThrottleStore::RecordFailure(const std::string& key, std::int64_t now) {
  ThrottleState state = Read(key, now);
  ++state.failures;
  state.last_failure_at = now;
  session_ << kUpsert, soci::use(key, "key"), soci::use(state.window_start, "start"),
      soci::use(state.failures, "failures"), soci::use(state.last_failure_at, "last");
}

void ThrottleStore::Clear(const std::string& key) { session_ << kClear, soci::use(key, "key"); }

}  // namespace cercle::store
