#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.hpp"
#include "web/multipart.hpp"

namespace cercle::web {

// The HTTP methods Cercle routes.
enum class Method { kGet, kHead, kPost, kOther };

// Cercle's own view of an HTTP request, independent of the server library, so that handlers can be
// tested without a socket.
struct Request {
  Method method = Method::kGet;
  std::string method_text = "GET";
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded path, without the query
  std::string query;   // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string client_address;

  // The first value of header `name` (lower case), if present.
  std::optional<std::string_view> Header(std::string_view name) const;
  // The value of cookie `name`, if present.
  std::optional<std::string> Cookie(std::string_view name) const;
  // The decoded query parameters; none when the query is malformed (the door refuses it before any
  // handler).
  std::multimap<std::string, std::string> QueryParameters() const;
  // The decoded text fields of an application/x-www-form-urlencoded or multipart/form-data body.
  std::multimap<std::string, std::string> FormFields() const;
  // The files of a multipart/form-data body.
  std::vector<UploadedFile> Files() const;
  // The decoded text fields and the files of the body, parsed once; empty when the body is not a
  // form or cannot be read.
  MultipartBody Body() const;
  // The same, but nothing when the body says it is a form (URL-encoded or multipart) and cannot be
  // read.
  std::optional<MultipartBody> ParsedBody() const;
  // Total size of the header block, as counted against the header limit.
  std::size_t HeaderBytes() const;
};

// Cercle's own view of an HTTP response.
struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // Sets header `name`, replacing any earlier value.
  void SetHeader(std::string name, std::string value);
  // Adds header `name` even if present (Set-Cookie).
  void AddHeader(std::string name, std::string value);
  // The value of header `name` (case-insensitive), if set.
  std::optional<std::string_view> Header(std::string_view name) const;

  static Response Html(int status, std::string body);
  static Response Text(int status, std::string body);
  // A response of `status` carrying `body` as `content_type` ("text/calendar; charset=utf-8").
  static Response Document(int status, std::string body, std::string content_type);
  // A 303 See Other to `location`, the answer to a successful form post.
  static Response Redirect(std::string location);
};

// Percent-decodes `text`; with `plus_is_space`, '+' becomes ' ' (form encoding). Fails on a bad
// escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);
// Percent-encodes everything but unreserved characters (base/text.hpp).
using cercle::PercentEncode;
// Parses "a=1&b=2" (a query string or a URL-encoded body) into decoded pairs, with RESTinio's
// parse_query:
// '&' separates pairs and '+' is a space. Nothing when the text is malformed: a bad escape, a pair
// without '=' (but a lone "name" reads as name=""), a byte that must be escaped (any non-ASCII or
// control byte).
std::optional<std::multimap<std::string, std::string>> ParseUrlEncoded(std::string_view text);
// The standard reason phrase of `status`.
std::string_view ReasonPhrase(int status);

}  // namespace cercle::web
