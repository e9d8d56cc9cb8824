#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/backup_schedule.hpp"

namespace cercle::store {

// The scheduled backups and the alerts about missing ones, within the caller's system-scope
// transaction.
class BackupRunStore {
 public:
  explicit BackupRunStore(soci::session& session) : session_(session) {}

  // Claims the backup of `slot` for this server; false when a server claimed it already.
  bool Claim(const std::string& slot, Instant now);
  // Records how the backup of `slot` ended.
  void Finish(const domain::BackupRun& run, Instant now);
  // The newest runs, newest first, at most `limit`.
  std::vector<domain::BackupRun> Latest(int limit);
  // When the newest verified backup finished, if any.
  std::optional<Instant> LastVerified();
  // Records the alert about the lapse since `since` (the last verified backup, or the epoch); false
  // when it was sent already.
  bool ClaimAlert(Instant since, Instant now);
  // When the first scheduled backup started, or else when the database was first migrated: the
  // start of the lapse before any verified backup.
  Instant FirstAttemptAt();
  // The addresses and languages of the active administrators (organisation and network).
  std::vector<std::pair<std::string, std::string>> Administrators();

 private:
  soci::session& session_;
};

}  // namespace cercle::store
