#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

// The one way a store reads a list of rows: a row type binds its columns to a statement
// (`void Into(soci::statement&)`) and makes its value from what was read (`Take()`), and
// FetchAll runs the query and collects the values.
namespace cercle::store {

// Runs `query` with the parameters `bind(statement)` adds and returns `Row::Take()` of every row,
// in the query's order.
template <class Row, class Bind>
auto FetchAll(soci::session& session, const std::string& query, Bind&& bind)
    -> std::vector<decltype(std::declval<Row&>().Take())> {
  Row row;
  soci::statement statement(session);
  row.Into(statement);
  bind(statement);
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute();
  std::vector<decltype(row.Take())> values;
  while (statement.fetch()) values.push_back(row.Take());
  return values;
}

// The first row FetchAll would return, if any.
template <class Row, class Bind>
auto FetchOne(soci::session& session, const std::string& query, Bind&& bind)
    -> std::optional<decltype(std::declval<Row&>().Take())> {
  auto rows = FetchAll<Row>(session, query, std::forward<Bind>(bind));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace cercle::store
