#include "auth/crypto.hpp"
#include "config/secrets.hpp"

#include <sodium.h>

#include <vector>

namespace cercle::auth {
namespace {

// A secretbox key derived from `key` for `purpose` (the first 8 bytes of the purpose name the
// context).
std::array<unsigned char, crypto_secretbox_KEYBYTES> Subkey(const config::Key& key,
                                                            std::string_view purpose) {
  std::array<unsigned char, crypto_secretbox_KEYBYTES> subkey{};
  char context[crypto_kdf_CONTEXTBYTES] = {'c', 'e', 'r', 'c', 'l', 'e', '_', '_'};
  for (std::size_t i = 0; i < purpose.size() && i < sizeof context; ++i) context[i] = purpose[i];
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), 1, context, key.data());
  return subkey;
}

}  // namespace

std::string RandomToken(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string encoded(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                      '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(std::char_traits<char>::length(encoded.c_str()));
  sodium_memzero(raw.data(), raw.size());
  return encoded;
}

std::string KeyedHash(const config::Key& key, std::string_view purpose, std::string_view text) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), 32);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(purpose.data()),
                            purpose.size());
  const unsigned char separator = 0;
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                            text.size());
  unsigned char hash[32];
  crypto_generichash_final(&state, hash, sizeof hash);
  return config::ToHex(hash, sizeof hash);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Seal(const config::Key& key, std::string_view purpose, std::string_view plain) {
  const auto subkey = Subkey(key, purpose);
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plain.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                        out.data(), subkey.data());
  return config::ToHex(out.data(), out.size());
}

std::optional<std::string> Open(const config::Key& key, std::string_view purpose,
                                std::string_view sealed) {
  if (sealed.size() < 2 * (crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES))
    return std::nullopt;
  std::vector<unsigned char> bytes(sealed.size() / 2);
  std::size_t length = 0;
  if (sodium_hex2bin(bytes.data(), bytes.size(), sealed.data(), sealed.size(), nullptr, &length,
                     nullptr) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  const auto subkey = Subkey(key, purpose);
  std::string plain(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 bytes.data() + crypto_secretbox_NONCEBYTES,
                                 length - crypto_secretbox_NONCEBYTES, bytes.data(),
                                 subkey.data()) != 0) {
    return std::nullopt;
  }
  return plain;
}

}  // namespace cercle::auth
