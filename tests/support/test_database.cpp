#include "support/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "base/clock.hpp"
#include "store/migrator.hpp"

namespace cercle::testing {
namespace {

std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) {
    throw std::runtime_error(
        std::string(name) +
        " is not set: the PostgreSQL tests need the server that `make test` starts "
        "(scripts/pg-test-server)");
  }
  return value;
}

}  // namespace

PostgresServer PostgresServer::FromEnvironment() {
  const char* superuser = std::getenv("CERCLE_TEST_PG_SUPERUSER");
  return {Environment("CERCLE_TEST_PG_HOST"), Environment("CERCLE_TEST_PG_PORT"),
          superuser ? superuser : "postgres"};
}

void RunAsSuperuser(const PostgresServer& server, const std::string& sql) {
  auto session = store::OpenSession(PostgresUrl(server, server.superuser, "postgres"));
  if (!session) throw std::runtime_error("cannot reach the PostgreSQL test server");
  store::Database::ExecuteScript(**session, sql);
}

std::string BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "Sqlite" : "Postgres";
}

std::string PostgresUrl(const std::string& role, const std::string& database) {
  return PostgresUrl(PostgresServer::FromEnvironment(), role, database);
}

std::string PostgresUrl(const PostgresServer& server, const std::string& role,
                        const std::string& database) {
  return "postgresql://" + role + "@/" + database + "?host=" + server.host + "&port=" + server.port;
}

std::string MakeTemporaryFolder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "cercle-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

TestDatabase::TestDatabase(Backend backend, std::optional<PostgresServer> server)
    : backend_(backend) {
  static std::atomic<int> counter = 0;
  if (backend == Backend::kSqlite) {
    folder_ = MakeTemporaryFolder();
    url_ = owner_url_ = "sqlite:" + folder_ + "/cercle.db";
  } else {
    server_ = server ? *server : PostgresServer::FromEnvironment();
    name_ = "cercle_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    RunAsSuperuser(server_, "CREATE DATABASE " + name_ + " OWNER cercle_owner");
    owner_url_ = PostgresUrl(server_, "cercle_owner", name_);
    url_ = PostgresUrl(server_, "cercle_app", name_);
  }
  const auto migrated = store::Migrate(owner_url_, app_role(), SystemClock().Now());
  if (!migrated) throw std::runtime_error("migration failed: " + migrated.error().message.id);
  auto opened = store::Database::Open(url_, 4);
  if (!opened) throw std::runtime_error("cannot open the test database");
  database_ = std::move(opened).value();
}

TestDatabase::~TestDatabase() {
  database_.reset();
  try {
    if (backend_ == Backend::kSqlite) {
      std::filesystem::remove_all(folder_);
    } else {
      RunAsSuperuser(server_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    }
  } catch (const std::exception&) {
    // A leftover temporary database is harmless; the test server is deleted after the run.
  }
}

void TestDatabase::ExecuteAsOwner(const std::string& sql) {
  auto session = store::OpenSession(owner_url_);
  if (!session) throw std::runtime_error("cannot open an owner session");
  store::Database::ExecuteScript(**session, sql);
}

std::string DrillServerUrl(Backend backend) {
  if (backend == Backend::kSqlite) return "";
  const auto server = PostgresServer::FromEnvironment();
  return PostgresUrl(server, server.superuser, "postgres");
}

}  // namespace cercle::testing
