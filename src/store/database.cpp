#include "store/database.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <array>
#include <condition_variable>
#include <filesystem>
#include <stdexcept>

#include "store/postgres_url.hpp"
#include "store/query_log.hpp"
#include "store/sqlite_statement_cache.hpp"

namespace cercle::store {
namespace {

// SQLite waits this long for a lock held by another process before failing.
constexpr int kBusyTimeoutMilliseconds = 10000;
// Memory-mapped reads cut a point read from 11 to 8 µs here (see DESIGN.md).
constexpr long long kMmapBytes = 256LL * 1024 * 1024;

void ConfigureSqlite(soci::session& session) {
  Database::ExecuteScript(session,
                          "PRAGMA journal_mode=WAL;"
                          "PRAGMA synchronous=FULL;"
                          "PRAGMA foreign_keys=ON;"
                          "PRAGMA busy_timeout=" +
                              std::to_string(kBusyTimeoutMilliseconds) +
                              ";"
                              "PRAGMA mmap_size=" +
                              std::to_string(kMmapBytes) + ";");
}

// The SQLite file holds sensitive records: create it readable by its owner only.
void CreatePrivateFile(const std::string& path) {
  const std::filesystem::path file(path);
  if (std::filesystem::exists(file)) return;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT, 0600);
  if (descriptor >= 0) ::close(descriptor);
}

// A failure of ExecuteScript, with the engine's own code: SQLite's result code or PostgreSQL's
// SQLSTATE. Its message is the engine's, which may quote values: it is never logged.
class EngineError : public soci::soci_error {
 public:
  EngineError(const std::string& message, int sqlite_code, std::string sqlstate)
      : soci::soci_error(message), sqlite_code_(sqlite_code), sqlstate_(std::move(sqlstate)) {}
  int sqlite_code() const { return sqlite_code_; }
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  int sqlite_code_ = 0;
  std::string sqlstate_;
};

// SQLite's primary result codes that mean the storage failed (sqlite3.h).
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoError = 10;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCannotOpen = 14;

// A client waits this long for PostgreSQL to accept a connection, unless the URL says otherwise:
// an unreachable server must not hold a worker thread for minutes.
constexpr int kConnectTimeoutSeconds = 5;

// The names of StorageFault's values, in its order.
constexpr std::array<std::string_view, 4> kFaultNames = {"disk full", "read-only", "I/O error",
                                                         "connection lost"};

// True when `session` has no working connection: closed (a reopen failed), or a PostgreSQL
// connection that libpq knows is broken.
bool ConnectionBad(soci::session& session) {
  auto* backend = session.get_backend();
  if (backend == nullptr) return true;
  if (backend->get_backend_name() != "postgresql") return false;
  auto* postgres = static_cast<soci::postgresql_session_backend*>(backend);
  return postgres->conn_ == nullptr || PQstatus(postgres->conn_) == CONNECTION_BAD;
}

// An idle connection has nothing to read unless the server ended it (a restart, a failover,
// pg_terminate_backend): it then sent its last error and closed the socket. Reading that marks the
// connection bad in libpq, so that it is reopened before use rather than failing a query.
bool ConnectionEnded(soci::session& session) {
  if (ConnectionBad(session)) return true;
  auto* backend = session.get_backend();
  if (backend->get_backend_name() != "postgresql") return false;
  auto* postgres = static_cast<soci::postgresql_session_backend*>(backend);
  const int socket = PQsocket(postgres->conn_);
  if (socket >= 0) {
    pollfd ready{socket, POLLIN, 0};
    if (::poll(&ready, 1, 0) > 0) PQconsumeInput(postgres->conn_);
  }
  return PQstatus(postgres->conn_) == CONNECTION_BAD;
}

std::optional<StorageFault> FaultOfSqliteCode(int code) {
  switch (code & 0xff) {
    case kSqliteFull:
      return StorageFault::kDiskFull;
    case kSqliteReadOnly:
      return StorageFault::kReadOnly;
    case kSqliteIoError:
    case kSqliteCannotOpen:
      return StorageFault::kIoError;
    default:
      return std::nullopt;
  }
}

// `writing`: 25006 means a read-only server only in a write transaction; in a read transaction it
// is a bug of the code that tried to write.
std::optional<StorageFault> FaultOfSqlstate(const std::string& sqlstate, bool writing) {
  if (sqlstate == "53100") return StorageFault::kDiskFull;
  if (sqlstate == "25006" && writing) return StorageFault::kReadOnly;
  if (sqlstate == "58030") return StorageFault::kIoError;
  if (sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
      sqlstate == "57P03" || sqlstate == "53300") {
    return StorageFault::kConnectionLost;
  }
  return std::nullopt;
}

// The storage fault behind `failure` on `session`, if that is what it is.
std::optional<StorageFault> Classify(const std::exception& failure, soci::session& session,
                                     bool writing) {
  if (dynamic_cast<const StorageUnavailable*>(&failure)) {
    return static_cast<const StorageUnavailable&>(failure).fault();
  }
  if (ConnectionEnded(session)) return StorageFault::kConnectionLost;
  if (const auto* engine = dynamic_cast<const EngineError*>(&failure)) {
    if (engine->sqlite_code() != 0) return FaultOfSqliteCode(engine->sqlite_code());
    return FaultOfSqlstate(engine->sqlstate(), writing);
  }
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&failure)) {
    return FaultOfSqliteCode(sqlite->result());
  }
  if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&failure)) {
    return FaultOfSqlstate(postgres->sqlstate(), writing);
  }
  if (const auto* soci = dynamic_cast<const soci::soci_error*>(&failure)) {
    if (soci->get_error_category() == soci::soci_error::connection_error)
      return StorageFault::kConnectionLost;
  }
  return std::nullopt;
}

void OpenTarget(soci::session& session, const ConnectionTarget& target) {
  session.open(target.backend, target.connect_string);
  if (target.dialect == Dialect::kSqlite) ConfigureSqlite(session);
}

}  // namespace

std::string DescribeFailure(const std::exception& failure) {
  if (const auto* database = dynamic_cast<const soci::soci_error*>(&failure)) {
    return "database error (category " +
           std::to_string(static_cast<int>(database->get_error_category())) + ")";
  }
  return failure.what();
}

Result<ConnectionTarget> ParseUrl(const std::string& url) {
  ConnectionTarget target;
  if (url.starts_with("sqlite:")) {
    target.dialect = Dialect::kSqlite;
    target.backend = "sqlite3";
    target.sqlite_path = url.substr(7);
    if (target.sqlite_path.empty() || target.sqlite_path.find('"') != std::string::npos) {
      return Error::Invalid(N_("database.url names no usable SQLite file."));
    }
    target.connect_string = "db=\"" + target.sqlite_path +
                            "\" timeout=" + std::to_string(kBusyTimeoutMilliseconds / 1000);
    return target;
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    target.dialect = Dialect::kPostgres;
    target.backend = "postgresql";
    target.connect_string = TRY(PostgresConnectString(url));
    if (target.connect_string.find("connect_timeout=") == std::string::npos) {
      target.connect_string += " connect_timeout='" + std::to_string(kConnectTimeoutSeconds) + "'";
    }
    return target;
  }
  return Error::Invalid(N_("database.url must start with \"sqlite:\" or \"postgresql://\"."));
}

Result<std::unique_ptr<soci::session>> OpenSession(const std::string& url) {
  const auto target = TRY(ParseUrl(url));
  if (target.dialect == Dialect::kSqlite) CreatePrivateFile(target.sqlite_path);
  auto session = std::make_unique<soci::session>();
  try {
    OpenTarget(*session, target);
  } catch (const soci::soci_error&) {
    return Error::Invalid(N_("Cannot connect to the database named by database.url."));
  }
  return session;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size) {
  const auto target = TRY(ParseUrl(url));
  if (target.dialect == Dialect::kSqlite) {
    CreatePrivateFile(target.sqlite_path);
    KeepSqliteStatements(true);
  }
  auto pool = std::make_unique<soci::connection_pool>(static_cast<std::size_t>(pool_size));
  try {
    for (int i = 0; i < pool_size; ++i) {
      auto& session = pool->at(static_cast<std::size_t>(i));
      OpenTarget(session, target);
      // The logger stays with the session when it is reopened; it records only while a test asks.
      session.set_logger(soci::logger(query_log::MakeLogger().release()));
    }
  } catch (const soci::soci_error&) {
    return Error::Invalid(N_("Cannot connect to the database named by database.url."));
  }
  auto database = std::unique_ptr<Database>(
      new Database(target.dialect, std::move(pool), target.backend, target.connect_string));
  database->pool_size_ = pool_size;
  return database;
}

Database::~Database() = default;

StorageUnavailable::StorageUnavailable(StorageFault fault, WriteOutcome outcome)
    : std::runtime_error("storage unavailable: " + std::string(StorageFaultName(fault))),
      fault_(fault),
      outcome_(outcome) {}

std::string_view StorageFaultName(StorageFault fault) {
  return kFaultNames.at(static_cast<std::size_t>(fault));
}

Database::Lease::Lease(Database& database) : database_(database) {
  position_ = database_.pool_->lease();
  session_ = &database_.pool_->at(position_);
  if (!ConnectionEnded(*session_)) return;
  // The server restarted, failed over or ended this backend: open a new connection now rather
  // than fail the transaction on the dead one.
  if (!Renew()) {
    database_.pool_->give_back(position_);
    throw StorageUnavailable(StorageFault::kConnectionLost, WriteOutcome::kNotWritten);
  }
}

Database::Lease::~Lease() { database_.pool_->give_back(position_); }

bool Database::Lease::Renew() {
  try {
    database_.Reopen(*session_);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void Database::Reopen(soci::session& session) {
  session.close();
  session.open(backend_, connect_string_);
  if (dialect_ == Dialect::kSqlite) ConfigureSqlite(session);
}

std::optional<StorageFault> Database::Settle(soci::session& session, Mode mode) noexcept {
  // What is left of the transaction is rolled back first. On a connection the server closed
  // while a statement was being sent, libpq may not know yet that it is gone (a failed write is
  // reported before the end of the stream is read); the ROLLBACK makes it find out, so the
  // failure is classified as the lost connection it is.
  try {
    if (!ConnectionBad(session)) ExecuteScript(session, "ROLLBACK");
  } catch (const std::exception&) {
    // SQLite may have rolled back by itself (after SQLITE_FULL); a lost connection has nothing
    // left to undo: the server did it.
  }
  std::optional<StorageFault> fault;
  try {
    throw;
  } catch (const std::exception& failure) {
    fault = Classify(failure, session, mode == Mode::kWrite);
  } catch (...) {
  }
  return fault;
}

// The SQLite writes sharing one transaction, on one pooled connection. Those that were kept wait
// until `done`, then throw when `fault` says the COMMIT failed.
struct Database::WriteGroup {
  std::size_t position = 0;
  soci::session* session = nullptr;
  int writes = 0;
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  std::optional<StorageFault> fault;
};

namespace {

// A group commits once it holds this many writes even when more are queued, so that a steady
// stream of writes never keeps the first ones waiting.
constexpr int kMostWritesPerGroup = 64;
constexpr const char* kSavepoint = "SAVEPOINT cercle_write";
constexpr const char* kKeep = "RELEASE cercle_write";
constexpr const char* kUndo = "ROLLBACK TO cercle_write; RELEASE cercle_write";

}  // namespace

Database::WriteTurn::WriteTurn(Database& database) : database_(database) {
  database_.queued_writes_.fetch_add(1);
  turn_ = std::unique_lock<std::mutex>(database_.write_mutex_);
  database_.queued_writes_.fetch_sub(1);
  if (!database_.group_) database_.OpenGroup();
  try {
    ExecuteScript(session(), kSavepoint);
  } catch (...) {
    Abandon();
  }
}

Database::WriteTurn::~WriteTurn() = default;

soci::session& Database::WriteTurn::session() { return *database_.group_->session; }

void Database::WriteTurn::Finish(bool keep) {
  try {
    ExecuteScript(session(), keep ? kKeep : kUndo);
  } catch (...) {
    Abandon();
  }
  if (keep) ++database_.group_->writes;
  const auto group = Settle();
  if (!keep || !group) return;
  std::unique_lock<std::mutex> waiting(group->mutex);
  group->finished.wait(waiting, [&] { return group->done; });
  if (group->fault) throw StorageUnavailable(*group->fault, WriteOutcome::kNotWritten);
}

void Database::WriteTurn::Abandon() {
  std::optional<StorageFault> fault;
  try {
    throw;
  } catch (const std::exception& failure) {
    fault = Classify(failure, session(), true);
  } catch (...) {
  }
  if (!fault) {
    try {
      ExecuteScript(session(), kUndo);
    } catch (const std::exception& failure) {
      fault = Classify(failure, session(), true).value_or(StorageFault::kIoError);
    }
  }
  if (fault) {
    database_.FailGroup(*fault);
    throw database_.WriteFailed(*fault, Phase::kWork);
  }
  try {
    Settle();
  } catch (const StorageUnavailable&) {
    // The others' COMMIT failed and they were told; this write reports its own exception.
  }
  throw;
}

std::shared_ptr<Database::WriteGroup> Database::WriteTurn::Settle() {
  if (database_.queued_writes_.load() > 0 && database_.group_->writes < kMostWritesPerGroup) {
    auto group = database_.group_;
    turn_.unlock();
    return group;
  }
  database_.CommitGroup();
  turn_.unlock();
  return nullptr;
}

void Database::OpenGroup() {
  auto group = std::make_shared<WriteGroup>();
  group->position = pool_->lease();
  group->session = &pool_->at(group->position);
  try {
    if (ConnectionEnded(*group->session)) Reopen(*group->session);
    Begin(*group->session, Scope::System(), Mode::kWrite);
  } catch (...) {
    const auto fault = Settle(*group->session, Mode::kWrite);
    pool_->give_back(group->position);
    if (!fault) throw;
    throw WriteFailed(*fault, Phase::kBegin);
  }
  group_ = std::move(group);
}

void Database::CommitGroup() {
  try {
    End(*group_->session, Mode::kWrite, true);
  } catch (...) {
    const auto fault = Settle(*group_->session, Mode::kWrite).value_or(StorageFault::kIoError);
    FailGroup(fault);
    throw WriteFailed(fault, Phase::kCommit);
  }
  if (group_->writes > 0) NoteWriteCommitted();
  EndGroup(std::nullopt);
}

void Database::FailGroup(StorageFault fault) {
  try {
    ExecuteScript(*group_->session, "ROLLBACK");
  } catch (const std::exception&) {
    // SQLite may have rolled the transaction back by itself (after SQLITE_FULL).
  }
  EndGroup(fault);
}

void Database::EndGroup(std::optional<StorageFault> fault) {
  const auto group = std::move(group_);
  pool_->give_back(group->position);
  {
    std::lock_guard<std::mutex> lock(group->mutex);
    group->done = true;
    group->fault = fault;
  }
  group->finished.notify_all();
}

void Database::NoteWriteCommitted() {
  // A committed write shows that a lost connection is back; it does not show that space is back,
  // since a small write may fit in a page that had room: those faults wait for Writable's probe.
  int lost = static_cast<int>(StorageFault::kConnectionLost);
  write_fault_.compare_exchange_strong(lost, -1);
}

StorageUnavailable Database::WriteFailed(StorageFault fault, Phase phase) {
  write_fault_.store(static_cast<int>(fault));
  // Only PostgreSQL can lose a COMMIT on the way: SQLite's COMMIT either happened or not.
  const bool unknown = phase == Phase::kCommit && fault == StorageFault::kConnectionLost &&
                       dialect_ == Dialect::kPostgres;
  return StorageUnavailable(fault, unknown ? WriteOutcome::kUnknown : WriteOutcome::kNotWritten);
}

bool Database::Ping() {
  try {
    return Read(Scope::System(), [](soci::session& session) {
      int one = 0;
      session << "SELECT 1", soci::into(one);
      return one == 1;
    });
  } catch (const std::exception&) {
    return false;
  }
}

bool Database::Writable() {
  if (!Ping()) return false;
  if (write_fault_.load() < 0) return true;
  // Creating a table takes a new page, so the probe fails while the disk or the page limit is
  // full; on PostgreSQL a temporary table also fails on a read-only server.
  const std::string probe =
      dialect_ == Dialect::kSqlite
          ? "CREATE TABLE cercle_write_probe (x INTEGER); DROP TABLE cercle_write_probe"
          : "CREATE TEMPORARY TABLE cercle_write_probe (x integer) ON COMMIT DROP";
  try {
    const bool written = Write(Scope::System(), [&](soci::session& session) -> Status {
                           ExecuteScript(session, probe);
                           return {};
                         }).ok();
    if (written) write_fault_.store(-1);
    return written;
  } catch (const std::exception&) {
    return false;
  }
}

void Database::LimitSqlitePages(std::optional<long long> pages) {
  // SQLite's own ceiling, which lifts any lower limit.
  constexpr long long kSqliteMostPages = 4294967294LL;
  sqlite_page_limit_.store(pages.value_or(kSqliteMostPages));
}

void Database::Begin(soci::session& session, const Scope& scope, Mode mode) {
  if (dialect_ == Dialect::kSqlite) {
    // IMMEDIATE takes the write lock at once, so a write never fails half-way on a lock upgrade.
    std::string begin = mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN";
    if (const long long limit = sqlite_page_limit_.load(); limit >= 0 && mode == Mode::kWrite) {
      begin = "PRAGMA max_page_count=" + std::to_string(limit) + ";" + begin;
    }
    ExecuteScript(session, begin);
    return;
  }
  // The organisation is an integer we format ourselves; both settings are local to the transaction.
  const std::string organisation = scope.is_system() ? "" : std::to_string(scope.organisation_id());
  ExecuteScript(session, std::string(mode == Mode::kWrite ? "BEGIN" : "BEGIN READ ONLY") +
                             "; SELECT set_config('app.organisation_id', '" + organisation +
                             "', true), set_config('app.system', '" +
                             (scope.is_system() ? "on" : "off") + "', true)");
}

void Database::End(soci::session& session, Mode, bool commit) {
  ExecuteScript(session, commit ? "COMMIT" : "ROLLBACK");
}

void Database::ExecuteScript(soci::session& session, const std::string& script) {
  // SOCI's libraries do not export their backends' type information, so dispatch on the backend
  // name.
  const std::string backend = session.get_backend_name();
  if (backend == "sqlite3") {
    auto* sqlite = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
    char* message = nullptr;
    if (sqlite_api::sqlite3_exec(sqlite->conn_, script.c_str(), nullptr, nullptr, &message) !=
        0 /* SQLITE_OK */) {
      const std::string text = message ? message : "unknown error";
      sqlite_api::sqlite3_free(message);
      throw EngineError("sqlite: " + text, sqlite_api::sqlite3_extended_errcode(sqlite->conn_), "");
    }
    return;
  }
  if (backend == "postgresql") {
    auto* postgres = static_cast<soci::postgresql_session_backend*>(session.get_backend());
    PGresult* result = PQexec(postgres->conn_, script.c_str());
    const auto status = PQresultStatus(result);
    const std::string text = PQresultErrorMessage(result);
    const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = sqlstate ? sqlstate : "";
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
      throw EngineError("postgresql: " + text, 0, code);
    return;
  }
  throw std::logic_error("unknown database backend");
}

}  // namespace cercle::store
