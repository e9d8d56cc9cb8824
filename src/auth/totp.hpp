#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.hpp"

namespace cercle::auth {

// Time-based one-time passwords per RFC 6238: HMAC-SHA1, 30-second steps, 6 digits (liboath).
namespace totp {

constexpr unsigned kStepSeconds = 30;
constexpr unsigned kDigits = 6;

// A new random 160-bit secret (raw bytes).
std::string NewSecret();
// The secret in RFC 4648 base32 without padding, as authenticator apps take it.
std::string Base32(std::string_view secret);
// The otpauth:// URI an authenticator app reads from the QR code.
std::string ProvisioningUri(std::string_view issuer, std::string_view account,
                            std::string_view secret);

// The code for `secret` at `now` (for tests and for the demo help).
std::string CodeAt(std::string_view secret, Instant now);

// Checks `code` at `now`, allowing one step of drift either way. Returns the time step it matched,
// or nothing when it is wrong — or when that step is not later than `last_used_step`, so that no
// code works twice.
std::optional<std::int64_t> Verify(std::string_view secret, std::string_view code, Instant now,
                                   std::int64_t last_used_step);

}  // namespace totp

// An SVG image of a QR code for `text` (libqrencode), with a text alternative for screen readers.
std::string QrCodeSvg(std::string_view text, std::string_view title);

}  // namespace cercle::auth
