#include "notify/mail_message.hpp"

#include <sodium.h>

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>

namespace cercle::notify {
namespace {

constexpr std::size_t kMaxAddressLength = 320;
// RFC 2045: base64 lines of at most 76 characters.
constexpr std::size_t kBase64LineLength = 76;
// 39 bytes make 52 base64 characters, so "Subject: =?UTF-8?B?…?=" stays within 76 columns
// (RFC 2047 section 2).
constexpr std::size_t kEncodedWordBytes = 39;
constexpr std::size_t kPlainSubjectLength = 78 - std::string_view("Subject: ").size();

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7f; }

}  // namespace

// One plain address (local@domain), so that it can neither inject a header nor name a second
// recipient.
bool IsPlainAddress(std::string_view address) {
  if (address.size() < 3 || address.size() > kMaxAddressLength) return false;
  const auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  return std::none_of(address.begin(), address.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return IsControl(byte) || c == ' ' || c == '<' || c == '>' || c == ',' || c == '"' ||
           c == '(' || c == ')' || c == ';' || c == '\\';
  });
}

bool HasControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return IsControl(static_cast<unsigned char>(c)); });
}

namespace {

bool IsPrintableAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7f;
  });
}

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::string Base64(std::string_view bytes) {
  std::string encoded(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL),
                      '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(std::strlen(encoded.c_str()));
  return encoded;
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xf0 && lead < 0xf8) return 4;
  if (lead >= 0xe0) return lead < 0xf0 ? 3 : 1;
  if (lead >= 0xc0) return 2;
  return 1;
}

// RFC 2047 encoded words ("=?UTF-8?B?…?="), folded onto continuation lines, never splitting a
// character between two words.
std::string EncodeWords(std::string_view text) {
  std::string encoded;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = at;
    while (end < text.size()) {
      const std::size_t length =
          std::min(SequenceLength(static_cast<unsigned char>(text[end])), text.size() - end);
      if (end + length - at > kEncodedWordBytes) break;
      end += length;
    }
    if (!encoded.empty()) encoded += "\r\n ";
    encoded += "=?UTF-8?B?" + Base64(text.substr(at, end - at)) + "?=";
    at = end;
  }
  return encoded;
}

// Header text as is when it is short printable ASCII, else as encoded words.
std::string EncodeHeaderText(std::string_view text) {
  if (IsPrintableAscii(text) && text.find("=?") == std::string_view::npos &&
      text.size() <= kPlainSubjectLength) {
    return std::string(text);
  }
  return EncodeWords(text);
}

}  // namespace

// The address inside "Name <address>", or the whole text when there are no angle brackets.
std::string EnvelopeAddress(const std::string& from) {
  const auto open = from.rfind('<');
  const auto close = from.rfind('>');
  if (open != std::string::npos && close != std::string::npos && open < close) {
    return Trim(std::string_view(from).substr(open + 1, close - open - 1));
  }
  return Trim(from);
}

namespace {

// The From header for mail.from, with a non-ASCII display name encoded (RFC 2047) and an ASCII
// one quoted when it holds special characters.
std::string FromHeader(const std::string& from) {
  const std::string address = EnvelopeAddress(from);
  const auto open = from.rfind('<');
  const std::string display = open == std::string::npos ? "" : Trim(from.substr(0, open));
  if (display.empty()) return address;
  if (!IsPrintableAscii(display)) return EncodeWords(display) + " <" + address + ">";
  if (display.find_first_of("()<>[]:;@\\,.\"") == std::string::npos) {
    return display + " <" + address + ">";
  }
  std::string quoted = "\"";
  for (const char c : display) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + address + ">";
}

// An RFC 5322 date in UTC, independent of the process locale.
std::string FormatDate(Instant instant) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss time(instant - day);
  return fmt::format(
      "{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays[std::chrono::weekday(day).c_encoding()],
      static_cast<unsigned>(date.day()), kMonths[static_cast<unsigned>(date.month()) - 1],
      static_cast<int>(date.year()), time.hours().count(), time.minutes().count(),
      time.seconds().count());
}

// The same Message-ID on every attempt of one mail, so that a receiver can drop a duplicate, and
// nothing in it that reveals the recipient or the content.
std::string MessageId(const ClaimedMail& mail, const std::string& sender) {
  const std::string seed = std::to_string(mail.id) + "\n" + std::to_string(mail.created_at) + "\n" +
                           mail.recipient + "\n" + mail.subject + "\n" + mail.body;
  std::array<unsigned char, 16> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(seed.data()), seed.size(), nullptr, 0);
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  const auto at = sender.rfind('@');
  const std::string domain = at == std::string::npos ? "localhost" : sender.substr(at + 1);
  return "<" + hex + "@" + domain + ">";
}

// The body in canonical form (CRLF line breaks, RFC 2046), base64 in lines of 76 characters.
std::string EncodeBody(const std::string& body) {
  std::string canonical;
  canonical.reserve(body.size() + body.size() / 32);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n') continue;
    if (body[i] == '\n') canonical += '\r';
    canonical += body[i];
  }
  const std::string encoded = Base64(canonical);
  std::string lines;
  for (std::size_t at = 0; at < encoded.size(); at += kBase64LineLength) {
    lines += encoded.substr(at, kBase64LineLength) + "\r\n";
  }
  return lines;
}

}  // namespace

// Replaces line breaks in a configured header value, so that configuration cannot add headers.
std::string OneLine(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  return text;
}

std::string BuildMessage(const config::Config::Mail& settings, const ClaimedMail& mail) {
  const std::string from = OneLine(settings.from);
  std::string message;
  message += "From: " + FromHeader(from) + "\r\n";
  message += "To: " + mail.recipient + "\r\n";
  message += "Subject: " + EncodeHeaderText(mail.subject) + "\r\n";
  message += "Date: " + FormatDate(FromUnix(mail.created_at)) + "\r\n";
  message += "Message-ID: " + MessageId(mail, EnvelopeAddress(from)) + "\r\n";
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=UTF-8\r\n";
  message += "Content-Transfer-Encoding: base64\r\n";
  // RFC 3834: a notification, so that vacation responders do not answer it.
  message += "Auto-Submitted: auto-generated\r\n";
  message += "\r\n";
  message += EncodeBody(mail.body);
  return message;
}
}  // namespace cercle::notify
