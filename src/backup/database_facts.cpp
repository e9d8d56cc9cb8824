#include "backup/database_facts.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>

namespace cercle::backup {
namespace {

constexpr const char* kSqliteTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY "
    "name";
constexpr const char* kPostgresTables =
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";
constexpr const char* kSchemaVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";
constexpr const char* kLiveDocuments =
    "SELECT storage_name FROM documents WHERE deleted_at IS NULL ORDER BY id";

// How long a SQLite copy waits for a lock, and how many times it tries again when busy.
constexpr int kSqliteBusyMilliseconds = 10000;
constexpr int kSqliteBusyAttempts = 100;
constexpr int kSqliteBusyPauseMilliseconds = 50;

// Table names come from the catalog; only plain ones are quoted into a query.
bool IsPlainName(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool HasTable(soci::session& session, store::Dialect dialect, const std::string& table) {
  const auto tables = ListTables(session, dialect);
  return std::find(tables.begin(), tables.end(), table) != tables.end();
}

}  // namespace

std::vector<std::string> ListTables(soci::session& session, store::Dialect dialect) {
  std::vector<std::string> tables;
  soci::rowset<std::string> rows =
      session.prepare << (dialect == store::Dialect::kSqlite ? kSqliteTables : kPostgresTables);
  for (const auto& name : rows) {
    if (IsPlainName(name)) tables.push_back(name);
  }
  return tables;
}

std::map<std::string, long long> CountRows(soci::session& session, store::Dialect dialect) {
  std::map<std::string, long long> counts;
  for (const auto& table : ListTables(session, dialect)) {
    long long count = 0;
    session << "SELECT count(*) FROM " + table, soci::into(count);
    counts[table] = count;
  }
  return counts;
}

int SchemaVersion(soci::session& session, store::Dialect dialect) {
  if (!HasTable(session, dialect, "schema_migrations")) return 0;
  int version = 0;
  session << kSchemaVersion, soci::into(version);
  return version;
}

std::vector<std::string> LiveDocuments(soci::session& session, store::Dialect dialect) {
  std::vector<std::string> names;
  if (!HasTable(session, dialect, "documents")) return names;
  soci::rowset<std::string> rows = session.prepare << kLiveDocuments;
  for (const auto& name : rows) names.push_back(name);
  return names;
}

bool HoldsData(soci::session& session, store::Dialect dialect) {
  for (const auto& table : ListTables(session, dialect)) {
    if (table == "schema_migrations") continue;
    int one = 0;
    soci::indicator indicator = soci::i_null;
    session << "SELECT 1 FROM " + table + " LIMIT 1", soci::into(one, indicator);
    if (session.got_data() && indicator == soci::i_ok) return true;
  }
  return false;
}

void SeeEveryOrganisation(soci::session& session, store::Dialect dialect) {
  if (dialect == store::Dialect::kPostgres)
    store::Database::ExecuteScript(session, "SELECT set_config('app.system', 'on', false)");
}

bool CopySqlite(const std::string& from, const std::string& to) {
  sqlite3* source = nullptr;
  sqlite3* destination = nullptr;
  const auto close = [&] {
    sqlite3_close(source);
    sqlite3_close(destination);
  };
  if (sqlite3_open_v2(from.c_str(), &source, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
      sqlite3_open_v2(to.c_str(), &destination, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    close();
    return false;
  }
  sqlite3_busy_timeout(source, kSqliteBusyMilliseconds);
  sqlite3_busy_timeout(destination, kSqliteBusyMilliseconds);
  sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
  if (!backup) {
    close();
    return false;
  }
  int step = SQLITE_OK;
  for (int attempt = 0; attempt < kSqliteBusyAttempts; ++attempt) {
    step = sqlite3_backup_step(backup, -1);
    if (step != SQLITE_BUSY && step != SQLITE_LOCKED) break;
    sqlite3_sleep(kSqliteBusyPauseMilliseconds);
  }
  const int finished = sqlite3_backup_finish(backup);
  close();
  return step == SQLITE_DONE && finished == SQLITE_OK;
}

Result<bool> DatabaseHoldsData(const std::string& url) {
  const auto target = TRY(store::ParseUrl(url));
  if (target.dialect == store::Dialect::kSqlite) {
    std::error_code error;
    if (!std::filesystem::exists(target.sqlite_path, error)) return false;
    if (std::filesystem::file_size(target.sqlite_path, error) == 0) return false;
  }
  auto session = TRY(store::OpenSession(url));
  SeeEveryOrganisation(*session, target.dialect);
  return HoldsData(*session, target.dialect);
}

}  // namespace cercle::backup
