#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "base/clock.hpp"
#include "base/dates.hpp"

// Conversions between the circles' stored columns and their domain values, shared by the circles'
// stores (circle_store, meeting_store, circle_contact_store, circle_review_store, partner_store).
// Civil dates are 'YYYY-MM-DD' text, times Unix seconds, and NULLs go through soci::indicator.
namespace cercle::store::circle_rows {

// A stored date, or none when NULL or unreadable.
inline std::optional<CivilDate> Date(const std::string& text, soci::indicator indicator) {
  if (indicator != soci::i_ok) return std::nullopt;
  return ParseIsoDate(text);
}

// A stored date that may not be NULL; the epoch's day when unreadable (which the CHECK constraints
// forbid).
inline CivilDate RequiredDate(const std::string& text) {
  return ParseIsoDate(text).value_or(CivilDate{});
}

inline std::optional<std::int64_t> Id(std::int64_t value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional(value) : std::nullopt;
}

inline std::optional<Instant> Time(long long value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional(FromUnix(value)) : std::nullopt;
}

// A value to bind that may be NULL: keep it alive until the statement runs.
struct NullableText {
  std::string value;
  soci::indicator indicator = soci::i_null;
};
struct NullableId {
  std::int64_t value = 0;
  soci::indicator indicator = soci::i_null;
};
struct NullableTime {
  long long value = 0;
  soci::indicator indicator = soci::i_null;
};

inline NullableText Text(const std::optional<CivilDate>& date) {
  if (!date) return {};
  return {FormatIsoDate(*date), soci::i_ok};
}
inline NullableText Text(const std::optional<std::string>& text) {
  if (!text) return {};
  return {*text, soci::i_ok};
}
inline NullableId Nullable(const std::optional<std::int64_t>& id) {
  if (!id) return {};
  return {*id, soci::i_ok};
}
inline NullableTime Nullable(const std::optional<Instant>& instant) {
  if (!instant) return {};
  return {ToUnix(*instant), soci::i_ok};
}

}  // namespace cercle::store::circle_rows
