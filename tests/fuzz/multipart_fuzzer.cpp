// libFuzzer target: multipart/form-data bodies and their Content-Type (MultipartBoundary,
// ParseMultipart, Request::Body). The first line of the input is the Content-Type header, the rest
// the body.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_input.hpp"
#include "web/http.hpp"
#include "web/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [content_type, body] = cercle::fuzz::FirstLineAndRest(data, size);
  cercle::web::Request request;
  request.headers = {{"content-type", content_type}};
  request.body = body;
  const auto parsed = request.Body();
  // Every part comes out of the body: nothing is invented.
  for (const auto& file : parsed.files) {
    if (file.bytes.size() > body.size() || file.filename.size() > body.size()) std::abort();
  }
  for (const auto& [name, value] : parsed.fields) {
    if (name.size() > body.size() || value.size() > body.size()) std::abort();
  }
  if (const auto boundary = cercle::web::MultipartBoundary(content_type)) {
    if (boundary->empty() || boundary->size() > 70) std::abort();
    (void)cercle::web::ParseMultipart(body, *boundary);
  }
  return 0;
}
