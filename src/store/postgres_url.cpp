#include "store/postgres_url.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace cercle::store {
namespace {

using Keyword = std::pair<std::string, std::string>;

Error Malformed() { return Error::Invalid(N_("database.url is not a valid PostgreSQL address.")); }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes, as libpq does; a NUL byte or a broken escape is refused.
Result<std::string> Decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      decoded.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return Malformed();
    const int high = HexValue(text[i + 1]), low = HexValue(text[i + 2]);
    if (high < 0 || low < 0 || (high == 0 && low == 0)) return Malformed();
    decoded.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return decoded;
}

void Set(std::vector<Keyword>& keywords, const std::string& keyword, std::string value) {
  for (auto& [name, existing] : keywords) {
    if (name == keyword) {
      existing = std::move(value);
      return;
    }
  }
  keywords.emplace_back(keyword, std::move(value));
}

bool IsKeyword(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Splits "host[:port],host[:port]…" into libpq's comma-separated host and port lists.
Status ParseHosts(std::string_view list, std::vector<Keyword>& keywords) {
  std::string hosts, ports;
  bool any_port = false;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = list.find(',', start);
    std::string_view item = list.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    std::string_view host = item, port;
    if (item.starts_with('[')) {
      const std::size_t close = item.find(']');
      if (close == std::string_view::npos) return Malformed();
      host = item.substr(1, close - 1);
      const std::string_view rest = item.substr(close + 1);
      if (!rest.empty()) {
        if (!rest.starts_with(':')) return Malformed();
        port = rest.substr(1);
      }
    } else if (const std::size_t colon = item.rfind(':'); colon != std::string_view::npos) {
      host = item.substr(0, colon);
      port = item.substr(colon + 1);
    }
    for (const char c : port) {
      if (c < '0' || c > '9') return Malformed();
    }
    if (start > 0) {
      hosts += ',';
      ports += ',';
    }
    hosts += TRY(Decode(host));
    ports += std::string(port);
    any_port = any_port || !port.empty();
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (!hosts.empty() && hosts != std::string(hosts.size(), ',')) Set(keywords, "host", hosts);
  if (any_port) Set(keywords, "port", ports);
  return {};
}

}  // namespace

std::string QuoteConnectValue(const std::string& value) {
  std::string quoted = "'";
  for (const char c : value) {
    if (c == '\\' || c == '\'') quoted.push_back('\\');
    quoted.push_back(c);
  }
  return quoted + "'";
}

Result<std::string> PostgresConnectString(const std::string& uri) {
  std::string_view rest = uri;
  if (rest.starts_with("postgresql://")) {
    rest.remove_prefix(13);
  } else if (rest.starts_with("postgres://")) {
    rest.remove_prefix(11);
  } else {
    return Malformed();
  }
  std::vector<Keyword> keywords;
  std::string_view query;
  if (const std::size_t mark = rest.find('?'); mark != std::string_view::npos) {
    query = rest.substr(mark + 1);
    rest = rest.substr(0, mark);
  }
  std::string_view authority = rest, path;
  if (const std::size_t slash = rest.find('/'); slash != std::string_view::npos) {
    authority = rest.substr(0, slash);
    path = rest.substr(slash + 1);
  }
  // The user part ends at the last "@": a password may hold an unencoded "@" in practice.
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view user_part = authority.substr(0, at);
    authority = authority.substr(at + 1);
    const std::size_t colon = user_part.find(':');
    const std::string user = TRY(Decode(user_part.substr(0, colon)));
    if (!user.empty()) Set(keywords, "user", user);
    if (colon != std::string_view::npos) {
      Set(keywords, "password", TRY(Decode(user_part.substr(colon + 1))));
    }
  }
  if (!authority.empty()) TRY(ParseHosts(authority, keywords));
  if (!path.empty()) Set(keywords, "dbname", TRY(Decode(path)));
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) return Malformed();
    const std::string name = TRY(Decode(pair.substr(0, equals)));
    std::string value = TRY(Decode(pair.substr(equals + 1)));
    if (!IsKeyword(name)) return Malformed();
    if (name == "ssl") {
      // libpq's one JDBC-style parameter.
      if (value != "true") return Malformed();
      Set(keywords, "sslmode", "require");
      continue;
    }
    Set(keywords, name, std::move(value));
  }
  // SOCI 4.0.3 misreads a string whose last value holds a space (it fails with 'invalid connection
  // option ""'), so a numeric keyword goes last when there is one: connect_timeout, which ParseUrl
  // adds when the URI has none.
  std::stable_partition(keywords.begin(), keywords.end(),
                        [](const Keyword& keyword) { return keyword.first != "connect_timeout"; });
  std::string connect_string;
  for (const auto& [name, value] : keywords) {
    if (!connect_string.empty()) connect_string += ' ';
    connect_string += name + "=" + QuoteConnectValue(value);
  }
  return connect_string;
}

}  // namespace cercle::store
