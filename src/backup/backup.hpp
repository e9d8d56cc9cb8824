#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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
// when complete), while the server runs and writes. Fails, leaving no archive, on any error, and
// when `archive` exists already.
//
// Consistency: the database is copied first, as one snapshot (SQLite's backup API copies it in
// one step under a read transaction; on PostgreSQL a repeatable-read transaction exports its
// snapshot to pg_dump and counts the rows in that same snapshot). The documents copied are then
// exactly those the snapshot references and has not deleted: a document is written to the folder
// before its record commits and removed after its deletion commits, so each one is there, unless
// it was deleted after the snapshot was taken; that backup is then refused, naming the document,
// and tried again once. Documents are copied as they are on disk, still encrypted under the key
// file's document key.
Result<Summary> Create(const Source& source, const config::Secrets& secrets,
                       const std::string& archive, Instant now);

// The file name of a backup made at `now`: "cercle-2026-11-30T140000Z.backup", or with
// "-`occasion`" before the extension ("before-migrate", "before-restore").
std::string ArchiveName(Instant now, std::string_view occasion = {});

// True when the database at `database_url` holds data and lacks a migration of this binary: what a
// backup before migrating protects.
Result<bool> DataAwaitsMigration(const std::string& database_url);

// Before `cercle migrate` or a server's start applies migrations: when DataAwaitsMigration,
// backs the database up into `folder` (created if needed, readable by its owner only) and returns
// the summary; returns nothing when there is nothing to protect.
Result<std::optional<Summary>> BackupBeforeMigrate(const Source& source,
                                                   const config::Secrets& secrets,
                                                   const std::string& folder, Instant now);

// `instant` in UTC, written with strftime's `format`.
std::string UtcText(Instant instant, const char* format);

// The manifest as stored in an archive (JSON), and read back.
std::string ManifestJson(const Manifest& manifest);
Result<Manifest> ParseManifest(std::string_view json);

// The outcome of a restore drill: every check with its result.
struct VerifyReport {
  bool ok = false;
  std::vector<std::string> lines;  // one per check, in English, for logs and the command line
  std::vector<Message> messages;   // the same checks, to be shown in the reader's language
  Manifest manifest;
};

// Restores `archive` into a scratch database and documents folder under `scratch_dir` and checks
// the database's integrity, the audit chains, that every document decrypts and that the row counts
// match the manifest. An archive that is truncated, altered or under another key is an error that
// names which (archive.hpp), and so is a restore that cannot be done at all.
//
// A PostgreSQL archive is restored into a scratch database made for the drill and dropped after
// it, on the server of `postgres_server_url` (a postgresql:// address whose role may CREATE
// DATABASE); without one, verifying a PostgreSQL archive is an error that says so. A SQLite
// archive needs no server: its scratch database is a file under `scratch_dir`.
Result<VerifyReport> Verify(const std::string& archive, const config::Secrets& secrets,
                            const std::string& scratch_dir,
                            const std::string& postgres_server_url = {});

}  // namespace cercle::backup
