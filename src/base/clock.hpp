#pragma once

#include <atomic>
#include <chrono>

namespace cercle {

using Instant = std::chrono::sys_seconds;

// The source of "now" for every rule with a deadline, so that tests can move time.
class Clock {
 public:
  virtual ~Clock() = default;
  // The current time, to the second.
  virtual Instant Now() const = 0;
};

// The real wall clock.
class SystemClock final : public Clock {
 public:
  Instant Now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(start.time_since_epoch().count()) {}
  Instant Now() const override { return Instant(std::chrono::seconds(now_.load())); }
  void Set(Instant instant) { now_ = instant.time_since_epoch().count(); }
  void Advance(std::chrono::seconds by) { now_ += by.count(); }

 private:
  std::atomic<long long> now_;
};

// Seconds since the Unix epoch, as stored in the database.
inline long long ToUnix(Instant instant) { return instant.time_since_epoch().count(); }
inline Instant FromUnix(long long seconds) { return Instant(std::chrono::seconds(seconds)); }

}  // namespace cercle
