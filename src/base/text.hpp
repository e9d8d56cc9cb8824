#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cercle {

// `parts` separated by `separator`: Join({"a", "b"}, ", ") is "a, b".
inline std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const auto& part : parts) {
    if (!joined.empty()) joined.append(separator);
    joined.append(part);
  }
  return joined;
}

// Appends `part` to `text`, with `separator` first when `text` is not empty.
inline void AppendSeparated(std::string& text, std::string_view separator, std::string_view part) {
  if (!text.empty()) text.append(separator);
  text.append(part);
}

// True when `text` is well-formed UTF-8: no lone continuation byte, no overlong form, no surrogate,
// nothing above U+10FFFF, no truncated sequence.
inline bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // The length of the sequence and the range its second byte must fall in (RFC 3629, table 3-7 of
    // Unicode): the narrowed ranges exclude overlong forms, surrogates and code points above
    // U+10FFFF.
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (text.size() - i < length) return false;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < low || second > high) return false;
    for (std::size_t k = 2; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (next < 0x80 || next > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

// The characters (code points) of UTF-8 `text`, as SQLite's and PostgreSQL's length() count them:
// every byte that is not a continuation byte starts one.
inline std::size_t CharacterCount(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// The first `count` characters of UTF-8 `text`, never cutting a character in two.
inline std::string FirstCharacters(std::string_view text, std::size_t count) {
  std::size_t end = 0;
  for (std::size_t seen = 0; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && seen++ == count) break;
  }
  return std::string(text.substr(0, end));
}

// `text` without the spaces, tabs and line breaks that begin and end it.
inline std::string Trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(kSpace);
  return std::string(text.substr(first, last - first + 1));
}

// True when `email` has the shape of an e-mail address: one "@" after at least one character, a
// dot in the domain after at least one character and before its end, no white space and no angle
// bracket. Its length is the caller's to limit.
inline bool LooksLikeEmail(std::string_view email) {
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos)
    return false;
  const auto dot = email.rfind('.');
  if (dot == std::string_view::npos || dot < at + 2 || dot == email.size() - 1) return false;
  for (const char c : email) {
    if (c == ' ' || (c >= '\t' && c <= '\r') || c == '<' || c == '>') return false;
  }
  return true;
}

// `text` percent-encoded: every byte but the unreserved characters (letters, digits, "-_.~")
// becomes %XX, for a URL's path segment or query value.
inline std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      encoded.push_back(c);
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[byte >> 4]);
      encoded.push_back(kHex[byte & 15]);
    }
  }
  return encoded;
}

// `text` with the characters that mean something in HTML and XML (& < > " ') written as entities,
// for text and attribute values alike.
inline std::string EscapeMarkup(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

}  // namespace cercle
