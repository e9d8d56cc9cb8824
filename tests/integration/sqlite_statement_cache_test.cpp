// Statements SOCI prepares on SQLite are kept when finished and handed back when the same text is
// prepared again on the same connection (store/sqlite_statement_cache): each run binds its own
// values, a run that failed leaves nothing behind, and a connection closes with its kept
// statements.
#include <gtest/gtest.h>

#include <string>

#include "store/sqlite_statement_cache.hpp"
#include "support/test_database.hpp"

namespace cercle::testing {
namespace {

class SqliteStatementCache : public ::testing::Test {
 protected:
  SqliteStatementCache() {
    test_database_.ExecuteAsOwner(
        "CREATE TABLE kept_probe (id integer PRIMARY KEY, name text NOT NULL UNIQUE)");
  }

  store::Database& database() { return test_database_.database(); }

  Status Add(int id, const std::string& name) {
    return database().Write(store::Scope::System(), [&](soci::session& session) -> Status {
      session << "INSERT INTO kept_probe (id, name) VALUES (:id, :name)", soci::use(id),
          soci::use(name);
      return {};
    });
  }

  std::string NameOf(int id) {
    return database().Read(store::Scope::System(), [&](soci::session& session) {
      std::string name;
      soci::indicator found = soci::i_null;
      session << "SELECT name FROM kept_probe WHERE id = :id", soci::into(name, found),
          soci::use(id);
      return found == soci::i_ok ? name : std::string("(none)");
    });
  }

  TestDatabase test_database_{Backend::kSqlite};
};

TEST_F(SqliteStatementCache, TheSameTextIsPreparedOnceAndEachRunBindsItsOwnValues) {
  ASSERT_TRUE(Add(1, "Alpha").ok());
  ASSERT_TRUE(Add(2, "Bêta").ok());
  EXPECT_EQ(NameOf(1), "Alpha");
  const auto before = store::CountSqliteStatements();
  for (int round = 0; round < 5; ++round) {
    EXPECT_EQ(NameOf(2), "Bêta");
    EXPECT_EQ(NameOf(1), "Alpha");
    EXPECT_EQ(NameOf(3), "(none)");
  }
  const auto after = store::CountSqliteStatements();
  // Fifteen runs of a text the pool prepared already: every one found its statement kept,
  // whichever pooled connection it ran on once each connection had prepared it.
  EXPECT_GE(after.hits - before.hits, 15u - 8u);
}

TEST_F(SqliteStatementCache, AStatementThatFailedRunsAgainCleanly) {
  ASSERT_TRUE(Add(1, "Alpha").ok());
  // The same INSERT, refused by the unique name, then run again with values it accepts.
  EXPECT_THROW((void)Add(2, "Alpha"), std::exception);
  ASSERT_TRUE(Add(2, "Gamma").ok());
  EXPECT_EQ(NameOf(2), "Gamma");
  EXPECT_EQ(NameOf(1), "Alpha");
}

TEST_F(SqliteStatementCache, AReopenedDatabaseClosesWithItsKeptStatements) {
  ASSERT_TRUE(Add(1, "Alpha").ok());
  EXPECT_EQ(NameOf(1), "Alpha");
  // Opening and closing another pool on the same file: its connections close with their kept
  // statements finalised first (sqlite3_close would otherwise answer SQLITE_BUSY and leak them).
  for (int round = 0; round < 3; ++round) {
    auto other = store::Database::Open(test_database_.url(), 2);
    ASSERT_TRUE(other.ok());
    const int count = (*other)->Read(store::Scope::System(), [](soci::session& session) {
      int rows = 0;
      session << "SELECT COUNT(*) FROM kept_probe", soci::into(rows);
      return rows;
    });
    EXPECT_EQ(count, 1);
  }
  EXPECT_EQ(NameOf(1), "Alpha");
}

}  // namespace
}  // namespace cercle::testing
