#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace cercle {

// A background thread that runs one pass, then sleeps for its period or until woken, until
// stopped. The mail sender and the scheduler run their passes on one each.
class PeriodicThread {
 public:
  // `pass` runs on the thread; it may ask Stopping() to end early.
  explicit PeriodicThread(std::function<void()> pass);
  // Stops the thread.
  ~PeriodicThread();

  // Starts the thread (nothing when it runs already), which sleeps `period` between passes.
  void Start(std::chrono::seconds period);
  // Stops the thread after the pass in progress; the pass may be run directly again afterwards.
  void Stop();
  // Runs a pass now instead of at the end of the period.
  void Wake();
  // Whether Stop waits for the pass in progress to end.
  bool Stopping();

 private:
  std::function<void()> pass_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace cercle
