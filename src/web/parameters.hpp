#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cercle::web {

// A record id from a path or form: 1 to 18 digits without a leading zero, nothing else.
std::optional<std::int64_t> ParseId(std::string_view text);

}  // namespace cercle::web
