#pragma once

#include <soci/soci.h>

#include "store/fetch.hpp"

#include <optional>
#include <vector>

// Helpers for the stores that read rows through a buffer with store::FetchAll (store/fetch.hpp):
// the first row, and optional values bound or read with an indicator.
namespace cercle::store {

// The first of `rows`, if any.
template <class T>
std::optional<T> FirstRow(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

// The indicator of an optional value bound with soci::use.
template <class T>
soci::indicator IndicatorOf(const std::optional<T>& value) {
  return value ? soci::i_ok : soci::i_null;
}

// The value read with `indicator`, or none for NULL.
template <class T>
std::optional<T> OptionalOf(const T& value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt;
}

}  // namespace cercle::store
