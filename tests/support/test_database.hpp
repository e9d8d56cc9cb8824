#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace cercle::testing {

// The engines the store contract tests run on.
enum class Backend { kSqlite, kPostgres };

// Where a PostgreSQL test server listens (its socket folder and port) and its superuser.
struct PostgresServer {
  std::string host;
  std::string port;
  std::string superuser;
  // The shared server that `make test` starts (CERCLE_TEST_PG_HOST, _PORT, _SUPERUSER); throws when
  // its environment is missing.
  static PostgresServer FromEnvironment();
};

// "Sqlite" or "Postgres", for test names.
std::string BackendName(Backend backend);

// A fresh, migrated database for one test: a file in a temporary folder on SQLite, a new database
// on the test PostgreSQL server (scripts/pg-test-server) on PostgreSQL, where the application
// connects as the role cercle_app, which owns nothing, so that row-level security applies. Removed
// on destruction.
class TestDatabase {
 public:
  // On PostgreSQL, the database is made on `server`, or on the shared test server when none is
  // given.
  explicit TestDatabase(Backend backend, std::optional<PostgresServer> server = std::nullopt);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Backend backend() const { return backend_; }
  // The address the application uses.
  const std::string& url() const { return url_; }
  // The address of the role that owns the tables (the same as url() on SQLite).
  const std::string& owner_url() const { return owner_url_; }
  // The application role on PostgreSQL ("" on SQLite).
  std::string app_role() const { return backend_ == Backend::kPostgres ? "cercle_app" : ""; }
  // The database, opened as the application.
  store::Database& database() { return *database_; }
  // Runs `sql` as the table owner, outside any scope: for tests that play a tampering owner.
  void ExecuteAsOwner(const std::string& sql);

 private:
  Backend backend_;
  std::string folder_;
  std::string name_;
  std::string url_;
  std::string owner_url_;
  PostgresServer server_;
  std::unique_ptr<store::Database> database_;
};

// The address of a PostgreSQL role on database `database` of the test server. Throws when the test
// server's environment (CERCLE_TEST_PG_HOST, CERCLE_TEST_PG_PORT) is missing: `make test` starts
// one.
std::string PostgresUrl(const std::string& role, const std::string& database);
// The address of `role` on database `database` of `server`.
std::string PostgresUrl(const PostgresServer& server, const std::string& role,
                        const std::string& database);

// The server a PostgreSQL restore drill makes its scratch database on (its superuser may create
// databases), for backup.drill_url; "" on SQLite.
std::string DrillServerUrl(Backend backend);
// Runs `sql` as the superuser of `server`, on its database "postgres".
void RunAsSuperuser(const PostgresServer& server, const std::string& sql);

// A new temporary folder, removed by the caller.
std::string MakeTemporaryFolder();

}  // namespace cercle::testing
