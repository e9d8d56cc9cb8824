#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

namespace cercle::fuzz {

// A fuzz input read as two texts: its first line (without the '\n') and the rest.
inline std::pair<std::string, std::string> FirstLineAndRest(const std::uint8_t* data,
                                                            std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto newline = text.find('\n');
  return {text.substr(0, newline),
          newline == std::string::npos ? std::string() : text.substr(newline + 1)};
}

}  // namespace cercle::fuzz
