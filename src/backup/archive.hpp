#pragma once

#include <sodium.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "config/secrets.hpp"

// The container of a backup: one file, encrypted and authenticated with libsodium's secretstream
// (XChaCha20-Poly1305) under the backup key, which is derived from the key file's file key.
//
//   header: "CERCLEBK", a format byte, a key check (32 bytes), the secretstream header (24 bytes)
//   then records of kRecordBytes of plain text each, sealed one by one (each kRecordBytes + 17
//   bytes on disk); the last one is tagged FINAL. A record holds a 4-byte length, that many bytes
//   of the stream and zeros up to kRecordBytes, so that every record on disk has the same size.
//
// The stream holds parts one after the other: a 2-byte name length, the name, an 8-byte size and
// the part's bytes (little-endian numbers). Because every sealed record has the same size, a file
// cut short ends in a partial record or before the FINAL one ("truncated"), while a changed byte
// fails a record's authentication ("altered"). The key check, a keyed hash of a fixed text under a
// key derived like the backup key, tells another key from an alteration. The plain header is the
// additional data of the first record, so that it cannot be changed unnoticed either.
namespace cercle::backup {

// The messages that name what is wrong with an archive (English msgids).
inline constexpr const char* kNotAnArchive = N_("This file is not a Cercle backup archive.");
inline constexpr const char* kUnknownFormat =
    N_("This archive was written by a newer version of Cercle, in a format this one cannot read.");
inline constexpr const char* kWrongKey =
    N_("This archive was made with another key: it can only be read with the key file of the "
       "installation that made it.");
inline constexpr const char* kTruncated = N_("The archive is truncated: its end is missing.");
inline constexpr const char* kAltered =
    N_("The archive was altered: its content does not match its authentication.");

// The plain bytes of one sealed record.
inline constexpr std::size_t kRecordBytes = 64 * 1024;

// The backup's keys, derived from the key file's file key (crypto_kdf, context "backup").
struct BackupKeys {
  config::Key encryption{};
  std::array<unsigned char, 32> check{};  // the key check stored in the header
};
BackupKeys DeriveBackupKeys(const config::Secrets& secrets);

// Writes an archive into a file, part after part. Not thread-safe.
class ArchiveWriter {
 public:
  // Opens `path` (a new file, readable by its owner only) and writes the header.
  static Result<std::unique_ptr<ArchiveWriter>> Open(const std::string& path,
                                                     const config::Secrets& secrets);
  ~ArchiveWriter();

  // Adds the file at `file` as part `name`; returns the SHA-256 (hex) of its bytes.
  Result<std::string> AddFile(const std::string& name, const std::string& file);
  // Adds `bytes` as part `name`; returns their SHA-256 (hex).
  Result<std::string> AddBytes(const std::string& name, std::string_view bytes);
  // Seals the last record (tagged FINAL), flushes and syncs the file.
  Status Finish();

 private:
  ArchiveWriter() = default;
  Status Write(std::string_view bytes);
  Status Seal(bool final);

  std::ofstream out_;
  crypto_secretstream_xchacha20poly1305_state state_{};
  std::string pending_;                // plain bytes not sealed yet
  std::vector<unsigned char> header_;  // additional data of the first record
  bool first_ = true;
  std::string path_;
};

// Where each part of an extracted archive went.
struct ExtractedPart {
  std::string name;
  std::string path;  // its file under the scratch folder
  std::string sha256;
  std::uintmax_t bytes = 0;
};

// Reads the archive at `path` whole, writing each part under `folder` (the part "documents/NAME"
// to folder/documents/NAME, any other to folder/NAME), and returns the parts in order. Fails with
// one of the messages above when the archive is not one, is under another key, is truncated or
// was altered; what was extracted is then worthless and left for the caller to remove.
Result<std::vector<ExtractedPart>> ExtractArchive(const std::string& path,
                                                  const config::Secrets& secrets,
                                                  const std::string& folder);

// The SHA-256 of `bytes`, in hex.
std::string Sha256Hex(std::string_view bytes);

}  // namespace cercle::backup
