#pragma once

#include <soci/soci.h>

#include <optional>
#include <vector>

// One fetch loop for every store that reads rows through a buffer: a `Row` type binds its columns
// into a statement (`void Bind(soci::statement&)`, in the order of the query's SELECT list) and
// makes the domain value of the row just fetched (`T Read() const`).
namespace cercle::store {

// Runs `sql` with the parameters `bind(statement)` adds, and reads every row through a `Row`.
template <class Row, class Bind>
auto FetchRows(soci::session& session, const char* sql, Bind&& bind) {
  Row row;
  soci::statement statement(session);
  row.Bind(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<decltype(row.Read())> rows;
  while (statement.fetch()) rows.push_back(row.Read());
  return rows;
}

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
