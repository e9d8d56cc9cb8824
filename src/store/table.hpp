#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "domain/enum_names.hpp"
#include "store/fetch.hpp"

// One column list per table, from which the table's SELECT list, INSERT, UPDATE and lookup by id
// are written, so that no bind list can drift from its SQL. A table is described once:
//
//   struct ItemTable {
//     using Record = domain::Item;
//     static constexpr TableColumns kColumns{.table = "items",
//                                            .fixed = "organisation_id, owner_id",
//                                            .changing = "name, due_on"};
//     static auto Fields(Record& item) {
//       return std::tie(item.id, item.organisation_id, item.owner_id, item.name, item.due_on);
//     }
//   };
//
// Fields() names the record's members in the order of the columns: `id` first, then `fixed`,
// `changing` and `read_only`; a static assertion checks that both count the same. Members are
// stored as their column types say: civil dates as 'YYYY-MM-DD' text, instants as Unix seconds,
// bools as 0 or 1, enumerations by their stored name (domain::NameOf), std::optional as NULL.
namespace cercle::store {

// The columns of one table, by who writes them. `id` is not listed: the database gives it, and it
// is always read first. `organisation_id` must be among `fixed` for the generated UPDATE, lookup
// and removal: it scopes them, on top of row-level security (a table of no organisation, such as
// the organisations themselves, is only read with SelectAll and written with Insert).
struct TableColumns {
  std::string_view table;
  std::string_view fixed;           // written when a row is inserted, never changed after
  std::string_view changing = {};   // written when a row is inserted and by Update
  std::string_view read_only = {};  // read only: other statements of the store set them
  // Written when a row is inserted from the values Insert is given besides the record, never read:
  // "created_by, created_at".
  std::string_view created = {};
  // Written by Insert and Update from the values they are given besides the record, never read:
  // a column derived from the record, such as its folded search text.
  std::string_view computed = {};
};

// `query` with `marker` replaced by `text`.
std::string Replaced(std::string query, std::string_view marker, std::string_view text);

// "column IN (1,2,3)" for `ids` (ids the code read, never text from a request), or a condition
// every row meets when there is no list.
std::string AmongIds(std::string_view column, const std::optional<std::vector<std::int64_t>>& ids);

namespace table_detail {

// How many names a comma-separated column list holds.
constexpr std::size_t CountNames(std::string_view list) {
  if (list.empty()) return 0;
  std::size_t count = 1;
  for (const char c : list) count += c == ',' ? 1 : 0;
  return count;
}

[[noreturn]] inline void Unreadable(std::string_view what) {
  throw std::runtime_error("a stored " + std::string(what) + " is unreadable");
}

// How a member's type sits in its column: `Base` is what SOCI reads and binds.
template <class T, class = void>
struct Stored {
  using Base = T;
  static Base Write(const T& value) { return value; }
  static T Read(const Base& base) { return base; }
};
template <>
struct Stored<bool> {
  using Base = int;
  static Base Write(bool value) { return value ? 1 : 0; }
  static bool Read(Base base) { return base != 0; }
};
template <>
struct Stored<CivilDate> {
  using Base = std::string;
  static Base Write(const CivilDate& date) { return FormatIsoDate(date); }
  static CivilDate Read(const Base& text) {
    const auto date = ParseIsoDate(text);
    if (!date) Unreadable("date");
    return *date;
  }
};
template <>
struct Stored<Instant> {
  using Base = long long;
  static Base Write(Instant instant) { return ToUnix(instant); }
  static Instant Read(Base seconds) { return FromUnix(seconds); }
};
// An enumeration, by its stored name. A column that holds no value as an empty name rather than
// NULL (NOT NULL DEFAULT '') specialises Stored<E> from StoredEnum<E> with `kAbsent = ""`.
template <class E>
struct StoredEnum {
  using Base = std::string;
  static Base Write(E value) { return std::string(domain::NameOf(value)); }
  static E Read(const Base& name) {
    const auto value = domain::ParseEnum<E>(name);
    if (!value) Unreadable("name");
    return *value;
  }
};
template <class E>
struct Stored<E, std::enable_if_t<std::is_enum_v<E>>> : StoredEnum<E> {};

// The buffer of one column: the value SOCI reads or binds, and its indicator.
template <class T>
struct Slot {
  typename Stored<T>::Base value{};
  soci::indicator indicator = soci::i_ok;

  void Put(const T& member) { value = Stored<T>::Write(member); }
  // A NULL in a column the record cannot leave empty reads as the member's default.
  void Get(T& member) const { member = indicator == soci::i_ok ? Stored<T>::Read(value) : T{}; }
};
// An empty optional is NULL, or Stored<T>::kAbsent where the type names one.
template <class T>
struct Slot<std::optional<T>> {
  typename Stored<T>::Base value{};
  soci::indicator indicator = soci::i_null;

  void Put(const std::optional<T>& member) {
    if constexpr (requires { Stored<T>::kAbsent; }) {
      indicator = soci::i_ok;
      value = member ? Stored<T>::Write(*member) : typename Stored<T>::Base(Stored<T>::kAbsent);
      return;
    }
    indicator = member ? soci::i_ok : soci::i_null;
    if (member) value = Stored<T>::Write(*member);
  }
  void Get(std::optional<T>& member) const {
    bool present = indicator == soci::i_ok;
    if constexpr (requires { Stored<T>::kAbsent; })
      present = present && value != Stored<T>::kAbsent;
    member = present ? std::optional<T>(Stored<T>::Read(value)) : std::nullopt;
  }
};

template <class Tied>
struct SlotsOf;
template <class... Members>
struct SlotsOf<std::tuple<Members&...>> {
  using type = std::tuple<Slot<std::remove_const_t<Members>>...>;
};

// True when `count` members are one per column of Table::kColumns (`id` first), or when Table is a
// projection without kColumns, whose query lists its columns itself.
template <class Table>
constexpr bool CountsMatch(std::size_t count) {
  if constexpr (requires { Table::kColumns; }) {
    return count == 1 + CountNames(Table::kColumns.fixed) + CountNames(Table::kColumns.changing) +
                        CountNames(Table::kColumns.read_only);
  }
  return true;
}

// The SQL written from a table's columns, made once per table.
struct Statements {
  std::vector<std::string> names;  // every column, `id` first
  std::size_t fixed = 0, changing = 0;
  std::string columns, insert, update, find, remove, count;
};
Statements Write(const TableColumns& columns);

}  // namespace table_detail

// The statements written from `Table::kColumns`.
template <class Table>
const table_detail::Statements& StatementsOf() {
  static const table_detail::Statements statements = table_detail::Write(Table::kColumns);
  return statements;
}

// The table's column list with each name qualified by `alias` ("c.id, c.organisation_id, …"), for
// a query that joins other tables to it.
std::string Qualified(std::string_view alias, std::string_view columns);
template <class Table>
std::string ColumnsOf(std::string_view alias) {
  return Qualified(alias, StatementsOf<Table>().columns);
}

// One row of `Table` as SOCI reads or binds it: store::FetchAll's row type, and the values that
// Insert and Update bind. `Table` may also be a projection: a Record and its Fields() without
// kColumns, read with FetchAll by a query that lists its columns in the order of Fields().
template <class Table>
class TableRow {
 public:
  using Record = typename Table::Record;
  using Slots =
      typename table_detail::SlotsOf<decltype(Table::Fields(std::declval<Record&>()))>::type;
  static constexpr std::size_t kCount = std::tuple_size_v<Slots>;
  static_assert(table_detail::CountsMatch<Table>(kCount),
                "Fields() must name one member per column of kColumns, id first");

  TableRow() = default;
  explicit TableRow(const Record& record) {
    Record copy = record;
    Each(slots_, copy, [](auto& slot, auto& member) { slot.Put(member); });
  }

  void Into(soci::statement& statement) {
    std::apply(
        [&](auto&... slot) { (statement.exchange(soci::into(slot.value, slot.indicator)), ...); },
        slots_);
  }
  Record Take() const {
    Record record{};
    Each(slots_, record, [](const auto& slot, auto& member) { slot.Get(member); });
    return record;
  }
  // Binds the columns from `first` to `last` (positions in StatementsOf<Table>().names) by name.
  void Use(soci::statement& statement, std::size_t first, std::size_t last) {
    const auto& names = StatementsOf<Table>().names;
    std::size_t position = 0;
    std::apply(
        [&](auto&... slot) {
          ((position >= first && position < last
                ? statement.exchange(soci::use(slot.value, slot.indicator, names[position]))
                : void(),
            ++position),
           ...);
        },
        slots_);
  }

 private:
  // Calls visit(slot, member) for each column, in order.
  template <class SlotTuple, class Visit>
  static void Each(SlotTuple& slots, Record& record, Visit visit) {
    auto members = Table::Fields(record);
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (visit(std::get<I>(slots), std::get<I>(members)), ...);
    }
    (std::make_index_sequence<kCount>{});
  }

  Slots slots_;
};

// A projection of a record of Table read with columns of joined tables after its own: `Row` holds
// the record as `kRecord` and the joined values as `kJoined...`, read in that order by a query
// that lists ColumnsOf<Table>(alias) first.
template <class Table, auto kRecord, auto... kJoined>
struct WithJoined;
template <class Table, class Row, class Member, Member Row::*kRecord, auto... kJoined>
struct WithJoined<Table, kRecord, kJoined...> {
  using Record = Row;
  static auto Fields(Row& row) {
    return std::tuple_cat(Table::Fields(row.*kRecord), std::tie((row.*kJoined)...));
  }
};

// Runs a statement that reads or binds what is already exchanged, once.
void ExecuteOnce(soci::statement& statement, const std::string& query);

// Runs `query` (an UPDATE or DELETE) with the parameters `bind(statement)` adds; returns how many
// rows it changed.
template <class Bind>
long long Change(soci::session& session, const std::string& query, Bind&& bind) {
  soci::statement statement(session);
  bind(statement);
  ExecuteOnce(statement, query);
  return statement.get_affected_rows();
}

// Named parameters of the types a column stores (see Stored), kept with their values until the
// statement runs: Values("now", now, "id", id). An empty optional binds NULL.
template <class... Named>
class NamedValues {
 public:
  explicit NamedValues(Named... named) : named_(std::move(named)...) {}
  void operator()(soci::statement& statement) {
    std::apply(
        [&](auto&... named) {
          (statement.exchange(
               soci::use(named.slot.value, named.slot.indicator, std::string(named.name))),
           ...);
        },
        named_);
  }

 private:
  std::tuple<Named...> named_;
};
namespace table_detail {
template <class T>
struct Named {
  const char* name;
  Slot<T> slot;
};
template <class T>
Named<T> NameValue(const char* name, const T& value) {
  Named<T> named{name, {}};
  named.slot.Put(value);
  return named;
}
template <class... Named>
NamedValues<Named...> FromNamed(std::tuple<Named...> named) {
  return std::make_from_tuple<NamedValues<Named...>>(std::move(named));
}
template <class T, class... Rest>
auto Pairs(const char* name, const T& value, const Rest&... rest) {
  if constexpr (sizeof...(Rest) == 0) {
    return std::tuple(NameValue(name, value));
  } else {
    return std::tuple_cat(std::tuple(NameValue(name, value)), Pairs(rest...));
  }
}
}  // namespace table_detail
template <class... NamesAndValues>
auto Values(const NamesAndValues&... names_and_values) {
  return table_detail::FromNamed(table_detail::Pairs(names_and_values...));
}

// Runs `query`, in which `{columns}` stands for the table's column list and `{table}` for its name
// (for a query that serves several tables alike), with the parameters
// `bind(statement)` adds, and returns the records read.
template <class Table, class Bind>
std::vector<typename Table::Record> SelectAll(soci::session& session, std::string query,
                                              Bind&& bind) {
  query = Replaced(std::move(query), "{columns}", StatementsOf<Table>().columns);
  query = Replaced(std::move(query), "{table}", Table::kColumns.table);
  return FetchAll<TableRow<Table>>(session, query, std::forward<Bind>(bind));
}

// The first record SelectAll would return, if any.
template <class Table, class Bind>
std::optional<typename Table::Record> SelectOne(soci::session& session, std::string query,
                                                Bind&& bind) {
  auto records = SelectAll<Table>(session, std::move(query), std::forward<Bind>(bind));
  if (records.empty()) return std::nullopt;
  return std::move(records.front());
}

// The pairs of a key and a value that `query` reads (its two columns, stored as Stored says) with
// the parameters `bind(statement)` adds, as a map: a later row of a key replaces an earlier one.
template <class Map, class Bind>
Map ReadMap(soci::session& session, const std::string& query, Bind&& bind) {
  struct Pairs {
    using Record = std::pair<typename Map::key_type, typename Map::mapped_type>;
    static auto Fields(Record& pair) { return std::tie(pair.first, pair.second); }
  };
  Map map;
  for (auto& [key, value] : FetchAll<TableRow<Pairs>>(session, query, std::forward<Bind>(bind))) {
    map.insert_or_assign(std::move(key), std::move(value));
  }
  return map;
}

// Binds nothing: the values of a table without `created` columns.
inline void NoValues(soci::statement&) {}

// The record `id` of `organisation_id`, if any.
template <class Table>
std::optional<typename Table::Record> Find(soci::session& session, std::int64_t id,
                                           std::int64_t organisation_id) {
  return SelectOne<Table>(session, StatementsOf<Table>().find, [&](soci::statement& statement) {
    statement.exchange(soci::use(id, "id"));
    statement.exchange(soci::use(organisation_id, "organisation_id"));
  });
}

// Removes the row `id` of `organisation_id`, if any.
template <class Table>
void Delete(soci::session& session, std::int64_t id, std::int64_t organisation_id) {
  session << StatementsOf<Table>().remove, soci::use(id, "id"),
      soci::use(organisation_id, "organisation_id");
}

// Stores `record` as a new row (its `id` is ignored), with the `created` columns that
// `created(statement)` binds by name; returns the row's id.
template <class Table, class Bind = void (*)(soci::statement&)>
std::int64_t Insert(soci::session& session, const typename Table::Record& record,
                    Bind&& created = NoValues) {
  const auto& statements = StatementsOf<Table>();
  TableRow<Table> row(record);
  std::int64_t id = 0;
  soci::statement statement(session);
  row.Use(statement, 1, 1 + statements.fixed + statements.changing);
  created(statement);
  statement.exchange(soci::into(id));
  ExecuteOnce(statement, statements.insert);
  return id;
}

// Stores the `changing` columns of `record`, and the `computed` ones that `computed(statement)`
// binds by name, found by its id and organisation; returns how many rows changed (0 or 1).
template <class Table, class Bind = void (*)(soci::statement&)>
long long Update(soci::session& session, const typename Table::Record& record,
                 Bind&& computed = NoValues) {
  const auto& statements = StatementsOf<Table>();
  TableRow<Table> row(record);
  soci::statement statement(session);
  computed(statement);
  row.Use(statement, 0, 1);
  row.Use(statement, 1 + statements.fixed, 1 + statements.fixed + statements.changing);
  statement.exchange(soci::use(record.organisation_id, "organisation_id"));
  ExecuteOnce(statement, statements.update);
  return statement.get_affected_rows();
}

// How many rows of Table `organisation_id` has.
template <class Table>
std::int64_t Count(soci::session& session, std::int64_t organisation_id) {
  long long count = 0;
  session << StatementsOf<Table>().count, soci::use(organisation_id, "organisation_id"),
      soci::into(count);
  return count;
}

// Stores each of `defaults`, for `organisation_id`, when the organisation has no row of Table yet
// (the organisation's starting list); true when it did.
template <class Table, class Bind>
bool InsertDefaults(soci::session& session, std::int64_t organisation_id,
                    std::vector<typename Table::Record> defaults, Bind&& created) {
  if (Count<Table>(session, organisation_id) > 0) return false;
  for (auto& record : defaults) {
    record.organisation_id = organisation_id;
    Insert<Table>(session, record, created);
  }
  return true;
}

// Binds `now` as :created_at.
inline auto CreatedAt(Instant now) {
  return [at = ToUnix(now)](soci::statement& statement) {
    statement.exchange(soci::use(at, "created_at"));
  };
}

// The named parameters of a query built from a filter: whole numbers and texts.
struct Bindings {
  std::vector<std::pair<std::string, std::int64_t>> numbers;
  std::vector<std::pair<std::string, std::string>> texts;

  void operator()(soci::statement& statement) const {
    for (const auto& [name, value] : numbers) statement.exchange(soci::use(value, name));
    for (const auto& [name, value] : texts) statement.exchange(soci::use(value, name));
  }
};

// The bindings of a query of the organisation's rows (:organisation), with `more` named ids.
inline Bindings OfOrganisation(std::int64_t organisation_id,
                               std::vector<std::pair<std::string, std::int64_t>> more = {}) {
  more.emplace(more.begin(), "organisation", organisation_id);
  return {std::move(more), {}};
}

// The conditions of a filtered list of the organisation's rows and what they bind: each condition
// starts with AND and names its value, which is bound as a whole number or a text as its column
// stores it (see Stored).
struct Conditions {
  std::string where;
  Bindings bindings;

  explicit Conditions(std::int64_t organisation_id) : bindings(OfOrganisation(organisation_id)) {}
  // Adds `condition`, which binds :`name`, when `value` is given.
  template <class T>
  void Add(std::string_view condition, const char* name, const std::optional<T>& value) {
    if (!value) return;
    where += std::string(condition) + " ";
    auto stored = table_detail::Stored<T>::Write(*value);
    if constexpr (std::is_same_v<decltype(stored), std::string>) {
      bindings.texts.emplace_back(name, std::move(stored));
    } else {
      bindings.numbers.emplace_back(name, static_cast<std::int64_t>(stored));
    }
  }
  // Adds `condition`, which binds nothing, when `wanted`.
  void Add(std::string_view condition, bool wanted) {
    if (wanted) where += std::string(condition) + " ";
  }
};

// The records of Table that `where` selects: conditions on the organisation's rows, each starting
// with AND (never text from a request: values go through `bindings`), then its ORDER BY and LIMIT.
// The query binds the organisation as :organisation.
template <class Table>
std::vector<typename Table::Record> SelectWhere(soci::session& session, std::string_view where,
                                                const Bindings& bindings) {
  return SelectAll<Table>(
      session,
      "SELECT {columns} FROM {table} WHERE organisation_id = :organisation " + std::string(where),
      bindings);
}

// The organisation's records of Table that belong to `owner_id` through the column `owner_column`
// (a core member's file, a volunteer, a referral), in the order `order_by` names.
template <class Table>
std::vector<typename Table::Record> SelectOwned(soci::session& session,
                                                std::string_view owner_column,
                                                std::int64_t owner_id, std::int64_t organisation_id,
                                                std::string_view order_by) {
  return SelectWhere<Table>(
      session, "AND " + std::string(owner_column) + " = :owner ORDER BY " + std::string(order_by),
      OfOrganisation(organisation_id, {{"owner", owner_id}}));
}

// The count `query` (SELECT count(*) …) reads with `bindings`.
std::int64_t CountOf(soci::session& session, const std::string& query, const Bindings& bindings);

// How many rows of Table the conditions `where` select (as SelectWhere, without ORDER BY).
template <class Table>
std::int64_t CountWhere(soci::session& session, std::string_view where, const Bindings& bindings) {
  return CountOf(session,
                 "SELECT count(*) FROM " + std::string(Table::kColumns.table) +
                     " WHERE organisation_id = :organisation " + std::string(where),
                 bindings);
}

// Binds each pair as a named parameter: Params({{"organisation", 3}, {"id", 5}}).
inline auto Params(std::vector<std::pair<const char*, std::int64_t>> values) {
  return [values = std::move(values)](soci::statement& statement) {
    for (const auto& [name, value] : values) statement.exchange(soci::use(value, name));
  };
}

// A projection of plain values, read in the order of the query's columns: the row of an aggregate
// query (`SELECT circle_id, count(*) …`), for FetchAll<TableRow<ValueRow<std::int64_t, int>>>.
template <class... Columns>
struct ValueRow {
  using Record = std::tuple<Columns...>;
  static auto Fields(Record& values) {
    return std::apply([](auto&... value) { return std::tie(value...); }, values);
  }
};

// The one value `query` reads (a count, a latest day), or none when it reads no row or NULL.
template <class Value, class Bind>
std::optional<Value> FetchValue(soci::session& session, const std::string& query, Bind&& bind) {
  auto rows =
      FetchAll<TableRow<ValueRow<std::optional<Value>>>>(session, query, std::forward<Bind>(bind));
  if (rows.empty()) return std::nullopt;
  return std::get<0>(rows.front());
}

}  // namespace cercle::store
