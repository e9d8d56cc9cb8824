// libFuzzer target: return targets (LocalTarget). A target it accepts is a path of this site that a
// browser cannot read as another site, and checking it again changes nothing.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/text.hpp"
#include "web/redirects.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto target = cercle::web::LocalTarget(text);
  if (!target) return 0;
  if (!target->starts_with('/') || target->starts_with("//") || !cercle::IsValidUtf8(*target))
    std::abort();
  for (const char c : *target) {
    const auto byte = static_cast<unsigned char>(c);
    // Only printable ASCII leaves: everything else was percent-encoded.
    if (byte < 0x21 || byte > 0x7E || c == '\\') std::abort();
  }
  if (cercle::web::LocalTarget(*target) != target) std::abort();
  return 0;
}
