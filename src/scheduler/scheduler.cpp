#include "scheduler/scheduler.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace cercle::scheduler {

Scheduler::Scheduler(std::chrono::seconds interval, std::function<void()> after_work,
                     DescribeFailure describe)
    : interval_(std::max(interval, std::chrono::seconds(1))),
      after_work_(std::move(after_work)),
      describe_(std::move(describe)),
      thread_([this] { RunOnce(); }) {}

Scheduler::~Scheduler() { Stop(); }

void Scheduler::Add(std::string name, Job job) {
  jobs_.push_back({std::move(name), std::move(job)});
}

int Scheduler::RunOnce() {
  int done = 0;
  for (const auto& [name, job] : jobs_) {
    // A failing job (the database gone, say) must not stop the others or end the thread: the next
    // pass retries, and each job's own transactions leave nothing half done.
    try {
      done += job();
    } catch (const std::exception& failure) {
      spdlog::error("scheduler: job {} failed: {}", name,
                    describe_ ? describe_(failure) : std::string(failure.what()));
    } catch (...) {
      spdlog::error("scheduler: job {} failed with an unknown error", name);
    }
  }
  if (done > 0 && after_work_) after_work_();
  return done;
}

void Scheduler::Start() { thread_.Start(interval_); }

void Scheduler::Stop() { thread_.Stop(); }

void Scheduler::Wake() { thread_.Wake(); }

}  // namespace cercle::scheduler
