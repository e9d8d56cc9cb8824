#pragma once

#include <chrono>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "base/periodic_thread.hpp"

// The server's own scheduler: a background thread that runs periodic jobs (the escalation of
// unacknowledged concerns…) every interval. Jobs read what is due from the database with the
// server's clock, so they keep nothing in memory that a restart would lose, and several servers may
// run them on one database.
namespace cercle::scheduler {

// A periodic job: does what is due now and returns how much it did (mails queued…), 0 when nothing
// was due.
using Job = std::function<int()>;

// Describes a failed job's exception for the log. The runtime gives the store's description, which
// never quotes a query's values; by default, the exception's what().
using DescribeFailure = std::function<std::string(const std::exception&)>;

class Scheduler {
 public:
  // Runs the jobs every `interval`; calls `after_work` after a pass in which some job did something
  // (to wake the mail sender); logs a failed job with `describe`.
  Scheduler(std::chrono::seconds interval, std::function<void()> after_work,
            DescribeFailure describe = {});
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Adds a job, named for the log. Add every job before Start.
  void Add(std::string name, Job job);

  // Starts the background thread, which runs a pass at once and then every interval until Stop.
  void Start();
  // Stops the background thread after the pass in progress.
  void Stop();
  // Runs a pass now instead of at the end of the interval.
  void Wake();

  // Runs every job once, in the order added; returns the sum of what they did. A job that throws is
  // logged and does not stop the others. Used by the thread and by tests.
  int RunOnce();

 private:
  struct NamedJob {
    std::string name;
    Job job;
  };
  std::chrono::seconds interval_;
  std::function<void()> after_work_;
  DescribeFailure describe_;
  std::vector<NamedJob> jobs_;
  PeriodicThread thread_;
};

}  // namespace cercle::scheduler
