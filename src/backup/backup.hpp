#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "config/secrets.hpp"

// Backups of a whole Cercle installation: the database (SQLite's online backup API, or pg_dump
// --format=custom for PostgreSQL) and the documents folder, in one archive encrypted and
// authenticated with libsodium's secretstream under the backup key, which is derived from the key
// file. A manifest inside the archive names the Cercle version, the schema version, the time, the
// row count of every table and the SHA-256 of every part.
namespace cercle::backup {

// What a backup copies: the database at `database_url` (sqlite:PATH or postgresql://…) and the
// encrypted documents under `documents_dir`.
struct Source {
  std::string database_url;
  std::string documents_dir;
};

// What an archive says about itself.
struct Manifest {
  std::string cercle_version;
  int schema_version = 0;
  Instant created_at;
  std::string dialect;                          // "sqlite" or "postgresql"
  std::map<std::string, long long> row_counts;  // by table
  std::map<std::string, std::string> parts;     // part name -> SHA-256 (hex)
};

// A backup written.
struct Summary {
  std::string archive;       // its path
  std::uintmax_t bytes = 0;  // its size
  Manifest manifest;
};

// Writes a consistent backup of `source` to `archive` (a new file, written beside it and renamed
// when complete), while the server runs and writes. Fails, leaving no archive, on any error.
Result<Summary> Create(const Source& source, const config::Secrets& secrets,
                       const std::string& archive, Instant now);

// The outcome of a restore drill: every check with its result.
struct VerifyReport {
  bool ok = false;
  std::vector<std::string> lines;  // one per check, for the command line and the admin page
  Manifest manifest;
};

// Restores `archive` into a scratch database and documents folder under `scratch_dir` and checks
// the database's integrity, the audit chains, that every document decrypts and that the row counts
// match the manifest. An archive that is truncated, altered or under another key is an error that
// names which.
Result<VerifyReport> Verify(const std::string& archive, const config::Secrets& secrets,
                            const std::string& scratch_dir);

}  // namespace cercle::backup
