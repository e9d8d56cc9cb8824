#pragma once

#include <string>
#include <vector>

#include "backup/backup.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "config/secrets.hpp"

// Restoring an archive: never half-way. The whole archive is decrypted and checked into a scratch
// folder first (every record authenticated, every part's SHA-256 equal to the manifest's); only
// then is the target touched, and the database is loaded in one transaction (SQLite's backup API
// into the target file; on PostgreSQL, pg_restore's script run by psql in a single transaction).
namespace cercle::backup {

// An archive decrypted and checked into a scratch folder.
struct Unpacked {
  Manifest manifest;
  std::string database_file;  // the SQLite file or the pg_dump archive
  std::string documents_dir;  // the documents, as stored (encrypted)
  std::vector<std::string> documents;
};

// Decrypts `archive` into `scratch` and checks each part against the manifest.
Result<Unpacked> Unpack(const std::string& archive, const config::Secrets& secrets,
                        const std::string& scratch);

// Whether the target's data may be replaced.
enum class Replace { kNo, kYes };

// Where a restore goes: the database and its documents folder.
struct RestoreTarget {
  std::string database_url;
  std::string documents_dir;
};

// What a restore did.
struct Restored {
  Manifest manifest;
  // The backup taken of what a --replace restore replaced ("" when the target was empty).
  std::string replaced_backup;
};

// Restores `archive` into `target`, which must be empty (a database without data, a documents
// folder absent or empty) unless `replace` says kYes: what is there is then backed up first into
// `backup_folder` (the restore stops if that backup fails), and replaced. Refuses an archive of the
// other engine, and one whose schema is newer than this binary's migrations. The restored schema
// is the archive's: the server's start (or `cercle migrate`) brings it up to date.
Result<Restored> Restore(const std::string& archive, const config::Secrets& secrets,
                         const RestoreTarget& target, Replace replace,
                         const std::string& backup_folder, Instant now);

// Loads the database of `unpacked` into the database at `url`, in one transaction. On PostgreSQL,
// `clean` first drops what the schema "public" holds, in that same transaction.
Status LoadDatabase(const Unpacked& unpacked, const std::string& url, bool clean,
                    const std::string& scratch);

// A new folder beside `near` (a path whose parent is used), readable by its owner only, removed
// with everything in it when the object dies.
class ScratchFolder {
 public:
  static Result<ScratchFolder> Create(const std::string& near);
  ScratchFolder(ScratchFolder&& other) noexcept : path_(std::move(other.path_)) {
    other.path_.clear();
  }
  ScratchFolder& operator=(ScratchFolder&&) = delete;
  ~ScratchFolder();
  const std::string& path() const { return path_; }

 private:
  explicit ScratchFolder(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace cercle::backup
