#pragma once

#include <soci/soci.h>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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

// Why the storage, not the request, stopped a database operation.
enum class StorageFault { kDiskFull, kReadOnly, kIoError, kConnectionLost };

// The fault's name for the log: "disk full", "read-only", "I/O error", "connection lost".
std::string_view StorageFaultName(StorageFault fault);

// A failure's description for the log: a database error becomes its category only, since its text
// may quote the values of its query; any other failure its what().
std::string DescribeFailure(const std::exception& failure);

// What became of a write that a storage fault stopped.
enum class WriteOutcome {
  kNotWritten,  // nothing was committed: the user may try again
  kUnknown,     // the connection was lost during COMMIT: it may or may not have been committed
};

// Thrown by Database::Read and Database::Write when a storage fault, not the work, stopped them.
// The web layer answers 503; background jobs try again at their next pass.
class StorageUnavailable : public std::runtime_error {
 public:
  StorageUnavailable(StorageFault fault, WriteOutcome outcome);
  StorageFault fault() const { return fault_; }
  WriteOutcome outcome() const { return outcome_; }

 private:
  StorageFault fault_;
  WriteOutcome outcome_;
};

// A pool of connections to one database, SQLite or PostgreSQL, with scoped transactions.
// Thread-safe. On SQLite, write transactions are serialised by the process so that worker threads
// never meet SQLITE_BUSY from one another, and queued writes share one COMMIT (see Write). A pooled
// connection found dead is reopened when it is next taken. A storage fault (disk full, read-only,
// I/O error, connection lost) becomes StorageUnavailable; a read that lost its connection is run
// again once on a fresh one, and so is a write that lost it before anything was written (at BEGIN);
// a write whose COMMIT lost its connection is never replayed.
class Database {
 public:
  // Opens `url` ("sqlite:PATH" or "postgresql://…") with `pool_size` connections.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size);
  ~Database();

  Dialect dialect() const { return dialect_; }

  // Runs `work(session)` in a read transaction and returns what it returns.
  template <class Work>
  auto Read(const Scope& scope, Work&& work) -> std::invoke_result_t<Work, soci::session&> {
    Lease lease(*this);
    for (int attempt = 0;; ++attempt) {
      try {
        Begin(lease.session(), scope, Mode::kRead);
        if constexpr (std::is_void_v<std::invoke_result_t<Work, soci::session&>>) {
          work(lease.session());
          End(lease.session(), Mode::kRead, true);
          return;
        } else {
          auto result = work(lease.session());
          End(lease.session(), Mode::kRead, true);
          return result;
        }
      } catch (...) {
        const auto fault = Settle(lease.session(), Mode::kRead);
        if (!fault) throw;
        if (*fault == StorageFault::kConnectionLost && attempt == 0 && lease.Renew()) continue;
        throw StorageUnavailable(*fault, WriteOutcome::kNotWritten);
      }
    }
  }

  // Runs `work(session)` in a write transaction. `work` returns a Result: the transaction commits
  // when it holds a value and rolls back when it holds an Error or when `work` throws.
  // On SQLite, writes take turns on one connection, and the writes queued behind one another
  // share one COMMIT, so one fsync makes a whole group durable ("group commit"): each runs in a
  // savepoint of the group's transaction, and Write returns only once its group is committed.
  // A write undone (an Error, an exception) leaves the others' work in the group; a storage fault
  // fails the whole group, each of its writes then throwing StorageUnavailable (kNotWritten).
  template <class Work>
  auto Write(const Scope& scope, Work&& work) -> std::invoke_result_t<Work, soci::session&> {
    if (dialect_ == Dialect::kSqlite) {
      WriteTurn turn(*this);
      std::optional<std::invoke_result_t<Work, soci::session&>> result;
      try {
        result.emplace(work(turn.session()));
      } catch (...) {
        turn.Abandon();
      }
      turn.Finish(result->ok());
      return std::move(*result);
    }
    Lease lease(*this);
    for (int attempt = 0;; ++attempt) {
      Phase phase = Phase::kBegin;
      try {
        Begin(lease.session(), scope, Mode::kWrite);
        phase = Phase::kWork;
        auto result = work(lease.session());
        if (result.ok()) phase = Phase::kCommit;
        End(lease.session(), Mode::kWrite, result.ok());
        if (result.ok()) NoteWriteCommitted();
        return result;
      } catch (...) {
        const auto fault = Settle(lease.session(), Mode::kWrite);
        if (!fault) throw;
        if (*fault == StorageFault::kConnectionLost && phase == Phase::kBegin && attempt == 0 &&
            lease.Renew())
          continue;
        throw WriteFailed(*fault, phase);
      }
    }
  }

  // True when the database answers a trivial query.
  bool Ping();

  // True when a write can succeed now: the database answers and, after a write failed on a
  // storage fault, a probe write (which needs new space) commits again.
  bool Writable();

  // SQLite only: the most pages the file may grow to, applied to every connection before each
  // write (PRAGMA max_page_count); std::nullopt lifts the limit. Lets tests reach "disk full"
  // without filling a file system.
  void LimitSqlitePages(std::optional<long long> pages);

  // Runs a script of several SQL statements at once, through the engine's own multi-statement call.
  static void ExecuteScript(soci::session& session, const std::string& script);

 private:
  enum class Mode { kRead, kWrite };
  // How far a write got before it failed.
  enum class Phase { kBegin, kWork, kCommit };

  // One pooled connection, taken for one transaction and given back at the end; a dead one is
  // reopened when taken.
  class Lease {
   public:
    explicit Lease(Database& database);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& session() { return *session_; }
    // Opens the connection again (after it was lost); false when the database is unreachable.
    bool Renew();

   private:
    Database& database_;
    std::size_t position_ = 0;
    soci::session* session_ = nullptr;
  };

  // The group of SQLite writes sharing one transaction (defined in database.cpp).
  struct WriteGroup;

  // One SQLite write's turn on the group's connection: waits for the writes before it, opens the
  // group's transaction when none is open, and runs the write in a savepoint of its own.
  class WriteTurn {
   public:
    explicit WriteTurn(Database& database);
    ~WriteTurn();
    WriteTurn(const WriteTurn&) = delete;
    WriteTurn& operator=(const WriteTurn&) = delete;
    soci::session& session();
    // Keeps the write (`keep`) or undoes it, then commits the group, or leaves the COMMIT to the
    // write queued next and waits for it when the write was kept. Throws StorageUnavailable when
    // the group's COMMIT failed.
    void Finish(bool keep);
    // Called inside a catch block: a storage fault fails the group and becomes StorageUnavailable;
    // any other exception undoes only this write, lets the group go on, and is thrown again.
    [[noreturn]] void Abandon();

   private:
    // Commits the group now (no write queued) or hands it on; returns the group to wait for.
    std::shared_ptr<WriteGroup> Settle();

    Database& database_;
    std::unique_lock<std::mutex> turn_;
  };

  Database(Dialect dialect, std::unique_ptr<soci::connection_pool> pool, std::string backend,
           std::string connect_string)
      : dialect_(dialect),
        pool_(std::move(pool)),
        backend_(std::move(backend)),
        connect_string_(std::move(connect_string)) {}
  void Begin(soci::session& session, const Scope& scope, Mode mode);
  void End(soci::session& session, Mode mode, bool commit);
  // Called inside a catch block: classifies the exception in flight, rolls back what is left
  // when the connection still works, and returns the storage fault, if that is what it was.
  std::optional<StorageFault> Settle(soci::session& session, Mode mode) noexcept;
  // Records a storage fault of a write and returns the exception to throw.
  StorageUnavailable WriteFailed(StorageFault fault, Phase phase);
  void NoteWriteCommitted();
  // SQLite's write groups (under write_mutex_): open one's transaction, commit it, or roll it back
  // on a storage fault; each then releases the writes waiting for it.
  void OpenGroup();
  void CommitGroup();
  void FailGroup(StorageFault fault);
  void EndGroup(std::optional<StorageFault> fault);
  // Opens `session` again, configured as at start.
  void Reopen(soci::session& session);

  Dialect dialect_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::string backend_;
  std::string connect_string_;
  int pool_size_ = 0;
  std::mutex write_mutex_;
  // SQLite: the group whose transaction is open (guarded by write_mutex_), and how many writes
  // wait for their turn.
  std::shared_ptr<WriteGroup> group_;
  std::atomic<int> queued_writes_ = 0;
  // The fault that stopped a write, or -1 (cleared by NoteWriteCommitted or Writable's probe).
  std::atomic<int> write_fault_ = -1;
  // The SQLite page limit (LimitSqlitePages), or -1 when none was ever set.
  std::atomic<long long> sqlite_page_limit_ = -1;
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
