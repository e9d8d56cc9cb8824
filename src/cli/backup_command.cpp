#include "cli/backup_command.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "backup/backup.hpp"
#include "backup/restore.hpp"
#include "i18n/translator.hpp"
#include "store/migrator.hpp"

namespace cercle::cli {
namespace {

// Prints messages in the configured language.
class Printer {
 public:
  Printer(const config::Config& config, std::ostream& out)
      : translator_(config.i18n.time_zone),
        language_(i18n::FromCode(config.i18n.default_language, i18n::Language::kFrench)),
        out_(out) {}

  void Line(const Message& message) { out_ << translator_.Format(language_, message) << "\n"; }
  std::string Number(long long value) const {
    return translator_.FormatNumber(language_, static_cast<double>(value), 0);
  }
  std::string DateTime(Instant instant) const {
    return translator_.FormatDateTime(language_, instant);
  }

 private:
  i18n::Translator translator_;
  i18n::Language language_;
  std::ostream& out_;
};

// The address migrations and backups use: the tables' owner when database.migrate_url is set.
Result<config::Secrets> LoadKeys(const config::Config& config) {
  return config::LoadSecrets(config::ExpandHome(config.secrets.key_file));
}

long long TotalRows(const backup::Manifest& manifest) {
  long long rows = 0;
  for (const auto& [table, count] : manifest.row_counts) rows += count;
  return rows;
}

// Prints where a backup went, its size and its row counts.
void PrintSummary(Printer& printer, const backup::Summary& summary) {
  printer.Line({N_("Backup written: {file}"), {{"file", summary.archive}}});
  printer.Line(
      {N_("  size: {bytes} bytes; {tables} tables, {rows} rows, {documents} documents"),
       {{"bytes", printer.Number(static_cast<long long>(summary.bytes))},
        {"tables", printer.Number(static_cast<long long>(summary.manifest.row_counts.size()))},
        {"rows", printer.Number(TotalRows(summary.manifest))},
        {"documents", printer.Number(static_cast<long long>(summary.manifest.parts.size() - 1))}}});
}

// Creates backup.folder (readable by its owner only) when missing.
Status EnsureFolder(const std::string& folder) {
  std::error_code error;
  if (std::filesystem::exists(folder, error)) return {};
  std::filesystem::create_directories(folder, error);
  if (error)
    return Error::Invalid(N_("Cannot create the backup folder {folder}."), {{"folder", folder}});
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, error);
  return {};
}

}  // namespace

Status RunBackup(const config::Config& config, const std::string& to, Instant now,
                 std::ostream& out) {
  const auto secrets = TRY(LoadKeys(config));
  std::string archive = to;
  if (archive.empty()) {
    TRY(EnsureFolder(config.backup.folder));
    archive = (std::filesystem::path(config.backup.folder) / backup::ArchiveName(now)).string();
  }
  const auto summary = TRY(backup::Create(
      {config.database.owner_url(), config.storage.documents_dir}, secrets, archive, now));
  Printer printer(config, out);
  PrintSummary(printer, summary);
  return {};
}

Status RunRestore(const config::Config& config, const RestoreOptions& options, Instant now,
                  std::ostream& out) {
  const auto secrets = TRY(LoadKeys(config));
  const std::string documents =
      options.documents.empty() ? config.storage.documents_dir : options.documents;
  const auto restored = TRY(backup::Restore(
      options.archive, secrets, {options.into, documents},
      options.replace ? backup::Replace::kYes : backup::Replace::kNo, config.backup.folder, now));
  Printer printer(config, out);
  if (!restored.replaced_backup.empty()) {
    printer.Line({N_("What the restore replaced was backed up first: {file}"),
                  {{"file", restored.replaced_backup}}});
  }
  const auto& manifest = restored.manifest;
  printer.Line({N_("Restored the backup of {time} (Cercle {version}, schema version {schema}): "
                   "{rows} rows; documents in {folder}."),
                {{"time", printer.DateTime(manifest.created_at)},
                 {"version", manifest.cercle_version},
                 {"schema", std::to_string(manifest.schema_version)},
                 {"rows", printer.Number(TotalRows(manifest))},
                 {"folder", documents}}});
  printer.Line({N_("The server's start (or cercle migrate) brings the schema up to date if this "
                   "version of Cercle has newer migrations."),
                {}});
  return {};
}

Result<bool> RunVerify(const config::Config& config, const std::string& archive,
                       std::ostream& out) {
  const auto secrets = TRY(LoadKeys(config));
  TRY(EnsureFolder(config.backup.folder));
  const auto report =
      TRY(backup::Verify(archive, secrets, config.backup.folder, config.drill_url()));
  Printer printer(config, out);
  for (const auto& message : report.messages) printer.Line(message);
  printer.Line({report.ok ? N_("Restore drill passed.") : N_("Restore drill FAILED."), {}});
  return report.ok;
}

Status RunMigrate(const config::Config& config, BackupFirst backup_first, Instant now,
                  std::ostream& out) {
  const std::string& url = config.database.owner_url();
  Printer printer(config, out);
  if (backup_first == BackupFirst::kYes && config.backup.before_migrate &&
      TRY(backup::DataAwaitsMigration(url))) {
    const auto secrets = TRY(LoadKeys(config));
    const auto saved = TRY(backup::BackupBeforeMigrate({url, config.storage.documents_dir}, secrets,
                                                       config.backup.folder, now));
    if (saved) {
      printer.Line({N_("Backup before the migrations:"), {}});
      PrintSummary(printer, *saved);
    }
  }
  const auto applied = TRY(store::Migrate(url, config.database.app_role, now));
  if (applied.empty())
    printer.Line({N_("The database schema is up to date; nothing to apply."), {}});
  for (const auto& name : applied) printer.Line({N_("applied {migration}"), {{"migration", name}}});
  return {};
}

Status BackupBeforeServerMigrates(const config::Config& config, const config::Secrets& secrets,
                                  Instant now) {
  if (!config.backup.before_migrate) return {};
  const auto saved =
      TRY(backup::BackupBeforeMigrate({config.database.owner_url(), config.storage.documents_dir},
                                      secrets, config.backup.folder, now));
  if (saved) spdlog::info("backup before the migrations: {}", saved->archive);
  return {};
}

}  // namespace cercle::cli
