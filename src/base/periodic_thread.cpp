#include "base/periodic_thread.hpp"

namespace cercle {

PeriodicThread::PeriodicThread(std::function<void()> pass) : pass_(std::move(pass)) {}

PeriodicThread::~PeriodicThread() { Stop(); }

void PeriodicThread::Start(std::chrono::seconds period) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  woken_ = false;
  thread_ = std::thread([this, period] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
      woken_ = false;
      lock.unlock();
      pass_();
      lock.lock();
      wake_.wait_for(lock, period, [this] { return stopping_ || woken_; });
    }
  });
}

void PeriodicThread::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  // The thread is gone: the pass may be run directly again.
  std::lock_guard<std::mutex> lock(mutex_);
  stopping_ = false;
}

void PeriodicThread::Wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

bool PeriodicThread::Stopping() {
  std::lock_guard<std::mutex> lock(mutex_);
  return stopping_;
}

}  // namespace cercle
