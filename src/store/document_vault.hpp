#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/secrets.hpp"

namespace cercle::store {

// Encrypted files on disk: each document is sealed with libsodium's secretstream
// (XChaCha20-Poly1305) under a key derived from the key file, and stored under a random name in a
// folder readable by the server only. Thread-safe.
class DocumentVault {
 public:
  DocumentVault(std::string folder, const config::Key& file_key);

  // Encrypts `bytes` into a new file; returns its storage name.
  std::string Put(std::string_view bytes) const;
  // The decrypted bytes of `storage_name`; nothing when the name is malformed, the file is missing,
  // or its content was altered.
  std::optional<std::string> Get(const std::string& storage_name) const;
  // Deletes the file of `storage_name`, if any.
  void Remove(const std::string& storage_name) const;
  // The path of `storage_name` on disk (for tests that inspect the ciphertext).
  std::string PathOf(const std::string& storage_name) const;

 private:
  std::string folder_;
  std::array<unsigned char, 32> key_{};
};

}  // namespace cercle::store
