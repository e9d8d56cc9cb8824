// Durable writes per second: minutes submitted through app::circles::SubmitMinutes, the workflow
// behind the volunteer's form, from 1 to 16 threads at once, on SQLite (WAL, synchronous=FULL:
// each COMMIT waits for the disk) and, when $BENCH_POSTGRES_URL names an empty database, on
// PostgreSQL. Each submission is one transaction (validation, minutes, attendance, hours, audit).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "app/circles/circle_meetings.hpp"
#include "app/circles/portal_circle.hpp"
#include "base/dates.hpp"
#include "bench_runtime.hpp"
#include "demo/demo_actors.hpp"

namespace cercle {
namespace {

// One meeting held yesterday, waiting for its minutes, and who writes them.
struct Submission {
  app::circles::MinutesCommand command;
  auth::Actor writer;
};

// The demo on `url` (a temporary SQLite file when empty), and meetings planned for the runs.
class WriteRuntime {
 public:
  explicit WriteRuntime(const std::string& url)
      : runtime_(url.empty() ? "write-bench-sqlite" : "write-bench-postgres", url, 1, 20) {}

  // Plans `count` meetings yesterday, spread over the demo's open circles, each written by one of
  // its current volunteers, and returns their minutes to submit.
  std::vector<Submission> PlanMeetings(int count) {
    const auto& services = runtime_.get().app();
    const auto actors = demo::FindActors(services, 1).value();
    struct Seat {
      std::int64_t circle_id;
      std::int64_t volunteer_id;
      std::int64_t user_id;
    };
    const auto seats = services.database.Read(store::Scope::Organisation(1), [](auto& session) {
      // Bulk into vectors of long long: the same C++ type on both engines.
      std::vector<long long> circles(500), volunteers(500), users(500);
      session << "SELECT m.circle_id, m.volunteer_id, v.user_id "
                 "FROM circle_members m JOIN circles c ON c.id = m.circle_id "
                 "JOIN volunteers v ON v.id = m.volunteer_id "
                 "WHERE m.left_on IS NULL AND c.closed_on IS NULL "
                 "AND v.user_id IS NOT NULL ORDER BY m.circle_id",
          soci::into(circles), soci::into(volunteers), soci::into(users);
      std::vector<Seat> found;
      for (std::size_t i = 0; i < circles.size(); ++i) {
        found.push_back({circles[i], volunteers[i], users[i]});
      }
      return found;
    });
    std::vector<Submission> submissions;
    const CivilDate yesterday = AddDays(services.Today(), -1);
    for (int tries = 0; static_cast<int>(submissions.size()) < count; ++tries) {
      if (tries > 4 * count) throw std::runtime_error("the meetings could not be planned");
      const int minute = next_minute_++;
      const Seat& seat = seats.at(minute % seats.size());
      const auto planned = app::circles::PlanMeetings(
          services, actors.coordinator,
          {.circle_id = seat.circle_id,
           .plan = {.kind = domain::MeetingKind::kOneToOne,
                    .date = yesterday,
                    .start_minute = 8 * 60 + minute / static_cast<int>(seats.size()),
                    .duration_minutes = 60,
                    .place = "Téléphone",
                    .mode = domain::MeetingMode::kTelephone},
           .writer_volunteer_id = seat.volunteer_id});
      if (!planned) continue;
      submissions.push_back({.command = {.meeting_id = LastMeeting(seat.circle_id),
                                         .core_member_present = true,
                                         .present = {seat.volunteer_id},
                                         .duration_minutes = 60,
                                         .check_in = "Tour de table (données de mesure).",
                                         .accountability = "Rien de particulier (mesure)."},
                             .writer = actors.volunteers.at(seat.user_id)});
    }
    return submissions;
  }

  const app::Services& services() { return runtime_.get().app(); }

 private:
  std::int64_t LastMeeting(std::int64_t circle_id) {
    return runtime_.get().database().Read(
        store::Scope::Organisation(1), [&](soci::session& session) {
          long long id = 0;
          session << "SELECT MAX(id) FROM circle_meetings WHERE circle_id = :circle",
              soci::into(id), soci::use(circle_id);
          return static_cast<std::int64_t>(id);
        });
  }

  bench::DemoRuntime runtime_;
  int next_minute_ = 0;  // the meetings of successive runs start at successive minutes
};

// One runtime per database for the whole run: the demo goes only into an empty database.
WriteRuntime& Shared(const std::string& url) {
  static std::map<std::string, std::unique_ptr<WriteRuntime>> runtimes;
  auto& runtime = runtimes[url];
  if (!runtime) runtime = std::make_unique<WriteRuntime>(url);
  return *runtime;
}

// Submits every minutes from state.range(0) threads at once; reports submissions per second.
void SubmitMinutes(benchmark::State& state, const std::string& url) {
  const int threads = static_cast<int>(state.range(0));
  constexpr int kPerThread = 60;
  WriteRuntime& runtime = Shared(url);
  auto submissions = runtime.PlanMeetings(threads * kPerThread);
  std::atomic<int> refused = 0;
  for (auto _ : state) {
    std::vector<std::thread> workers;
    for (int thread = 0; thread < threads; ++thread) {
      workers.emplace_back([&, thread] {
        for (int n = thread; n < static_cast<int>(submissions.size()); n += threads) {
          const auto& submission = submissions[n];
          if (!app::circles::SubmitMinutes(runtime.services(), submission.writer,
                                           submission.command))
            ++refused;
        }
      });
    }
    for (auto& worker : workers) worker.join();
  }
  if (refused.load() > 0) state.SkipWithError("some minutes were refused");
  state.SetItemsProcessed(static_cast<std::int64_t>(submissions.size()));
}

// PostgreSQL's runs skip unless $BENCH_POSTGRES_URL names an empty database.
void SubmitMinutesOn(benchmark::State& state, bool postgres) {
  const char* url = postgres ? std::getenv("BENCH_POSTGRES_URL") : "";
  if (!url) {
    state.SkipWithError("BENCH_POSTGRES_URL is not set");
    for (auto _ : state) {
    }
    return;
  }
  SubmitMinutes(state, url);
}
// From 1, 4 and 16 threads, each run once over its own meetings.
void Threads(benchmark::internal::Benchmark* runs) {
  runs->Arg(1)->Arg(4)->Arg(16)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);
}
BENCHMARK_CAPTURE(SubmitMinutesOn, Sqlite, false)->Apply(Threads);
BENCHMARK_CAPTURE(SubmitMinutesOn, Postgres, true)->Apply(Threads);

}  // namespace
}  // namespace cercle
