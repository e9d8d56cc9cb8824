#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cercle {

// `parts` separated by `separator`: Join({"a", "b"}, ", ") is "a, b".
inline std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const auto& part : parts) {
    if (!joined.empty()) joined.append(separator);
    joined.append(part);
  }
  return joined;
}

// Appends `part` to `text`, with `separator` first when `text` is not empty.
inline void AppendSeparated(std::string& text, std::string_view separator, std::string_view part) {
  if (!text.empty()) text.append(separator);
  text.append(part);
}

}  // namespace cercle
