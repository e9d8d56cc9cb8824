#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"

namespace cercle::auth {

// Shortest and longest passwords accepted, in characters (Unicode code points).
constexpr std::size_t kMinimumPasswordLength = 12;
constexpr std::size_t kMaximumPasswordLength = 256;

// Hashes `password` with argon2id (libsodium): 2 passes over 19 MiB, the standard "$argon2id$…"
// string.
std::string HashPassword(std::string_view password);

// True when `password` matches `hash`. Takes about the same time whether or not it matches.
bool VerifyPassword(std::string_view hash, std::string_view password);

// True when `hash` was made with weaker parameters than HashPassword uses now, so it should be
// redone at the next successful sign-in.
bool NeedsRehash(std::string_view hash);

// A hash of a random password: verifying against it costs what a real check costs, so that a
// sign-in for an unknown address takes as long as one for a known address.
const std::string& DecoyHash();

// Checks a new password: 12 to 256 characters, any Unicode, no composition rules; not in the list
// of common passwords (john-data's password.lst, embedded at build), even with digits or symbols
// added at the end; not one character repeated; not built on the user's e-mail address or the
// program's name.
Status CheckNewPassword(std::string_view password, std::string_view email);

}  // namespace cercle::auth
