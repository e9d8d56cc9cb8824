#pragma once

#include <iterator>
#include <optional>
#include <string_view>
#include <type_traits>

namespace cercle::domain {

// The value among `values` whose stored name (`name_of(value)`) is `name`, if any: the body of
// each enumeration's Parse…() function.
template <class Values, class NameOf>
auto FindByName(const Values& values, NameOf name_of, std::string_view name)
    -> std::optional<std::decay_t<decltype(*std::begin(values))>> {
  for (const auto value : values) {
    if (name_of(value) == name) return value;
  }
  return std::nullopt;
}

}  // namespace cercle::domain
