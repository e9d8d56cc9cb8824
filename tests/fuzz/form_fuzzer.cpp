// libFuzzer target: URL-encoded forms and query strings (ParseUrlEncoded, PercentDecode,
// Request::QueryParameters and FormFields). Every decoded pair must encode and decode back to
// itself.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "web/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  cercle::web::Request request;
  request.query = text;
  request.body = text;
  request.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  const auto query = request.QueryParameters();
  const auto fields = request.FormFields();
  if (query != fields) std::abort();
  for (const auto& [name, value] : fields) {
    if (cercle::web::PercentDecode(cercle::web::PercentEncode(value), true) != value) std::abort();
    if (cercle::web::PercentDecode(cercle::web::PercentEncode(name), false) != name) std::abort();
  }
  (void)cercle::web::PercentDecode(text, false);
  return 0;
}
