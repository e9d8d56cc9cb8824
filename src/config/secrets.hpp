#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "base/result.hpp"

namespace cercle::config {

// A 256-bit secret key.
using Key = std::array<unsigned char, 32>;

// The server's secrets, read from the key file (never from the repository or the configuration
// file).
struct Secrets {
  Key session_key{};  // keys the hashes of session tokens and CSRF tokens
  Key audit_key{};    // keys the audit log's hash chain
  Key file_key{};     // encrypts stored documents and backups
};

// `size` bytes at `data` as lower-case hexadecimal.
std::string ToHex(const unsigned char* data, std::size_t size);

// `bytes` random bytes (libsodium) as lower-case hexadecimal: nonces, incident numbers, scratch
// names.
std::string RandomHex(std::size_t bytes);

// Reads the key file at `path`. Fails with a message naming the file when it is missing,
// unreadable, readable by other users, or malformed.
Result<Secrets> LoadSecrets(const std::string& path);

// Creates a key file with fresh random keys, readable by its owner only (0600), and its folder
// (0700) when missing. Refuses to overwrite an existing file.
Status CreateKeyFile(const std::string& path);

}  // namespace cercle::config
