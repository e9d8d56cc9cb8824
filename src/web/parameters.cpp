#include "web/parameters.hpp"

#include <charconv>

namespace cercle::web {

std::optional<std::int64_t> ParseId(std::string_view text) {
  // Only the canonical form: "01" would name the same record as "1" and slip past a list's
  // de-duplication.
  if (text.empty() || text.size() > 18 || text.front() == '0' ||
      text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace cercle::web
