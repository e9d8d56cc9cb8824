// libFuzzer target: the door (CheckInput). The input is split on NUL-free separators into the path,
// the query, the Content-Type choice and the body; whatever passes the door must be text a handler
// may see.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/text.hpp"
#include "web/input_check.hpp"

namespace {

// A value that passed the door: valid UTF-8 and no NUL.
void ExpectText(const std::string& text) {
  if (!cercle::IsValidUtf8(text) || text.find('\0') != std::string::npos) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  cercle::web::Request request;
  request.method = cercle::web::Method::kPost;
  // The first byte chooses how the body is sent; the rest is path, query and body separated by
  // '\x1f'.
  const auto first = text.find('\x1f');
  const auto second = first == std::string::npos ? std::string::npos : text.find('\x1f', first + 1);
  request.path = "/" + text.substr(0, first);
  if (first != std::string::npos) request.query = text.substr(first + 1, second - first - 1);
  if (second != std::string::npos) request.body = text.substr(second + 1);
  request.headers = {{"content-type", data[0] % 2 == 0 ? "application/x-www-form-urlencoded"
                                                       : "multipart/form-data; boundary=B"}};
  if (cercle::web::CheckInput(request)) return 0;
  ExpectText(request.path);
  for (const auto& [name, value] : request.QueryParameters()) {
    ExpectText(name);
    ExpectText(value);
  }
  const auto body = request.Body();
  for (const auto& [name, value] : body.fields) {
    ExpectText(name);
    ExpectText(value);
  }
  for (const auto& file : body.files) ExpectText(file.filename);
  return 0;
}
