#include "web/redirects.hpp"

#include "base/text.hpp"
#include "web/http.hpp"

namespace cercle::web {
namespace {

bool HasControlOrBackslash(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == '\\') return true;
  }
  return false;
}

// A decoded piece of a target that may be encoded again: valid UTF-8, no control character, no
// backslash.
bool Acceptable(std::string_view decoded) {
  return IsValidUtf8(decoded) && !HasControlOrBackslash(decoded);
}

// The path rebuilt from its decoded segments, or nothing when it is refused: a decoded form that
// starts with
// "//" ("/%2F…"), or a "." or ".." segment. Empty segments inside (a doubled '/') are dropped.
std::optional<std::string> RebuildPath(std::string_view raw) {
  const auto decoded = PercentDecode(raw, false);
  if (!decoded || !Acceptable(*decoded) || !decoded->starts_with('/') ||
      decoded->starts_with("//")) {
    return std::nullopt;
  }
  std::string rebuilt;
  std::string_view rest = *decoded;
  const bool trailing_slash = rest.size() > 1 && rest.ends_with('/');
  while (!rest.empty()) {
    rest.remove_prefix(1);  // the '/'
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    if (segment.empty()) continue;
    if (segment == "." || segment == "..") return std::nullopt;
    rebuilt += '/';
    // Everything but unreserved characters is escaped, so '/', '?', '#', '%' and ':' cannot change
    // the target's shape.
    rebuilt += PercentEncode(segment);
  }
  if (rebuilt.empty() || trailing_slash) rebuilt += '/';
  return rebuilt;
}

// The query rebuilt from its decoded pairs, in their order, or nothing when a pair is refused.
std::optional<std::string> RebuildQuery(std::string_view raw) {
  std::string rebuilt;
  while (!raw.empty()) {
    const auto ampersand = raw.find('&');
    const std::string_view pair = raw.substr(0, ampersand);
    raw = ampersand == std::string_view::npos ? std::string_view() : raw.substr(ampersand + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    const auto key = PercentDecode(pair.substr(0, equals), true);
    const auto value = PercentDecode(
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
    if (!key || !value || !Acceptable(*key) || !Acceptable(*value)) return std::nullopt;
    AppendSeparated(rebuilt, "&", PercentEncode(*key) + "=" + PercentEncode(*value));
  }
  return rebuilt;
}

}  // namespace

std::optional<std::string> LocalTarget(std::string_view target) {
  // The raw target is checked as well as its decoded parts: a browser strips TAB, CR and LF before
  // it resolves a Location, so "/\t/evil.example/" would reach it as "//evil.example/".
  if (!target.starts_with('/') || target.starts_with("//") || HasControlOrBackslash(target)) {
    return std::nullopt;
  }
  if (const auto hash = target.find('#'); hash != std::string_view::npos)
    target = target.substr(0, hash);
  const auto question = target.find('?');
  auto path = RebuildPath(target.substr(0, question));
  if (!path) return std::nullopt;
  if (question == std::string_view::npos) return path;
  const auto query = RebuildQuery(target.substr(question + 1));
  if (!query) return std::nullopt;
  return query->empty() ? *path : *path + "?" + *query;
}

std::string RedirectTarget(std::string_view target, std::string_view fallback) {
  auto local = LocalTarget(target);
  return local ? std::move(*local) : std::string(fallback);
}

}  // namespace cercle::web
