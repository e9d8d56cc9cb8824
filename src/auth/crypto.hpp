#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/secrets.hpp"

namespace cercle::auth {

// A fresh random token of `bytes` bytes from the OS's secure source, URL-safe base64 without
// padding.
std::string RandomToken(std::size_t bytes = 32);

// A keyed BLAKE2b hash of `text` under `key`, as hex. Stored instead of tokens, so that a copy of
// the database cannot be used to sign in. `purpose` separates uses of one key ("session", "csrf"…).
std::string KeyedHash(const config::Key& key, std::string_view purpose, std::string_view text);

// Compares two strings in time that does not depend on where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Encrypts `plain` under a subkey of `key` for `purpose` (XSalsa20-Poly1305, random nonce); hex
// output.
std::string Seal(const config::Key& key, std::string_view purpose, std::string_view plain);
// Decrypts what Seal produced; nothing when it was altered or sealed under another key or purpose.
std::optional<std::string> Open(const config::Key& key, std::string_view purpose,
                                std::string_view sealed);

}  // namespace cercle::auth
