// libFuzzer target: the Cookie header (Request::Cookie). The first line of the input is the cookie
// name, the rest the header's value.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_input.hpp"
#include "web/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [name, header] = cercle::fuzz::FirstLineAndRest(data, size);
  cercle::web::Request request;
  request.headers = {{"cookie", header}};
  const auto value = request.Cookie(name);
  // A value found is part of the header, and never holds the pair separator.
  if (value && (value->size() > header.size() || value->find(';') != std::string::npos))
    std::abort();
  (void)request.Cookie("__Host-cercle_session");
  (void)request.Cookie("lang");
  return 0;
}
