#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "domain/dates.hpp"

// Column conversions shared by the intake stores (core members, referrals, orders, conditions, risk
// assessments, consents): civil dates as 'YYYY-MM-DD' text, optional values through
// soci::indicator.
namespace cercle::store::intake {

// A value ready to bind with soci::use(value, indicator, name). Keep it alive until the statement
// has run.
template <class T>
struct Parameter {
  T value{};
  soci::indicator indicator = soci::i_null;
};

// An optional civil date as 'YYYY-MM-DD', or NULL.
Parameter<std::string> DateParameter(const std::optional<domain::CivilDate>& date);
// An optional id, or NULL.
Parameter<std::int64_t> IdParameter(const std::optional<std::int64_t>& id);

// The date stored as `text` (NULL when `indicator` says so). A malformed stored date breaks an
// invariant of the schema and throws.
std::optional<domain::CivilDate> ReadDate(const std::string& text, soci::indicator indicator);
// A date stored in a NOT NULL column.
domain::CivilDate ReadRequiredDate(const std::string& text);
// The id stored (NULL when `indicator` says so).
std::optional<std::int64_t> ReadId(std::int64_t id, soci::indicator indicator);
// Text that may be NULL: "" for NULL.
std::string ReadText(const std::string& text, soci::indicator indicator);

}  // namespace cercle::store::intake
