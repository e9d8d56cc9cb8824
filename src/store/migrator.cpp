#include "store/migrator.hpp"

#include <algorithm>

#include "base/assets.hpp"

namespace cercle::store {
namespace {

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)";
constexpr const char* kIsApplied =
    "SELECT count(*) FROM schema_migrations WHERE version = :version";
constexpr const char* kRecord =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, "
    ":applied_at)";
// Serialises concurrent `migrate` runs of several servers on PostgreSQL.
constexpr const char* kPostgresLock = "SELECT pg_advisory_xact_lock(7230451)";

bool IsRoleName(const std::string& role) {
  return !role.empty() && role.size() <= 63 && std::all_of(role.begin(), role.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::vector<Migration> EmbeddedMigrations(Dialect dialect) {
  const std::string prefix =
      dialect == Dialect::kSqlite ? "migrations/sqlite/" : "migrations/postgres/";
  std::vector<Migration> migrations;
  for (const auto& asset : assets::WithPrefix(prefix)) {
    const std::string name(asset.name.substr(prefix.size()));
    if (!name.ends_with(".sql") || name.size() < 9 || name[4] != '_') continue;
    migrations.push_back(
        {std::stoi(name.substr(0, 4)), name.substr(0, name.size() - 4), std::string(asset.bytes)});
  }
  return migrations;
}

Result<std::vector<std::string>> Migrate(const std::string& url, const std::string& app_role,
                                         Instant now) {
  const auto target = TRY(ParseUrl(url));
  auto session = TRY(OpenSession(url));
  // PostgreSQL would otherwise print a notice for every "IF NOT EXISTS" that finds the table.
  if (target.dialect == Dialect::kPostgres)
    Database::ExecuteScript(*session, "SET client_min_messages = warning");
  Database::ExecuteScript(*session, kCreateTable);
  std::vector<std::string> applied;
  const bool postgres = target.dialect == Dialect::kPostgres;
  for (const auto& migration : EmbeddedMigrations(target.dialect)) {
    Database::ExecuteScript(*session, postgres ? "BEGIN" : "BEGIN IMMEDIATE");
    try {
      if (postgres) Database::ExecuteScript(*session, kPostgresLock);
      long long done = 0;
      *session << kIsApplied, soci::use(migration.version, "version"), soci::into(done);
      if (done == 0) {
        Database::ExecuteScript(*session, migration.sql);
        const long long applied_at = ToUnix(now);
        *session << kRecord, soci::use(migration.version, "version"),
            soci::use(migration.name, "name"), soci::use(applied_at, "applied_at");
        applied.push_back(migration.name);
      }
      Database::ExecuteScript(*session, "COMMIT");
    } catch (...) {
      Database::ExecuteScript(*session, "ROLLBACK");
      throw;
    }
  }
  if (postgres && !app_role.empty()) {
    if (!IsRoleName(app_role))
      return Error::Invalid(N_("database.app_role is not a valid role name."));
    const auto grants = assets::Find("migrations/postgres/grants.sql");
    std::string script(grants.value_or(""));
    for (auto at = script.find(":app_role"); at != std::string::npos;
         at = script.find(":app_role", at)) {
      script.replace(at, 9, app_role);
    }
    Database::ExecuteScript(*session, script);
  }
  return applied;
}

}  // namespace cercle::store
