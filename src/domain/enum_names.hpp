#pragma once

#include <array>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

// One table per enumeration, after DuckDB's enum utilities: each enumeration lists, once, its
// values with the name stored in the database and the English msgid of its label, and the generic
// functions below name, parse, label and list it. A new value is one new line of its table.
//
//   enum class Colour { kRed, kBlue };
//   template <>
//   struct EnumTable<Colour> {
//     static constexpr std::array<EnumEntry<Colour>, 2> kEntries{{
//         {Colour::kRed, "red", "Red"},  // labels are wrapped in N_(…) for the catalogs
//         {Colour::kBlue, "blue", "Blue"},
//     }};
//   };
//   NameOf(Colour::kRed) == "red"; ParseEnum<Colour>("blue") == Colour::kBlue;
//   LabelOf(Colour::kRed) == "Red" (a msgid, translated by the web layer); EnumValues<Colour>().
namespace cercle::domain {

// One value of an enumeration: the value, its stored name, and the msgid of its label ("" when the
// value is never shown).
template <class E>
struct EnumEntry {
  E value;
  std::string_view name;
  std::string_view label;
};

// Specialised once per enumeration with `static constexpr std::array<EnumEntry<E>, N> kEntries`,
// in table order (the order choices are offered in).
template <class E>
struct EnumTable;

// The stored name of `value` ("" for a value missing from its table).
template <class E>
constexpr std::string_view NameOf(E value) {
  for (const auto& entry : EnumTable<E>::kEntries) {
    if (entry.value == value) return entry.name;
  }
  return {};
}

// The msgid of `value`'s label ("" for a value missing from its table).
template <class E>
constexpr std::string_view LabelOf(E value) {
  for (const auto& entry : EnumTable<E>::kEntries) {
    if (entry.value == value) return entry.label;
  }
  return {};
}

// The value whose stored name is `name`, if any.
template <class E>
constexpr std::optional<E> ParseEnum(std::string_view name) {
  for (const auto& entry : EnumTable<E>::kEntries) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

// Every value of `E`, in table order.
template <class E>
const std::vector<E>& EnumValues() {
  static const std::vector<E> values = [] {
    std::vector<E> all;
    all.reserve(EnumTable<E>::kEntries.size());
    for (const auto& entry : EnumTable<E>::kEntries) all.push_back(entry.value);
    return all;
  }();
  return values;
}

// The value among `values` whose stored name (`name_of(value)`) is `name`, if any. Kept for the
// enumerations not yet moved to an EnumTable.
template <class Values, class NameOf>
auto FindByName(const Values& values, NameOf name_of, std::string_view name)
    -> std::optional<std::decay_t<decltype(*std::begin(values))>> {
  for (const auto value : values) {
    if (name_of(value) == name) return value;
  }
  return std::nullopt;
}

}  // namespace cercle::domain
