#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <string>

namespace cercle::store {

// Failures counted for one throttle key ("email:…", "address:…", "secret:…") in its current window.
struct ThrottleState {
  std::int64_t window_start = 0;  // Unix seconds
  int failures = 0;
  std::int64_t last_failure_at = 0;
};

// Counts failed sign-ins and wrong codes per key, in windows of `window_seconds`, within the
// caller's (system-scope) transaction.
class ThrottleStore {
 public:
  ThrottleStore(soci::session& session, std::int64_t window_seconds)
      : session_(session), window_seconds_(window_seconds) {}

  // The key's failures in the window that holds `now` (none once its window has passed).
  ThrottleState Read(const std::string& key, std::int64_t now);
  // Counts one more failure for `key` at `now`.
  void RecordFailure(const std::string& key, std::int64_t now);
  // Forgets the key's failures.
  void Clear(const std::string& key);

 private:
  soci::session& session_;
  std::int64_t window_seconds_;
};

}  // namespace cercle::store
