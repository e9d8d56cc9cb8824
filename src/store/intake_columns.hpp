#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "store/fetch.hpp"

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
Parameter<std::string> DateParameter(const std::optional<CivilDate>& date);
// An optional id, or NULL.
Parameter<std::int64_t> IdParameter(const std::optional<std::int64_t>& id);

// The date stored as `text` (NULL when `indicator` says so). A malformed stored date breaks an
// invariant of the schema and throws.
std::optional<CivilDate> ReadDate(const std::string& text, soci::indicator indicator);
// A date stored in a NOT NULL column.
CivilDate ReadRequiredDate(const std::string& text);
// The id stored (NULL when `indicator` says so).
std::optional<std::int64_t> ReadId(std::int64_t id, soci::indicator indicator);
// Text that may be NULL: "" for NULL.
std::string ReadText(const std::string& text, soci::indicator indicator);

// The named parameters of a query of one organisation's rows: ":organisation", and ":key" or
// ":from" and ":to" when the query names them.
struct Keys {
  std::int64_t organisation = 0;
  std::optional<std::int64_t> key;
  std::string from;  // 'YYYY-MM-DD', for a query that names :from and :to
  std::string to;
};

// Runs `sql` with `keys` through store::FetchAll: :organisation always, :key and :from/:to when the
// query names them. The row types of the intake stores have Into(statement) and Take().
template <class Row>
auto FetchAll(soci::session& session, const char* sql, const Keys& keys) {
  const std::string text(sql);
  return store::FetchAll<Row>(session, text, [&](soci::statement& statement) {
    statement.exchange(soci::use(keys.organisation, "organisation"));
    if (text.find(":key") != std::string::npos) statement.exchange(soci::use(*keys.key, "key"));
    if (text.find(":from") != std::string::npos) {
      statement.exchange(soci::use(keys.from, "from"));
      statement.exchange(soci::use(keys.to, "to"));
    }
  });
}

}  // namespace cercle::store::intake
