// The store contract: the same tests, unchanged, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/migrator.hpp"
#include "store/organisation_store.hpp"
#include "support/test_database.hpp"
#include "support/test_server.hpp"

namespace cercle::store {
namespace {

using testing::Backend;
using testing::TestDatabase;

class StoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};
};

TEST_P(StoreContract, MigratingTwiceChangesNothingTheSecondTime) {
  const auto again = Migrate(database_.owner_url(), database_.app_role(), testing::kTestStart);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->empty());
  const auto migrations = EmbeddedMigrations(
      database_.backend() == Backend::kSqlite ? Dialect::kSqlite : Dialect::kPostgres);
  ASSERT_FALSE(migrations.empty());
  const long long recorded = database_.database().Read(Scope::System(), [](soci::session& session) {
    long long count = 0;
    session << "SELECT count(*) FROM schema_migrations", soci::into(count);
    return count;
  });
  EXPECT_EQ(recorded, static_cast<long long>(migrations.size()));
}

TEST_P(StoreContract, MigrationsAreNumberedWithoutGaps) {
  for (const auto dialect : {Dialect::kSqlite, Dialect::kPostgres}) {
    int expected = 1;
    for (const auto& migration : EmbeddedMigrations(dialect))
      EXPECT_EQ(migration.version, expected++);
  }
}

TEST_P(StoreContract, OrganisationsAreCreatedListedAndFound) {
  OrganisationStore organisations(database_.database());
  const auto created =
      organisations.Create("Cercles Québec (essai)", "quebec-essai", testing::kTestStart);
  ASSERT_TRUE(created);
  EXPECT_GT(created->id, 0);
  const auto listed = organisations.List();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].name, "Cercles Québec (essai)");
  EXPECT_EQ(listed[0].created_at, testing::kTestStart);
  const auto found = organisations.Find(created->id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->slug, "quebec-essai");
}

TEST_P(StoreContract, InvalidOrganisationChangesNothing) {
  OrganisationStore organisations(database_.database());
  const auto refused = organisations.Create("  ", "Not A Slug!", testing::kTestStart);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.size(), 2u);
  ASSERT_TRUE(organisations.Create("Un", "un", testing::kTestStart));
  const auto taken = organisations.Create("Deux", "un", testing::kTestStart);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().fields.at(0).field, "slug");
  EXPECT_EQ(organisations.List().size(), 1u);
}

TEST_P(StoreContract, AnOrganisationScopeSeesOnlyItsOwnOrganisation) {
  OrganisationStore organisations(database_.database());
  const auto first = organisations.Create("Un", "un", testing::kTestStart);
  const auto second = organisations.Create("Deux", "deux", testing::kTestStart);
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(organisations.Find(first->id));
  const long long visible =
      database_.database().Read(Scope::Organisation(first->id), [](soci::session& session) {
        long long count = 0;
        session << "SELECT count(*) FROM organisations", soci::into(count);
        return count;
      });
  // Row-level security filters on PostgreSQL; on SQLite every query filters itself, so the raw
  // count is 2.
  EXPECT_EQ(visible, database_.backend() == Backend::kPostgres ? 1 : 2);
}

TEST_P(StoreContract, AFailedWriteRollsBack) {
  auto& database = database_.database();
  const auto result = database.Write(Scope::System(), [](soci::session& session) -> Result<int> {
    session << "INSERT INTO organisations (name, slug, created_at) VALUES ('Temp', 'temp', 0)";
    return Error::Invalid("refused after the insert");
  });
  EXPECT_FALSE(result);
  EXPECT_TRUE(OrganisationStore(database).List().empty());
  EXPECT_THROW(
      database.Write(
          Scope::System(),
          [](soci::session& session) -> Result<int> {
            session << "INSERT INTO organisations (name, slug, created_at) VALUES ('T', 't', 0)";
            session << "INSERT INTO no_such_table VALUES (1)";
            return 1;
          }),
      std::exception);
  EXPECT_TRUE(OrganisationStore(database).List().empty());
}

TEST_P(StoreContract, ConcurrentWritersAllSucceed) {
  auto& database = database_.database();
  constexpr int kThreads = 4;
  constexpr int kWritesEach = 25;
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      OrganisationStore organisations(database);
      for (int i = 0; i < kWritesEach; ++i) {
        const std::string slug = "o-" + std::to_string(t) + "-" + std::to_string(i);
        try {
          if (!organisations.Create("Organisme " + slug, slug, testing::kTestStart)) ++failures;
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(OrganisationStore(database).List().size(),
            static_cast<std::size_t>(kThreads * kWritesEach));
}

TEST_P(StoreContract, EngineRunsWithTheSafeSettings) {
  if (database_.backend() != Backend::kSqlite) {
    // The PostgreSQL counterpart: the application role owns nothing and row-level security is
    // forced.
    const auto facts = database_.database().Read(Scope::System(), [](soci::session& session) {
      std::string owner;
      int forced = 0;
      int enabled = 0;
      session
          << "SELECT pg_get_userbyid(relowner), CASE WHEN relforcerowsecurity THEN 1 ELSE 0 END,"
             " CASE WHEN relrowsecurity THEN 1 ELSE 0 END FROM pg_class WHERE relname = "
             "'organisations'",
          soci::into(owner), soci::into(forced), soci::into(enabled);
      std::string user;
      session << "SELECT current_user", soci::into(user);
      return std::make_tuple(owner, forced, enabled, user);
    });
    EXPECT_EQ(std::get<0>(facts), "cercle_owner");
    EXPECT_EQ(std::get<1>(facts), 1);
    EXPECT_EQ(std::get<2>(facts), 1);
    EXPECT_EQ(std::get<3>(facts), "cercle_app");
    EXPECT_THROW(database_.database().Write(Scope::System(),
                                            [](soci::session& session) -> Result<int> {
                                              session << "DROP TABLE organisations";
                                              return 0;
                                            }),
                 std::exception)
        << "the application role must not be able to change the schema";
    return;
  }
  const auto settings = database_.database().Read(Scope::System(), [](soci::session& session) {
    std::string journal;
    int synchronous = 0;
    int foreign_keys = 0;
    int busy = 0;
    session << "PRAGMA journal_mode", soci::into(journal);
    session << "PRAGMA synchronous", soci::into(synchronous);
    session << "PRAGMA foreign_keys", soci::into(foreign_keys);
    session << "PRAGMA busy_timeout", soci::into(busy);
    return std::make_tuple(journal, synchronous, foreign_keys, busy);
  });
  EXPECT_EQ(std::get<0>(settings), "wal");
  EXPECT_EQ(std::get<1>(settings), 2) << "synchronous=FULL";
  EXPECT_EQ(std::get<2>(settings), 1);
  EXPECT_GT(std::get<3>(settings), 0);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::store
