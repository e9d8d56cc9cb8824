#include "base/assets.hpp"

#include <algorithm>

namespace cercle::assets {

std::optional<std::string_view> Find(std::string_view name) {
  for (std::size_t i = 0; i < kCount; ++i) {
    if (kAll[i].name == name) return kAll[i].bytes;
  }
  return std::nullopt;
}

std::vector<Asset> WithPrefix(std::string_view prefix) {
  std::vector<Asset> found;
  for (std::size_t i = 0; i < kCount; ++i) {
    if (kAll[i].name.starts_with(prefix)) found.push_back(kAll[i]);
  }
  std::sort(found.begin(), found.end(),
            [](const Asset& a, const Asset& b) { return a.name < b.name; });
  return found;
}

}  // namespace cercle::assets
