#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "store/fetch.hpp"

// What the volunteers' stores (volunteer_store, screening_store, training_store,
// volunteer_hours_store) share: one way to read rows into structs. Each row type has `Into`, which
// binds its columns in the order its SELECT lists them, and `Take`, which makes the domain value of
// the row just fetched; store::FetchAll and store::FetchOne run a query with it.
namespace cercle::store::volunteer_rows {

using store::FetchAll;
using store::FetchOne;

// Binds `organisation_id` as :organisation, and `id` as `name` when given.
inline auto ByOrganisation(const std::int64_t& organisation_id) {
  return [&](soci::statement& statement) {
    statement.exchange(soci::use(organisation_id, "organisation"));
  };
}
inline auto ByOrganisationAnd(const std::int64_t& organisation_id, const std::int64_t& id,
                              const char* name) {
  return [&, name](soci::statement& statement) {
    statement.exchange(soci::use(organisation_id, "organisation"));
    statement.exchange(soci::use(id, name));
  };
}

// A stored date that may not be NULL; the epoch's day when unreadable (which the CHECK constraints
// forbid).
inline CivilDate RequiredDate(const std::string& text) {
  return ParseIsoDate(text).value_or(CivilDate{});
}

// A value read from a column that may be NULL.
template <class T>
std::optional<T> IfPresent(const T& value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt;
}

// A value to bind that may be NULL: keep it alive until the statement runs.
template <class T>
struct Nullable {
  T value{};
  soci::indicator indicator = soci::i_null;
};
template <class T>
Nullable<T> NullableOf(const std::optional<T>& value) {
  if (!value) return {};
  return {*value, soci::i_ok};
}

}  // namespace cercle::store::volunteer_rows
