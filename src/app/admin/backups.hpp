#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/backup_schedule.hpp"

// The installation's scheduled backups: the scheduler's daily backup with its restore drill and
// retention, the mail to administrators when none succeeded for a while, and the page where they
// follow it. The archives themselves are backup::Create's and backup::Verify's.
namespace cercle::app::admin {

// How long without a verified backup before the administrators' home page flags it and they are
// mailed.
inline constexpr std::chrono::hours kBackupOverdue{26};

// The scheduler's job: when the day's backup is due (domain::BackupSlot at backup.time) and no
// server claimed it, claims it, writes the archive into backup.folder, runs the restore drill on
// it, records the outcome (audited "backup.create") and applies the retention to the folder's
// scheduled archives. Returns 1 when this server took the day's backup (failed or not), 0
// otherwise; nothing while scheduled backups are off (backup.folder or backup.time empty).
int RunScheduledBackup(const Services& services);

// The scheduler's job: once per lapse, mails every administrator (organisation and network) when
// no verified backup succeeded within kBackupOverdue; returns the mails queued. Nothing while
// scheduled backups are off (the home page flags that instead).
int AlertMissingBackup(const Services& services);

// One archive of the backup folder: scheduled, taken by hand (`cercle backup`) or before a
// migration.
struct BackupArchive {
  std::string name;
  std::uintmax_t bytes = 0;
};

// The backups page: the schedule, the latest runs, the archives kept, and whether the last
// verified backup is older than kBackupOverdue.
struct BackupsPage {
  bool scheduled = false;  // backup.folder and backup.time are set
  std::string folder;
  std::string time;
  domain::Retention retention;
  std::vector<domain::BackupRun> runs;  // newest first
  std::optional<Instant> last_verified;
  bool overdue = false;
  std::vector<BackupArchive> archives;  // newest first
};

// The backups page for an administrator (Forbidden for anyone else).
Result<BackupsPage> LoadBackupsPage(const Services& services, const auth::Actor& actor);

// What the administrators' home page says about the backups.
enum class BackupFlag {
  kNone,     // all is well, or the actor is no administrator
  kOff,      // scheduled backups are off (backup.folder or backup.time is empty)
  kOverdue,  // no verified backup within kBackupOverdue
};
BackupFlag BackupFlagFor(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::admin
