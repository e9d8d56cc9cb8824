#include "store/migrator.hpp"

#include <algorithm>
#include <functional>

#include "base/assets.hpp"

#ifndef CERCLE_VERSION
#define CERCLE_VERSION "0.0.0"
#endif

namespace cercle::store {
namespace {

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL,"
    " cercle_version text)";
// Databases migrated before Cercle recorded its version in schema_migrations lack the column.
constexpr const char* kHasVersionColumnSqlite =
    "SELECT count(*) FROM pragma_table_info('schema_migrations') WHERE name = 'cercle_version'";
constexpr const char* kHasVersionColumnPostgres =
    "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
    " AND table_name = 'schema_migrations' AND column_name = 'cercle_version'";
constexpr const char* kAddVersionColumn =
    "ALTER TABLE schema_migrations ADD COLUMN cercle_version text";
// The newest migration applied, and the Cercle version that applied it (empty when unknown).
constexpr const char* kNewest =
    "SELECT version, coalesce(cercle_version, '') FROM schema_migrations"
    " ORDER BY version DESC LIMIT 1";
constexpr const char* kIsApplied =
    "SELECT count(*) FROM schema_migrations WHERE version = :version";
constexpr const char* kRecord =
    "INSERT INTO schema_migrations (version, name, applied_at, cercle_version)"
    " VALUES (:version, :name, :applied_at, :cercle_version)";
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
  const bool postgres = target.dialect == Dialect::kPostgres;
  // PostgreSQL would otherwise print a notice for every "IF NOT EXISTS" that finds the table.
  if (postgres) Database::ExecuteScript(*session, "SET client_min_messages = warning");
  const auto migrations = EmbeddedMigrations(target.dialect);
  int known = 0;
  for (const auto& migration : migrations) known = std::max(known, migration.version);
  // The bookkeeping table is made, widened and read under the same lock as the migrations, so that
  // two servers starting together neither race on it nor miss each other's work.
  const auto locked = [&](const std::function<void()>& work) {
    Database::ExecuteScript(*session, postgres ? "BEGIN" : "BEGIN IMMEDIATE");
    try {
      if (postgres) Database::ExecuteScript(*session, kPostgresLock);
      work();
      Database::ExecuteScript(*session, "COMMIT");
    } catch (...) {
      Database::ExecuteScript(*session, "ROLLBACK");
      throw;
    }
  };
  int newest = 0;
  std::string newest_by;
  locked([&] {
    Database::ExecuteScript(*session, kCreateTable);
    long long has_column = 0;
    *session << (postgres ? kHasVersionColumnPostgres : kHasVersionColumnSqlite),
        soci::into(has_column);
    if (has_column == 0) Database::ExecuteScript(*session, kAddVersionColumn);
    *session << kNewest, soci::into(newest), soci::into(newest_by);
  });
  // A newer Cercle migrated this database: its tables mean what that version says, and this one
  // would read or write them wrongly. Nothing is changed.
  if (newest > known) {
    if (newest_by.empty()) {
      return Error::Invalid(
          N_("The database's schema is version {schema}, newer than this Cercle knows ({known}): "
             "install the Cercle version that upgraded it, or restore the backup taken before the "
             "upgrade."),
          {{"schema", std::to_string(newest)}, {"known", std::to_string(known)}});
    }
    return Error::Invalid(
        N_("The database's schema is version {schema}, newer than this Cercle knows ({known}): "
           "install Cercle {version}, which upgraded it, or restore the backup taken before the "
           "upgrade."),
        {{"schema", std::to_string(newest)},
         {"known", std::to_string(known)},
         {"version", newest_by}});
  }
  const std::string cercle_version = CERCLE_VERSION;
  std::vector<std::string> applied;
  for (const auto& migration : migrations) {
    locked([&] {
      long long done = 0;
      *session << kIsApplied, soci::use(migration.version, "version"), soci::into(done);
      if (done != 0) return;
      Database::ExecuteScript(*session, migration.sql);
      const long long applied_at = ToUnix(now);
      *session << kRecord, soci::use(migration.version, "version"),
          soci::use(migration.name, "name"), soci::use(applied_at, "applied_at"),
          soci::use(cercle_version, "cercle_version");
      applied.push_back(migration.name);
    });
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
