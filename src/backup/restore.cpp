#include "backup/restore.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "backup/archive.hpp"
#include "backup/database_facts.hpp"
#include "backup/postgres_tools.hpp"
#include "store/database.hpp"
#include "store/migrator.hpp"

namespace cercle::backup {
namespace {

// Drops what the schema "public" holds, for a restore that replaces a PostgreSQL database.
constexpr const char* kCleanSchema = R"(SET client_min_messages = warning;
DROP SCHEMA IF EXISTS public CASCADE;
CREATE SCHEMA public;
)";

Error Altered() { return Error::Invalid(kAltered); }

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool IsEmptyFolder(const std::string& folder) {
  std::error_code error;
  if (!std::filesystem::exists(folder, error)) return true;
  return std::filesystem::is_directory(folder, error) &&
         std::filesystem::directory_iterator(folder, error) ==
             std::filesystem::directory_iterator();
}

// Copies the SQLite file `from` into the database at `to` with the backup API: one write
// transaction on the target, which SQLite applies whole or not at all, whatever its journal mode.
Status LoadSqlite(const std::string& from, const std::string& to) {
  const std::filesystem::path target(to);
  std::error_code error;
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), error);
  if (!std::filesystem::exists(target, error)) {
    // The database holds sensitive records: created readable by its owner only.
    const int descriptor = ::open(to.c_str(), O_WRONLY | O_CREAT, 0600);
    if (descriptor >= 0) ::close(descriptor);
  }
  if (!CopySqlite(from, to))
    return Error::Invalid(N_("Cannot write the restored SQLite database."));
  return {};
}

// Loads a pg_dump archive into the database at `url`: pg_restore writes its script (without
// owners or grants, so that it restores under any role; `cercle migrate` grants the application
// role its rights), and psql runs it in a single transaction.
Status LoadPostgres(const std::string& dump, const std::string& url, bool clean,
                    const std::string& scratch) {
  const std::string script = scratch + "/restore.sql";
  const auto written =
      RunTool("pg_restore", {"--no-owner", "--no-privileges", "--file=" + script, dump}, {}, "",
              scratch + "/pg_restore.errors");
  if (!written.ok()) {
    return Error::Invalid(N_("pg_restore failed: {detail}"), {{"detail", written.error_line}});
  }
  const std::string prefix = scratch + "/prefix.sql";
  {
    std::ofstream out(prefix);
    out << (clean ? kCleanSchema : "SET client_min_messages = warning;\n");
  }
  const auto connection = TRY(ToolConnectionOf(url, false));
  const auto loaded = RunTool(
      "psql",
      {"--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1", "--single-transaction",
       "--file=" + prefix, "--file=" + script, "--dbname=" + connection.conninfo},
      connection.environment, "", scratch + "/psql.errors");
  std::error_code error;
  std::filesystem::remove(script, error);
  if (!loaded.ok()) {
    return Error::Invalid(N_("The database could not be restored (nothing was changed): {detail}"),
                          {{"detail", loaded.error_line}});
  }
  return {};
}

// The highest migration this binary knows for `dialect`.
int KnownSchemaVersion(store::Dialect dialect) {
  int version = 0;
  for (const auto& migration : store::EmbeddedMigrations(dialect))
    version = std::max(version, migration.version);
  return version;
}

// True when the PostgreSQL database at `url` has tables (with or without rows).
Result<bool> HasTables(const std::string& url) {
  auto session = TRY(store::OpenSession(url));
  return !ListTables(*session, store::Dialect::kPostgres).empty();
}

}  // namespace

Result<ScratchFolder> ScratchFolder::Create(const std::string& near) {
  std::filesystem::path parent = std::filesystem::path(near).parent_path();
  if (parent.empty()) parent = ".";
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  std::string pattern = (parent / ".cercle-scratch-XXXXXX").string();
  // mkdtemp makes the folder readable by its owner only.
  if (error || !::mkdtemp(pattern.data())) {
    return Error::Invalid(N_("Cannot create a scratch folder in {folder}."),
                          {{"folder", parent.string()}});
  }
  return ScratchFolder(pattern);
}

ScratchFolder::~ScratchFolder() {
  if (path_.empty()) return;
  std::error_code error;
  std::filesystem::remove_all(path_, error);
}

Result<Unpacked> Unpack(const std::string& archive, const config::Secrets& secrets,
                        const std::string& scratch) {
  const auto parts = TRY(ExtractArchive(archive, secrets, scratch));
  if (parts.empty() || parts.back().name != "manifest.json") return Altered();
  Unpacked unpacked;
  unpacked.manifest = TRY(ParseManifest(ReadWhole(parts.back().path)));
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const auto& part = parts[i];
    if (!found.emplace(part.name, part.sha256).second) return Altered();
    if (part.name.starts_with("documents/")) {
      unpacked.documents.push_back(part.name.substr(10));
    } else {
      unpacked.database_file = part.path;
    }
  }
  const std::string database_part =
      unpacked.manifest.dialect == "sqlite" ? "database.sqlite" : "database.pgdump";
  if (found != unpacked.manifest.parts || !found.count(database_part)) return Altered();
  unpacked.documents_dir = scratch + "/documents";
  return unpacked;
}

Status LoadDatabase(const Unpacked& unpacked, const std::string& url, bool clean,
                    const std::string& scratch) {
  const auto target = TRY(store::ParseUrl(url));
  if (target.dialect == store::Dialect::kSqlite)
    return LoadSqlite(unpacked.database_file, target.sqlite_path);
  return LoadPostgres(unpacked.database_file, url, clean, scratch);
}

Result<Restored> Restore(const std::string& archive, const config::Secrets& secrets,
                         const RestoreTarget& target, Replace replace,
                         const std::string& backup_folder, Instant now) {
  const auto connection = TRY(store::ParseUrl(target.database_url));
  // The scratch folder sits beside the documents folder, on its file system, so that the
  // documents move into place with one rename.
  const auto scratch = TRY(ScratchFolder::Create(target.documents_dir));
  const auto unpacked = TRY(Unpack(archive, secrets, scratch.path() + "/archive"));
  const auto& manifest = unpacked.manifest;

  const auto dialect =
      manifest.dialect == "sqlite" ? store::Dialect::kSqlite : store::Dialect::kPostgres;
  if (dialect != connection.dialect) {
    return Error::Invalid(dialect == store::Dialect::kSqlite
                              ? N_("This archive holds a SQLite database: it restores into a "
                                   "SQLite database only (sqlite:PATH).")
                              : N_("This archive holds a PostgreSQL database: it restores into a "
                                   "PostgreSQL database only (postgresql://…)."));
  }
  if (manifest.schema_version > KnownSchemaVersion(dialect)) {
    return Error::Invalid(
        N_("This archive's schema (version {archive}) is newer than this Cercle knows (version "
           "{known}): restore it with Cercle {version}, which made it."),
        {{"archive", std::to_string(manifest.schema_version)},
         {"known", std::to_string(KnownSchemaVersion(dialect))},
         {"version", manifest.cercle_version}});
  }

  const bool holds_data = TRY(DatabaseHoldsData(target.database_url));
  const bool holds_documents = !IsEmptyFolder(target.documents_dir);
  if (replace == Replace::kNo && holds_data) {
    return Error::Conflict(
        N_("The target database holds data: restore refuses to overwrite it without --replace."));
  }
  if (replace == Replace::kNo && holds_documents) {
    return Error::Conflict(
        N_("The documents folder {folder} holds files: restore refuses to overwrite it without "
           "--replace."),
        {{"folder", target.documents_dir}});
  }

  Restored restored{manifest, ""};
  if (holds_data || holds_documents) {
    std::error_code error;
    std::filesystem::create_directories(backup_folder, error);
    const std::string path =
        (std::filesystem::path(backup_folder) / ArchiveName(now, "before-restore")).string();
    const auto saved = Create({target.database_url, target.documents_dir}, secrets, path, now);
    if (!saved) return saved.error();
    restored.replaced_backup = saved->archive;
  }

  const bool clean =
      connection.dialect == store::Dialect::kPostgres && TRY(HasTables(target.database_url));
  TRY(LoadDatabase(unpacked, target.database_url, clean, scratch.path()));

  // The database is restored; the documents take the place of the old ones (backed up above).
  std::error_code error;
  if (std::filesystem::exists(target.documents_dir, error)) {
    std::filesystem::rename(target.documents_dir, scratch.path() + "/replaced-documents", error);
  }
  if (!error) std::filesystem::rename(unpacked.documents_dir, target.documents_dir, error);
  if (error) {
    return Error::Invalid(
        N_("The database was restored, but its documents could not be moved into {folder}."),
        {{"folder", target.documents_dir}});
  }
  ::chmod(target.documents_dir.c_str(), 0700);
  return restored;
}

}  // namespace cercle::backup
