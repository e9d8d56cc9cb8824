#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace cercle::testing {

// The engines the store contract tests run on.
enum class Backend { kSqlite, kPostgres };

// "Sqlite" or "Postgres", for test names.
std::string BackendName(Backend backend);

// A fresh, migrated database for one test: a file in a temporary folder on SQLite, a new database
// on the test PostgreSQL server (scripts/pg-test-server) on PostgreSQL, where the application
// connects as the role cercle_app, which owns nothing, so that row-level security applies. Removed
// on destruction.
class TestDatabase {
 public:
  explicit TestDatabase(Backend backend);
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
  std::unique_ptr<store::Database> database_;
};

// The address of a PostgreSQL role on database `database` of the test server. Throws when the test
// server's environment (CERCLE_TEST_PG_HOST, CERCLE_TEST_PG_PORT) is missing: `make test` starts
// one.
std::string PostgresUrl(const std::string& role, const std::string& database);

// A new temporary folder, removed by the caller.
std::string MakeTemporaryFolder();

}  // namespace cercle::testing
