// The restore drill: backup::Verify.

#include <filesystem>
#include <optional>
#include <set>
#include <tuple>

#include "audit/audit_log.hpp"
#include "backup/backup.hpp"
#include "backup/database_facts.hpp"
#include "backup/postgres_tools.hpp"
#include "backup/restore.hpp"
#include "config/secrets.hpp"
#include "i18n/translator.hpp"
#include "store/database.hpp"
#include "store/document_vault.hpp"

namespace cercle::backup {
namespace {

constexpr int kPoolSize = 2;

// The English text of `message`, its arguments in place.
std::string English(const Message& message) {
  return i18n::Substitute(message.id, message.arguments);
}

void Check(VerifyReport& report, bool passed, Message message) {
  report.ok = report.ok && passed;
  report.lines.push_back(English(message));
  report.messages.push_back(std::move(message));
}

// A database made for one drill on a PostgreSQL server, dropped when the object dies.
class ScratchDatabase {
 public:
  static Result<std::unique_ptr<ScratchDatabase>> Create(const std::string& server_url) {
    const std::string name = "cercle_drill_" + config::RandomHex(8);
    auto session = TRY(store::OpenSession(server_url));
    try {
      store::Database::ExecuteScript(*session, "CREATE DATABASE " + name);
    } catch (const std::exception&) {
      return Error::Invalid(
          N_("Cannot create a scratch database for the restore drill: the role of the database "
             "address must be allowed to create databases (ALTER ROLE … CREATEDB)."));
    }
    return std::unique_ptr<ScratchDatabase>(new ScratchDatabase(server_url, name));
  }
  ~ScratchDatabase() {
    try {
      auto session = store::OpenSession(server_url_);
      if (session)
        store::Database::ExecuteScript(**session,
                                       "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
      // A leftover drill database holds a copy the server's own role can read anyway; the next
      // drill does not depend on it.
    }
  }
  std::string url() const { return WithDatabase(server_url_, name_); }

 private:
  ScratchDatabase(std::string server_url, std::string name)
      : server_url_(std::move(server_url)), name_(std::move(name)) {}
  std::string server_url_;
  std::string name_;
};

// The row counts that differ from the manifest's, as "table: found (manifest: expected)".
std::string CountDifferences(const std::map<std::string, long long>& found,
                             const std::map<std::string, long long>& expected) {
  std::string differences;
  std::set<std::string> tables;
  for (const auto& [table, count] : found) tables.insert(table);
  for (const auto& [table, count] : expected) tables.insert(table);
  for (const auto& table : tables) {
    const auto here = found.find(table);
    const auto there = expected.find(table);
    const long long have = here == found.end() ? -1 : here->second;
    const long long want = there == expected.end() ? -1 : there->second;
    if (have == want) continue;
    if (!differences.empty()) differences += ", ";
    differences +=
        table + ": " + std::to_string(have) + " (manifest: " + std::to_string(want) + ")";
  }
  return differences;
}

// Runs the checks on the restored database at `url` and the documents of `unpacked`.
void CheckRestored(VerifyReport& report, const std::string& url, store::Dialect dialect,
                   const Unpacked& unpacked, const config::Secrets& secrets) {
  auto opened = store::Database::Open(url, kPoolSize);
  if (!opened) {
    Check(report, false, {N_("Database: FAILED, the restored database does not open."), {}});
    return;
  }
  store::Database& database = **opened;
  const auto [integrity, counts,
              documents] = database.Read(store::Scope::System(), [&](soci::session& session) {
    std::string verdict = "ok";
    if (dialect == store::Dialect::kSqlite) {
      // The first line of the answer: "ok", or the first problem found.
      std::string first;
      soci::indicator indicator = soci::i_null;
      session << "PRAGMA integrity_check", soci::into(first, indicator);
      verdict = session.got_data() && indicator == soci::i_ok ? first : "no answer";
    }
    return std::make_tuple(verdict, CountRows(session, dialect), LiveDocuments(session, dialect));
  });
  if (integrity == "ok") {
    Check(report, true,
          {dialect == store::Dialect::kSqlite
               ? N_("Database: restored, integrity check ok.")
               : N_("Database: restored by pg_restore, every table answers."),
           {}});
  } else {
    Check(report, false,
          {N_("Database: FAILED the integrity check ({detail})."), {{"detail", integrity}}});
  }

  long long rows = 0;
  for (const auto& [table, count] : counts) rows += count;
  const std::string differences = CountDifferences(counts, unpacked.manifest.row_counts);
  if (differences.empty()) {
    Check(report, true,
          {N_("Row counts: {tables} tables, {rows} rows, as in the manifest."),
           {{"tables", std::to_string(counts.size())}, {"rows", std::to_string(rows)}}});
  } else {
    Check(report, false,
          {N_("Row counts: FAILED, they differ from the manifest: {detail}."),
           {{"detail", differences}}});
  }

  const audit::VerifyReport chains = audit::AuditLog(secrets.audit_key).Verify(database);
  if (chains.ok()) {
    Check(report, true,
          {N_("Audit log: intact, {entries} entries checked."),
           {{"entries", std::to_string(chains.entries_checked)}}});
  } else {
    Check(report, false,
          {N_("Audit log: BROKEN at entry {entry}: {reason}."),
           {{"entry", std::to_string(*chains.first_broken_id)}, {"reason", chains.reason}}});
  }

  const store::DocumentVault vault(unpacked.documents_dir, secrets.file_key);
  std::size_t unreadable = 0;
  std::string first;
  for (const auto& name : documents) {
    if (vault.Get(name)) continue;
    if (unreadable++ == 0) first = name;
  }
  if (unreadable == 0) {
    Check(report, true,
          {N_("Documents: all {count} decrypt."), {{"count", std::to_string(documents.size())}}});
  } else {
    Check(report, false,
          {N_("Documents: FAILED, {count} of {total} are missing or do not decrypt (first: "
              "{document})."),
           {{"count", std::to_string(unreadable)},
            {"total", std::to_string(documents.size())},
            {"document", first}}});
  }
}

}  // namespace

Result<VerifyReport> Verify(const std::string& archive, const config::Secrets& secrets,
                            const std::string& scratch_dir,
                            const std::string& postgres_server_url) {
  const auto scratch =
      TRY(ScratchFolder::Create((std::filesystem::path(scratch_dir) / "drill").string()));
  const auto unpacked = TRY(Unpack(archive, secrets, scratch.path() + "/archive"));
  VerifyReport report;
  report.ok = true;
  report.manifest = unpacked.manifest;
  const auto& manifest = unpacked.manifest;
  Check(report, true,
        {N_("Archive: intact and readable with this key; made {time} by Cercle {version} "
            "({dialect}, schema version {schema})."),
         {{"time", UtcText(manifest.created_at, "%Y-%m-%d %H:%M UTC")},
          {"version", manifest.cercle_version},
          {"dialect", manifest.dialect},
          {"schema", std::to_string(manifest.schema_version)}}});

  const bool sqlite = manifest.dialect == "sqlite";
  std::unique_ptr<ScratchDatabase> postgres;
  std::string url;
  if (sqlite) {
    url = "sqlite:" + scratch.path() + "/restored.sqlite";
  } else {
    if (postgres_server_url.empty() || !postgres_server_url.starts_with("postgres")) {
      return Error::Invalid(
          N_("A PostgreSQL archive is verified on a PostgreSQL server: give the address of one "
             "whose role may create databases."));
    }
    postgres = TRY(ScratchDatabase::Create(postgres_server_url));
    url = postgres->url();
  }
  const Status loaded = LoadDatabase(unpacked, url, false, scratch.path());
  if (!loaded) {
    Check(report, false,
          {N_("Database: FAILED to restore: {detail}"),
           {{"detail", English(loaded.error().message)}}});
    return report;
  }
  CheckRestored(report, url, sqlite ? store::Dialect::kSqlite : store::Dialect::kPostgres, unpacked,
                secrets);
  return report;
}

}  // namespace cercle::backup
