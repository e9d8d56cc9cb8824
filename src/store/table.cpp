#include "store/table.hpp"

#include "store/page_slice.hpp"

namespace cercle::store::table_detail {
namespace {

// The names of a comma-separated column list, in order.
std::vector<std::string> Names(std::string_view list) {
  std::vector<std::string> names;
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    names.emplace_back(name);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return names;
}

// The names from `first` to `last`, each written as `format` writes it, separated by commas.
template <class Format>
std::string Joined(const std::vector<std::string>& names, std::size_t first, std::size_t last,
                   Format format) {
  std::string joined;
  for (std::size_t i = first; i < last; ++i) joined += (i == first ? "" : ", ") + format(names[i]);
  return joined;
}

}  // namespace

Statements Write(const TableColumns& columns) {
  Statements statements;
  statements.names = {"id"};
  for (const auto list : {columns.fixed, columns.changing, columns.read_only}) {
    for (auto& name : Names(list)) statements.names.push_back(std::move(name));
  }
  statements.fixed = CountNames(columns.fixed);
  statements.changing = CountNames(columns.changing);
  const auto& names = statements.names;
  const std::size_t written = 1 + statements.fixed + statements.changing;
  std::string created_columns, created_values, computed_assignments;
  for (const auto list : {columns.created, columns.computed}) {
    for (const auto& name : Names(list)) {
      created_columns += ", " + name;
      created_values += ", :" + name;
    }
  }
  for (const auto& name : Names(columns.computed))
    computed_assignments += ", " + name + " = :" + name;
  const std::string table(columns.table);
  const auto as_is = [](const std::string& name) { return name; };
  const auto parameter = [](const std::string& name) { return ":" + name; };
  const auto assignment = [](const std::string& name) { return name + " = :" + name; };
  const std::string by_id = " WHERE id = :id AND organisation_id = :organisation_id";
  statements.columns = Joined(names, 0, names.size(), as_is);
  statements.insert = "INSERT INTO " + table + " (" + Joined(names, 1, written, as_is) +
                      created_columns + ") VALUES (" + Joined(names, 1, written, parameter) +
                      created_values + ") RETURNING id";
  statements.update = "UPDATE " + table + " SET " +
                      Joined(names, 1 + statements.fixed, written, assignment) +
                      computed_assignments + by_id;
  statements.find = "SELECT " + statements.columns + " FROM " + table + by_id;
  statements.remove = "DELETE FROM " + table + by_id;
  statements.count = "SELECT count(*) FROM " + table + " WHERE organisation_id = :organisation_id";
  return statements;
}

}  // namespace cercle::store::table_detail

namespace cercle::store {

std::string Replaced(std::string query, std::string_view marker, std::string_view text) {
  const auto at = query.find(marker);
  if (at != std::string::npos) query.replace(at, marker.size(), text);
  return query;
}

void ExecuteOnce(soci::statement& statement, const std::string& query) {
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(true);
}

std::int64_t CountOf(soci::session& session, const std::string& query, const Bindings& bindings) {
  long long count = 0;
  soci::statement statement(session);
  bindings(statement);
  statement.exchange(soci::into(count));
  ExecuteOnce(statement, query);
  return count;
}

std::string AmongIds(std::string_view column, const std::optional<std::vector<std::int64_t>>& ids) {
  if (!ids) return "1 = 1";
  return std::string(column) + " IN (" + IdList(*ids) + ")";
}

std::string Qualified(std::string_view alias, std::string_view columns) {
  std::string qualified;
  for (const auto& name : table_detail::Names(columns)) {
    qualified += (qualified.empty() ? "" : ", ") + std::string(alias) + "." + name;
  }
  return qualified;
}

}  // namespace cercle::store
