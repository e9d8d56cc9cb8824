#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>

#include "base/result.hpp"

namespace cercle::store {

// The SQL engine behind a Database.
enum class Dialect { kSqlite, kPostgres };

// Which organisation's rows a transaction works on. On PostgreSQL, row-level security enforces it
// as well.
class Scope {
 public:
  // Rows of one organisation only.
  static Scope Organisation(std::int64_t organisation_id) { return Scope(organisation_id); }
  // Rows of every organisation: sign-in lookups, the scheduler, network aggregates. Use sparingly.
  static Scope System() { return Scope(std::nullopt); }

  bool is_system() const { return !organisation_id_; }
  std::int64_t organisation_id() const { return organisation_id_.value_or(0); }

 private:
  explicit Scope(std::optional<std::int64_t> organisation_id) : organisation_id_(organisation_id) {}
  std::optional<std::int64_t> organisation_id_;
};

// A pool of connections to one database, SQLite or PostgreSQL, with scoped transactions.
// Thread-safe. On SQLite, write transactions are serialised by the process so that worker threads
// never meet SQLITE_BUSY from one another.
class Database {
 public:
  // Opens `url` ("sqlite:PATH" or "postgresql://…") with `pool_size` connections.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size);
  ~Database();

  Dialect dialect() const { return dialect_; }

  // Runs `work(session)` in a read transaction and returns what it returns.
  template <class Work>
  auto Read(const Scope& scope, Work&& work) -> std::invoke_result_t<Work, soci::session&> {
    soci::session session(*pool_);
    Begin(session, scope, Mode::kRead);
    try {
      if constexpr (std::is_void_v<std::invoke_result_t<Work, soci::session&>>) {
        work(session);
        End(session, Mode::kRead, true);
      } else {
        auto result = work(session);
        End(session, Mode::kRead, true);
        return result;
      }
    } catch (...) {
      End(session, Mode::kRead, false);
      throw;
    }
  }

  // Runs `work(session)` in a write transaction. `work` returns a Result: the transaction commits
  // when it holds a value and rolls back when it holds an Error or when `work` throws.
  template <class Work>
  auto Write(const Scope& scope, Work&& work) -> std::invoke_result_t<Work, soci::session&> {
    std::unique_lock<std::mutex> serialised(write_mutex_, std::defer_lock);
    if (dialect_ == Dialect::kSqlite) serialised.lock();
    soci::session session(*pool_);
    Begin(session, scope, Mode::kWrite);
    try {
      auto result = work(session);
      End(session, Mode::kWrite, result.ok());
      return result;
    } catch (...) {
      End(session, Mode::kWrite, false);
      throw;
    }
  }

  // True when the database answers a trivial query.
  bool Ping();

  // Runs a script of several SQL statements at once, through the engine's own multi-statement call.
  static void ExecuteScript(soci::session& session, const std::string& script);

 private:
  enum class Mode { kRead, kWrite };
  Database(Dialect dialect, std::unique_ptr<soci::connection_pool> pool)
      : dialect_(dialect), pool_(std::move(pool)) {}
  void Begin(soci::session& session, const Scope& scope, Mode mode);
  void End(soci::session& session, Mode mode, bool commit);

  Dialect dialect_;
  std::unique_ptr<soci::connection_pool> pool_;
  int pool_size_ = 0;
  std::mutex write_mutex_;
};

// The SOCI backend name and connection string for `url`.
struct ConnectionTarget {
  Dialect dialect = Dialect::kSqlite;
  std::string backend;
  std::string connect_string;
  std::string sqlite_path;
};
Result<ConnectionTarget> ParseUrl(const std::string& url);

// Opens one session to `url` outside any pool (migrations, tools).
Result<std::unique_ptr<soci::session>> OpenSession(const std::string& url);

}  // namespace cercle::store
