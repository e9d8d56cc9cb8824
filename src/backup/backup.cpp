#include "backup/backup.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "backup/archive.hpp"
#include "backup/database_facts.hpp"
#include "backup/postgres_tools.hpp"
#include "backup/restore.hpp"
#include "config/secrets.hpp"
#include "store/migrator.hpp"

#ifndef CERCLE_VERSION
#define CERCLE_VERSION "0.0.0"
#endif

namespace cercle::backup {
namespace {

// The manifest's format.
constexpr int kManifestFormat = 1;

constexpr const char* kDocumentMissing =
    N_("The document {document} that the database references is not in the documents folder "
       "{folder}: the backup cannot be complete.");

// The database as one snapshot: its copy in the scratch folder and what it holds.
struct Snapshot {
  std::string dialect;
  std::string part_name;
  std::string file;
  int schema_version = 0;
  std::map<std::string, long long> row_counts;
  std::vector<std::string> documents;
};

Error CannotCopySqlite() {
  return Error::Invalid(N_("Cannot copy the SQLite database for the backup."));
}

// Reads the tables, schema version and documents of the database behind `session`.
void ReadFacts(soci::session& session, store::Dialect dialect, Snapshot& snapshot) {
  snapshot.row_counts = CountRows(session, dialect);
  snapshot.schema_version = SchemaVersion(session, dialect);
  snapshot.documents = LiveDocuments(session, dialect);
}

// Copies the SQLite database at `path` with the online backup API, in one step: the copy is the
// database as one read transaction saw it, while writers go on (WAL mode).
Result<Snapshot> SnapshotSqlite(const std::string& path, const std::string& scratch) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    return Error::Invalid(N_("The database file {file} does not exist."), {{"file", path}});
  Snapshot snapshot{"sqlite", "database.sqlite", scratch + "/database.sqlite"};
  {
    // The copy is created readable by its owner only.
    const int descriptor = ::open(snapshot.file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (descriptor < 0) return CannotCopySqlite();
    ::close(descriptor);
  }
  if (!CopySqlite(path, snapshot.file)) return CannotCopySqlite();
  auto session = TRY(store::OpenSession("sqlite:" + snapshot.file));
  ReadFacts(*session, store::Dialect::kSqlite, snapshot);
  session->close();
  return snapshot;
}

// Dumps the PostgreSQL database at `url` with pg_dump, in the snapshot of a repeatable-read
// transaction that also counts the rows and lists the documents, so that all agree.
Result<Snapshot> SnapshotPostgres(const std::string& url, const std::string& scratch) {
  Snapshot snapshot{"postgresql", "database.pgdump", scratch + "/database.pgdump"};
  auto session = TRY(store::OpenSession(url));
  const auto connection = TRY(ToolConnectionOf(url, true));
  store::Database::ExecuteScript(*session, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  std::string exported;
  *session << "SELECT pg_export_snapshot()", soci::into(exported);
  SeeEveryOrganisation(*session, store::Dialect::kPostgres);
  ReadFacts(*session, store::Dialect::kPostgres, snapshot);
  // pg_dump reads as the same role; row-level security then shows it every organisation's rows
  // (app.system = on), rather than failing as it would with row_security off.
  const auto dumped =
      RunTool("pg_dump",
              {"--format=custom", "--snapshot=" + exported, "--enable-row-security",
               "--no-password", "--file=" + snapshot.file, "--dbname=" + connection.conninfo},
              connection.environment, "", scratch + "/pg_dump.errors");
  store::Database::ExecuteScript(*session, "COMMIT");
  if (!dumped.ok())
    return Error::Invalid(N_("pg_dump failed: {detail}"), {{"detail", dumped.error_line}});
  return snapshot;
}

// Renames `from` to `to` unless `to` exists.
bool RenameNew(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) return false;
  // A file system without RENAME_NOREPLACE: a hard link fails on an existing name too.
  if (::link(from.c_str(), to.c_str()) != 0) return false;
  ::unlink(from.c_str());
  return true;
}

Result<Summary> CreateOnce(const Source& source, const config::Secrets& secrets,
                           const std::string& archive, Instant now) {
  const auto target = TRY(store::ParseUrl(source.database_url));
  const auto scratch = TRY(ScratchFolder::Create(archive));
  const Snapshot snapshot = TRY(target.dialect == store::Dialect::kSqlite
                                    ? SnapshotSqlite(target.sqlite_path, scratch.path())
                                    : SnapshotPostgres(source.database_url, scratch.path()));
  Summary summary;
  summary.archive = archive;
  Manifest& manifest = summary.manifest;
  manifest.cercle_version = CERCLE_VERSION;
  manifest.schema_version = snapshot.schema_version;
  manifest.created_at = now;
  manifest.dialect = snapshot.dialect;
  manifest.row_counts = snapshot.row_counts;

  const std::string partial = archive + ".partial-" + config::RandomHex(8);
  const auto write = [&]() -> Status {
    auto writer = TRY(ArchiveWriter::Open(partial, secrets));
    manifest.parts[snapshot.part_name] = TRY(writer->AddFile(snapshot.part_name, snapshot.file));
    for (const auto& document : snapshot.documents) {
      const std::string file = source.documents_dir + "/" + document;
      std::error_code error;
      if (!std::filesystem::is_regular_file(file, error)) {
        return Error::Invalid(kDocumentMissing,
                              {{"document", document}, {"folder", source.documents_dir}});
      }
      const std::string name = "documents/" + document;
      manifest.parts[name] = TRY(writer->AddFile(name, file));
    }
    TRY(writer->AddBytes("manifest.json", ManifestJson(manifest)));
    TRY(writer->Finish());
    if (!RenameNew(partial, archive)) {
      return Error::Invalid(N_("Cannot write the backup archive {file}: it exists already, or its "
                               "folder cannot be written."),
                            {{"file", archive}});
    }
    return {};
  };
  const Status written = write();
  if (!written) {
    ::unlink(partial.c_str());
    return written.error();
  }
  std::error_code error;
  summary.bytes = std::filesystem::file_size(archive, error);
  return summary;
}

// True when the database behind `session` lacks a migration of this binary.
bool MigrationsPending(soci::session& session, store::Dialect dialect) {
  std::set<int> applied;
  if (SchemaVersion(session, dialect) > 0) {
    soci::rowset<int> rows = session.prepare << "SELECT version FROM schema_migrations";
    for (const int version : rows) applied.insert(version);
  }
  for (const auto& migration : store::EmbeddedMigrations(dialect)) {
    if (!applied.count(migration.version)) return true;
  }
  return false;
}

}  // namespace

std::string UtcText(Instant instant, const char* format) {
  const std::time_t seconds = ToUnix(instant);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[64];
  std::strftime(text, sizeof text, format, &parts);
  return text;
}

std::string ManifestJson(const Manifest& manifest) {
  nlohmann::json json = {
      {"format", kManifestFormat},
      {"cercle_version", manifest.cercle_version},
      {"schema_version", manifest.schema_version},
      {"created_at", ToUnix(manifest.created_at)},
      {"created_at_utc", UtcText(manifest.created_at, "%Y-%m-%dT%H:%M:%SZ")},
      {"dialect", manifest.dialect},
      {"row_counts", manifest.row_counts},
      {"parts", manifest.parts},
  };
  return json.dump(2);
}

Result<Manifest> ParseManifest(std::string_view text) {
  try {
    const auto json = nlohmann::json::parse(text);
    if (json.at("format").get<int>() != kManifestFormat) return Error::Invalid(kUnknownFormat);
    Manifest manifest;
    manifest.cercle_version = json.at("cercle_version").get<std::string>();
    manifest.schema_version = json.at("schema_version").get<int>();
    manifest.created_at = FromUnix(json.at("created_at").get<long long>());
    manifest.dialect = json.at("dialect").get<std::string>();
    manifest.row_counts = json.at("row_counts").get<std::map<std::string, long long>>();
    manifest.parts = json.at("parts").get<std::map<std::string, std::string>>();
    if (manifest.dialect != "sqlite" && manifest.dialect != "postgresql")
      return Error::Invalid(kAltered);
    return manifest;
  } catch (const nlohmann::json::exception&) {
    return Error::Invalid(kAltered);
  }
}

std::string ArchiveName(Instant now, std::string_view occasion) {
  std::string name = "cercle-" + UtcText(now, "%Y-%m-%dT%H%M%SZ");
  if (!occasion.empty()) name += "-" + std::string(occasion);
  return name + ".backup";
}

Result<Summary> Create(const Source& source, const config::Secrets& secrets,
                       const std::string& archive, Instant now) {
  std::error_code error;
  if (std::filesystem::exists(archive, error)) {
    return Error::Invalid(N_("Cannot write the backup archive {file}: it exists already, or its "
                             "folder cannot be written."),
                          {{"file", archive}});
  }
  auto summary = CreateOnce(source, secrets, archive, now);
  // A document deleted between the snapshot and its copy: a new snapshot no longer references it.
  if (!summary && summary.error().message.id == kDocumentMissing)
    summary = CreateOnce(source, secrets, archive, now);
  return summary;
}

Result<bool> DataAwaitsMigration(const std::string& database_url) {
  const auto target = TRY(store::ParseUrl(database_url));
  if (!TRY(DatabaseHoldsData(database_url))) return false;
  auto session = TRY(store::OpenSession(database_url));
  return MigrationsPending(*session, target.dialect);
}

Result<std::optional<Summary>> BackupBeforeMigrate(const Source& source,
                                                   const config::Secrets& secrets,
                                                   const std::string& folder, Instant now) {
  if (!TRY(DataAwaitsMigration(source.database_url))) return std::optional<Summary>();
  std::error_code error;
  if (!std::filesystem::exists(folder, error)) {
    std::filesystem::create_directories(folder, error);
    if (error) {
      return Error::Invalid(N_("Cannot create the backup folder {folder}."), {{"folder", folder}});
    }
    ::chmod(folder.c_str(), 0700);
  }
  const std::string archive =
      (std::filesystem::path(folder) / ArchiveName(now, "before-migrate")).string();
  return std::optional<Summary>(TRY(Create(source, secrets, archive, now)));
}

}  // namespace cercle::backup
