#include "web/http.hpp"

#include <algorithm>
#include <cctype>

// RESTinio's query parser; its headers stay out of http.hpp, which every page includes.
#include <restinio/uri_helpers.hpp>

#include "web/multipart.hpp"

namespace cercle::web {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::string_view> Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      const std::string_view pair = Trim(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      const auto equals = pair.find('=');
      if (equals == std::string_view::npos) continue;
      if (Trim(pair.substr(0, equals)) == name) return std::string(Trim(pair.substr(equals + 1)));
    }
  }
  return std::nullopt;
}

std::multimap<std::string, std::string> Request::QueryParameters() const {
  auto parameters = ParseUrlEncoded(query);
  return parameters ? std::move(*parameters) : std::multimap<std::string, std::string>();
}

std::multimap<std::string, std::string> Request::FormFields() const { return Body().fields; }

std::vector<UploadedFile> Request::Files() const { return Body().files; }

MultipartBody Request::Body() const {
  auto parsed = ParsedBody();
  return parsed ? std::move(*parsed) : MultipartBody();
}

std::optional<MultipartBody> Request::ParsedBody() const {
  const auto type = Header("content-type");
  if (!type) return MultipartBody();
  const auto media_type = Trim(type->substr(0, type->find(';')));
  if (EqualsIgnoringCase(media_type, "application/x-www-form-urlencoded")) {
    auto fields = ParseUrlEncoded(body);
    if (!fields) return std::nullopt;
    return MultipartBody{std::move(*fields), {}};
  }
  if (EqualsIgnoringCase(media_type, "multipart/form-data")) {
    const auto boundary = MultipartBoundary(*type);
    if (!boundary) return std::nullopt;
    return ParseMultipart(body, *boundary);
  }
  return MultipartBody();
}

std::size_t Request::HeaderBytes() const {
  std::size_t total = target.size();
  for (const auto& [key, value] : headers) total += key.size() + value.size() + 4;
  return total;
}

void Response::SetHeader(std::string name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (EqualsIgnoringCase(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

void Response::AddHeader(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoringCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

Response Response::Html(int status, std::string body) {
  return Document(status, std::move(body), "text/html; charset=utf-8");
}

Response Response::Text(int status, std::string body) {
  return Document(status, std::move(body), "text/plain; charset=utf-8");
}

Response Response::Document(int status, std::string body, std::string content_type) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.SetHeader("Content-Type", std::move(content_type));
  return response;
}

Response Response::Redirect(std::string location) {
  Response response;
  response.status = 303;
  response.SetHeader("Location", std::move(location));
  return response;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      decoded.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      decoded.push_back(' ');
    } else {
      decoded.push_back(c);
    }
  }
  return decoded;
}

std::optional<std::multimap<std::string, std::string>> ParseUrlEncoded(std::string_view text) {
  // The relaxed traits accept what RFC 3986 allows unencoded in a query, which covers what browsers
  // send (they escape everything else in forms) and links typed by hand; '&' alone separates pairs.
  auto parsed = restinio::try_parse_query<restinio::parse_query_traits::relaxed>(
      restinio::string_view_t(text.data(), text.size()));
  if (!parsed) return std::nullopt;
  std::multimap<std::string, std::string> pairs;
  for (const auto& [name, value] : *parsed) {
    pairs.emplace(std::string(name.data(), name.size()), std::string(value.data(), value.size()));
  }
  // A query of one bare word ("?closed") is RESTinio's "tag"; Cercle reads it as a parameter
  // without value.
  if (const auto tag = parsed->tag())
    pairs.emplace(std::string(tag->data(), tag->size()), std::string());
  return pairs;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

}  // namespace cercle::web
