#pragma once

#include <ostream>
#include <string>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "config/config.hpp"
#include "config/secrets.hpp"

// `cercle backup`, `cercle restore`, `cercle restore --verify`, and `cercle migrate` with its
// backup first. Each prints what it did in the configured language on `out`; a refusal is an
// Error for the caller to print.
namespace cercle::cli {

// `cercle backup [--to PATH]`: backs up the database (database.migrate_url when set, else
// database.url) and the documents folder into PATH, or a timestamped file in backup.folder, and
// prints the archive's path, its size and the row counts.
Status RunBackup(const config::Config& config, const std::string& to, Instant now,
                 std::ostream& out);

// What `cercle restore ARCHIVE --into URL` was given.
struct RestoreOptions {
  std::string archive;
  std::string into;
  std::string documents;  // "" for storage.documents_dir
  bool replace = false;
};

// `cercle restore ARCHIVE --into URL [--documents DIR] [--replace]`: restores into an empty
// database and documents folder, or with --replace backs up what is there (into backup.folder)
// and replaces it; prints what it did and where the backup of the replaced data went.
Status RunRestore(const config::Config& config, const RestoreOptions& options, Instant now,
                  std::ostream& out);

// `cercle restore --verify ARCHIVE`: the restore drill (backup::Verify, in a scratch folder under
// backup.folder; a PostgreSQL archive on the server of database.migrate_url, else database.url);
// prints one line per check and the verdict. Returns true when every check passed.
Result<bool> RunVerify(const config::Config& config, const std::string& archive, std::ostream& out);

// Whether `cercle migrate` backs up first.
enum class BackupFirst { kYes, kNo };

// `cercle migrate [--no-backup]`: when the database holds data and migrations are pending, backs it
// up into backup.folder (unless told kNo or backup.before_migrate is false) and prints where, then
// applies the migrations and prints their names. No migration runs when the backup fails.
Status RunMigrate(const config::Config& config, BackupFirst backup_first, Instant now,
                  std::ostream& out);

// Before the server's start migrates: the same backup as `cercle migrate` takes, when
// backup.before_migrate is set; logs where it went.
Status BackupBeforeServerMigrates(const config::Config& config, const config::Secrets& secrets,
                                  Instant now);

}  // namespace cercle::cli
