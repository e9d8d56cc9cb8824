#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace cercle::assets {

// One file carried inside the binary: its repository-relative name and its bytes.
struct Asset {
  std::string_view name;
  std::string_view bytes;
};

// Every embedded file, in the order the build listed them. Defined in the generated
// embedded_assets.cpp.
extern const Asset kAll[];
extern const std::size_t kCount;

// The bytes of the embedded file `name` (for example "templates/layout.mustache"), or nothing.
std::optional<std::string_view> Find(std::string_view name);

// Every embedded file whose name starts with `prefix`, sorted by name.
std::vector<Asset> WithPrefix(std::string_view prefix);

}  // namespace cercle::assets
