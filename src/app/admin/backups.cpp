#include "app/admin/backups.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "app/circles/circles.hpp"
#include "auth/policies/user_policy.hpp"
#include "backup/backup.hpp"
#include "base/log.hpp"
#include "config/public_link.hpp"
#include "notify/outbox.hpp"
#include "store/backup_run_store.hpp"

namespace cercle::app::admin {
namespace {

namespace fs = std::filesystem;

// The scheduled archives are named by their day: cercle-2026-12-06.backup.
constexpr std::string_view kArchivePrefix = "cercle-";
constexpr std::string_view kArchiveSuffix = ".backup";

// How many runs the page lists.
constexpr int kRunsShown = 14;

std::string ArchiveName(const std::string& slot) {
  return std::string(kArchivePrefix) + slot + std::string(kArchiveSuffix);
}

// The day of a scheduled archive's file name, if it is one.
std::optional<CivilDate> ArchiveDay(const std::string& name) {
  if (!name.starts_with(kArchivePrefix) || !name.ends_with(kArchiveSuffix)) return std::nullopt;
  return ParseIsoDate(std::string_view(name).substr(
      kArchivePrefix.size(), name.size() - kArchivePrefix.size() - kArchiveSuffix.size()));
}

// The archives in `folder` (scheduled, taken by hand or before a migration), newest first: their
// names start with the day they were taken. None when the folder cannot be read.
std::vector<BackupArchive> ListArchives(const std::string& folder) {
  std::vector<BackupArchive> archives;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const auto name = entry.path().filename().string();
    if (!name.starts_with(kArchivePrefix) || !name.ends_with(kArchiveSuffix) ||
        !entry.is_regular_file(error)) {
      continue;
    }
    archives.push_back({name, entry.file_size(error)});
  }
  std::sort(archives.begin(), archives.end(),
            [](const auto& a, const auto& b) { return a.name > b.name; });
  return archives;
}

// Deletes the scheduled archives of `folder` that the retention no longer keeps (the others are
// the administrator's to keep or delete).
void ApplyRetention(const std::string& folder, const domain::Retention& retention) {
  std::vector<CivilDate> days;
  const auto archives = ListArchives(folder);
  for (const auto& archive : archives) {
    if (const auto day = ArchiveDay(archive.name)) days.push_back(*day);
  }
  const auto kept = domain::KeptBackups(days, retention);
  for (const auto& archive : archives) {
    const auto day = ArchiveDay(archive.name);
    if (!day || std::find(kept.begin(), kept.end(), *day) != kept.end()) continue;
    std::error_code error;
    fs::remove(fs::path(folder) / archive.name, error);
  }
}

// Whether scheduled backups are on: a folder and a time.
bool Scheduled(const Services& services) {
  const auto& settings = services.config.backup;
  return !settings.folder.empty() && config::ParseTimeOfDay(settings.time).has_value();
}

domain::Retention RetentionOf(const config::Config::Backup& settings) {
  return {settings.keep_daily, settings.keep_weekly, settings.keep_monthly};
}

// Takes the backup of `run`'s slot into `folder` and runs its restore drill; returns the run as it
// ended.
domain::BackupRun TakeBackup(const Services& services, const std::string& folder,
                             domain::BackupRun run) {
  run.archive = ArchiveName(run.slot);
  std::error_code error;
  if (!fs::exists(folder, error)) {  // made readable by the server's user only, like its archives
    fs::create_directories(folder, error);
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, error);
  }
  const auto& owner_url = services.config.database.owner_url();
  const backup::Source source{owner_url, services.config.storage.documents_dir};
  const auto taken = backup::Create(
      source, services.secrets, (fs::path(folder) / run.archive).string(), services.clock.Now());
  if (!taken) {
    run.state = domain::BackupState::kFailed;
    run.failure = N_("The archive could not be written; the server's log says why.");
    log::Event(
        log::Level::kError, "scheduled backup failed",
        {{"slot", run.slot},
         {"cause", i18n::Substitute(taken.error().message.id, taken.error().message.arguments)}});
    return run;
  }
  run.bytes = static_cast<std::int64_t>(taken->bytes);
  const auto scratch = fs::path(folder) / (".drill-" + run.slot);
  const auto drill = backup::Verify(taken->archive, services.secrets, scratch.string(),
                                    services.config.drill_url());
  fs::remove_all(scratch, error);
  if (drill && drill->ok) {
    run.state = domain::BackupState::kVerified;
  } else {
    run.state = domain::BackupState::kUnverified;
    run.failure = N_("The restore drill found a problem; the server's log says which.");
    std::string cause;
    if (drill) {
      for (const auto& line : drill->lines) cause += (cause.empty() ? "" : "; ") + line;
    } else {
      cause = i18n::Substitute(drill.error().message.id, drill.error().message.arguments);
    }
    log::Event(log::Level::kError, "restore drill failed", {{"slot", run.slot}, {"cause", cause}});
  }
  return run;
}

// When the current lapse without a verified backup began: the last verified backup, or else the
// first attempt (the installation, before any).
Instant LapseStart(store::BackupRunStore& runs) {
  const auto verified = runs.LastVerified();
  return verified ? *verified : runs.FirstAttemptAt();
}

bool Overdue(const Services& services) {
  const Instant since = Read(services, store::Scope::System(), [](store::Unit& unit) {
    store::BackupRunStore runs(unit.session());
    return LapseStart(runs);
  });
  return services.clock.Now() - since > kBackupOverdue;
}

// The mail that tells an administrator no verified backup succeeded in time.
notify::Mail OverdueMail(const Services& services, i18n::Language language) {
  const std::vector<MessageArgument> arguments = {
      {"link", config::PublicLink(services.config.server.public_url, "/admin/backups")}};
  notify::Mail mail;
  mail.subject =
      services.translator.Format(language, {N_("Cercle: no verified backup for 26 hours"), {}});
  mail.body = services.translator.Format(
                  language, {N_("Hello,\n\nCercle has not made a backup that passed its restore "
                                "drill for more than 26 hours. Until one does, what is entered in "
                                "Cercle could be lost. See what happened:\n{link}\n\nThis message "
                                "was sent automatically; do not reply to it."),
                             arguments}) +
              "\n";
  return mail;
}

}  // namespace

int RunScheduledBackup(const Services& services) {
  const auto& settings = services.config.backup;
  const auto scheduled = config::ParseTimeOfDay(settings.time);
  if (!Scheduled(services)) return 0;  // off
  const Instant now = services.clock.Now();
  const CivilDate slot =
      domain::BackupSlot(services.Today(), circles::LocalMinute(services, now), *scheduled);
  domain::BackupRun run{.slot = FormatIsoDate(slot), .started_at = now};
  const auto claimed =
      Write(services, store::Scope::System(), [&](store::Unit& unit) -> Result<bool> {
        return store::BackupRunStore(unit.session()).Claim(run.slot, unit.now());
      });
  if (!claimed || !*claimed) return 0;
  run = TakeBackup(services, settings.folder, run);
  (void)Write(services, store::Scope::System(), [&](store::Unit& unit) -> Status {
    store::BackupRunStore(unit.session()).Finish(run, unit.now());
    services.audit.Append(unit,
                          {std::nullopt, std::nullopt, "backup.create", "backup", run.slot, "",
                           run.state == domain::BackupState::kVerified ? audit::Outcome::kSuccess
                                                                       : audit::Outcome::kFailure,
                           unit.now()});
    return {};
  });
  ApplyRetention(settings.folder, RetentionOf(settings));
  return 1;
}

int AlertMissingBackup(const Services& services) {
  if (!Scheduled(services)) return 0;  // off: the home page says so, no mail
  const auto queued =
      Write(services, store::Scope::System(), [&](store::Unit& unit) -> Result<int> {
        store::BackupRunStore runs(unit.session());
        const Instant since = LapseStart(runs);
        if (unit.now() - since <= kBackupOverdue || !runs.ClaimAlert(since, unit.now())) return 0;
        int mails = 0;
        for (const auto& [email, language] : runs.Administrators()) {
          auto mail = OverdueMail(services, i18n::FromCode(language, i18n::Language::kFrench));
          mail.to = email;
          notify::Outbox::Enqueue(unit, mail);
          ++mails;
        }
        return mails;
      });
  if (!queued) return 0;
  if (*queued > 0) services.NoteMailQueued();
  return *queued;
}

Result<BackupsPage> LoadBackupsPage(const Services& services, const auth::Actor& actor) {
  if (!auth::policies::BackupPolicy::CanRead(actor)) return Error::Forbidden();
  const auto& settings = services.config.backup;
  BackupsPage page{.scheduled = Scheduled(services),
                   .folder = settings.folder,
                   .time = settings.time,
                   .retention = RetentionOf(settings)};
  Read(services, store::Scope::System(), [&](store::Unit& unit) {
    store::BackupRunStore runs(unit.session());
    page.runs = runs.Latest(kRunsShown);
    page.last_verified = runs.LastVerified();
    page.overdue = services.clock.Now() - LapseStart(runs) > kBackupOverdue;
  });
  if (!settings.folder.empty()) page.archives = ListArchives(settings.folder);
  return page;
}

BackupFlag BackupFlagFor(const Services& services, const auth::Actor& actor) {
  if (!auth::policies::BackupPolicy::CanRead(actor)) return BackupFlag::kNone;
  if (!Scheduled(services)) return BackupFlag::kOff;
  return Overdue(services) ? BackupFlag::kOverdue : BackupFlag::kNone;
}

}  // namespace cercle::app::admin
