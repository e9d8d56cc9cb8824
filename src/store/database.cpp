#include "store/database.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <filesystem>
#include <stdexcept>

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

void OpenTarget(soci::session& session, const ConnectionTarget& target) {
  session.open(target.backend, target.connect_string);
  if (target.dialect == Dialect::kSqlite) ConfigureSqlite(session);
}

}  // namespace

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
    target.connect_string = url;
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
  if (target.dialect == Dialect::kSqlite) CreatePrivateFile(target.sqlite_path);
  auto pool = std::make_unique<soci::connection_pool>(static_cast<std::size_t>(pool_size));
  try {
    for (int i = 0; i < pool_size; ++i) OpenTarget(pool->at(static_cast<std::size_t>(i)), target);
  } catch (const soci::soci_error&) {
    return Error::Invalid(N_("Cannot connect to the database named by database.url."));
  }
  auto database = std::unique_ptr<Database>(new Database(target.dialect, std::move(pool)));
  database->pool_size_ = pool_size;
  return database;
}

Database::~Database() = default;

bool Database::Ping() {
  try {
    soci::session session(*pool_);
    int one = 0;
    session << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception&) {
    return false;
  }
}

void Database::Begin(soci::session& session, const Scope& scope, Mode mode) {
  if (dialect_ == Dialect::kSqlite) {
    // IMMEDIATE takes the write lock at once, so a write never fails half-way on a lock upgrade.
    ExecuteScript(session, mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
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
      throw soci::soci_error("sqlite: " + text);
    }
    return;
  }
  if (backend == "postgresql") {
    auto* postgres = static_cast<soci::postgresql_session_backend*>(session.get_backend());
    PGresult* result = PQexec(postgres->conn_, script.c_str());
    const auto status = PQresultStatus(result);
    const std::string text = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
      throw soci::soci_error("postgresql: " + text);
    return;
  }
  throw std::logic_error("unknown database backend");
}

}  // namespace cercle::store
