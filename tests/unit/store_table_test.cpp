// A table described once: its SELECT list, INSERT, UPDATE, lookup and DELETE are written from its
// column list, so that each statement names the same columns in the same order as the record's
// members.
#include <gtest/gtest.h>

#include "store/table.hpp"

namespace cercle::store {
namespace {

struct Item {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string name;
  std::optional<CivilDate> due_on;
  bool done = false;
};

struct ItemTable {
  using Record = Item;
  static constexpr TableColumns kColumns{.table = "items",
                                         .fixed = "organisation_id",
                                         .changing = "name, due_on",
                                         .read_only = "done",
                                         .created = "created_by, created_at"};
  static auto Fields(Record& item) {
    return std::tie(item.id, item.organisation_id, item.name, item.due_on, item.done);
  }
};

TEST(TableStatements, SelectListsEveryColumnIdFirst) {
  EXPECT_EQ(StatementsOf<ItemTable>().columns, "id, organisation_id, name, due_on, done");
  EXPECT_EQ(StatementsOf<ItemTable>().find,
            "SELECT id, organisation_id, name, due_on, done FROM items WHERE id = :id AND "
            "organisation_id = :organisation_id");
}

TEST(TableStatements, InsertWritesTheFixedChangingAndCreatedColumnsButNeitherIdNorReadOnly) {
  EXPECT_EQ(StatementsOf<ItemTable>().insert,
            "INSERT INTO items (organisation_id, name, due_on, created_by, created_at) VALUES "
            "(:organisation_id, :name, :due_on, :created_by, :created_at) RETURNING id");
}

TEST(TableStatements, UpdateChangesOnlyTheChangingColumnsOfOneOrganisationsRow) {
  EXPECT_EQ(StatementsOf<ItemTable>().update,
            "UPDATE items SET name = :name, due_on = :due_on WHERE id = :id AND organisation_id = "
            ":organisation_id");
  EXPECT_EQ(StatementsOf<ItemTable>().remove,
            "DELETE FROM items WHERE id = :id AND organisation_id = :organisation_id");
}

TEST(TableStatements, QueriesNameTheColumnsAndTheTableWhereTheyAsk) {
  EXPECT_EQ(Replaced("SELECT {columns} FROM {table}", "{table}", "items"),
            "SELECT {columns} FROM items");
  EXPECT_EQ(AmongIds("volunteer_id", std::vector<std::int64_t>{3, 5}), "volunteer_id IN (3,5)");
  EXPECT_EQ(AmongIds("volunteer_id", std::nullopt), "1 = 1");
}

}  // namespace
}  // namespace cercle::store
