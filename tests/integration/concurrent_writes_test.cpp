// Writes from many threads at once: each one acknowledged is there, each one undone (an Error, an
// exception) is not, and the others around it are kept. On SQLite the writes queued behind one
// another share one COMMIT (group commit, store::Database::Write), which these tests exercise with
// threads that write at the same time; on PostgreSQL every write has its own transaction, and the
// same tests hold.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/test_database.hpp"

namespace cercle::testing {
namespace {

constexpr int kThreads = 8;
constexpr int kWritesPerThread = 40;

class ConcurrentWrites : public ::testing::TestWithParam<Backend> {
 protected:
  ConcurrentWrites() : test_database_(GetParam()) {
    std::string create =
        "CREATE TABLE write_probe (thread integer NOT NULL, n integer NOT NULL); "
        "CREATE TABLE write_filler (text text)";
    if (GetParam() == Backend::kPostgres) {
      create +=
          "; GRANT SELECT, INSERT ON write_probe, write_filler TO " + test_database_.app_role();
    }
    test_database_.ExecuteAsOwner(create);
  }

  store::Database& database() { return test_database_.database(); }

  // Inserts (thread, n) in a write of its own, which keeps it (an empty Status) or gives it up:
  // with an Error when `outcome` is 1, by throwing when it is 2.
  Status Insert(int thread, int n, int outcome) {
    return database().Write(store::Scope::System(), [&](soci::session& session) -> Status {
      session << "INSERT INTO write_probe (thread, n) VALUES (:thread, :n)", soci::use(thread),
          soci::use(n);
      if (outcome == 1) return Error::Invalid("undone");
      if (outcome == 2) throw std::runtime_error("thrown");
      return {};
    });
  }

  // Whether the row (thread, n) is in the table.
  bool Holds(int thread, int n) {
    return database().Read(store::Scope::System(), [&](soci::session& session) {
      int count = 0;
      session << "SELECT COUNT(*) FROM write_probe WHERE thread = :thread AND n = :n",
          soci::into(count), soci::use(thread), soci::use(n);
      return count == 1;
    });
  }

  int RowCount() {
    return database().Read(store::Scope::System(), [](soci::session& session) {
      int count = 0;
      session << "SELECT COUNT(*) FROM write_probe", soci::into(count);
      return count;
    });
  }

  // Runs kThreads threads of kWritesPerThread writes each, started together; `outcome(thread, n)`
  // says how each write ends (0 kept, 1 Error, 2 thrown).
  template <class Outcome>
  void RunAtOnce(Outcome outcome, std::atomic<int>& kept, std::atomic<int>& thrown) {
    std::atomic<bool> go = false;
    std::vector<std::thread> threads;
    for (int thread = 0; thread < kThreads; ++thread) {
      threads.emplace_back([&, thread] {
        while (!go.load()) std::this_thread::yield();
        for (int n = 0; n < kWritesPerThread; ++n) {
          try {
            kept += Insert(thread, n, outcome(thread, n)).ok();
          } catch (const std::runtime_error&) {
            ++thrown;
          }
        }
      });
    }
    go = true;
    for (auto& thread : threads) thread.join();
  }

 private:
  TestDatabase test_database_;
};

TEST_P(ConcurrentWrites, EveryAcknowledgedWriteIsKept) {
  std::atomic<int> kept = 0;
  std::atomic<int> thrown = 0;
  RunAtOnce([](int, int) { return 0; }, kept, thrown);

  EXPECT_EQ(kept.load(), kThreads * kWritesPerThread);
  EXPECT_EQ(thrown.load(), 0);
  EXPECT_EQ(RowCount(), kThreads * kWritesPerThread);
}

TEST_P(ConcurrentWrites, AWriteUndoneLeavesTheWritesAroundItKept) {
  std::atomic<int> kept = 0;
  std::atomic<int> thrown = 0;
  // Every third write returns an Error, every third after it throws: both are undone alone.
  const auto outcome = [](int thread, int n) { return (thread + n) % 3; };
  RunAtOnce(outcome, kept, thrown);

  int expected_kept = 0;
  int expected_thrown = 0;
  for (int thread = 0; thread < kThreads; ++thread) {
    for (int n = 0; n < kWritesPerThread; ++n) {
      EXPECT_EQ(Holds(thread, n), outcome(thread, n) == 0) << thread << " " << n;
      expected_kept += outcome(thread, n) == 0;
      expected_thrown += outcome(thread, n) == 2;
    }
  }
  EXPECT_EQ(kept.load(), expected_kept);
  EXPECT_EQ(thrown.load(), expected_thrown);
  EXPECT_EQ(RowCount(), expected_kept);
}

TEST_P(ConcurrentWrites, AStorageFaultLosesNothingAcknowledged) {
  if (GetParam() != Backend::kSqlite) GTEST_SKIP() << "the page limit is SQLite's";
  // Each write needs new pages; the limit stops them part of the way through.
  const long long pages = database().Read(store::Scope::System(), [](soci::session& session) {
    long long count = 0;
    session << "PRAGMA page_count", soci::into(count);
    return count;
  });
  database().LimitSqlitePages(pages + 40);
  std::vector<std::vector<int>> outcomes(kThreads, std::vector<int>(kWritesPerThread, -1));
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int n = 0; n < kWritesPerThread; ++n) {
        try {
          const std::string big(3000, 'x');
          const auto written =
              database().Write(store::Scope::System(), [&](soci::session& session) -> Status {
                session << "INSERT INTO write_probe (thread, n) VALUES (:thread, :n)",
                    soci::use(thread), soci::use(n);
                session << "INSERT INTO write_filler (text) VALUES (:text)", soci::use(big);
                return {};
              });
          outcomes[thread][n] = written.ok() ? 1 : 0;
        } catch (const store::StorageUnavailable&) {
          outcomes[thread][n] = 0;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  database().LimitSqlitePages(std::nullopt);

  int acknowledged = 0;
  for (int thread = 0; thread < kThreads; ++thread) {
    for (int n = 0; n < kWritesPerThread; ++n) {
      ASSERT_NE(outcomes[thread][n], -1);
      EXPECT_EQ(Holds(thread, n), outcomes[thread][n] == 1) << thread << " " << n;
      acknowledged += outcomes[thread][n];
    }
  }
  EXPECT_GT(acknowledged, 0);
  EXPECT_LT(acknowledged, kThreads * kWritesPerThread);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcurrentWrites,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return BackendName(info.param); });

}  // namespace
}  // namespace cercle::testing
