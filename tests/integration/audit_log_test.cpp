// The audit log's contract: the same tests, unchanged, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <sstream>
#include <thread>

#include "audit/audit_log.hpp"
#include "cli/audit_command.hpp"
#include "store/organisation_store.hpp"
#include "support/test_database.hpp"
#include "support/test_server.hpp"

namespace cercle::audit {
namespace {

using testing::Backend;
using testing::TestDatabase;

// A test key whose 32 bytes are all `fill`.
config::Key TestKey(unsigned char fill) {
  config::Key key{};
  key.fill(fill);
  return key;
}

// The previous hash of every chain's first entry.
const std::string kZeroHash(64, '0');

class AuditLogContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store::OrganisationStore organisations(database());
    const auto first = organisations.Create("Cercles Laval (essai)", "laval", testing::kTestStart);
    const auto second =
        organisations.Create("Cercles Gatineau (essai)", "gatineau", testing::kTestStart);
    ASSERT_TRUE(first && second);
    laval_ = first->id;
    gatineau_ = second->id;
  }

  store::Database& database() { return test_database_.database(); }

  // An event of `organisation` (none: the network level) at `seconds` after the test start.
  static Event MakeEvent(std::optional<std::int64_t> organisation, std::string action,
                         int seconds = 0) {
    Event event;
    event.organisation_id = organisation;
    event.actor_user_id = 7;
    event.action = std::move(action);
    event.object_type = "user";
    event.object_id = "12";
    event.client_address = "192.0.2.10";
    event.at = testing::kTestStart + std::chrono::seconds(seconds);
    return event;
  }

  // Records `event` and returns the id it received (the newest of the log: tests record one at a
  // time).
  std::int64_t RecordAndGetId(const Event& event) {
    log_.Record(database(), event);
    return database().Read(store::Scope::System(), [&](soci::session& session) {
      std::int64_t id = 0;
      session << "SELECT max(id) FROM audit_events", soci::into(id);
      return id;
    });
  }

  // Every stored row, chain by chain in sequence order, as the system scope sees them.
  std::vector<Entry> AllEntries() {
    return database().Read(store::Scope::System(), [](soci::session& session) {
      std::vector<Entry> entries;
      std::int64_t id = 0;
      std::int64_t organisation = 0;
      soci::indicator organisation_indicator = soci::i_ok;
      std::int64_t sequence = 0;
      std::string action;
      std::string client_address;
      std::string previous_hash;
      std::string hash;
      soci::statement statement =
          (session.prepare << "SELECT id, organisation_id, sequence, action, client_address, "
                              "previous_hash, hash FROM audit_events "
                              "ORDER BY coalesce(organisation_id, 0), sequence",
           soci::into(id), soci::into(organisation, organisation_indicator), soci::into(sequence),
           soci::into(action), soci::into(client_address), soci::into(previous_hash),
           soci::into(hash));
      statement.execute();
      while (statement.fetch()) {
        Entry entry;
        entry.id = id;
        if (organisation_indicator == soci::i_ok) entry.organisation_id = organisation;
        entry.sequence = sequence;
        entry.event.action = action;
        entry.event.client_address = client_address;
        entry.previous_hash = previous_hash;
        entry.hash = hash;
        entries.push_back(entry);
      }
      return entries;
    });
  }

  // Runs `statement` as a table owner would to rewrite history: around the append-only triggers
  // (SQLite: dropped and recreated; PostgreSQL: disabled and re-enabled, in the system scope, since
  // row-level security is forced on the owner too).
  void TamperAsOwner(const std::string& statement) {
    if (GetParam() == Backend::kPostgres) {
      test_database_.ExecuteAsOwner(
          "SELECT set_config('app.system', 'on', false);"
          "ALTER TABLE audit_events DISABLE TRIGGER USER;" +
          statement +
          ";"
          "ALTER TABLE audit_events ENABLE TRIGGER USER;");
      return;
    }
    const auto triggers = database().Read(store::Scope::System(), [](soci::session& session) {
      std::vector<std::pair<std::string, std::string>> found;
      std::string name;
      std::string sql;
      soci::statement query =
          (session.prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                              "tbl_name = 'audit_events' ORDER BY name",
           soci::into(name), soci::into(sql));
      query.execute();
      while (query.fetch()) found.emplace_back(name, sql);
      return found;
    });
    ASSERT_EQ(triggers.size(), 2u) << "the update and delete triggers";
    std::string script = "BEGIN;";
    for (const auto& [name, sql] : triggers) script += "DROP TRIGGER " + name + ";";
    script += statement + ";";
    for (const auto& [name, sql] : triggers) script += sql + ";";
    script += "COMMIT;";
    test_database_.ExecuteAsOwner(script);
  }

  // Writes a statement through the application's own connection, in the system scope.
  void WriteAsApplication(const std::string& statement) {
    const Status written =
        database().Write(store::Scope::System(), [&](soci::session& session) -> Status {
          session << statement;
          return {};
        });
    ASSERT_TRUE(written);
  }

  TestDatabase test_database_{GetParam()};
  AuditLog log_{TestKey(0x5a)};
  std::int64_t laval_ = 0;
  std::int64_t gatineau_ = 0;
};

TEST_P(AuditLogContract, AppendsBuildOneContiguousChainPerOrganisationAndOneForTheNetwork) {
  log_.Record(database(), MakeEvent(laval_, "auth.login", 1));
  log_.Record(database(), MakeEvent(std::nullopt, "auth.login_failed", 2));
  log_.Record(database(), MakeEvent(gatineau_, "auth.login", 3));
  log_.Record(database(), MakeEvent(laval_, "user.view", 4));
  log_.Record(database(), MakeEvent(std::nullopt, "organisation.create", 5));
  log_.Record(database(), MakeEvent(laval_, "auth.logout", 6));

  const auto entries = AllEntries();
  ASSERT_EQ(entries.size(), 6u);
  std::map<std::int64_t, std::vector<Entry>> chains;
  for (const auto& entry : entries) chains[entry.organisation_id.value_or(0)].push_back(entry);
  ASSERT_EQ(chains.size(), 3u);
  EXPECT_EQ(chains[0].size(), 2u);
  EXPECT_EQ(chains[laval_].size(), 3u);
  EXPECT_EQ(chains[gatineau_].size(), 1u);
  for (const auto& [chain, chain_entries] : chains) {
    std::string previous = kZeroHash;
    for (std::size_t i = 0; i < chain_entries.size(); ++i) {
      EXPECT_EQ(chain_entries[i].sequence, static_cast<std::int64_t>(i + 1)) << "chain " << chain;
      EXPECT_EQ(chain_entries[i].previous_hash, previous) << "chain " << chain;
      EXPECT_EQ(chain_entries[i].hash.size(), 64u);
      EXPECT_NE(chain_entries[i].hash, previous);
      previous = chain_entries[i].hash;
    }
  }
  EXPECT_EQ(chains[laval_][1].event.action, "user.view");
  EXPECT_EQ(chains[0][1].event.action, "organisation.create");
  EXPECT_FALSE(chains[0][0].organisation_id);

  const auto report = log_.Verify(database());
  EXPECT_TRUE(report.ok()) << report.reason;
  EXPECT_EQ(report.entries_checked, 6);
}

TEST_P(AuditLogContract, AnAppendCommitsOrRollsBackWithTheCallersTransaction) {
  const auto rolled_back =
      database().Write(store::Scope::Organisation(laval_), [&](soci::session& session) -> Status {
        log_.Append(session, database().dialect(), MakeEvent(laval_, "user.create"));
        return Error::Invalid("refused after the append");
      });
  EXPECT_FALSE(rolled_back);
  EXPECT_TRUE(AllEntries().empty());

  const auto committed =
      database().Write(store::Scope::Organisation(laval_), [&](soci::session& session) -> Status {
        log_.Append(session, database().dialect(), MakeEvent(laval_, "user.create"));
        log_.Append(session, database().dialect(), MakeEvent(laval_, "user.roles"));
        return {};
      });
  ASSERT_TRUE(committed);
  const auto entries = AllEntries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].sequence, 1) << "the rolled-back append left no hole in the chain";
  EXPECT_EQ(entries[1].sequence, 2);
  EXPECT_TRUE(log_.Verify(database()).ok());
}

TEST_P(AuditLogContract, TheDatabaseRefusesUpdatesAndDeletesFromTheApplication) {
  log_.Record(database(), MakeEvent(laval_, "auth.login", 1));
  log_.Record(database(), MakeEvent(laval_, "user.view", 2));
  const auto before = AllEntries();

  const auto attempt = [&](const std::string& statement) {
    return database().Write(store::Scope::System(), [&](soci::session& session) -> Status {
      session << statement;
      return {};
    });
  };
  EXPECT_THROW((void)attempt("UPDATE audit_events SET client_address = '198.51.100.1'"),
               std::exception);
  EXPECT_THROW(
      (void)attempt("UPDATE audit_events SET action = 'user.view' WHERE action = 'auth.login'"),
      std::exception);
  EXPECT_THROW((void)attempt("DELETE FROM audit_events WHERE action = 'user.view'"),
               std::exception);
  EXPECT_THROW((void)attempt("DELETE FROM audit_events"), std::exception);
  if (GetParam() == Backend::kPostgres) {
    EXPECT_THROW((void)attempt("TRUNCATE audit_events"), std::exception);
    EXPECT_THROW((void)attempt("DELETE FROM audit_chain_heads"), std::exception);
    // The trigger binds the owner as well: only disabling it, which leaves a trace, lets an
    // owner rewrite history.
    EXPECT_THROW(test_database_.ExecuteAsOwner("SELECT set_config('app.system', 'on', false);"
                                               "UPDATE audit_events SET action = 'x'"),
                 std::exception);
    EXPECT_THROW(test_database_.ExecuteAsOwner("TRUNCATE audit_events"), std::exception);
  }

  const auto after = AllEntries();
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].id, before[i].id);
    EXPECT_EQ(after[i].event.action, before[i].event.action);
    EXPECT_EQ(after[i].event.client_address, before[i].event.client_address);
    EXPECT_EQ(after[i].hash, before[i].hash);
  }
  EXPECT_TRUE(log_.Verify(database()).ok());
}

TEST_P(AuditLogContract, ListFiltersNewestFirstInsideOneOrganisation) {
  Event login = MakeEvent(laval_, "auth.login", 10);
  login.object_type = "session";
  login.object_id = "";
  login.actor_user_id = 3;
  const std::int64_t login_id = RecordAndGetId(login);
  Event view = MakeEvent(laval_, "user.view", 20);
  view.actor_user_id = 4;
  const std::int64_t view_id = RecordAndGetId(view);
  Event denied = MakeEvent(laval_, "authz.denied", 30);
  denied.object_type = "core_member";
  denied.object_id = "99";
  denied.outcome = Outcome::kDenied;
  denied.actor_user_id = std::nullopt;
  const std::int64_t denied_id = RecordAndGetId(denied);
  const std::int64_t logout_id = RecordAndGetId(MakeEvent(laval_, "auth.logout", 40));
  // Other chains, which a listing of Laval must never show.
  log_.Record(database(), MakeEvent(gatineau_, "auth.login", 15));
  log_.Record(database(), MakeEvent(std::nullopt, "auth.login_failed", 25));

  const auto ids = [&](const Filter& filter) {
    std::vector<std::int64_t> found;
    for (const auto& entry : log_.List(database(), laval_, filter)) {
      EXPECT_EQ(entry.organisation_id, laval_);
      found.push_back(entry.id);
    }
    return found;
  };
  using Ids = std::vector<std::int64_t>;
  EXPECT_EQ(ids({}), (Ids{logout_id, denied_id, view_id, login_id}));

  Filter by_actor;
  by_actor.actor_user_id = 4;
  EXPECT_EQ(ids(by_actor), (Ids{view_id}));
  Filter by_prefix;
  by_prefix.action_prefix = "auth.";
  EXPECT_EQ(ids(by_prefix), (Ids{logout_id, login_id})) << "\"auth.\" is not \"authz.\"";
  Filter by_type;
  by_type.object_type = "session";
  EXPECT_EQ(ids(by_type), (Ids{login_id}));
  Filter by_object;
  by_object.object_type = "core_member";
  by_object.object_id = "99";
  EXPECT_EQ(ids(by_object), (Ids{denied_id}));
  Filter by_time;
  by_time.from = testing::kTestStart + std::chrono::seconds(20);
  by_time.until = testing::kTestStart + std::chrono::seconds(30);
  EXPECT_EQ(ids(by_time), (Ids{denied_id, view_id}));
  Filter page;
  page.limit = 2;
  EXPECT_EQ(ids(page), (Ids{logout_id, denied_id}));
  page.before_id = denied_id;
  EXPECT_EQ(ids(page), (Ids{view_id, login_id}));

  const auto listed = log_.List(database(), laval_, by_object);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].event.outcome, Outcome::kDenied);
  EXPECT_FALSE(listed[0].event.actor_user_id);
  EXPECT_EQ(listed[0].event.at, testing::kTestStart + std::chrono::seconds(30));
  EXPECT_EQ(listed[0].sequence, 3);
  EXPECT_EQ(log_.List(database(), gatineau_, {}).size(), 1u);

  // Row-level security keeps the other chains out of an organisation's transactions on
  // PostgreSQL (the network chain included); on SQLite every query filters itself.
  const auto visible =
      database().Read(store::Scope::Organisation(laval_), [](soci::session& session) {
        std::int64_t events = 0;
        std::int64_t heads = 0;
        session << "SELECT count(*) FROM audit_events", soci::into(events);
        session << "SELECT count(*) FROM audit_chain_heads", soci::into(heads);
        return std::make_pair(events, heads);
      });
  if (GetParam() == Backend::kPostgres) {
    EXPECT_EQ(visible, std::make_pair(std::int64_t{4}, std::int64_t{1}));
  } else {
    EXPECT_EQ(visible, std::make_pair(std::int64_t{6}, std::int64_t{3}));
  }
}

TEST_P(AuditLogContract, VerifyAcceptsAnIntactLog) {
  for (int i = 0; i < 3; ++i) log_.Record(database(), MakeEvent(laval_, "user.view", i));
  log_.Record(database(), MakeEvent(gatineau_, "export", 5));
  log_.Record(database(), MakeEvent(std::nullopt, "auth.login_failed", 6));
  const auto report = log_.Verify(database());
  EXPECT_TRUE(report.ok()) << report.reason;
  EXPECT_EQ(report.entries_checked, 5);

  config::Secrets secrets;
  secrets.audit_key = TestKey(0x5a);
  std::ostringstream out;
  EXPECT_EQ(cli::RunAuditVerify(database(), secrets, out), 0);
  EXPECT_EQ(out.str(), "audit log intact: 5 entries checked\n");
}

TEST_P(AuditLogContract, VerifyNamesTheEntryAnOwnerEditedBehindTheTriggers) {
  std::vector<std::int64_t> laval_ids;
  for (int i = 0; i < 5; ++i) {
    laval_ids.push_back(RecordAndGetId(MakeEvent(laval_, "user.view", i)));
    log_.Record(database(), MakeEvent(gatineau_, "user.view", i));
    log_.Record(database(), MakeEvent(std::nullopt, "auth.login_failed", i));
  }
  const std::int64_t edited = laval_ids[2];
  TamperAsOwner("UPDATE audit_events SET client_address = '203.0.113.66' WHERE id = " +
                std::to_string(edited));
  const auto entries = AllEntries();
  const auto stored = std::find_if(entries.begin(), entries.end(),
                                   [&](const Entry& entry) { return entry.id == edited; });
  ASSERT_NE(stored, entries.end());
  ASSERT_EQ(stored->event.client_address, "203.0.113.66") << "the owner's edit went through";

  const auto report = log_.Verify(database());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.first_broken_id, edited);
  EXPECT_EQ(report.first_broken_organisation_id, laval_);
  EXPECT_EQ(report.entries_checked, 15);
  EXPECT_FALSE(report.reason.empty());

  config::Secrets secrets;
  secrets.audit_key = TestKey(0x5a);
  std::ostringstream out;
  EXPECT_EQ(cli::RunAuditVerify(database(), secrets, out), 1);
  EXPECT_EQ(out.str().rfind("audit log BROKEN at entry " + std::to_string(edited) +
                                " (organisation " + std::to_string(laval_) + "): ",
                            0),
            0u)
      << out.str();

  // The protections are back in place after the owner's edit.
  EXPECT_THROW(WriteAsApplication("UPDATE audit_events SET action = 'x'"), std::exception);
}

TEST_P(AuditLogContract, VerifyNamesTheEarliestOfSeveralEditedEntries) {
  std::vector<std::int64_t> network_ids;
  std::vector<std::int64_t> gatineau_ids;
  for (int i = 0; i < 4; ++i) {
    gatineau_ids.push_back(RecordAndGetId(MakeEvent(gatineau_, "user.update", i)));
    network_ids.push_back(RecordAndGetId(MakeEvent(std::nullopt, "organisation.update", i)));
  }
  // The later edit sits in a chain that sorts first; the report must still name the smaller id.
  TamperAsOwner("UPDATE audit_events SET action = 'user.view' WHERE id = " +
                std::to_string(network_ids[3]));
  TamperAsOwner("UPDATE audit_events SET action = 'user.view' WHERE id = " +
                std::to_string(gatineau_ids[1]));
  const auto report = log_.Verify(database());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.first_broken_id, gatineau_ids[1]);
  EXPECT_EQ(report.first_broken_organisation_id, gatineau_);
}

TEST_P(AuditLogContract, VerifyNoticesRemovedEntries) {
  std::vector<std::int64_t> gatineau_ids;
  for (int i = 0; i < 3; ++i)
    gatineau_ids.push_back(RecordAndGetId(MakeEvent(gatineau_, "export", i)));
  std::vector<std::int64_t> laval_ids;
  for (int i = 0; i < 5; ++i)
    laval_ids.push_back(RecordAndGetId(MakeEvent(laval_, "user.view", i)));

  // A removed entry leaves a gap: the entry after it breaks.
  TamperAsOwner("DELETE FROM audit_events WHERE id = " + std::to_string(laval_ids[1]));
  auto report = log_.Verify(database());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.first_broken_id, laval_ids[2]);
  EXPECT_EQ(report.entries_checked, 7);

  // Removing the newest entry leaves no gap, only a chain head that points past it: the last
  // entry left breaks.
  TamperAsOwner("DELETE FROM audit_events WHERE id = " + std::to_string(gatineau_ids[2]));
  report = log_.Verify(database());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.first_broken_id, gatineau_ids[1]);
  EXPECT_EQ(report.first_broken_organisation_id, gatineau_);

  // A chain removed entirely leaves only its head, and no entry to name.
  TamperAsOwner("DELETE FROM audit_events WHERE organisation_id = " + std::to_string(laval_));
  report = log_.Verify(database());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.first_broken_id, 0);
  EXPECT_EQ(report.first_broken_organisation_id, laval_);
  EXPECT_EQ(report.entries_checked, 2);
}

TEST_P(AuditLogContract, VerifyWithAnotherKeyNamesTheFirstEntry) {
  const std::int64_t first = RecordAndGetId(MakeEvent(gatineau_, "auth.login", 1));
  log_.Record(database(), MakeEvent(std::nullopt, "auth.login_failed", 2));
  log_.Record(database(), MakeEvent(laval_, "auth.login", 3));
  ASSERT_TRUE(log_.Verify(database()).ok());
  const auto report = AuditLog(TestKey(0xa5)).Verify(database());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.first_broken_id, first);
  EXPECT_EQ(report.first_broken_organisation_id, gatineau_);
}

TEST_P(AuditLogContract, ConcurrentAppendsToOneOrganisationFormOneContiguousChain) {
  constexpr int kThreads = 4;
  constexpr int kAppendsEach = 25;
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kAppendsEach; ++i) {
        try {
          log_.Record(database(), MakeEvent(laval_, "user.view", t * kAppendsEach + i));
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  const auto entries = AllEntries();
  ASSERT_EQ(entries.size(), static_cast<std::size_t>(kThreads * kAppendsEach));
  for (std::size_t i = 0; i < entries.size(); ++i)
    EXPECT_EQ(entries[i].sequence, static_cast<std::int64_t>(i + 1));
  const auto report = log_.Verify(database());
  EXPECT_TRUE(report.ok()) << report.reason;
  EXPECT_EQ(report.entries_checked, kThreads * kAppendsEach);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AuditLogContract, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AuditLogContract, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::audit
