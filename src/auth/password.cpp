#include "auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <unordered_set>

#include "auth/crypto.hpp"
#include "base/assets.hpp"

namespace cercle::auth {
namespace {

// OWASP's argon2id minimum: 19 MiB of memory, 2 passes.
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19 * 1024 * 1024;

std::size_t CodePoints(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

const std::unordered_set<std::string>& CommonPasswords() {
  static const std::unordered_set<std::string> list = [] {
    std::unordered_set<std::string> words;
    const auto text = assets::Find("auth/common-passwords.lst").value_or("");
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(start, end - start);
      if (!line.empty() && !line.starts_with("#!comment")) words.insert(Lower(line));
      start = end + 1;
    }
    if (words.empty()) throw std::logic_error("the common-password list was not embedded");
    return words;
  }();
  return list;
}

}  // namespace

std::string HashPassword(std::string_view password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return hash;
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view hash) {
  const std::string terminated(hash);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), kOpsLimit, kMemLimit) != 0;
}

const std::string& DecoyHash() {
  static const std::string hash = HashPassword(RandomToken(24));
  return hash;
}

Status CheckNewPassword(std::string_view password, std::string_view email) {
  const std::size_t length = CodePoints(password);
  if (length < kMinimumPasswordLength) {
    return Error::Fields(
        {{"password",
          {N_("Use at least 12 characters. A short sentence is easy to remember."), {}}}});
  }
  if (length > kMaximumPasswordLength) {
    return Error::Fields({{"password", {N_("Use at most 256 characters."), {}}}});
  }
  const std::string lower = Lower(password);
  std::string stripped = lower;
  while (!stripped.empty() && !std::isalpha(static_cast<unsigned char>(stripped.back())) &&
         static_cast<unsigned char>(stripped.back()) < 0x80) {
    stripped.pop_back();
  }
  const auto& common = CommonPasswords();
  const bool repeated =
      std::all_of(lower.begin(), lower.end(), [&](char c) { return c == lower.front(); });
  const std::string local_part = Lower(email.substr(0, email.find('@')));
  const bool personal = (local_part.size() >= 4 && lower.find(local_part) != std::string::npos) ||
                        stripped == "cercle" || stripped == "cercles" ||
                        stripped.starts_with("cercledesoutien");
  if (common.contains(lower) || common.contains(stripped) || repeated || personal) {
    return Error::Fields(
        {{"password",
          {N_("This password is too common or too easy to guess. Choose another."), {}}}});
  }
  return {};
}

}  // namespace cercle::auth
