#pragma once

#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "config/config.hpp"

// The text of a mail as it goes to the SMTP server: MIME headers (RFC 5322, RFC 2047 encoded words
// for non-ASCII subjects and names) and a base64 body, built from a queued mail and the configured
// sender.
namespace cercle::notify {

// A queued mail taken by a sender, to send now.
struct ClaimedMail {
  long long id = 0;
  long long claimed_until = 0;
  std::string recipient;
  std::string subject;
  std::string body;
  long long created_at = 0;
  int attempts = 0;
};

// True when `address` is a bare mail address that cannot smuggle headers or SMTP commands.
bool IsPlainAddress(std::string_view address);
// True when `text` holds a control character (a subject must not).
bool HasControl(std::string_view text);
// The address part of a configured sender ("Cercle <cercle@example.org>" gives
// "cercle@example.org").
std::string EnvelopeAddress(const std::string& from);
// `text` with its line breaks replaced, so that configuration cannot add headers.
std::string OneLine(std::string text);
// The whole message, headers and body, with CRLF line ends.
std::string BuildMessage(const config::Config::Mail& settings, const ClaimedMail& mail);

}  // namespace cercle::notify
