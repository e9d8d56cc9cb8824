// Disk full on SQLite, reached through a page limit on every pooled connection
// (Database::LimitSqlitePages, PRAGMA max_page_count): a form that needs new space answers 503 with
// a plain French message and saves nothing, /readyz says not ready, pages that only read still
// load, and once space is back /readyz is ready again and the same form saves, without a restart;
// nothing acknowledged is lost. The same with a read-only PostgreSQL database (SQLSTATE 25006, as
// on a standby after a failover), where the session's last-seen update fails too and pages that
// read still load.
#include <gtest/gtest.h>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>
#include <string>

#include "support/auth_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_database.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

// The start of the French 503 message.
constexpr const char* kCannotSave = "Cercle ne peut pas enregistrer pour le moment";

// A referral whose summary needs pages of its own (overflow pages): it cannot fit in what is left
// of existing pages.
std::vector<std::pair<std::string, std::string>> LongReferral(const std::string& name) {
  return {{"source", "csc"},
          {"referrer_name", "Agente Lise Prototype"},
          {"referrer_contact", "514 555-0199"},
          {"received_on", "2026-11-27"},
          {"person_legal_name", name},
          {"person_birth_date", "1975-06-03"},
          {"summary", std::string(9000, 'x')}};
}

// What the server logs during one test.
class CapturedLog {
 public:
  CapturedLog() {
    auto logger = std::make_shared<spdlog::logger>(
        "storage", std::make_shared<spdlog::sinks::ostream_sink_mt>(lines_));
    spdlog::set_default_logger(logger);
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }
  std::string text() const { return lines_.str(); }
  // How many lines hold `text`.
  int Count(const std::string& text) const {
    std::istringstream input(lines_.str());
    int count = 0;
    for (std::string line; std::getline(input, line);)
      count += line.find(text) != std::string::npos;
    return count;
  }

 private:
  std::shared_ptr<spdlog::logger> previous_ = spdlog::default_logger();
  std::ostringstream lines_;
};

class StorageFault : public ::testing::Test {
 protected:
  StorageFault() { a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a"); }

  store::Database& database() { return server_.runtime().database(); }

  long long PageCount() {
    return database().Read(store::Scope::System(), [](soci::session& session) {
      long long pages = 0;
      session << "PRAGMA page_count", soci::into(pages);
      return pages;
    });
  }

  // Fills the database up to its current size, as a full disk would: a limit at today's page count,
  // then rows until no page is left.
  void FillTheDisk() {
    FixtureWrite(server_, a_.id, [](soci::session& session) -> Status {
      store::Database::ExecuteScript(session, "CREATE TABLE filler (bytes BLOB)");
      return {};
    });
    database().LimitSqlitePages(PageCount());
    int rows = 0;
    try {
      for (; rows < 100000; ++rows) {
        FixtureWrite(server_, a_.id, [](soci::session& session) -> Status {
          store::Database::ExecuteScript(session, "INSERT INTO filler VALUES (randomblob(500))");
          return {};
        });
      }
      FAIL() << "the page limit never filled";
    } catch (const store::StorageUnavailable& unavailable) {
      EXPECT_EQ(unavailable.fault(), store::StorageFault::kDiskFull);
    }
  }

  TestServer server_{TestServer::Options{Backend::kSqlite, {}}};
  AuthFixture auth_{server_};
  CoreMemberFixture intake_{server_};
  TestOrganisation a_;
};

// Makes the test's PostgreSQL database read-only for new transactions (or writable again) and ends
// its connections, so that the server's pool reopens them with the new default.
void SetReadOnly(TestServer& server, bool read_only) {
  const std::string name =
      server.runtime().database().Read(store::Scope::System(), [](soci::session& session) {
        std::string database;
        session << "SELECT current_database()", soci::into(database);
        return database;
      });
  const auto postgres = PostgresServer::FromEnvironment();
  RunAsSuperuser(postgres, "ALTER DATABASE " + name +
                               (read_only ? " SET default_transaction_read_only = on"
                                          : " RESET default_transaction_read_only"));
  RunAsSuperuser(postgres,
                 "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name +
                     "' AND pid <> pg_backend_pid()");
}

TEST(ReadOnlyDatabase, FormsAnswer503ReadsAndSessionsGoOnAndSavingResumesWhenWritable) {
  TestServer server(TestServer::Options{Backend::kPostgres, {}});
  AuthFixture auth(server);
  CoreMemberFixture intake(server);
  const auto a = auth.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
  auto coordinator = auth.SignedInClient(a.coordinator);
  ASSERT_EQ(coordinator->PostForm("/referrals", LongReferral("Lucien Imaginaire"), "/referrals/new")
                .status,
            303);
  const std::string form_token = coordinator->CsrfToken("/referrals/new");

  SetReadOnly(server, true);
  // The session's last-seen time is due for an update, which fails: a page that only reads still
  // loads. (A staff page that records the view in the audit log answers 503 instead: a view that
  // cannot be audited is not shown.)
  server.clock().Advance(5min);
  const auto home = coordinator->Get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find(a.coordinator.display_name), std::string::npos);
  EXPECT_EQ(coordinator->Get("/referrals").status, 503);
  const auto refused = coordinator->Post(
      "/referrals", "csrf=" + form_token +
                        "&source=csc&referrer_name=Agente&received_on=2026-11-27"
                        "&person_legal_name=Paul+Fictif&person_birth_date=1980-01-01&summary=s");
  EXPECT_EQ(refused.status, 503);
  EXPECT_NE(refused.body.find(kCannotSave), std::string::npos);
  EXPECT_EQ(coordinator->Get("/readyz").status, 503);

  SetReadOnly(server, false);
  EXPECT_EQ(coordinator->Get("/readyz").status, 200);
  EXPECT_EQ(
      coordinator->PostForm("/referrals", LongReferral("Paul Fictif"), "/referrals/new").status,
      303);
  EXPECT_EQ(intake.CountRows("referrals", a.id), 2);
}

TEST_F(StorageFault, DiskFullAnswers503ReadsStillWorkAndSavingResumesWhenSpaceIsBack) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  ASSERT_EQ(coordinator->PostForm("/referrals", LongReferral("Lucien Imaginaire"), "/referrals/new")
                .status,
            303);
  ASSERT_EQ(coordinator->Get("/readyz").status, 200);
  const std::string form_token = coordinator->CsrfToken("/referrals/new");

  FillTheDisk();
  CapturedLog log;
  const auto refused = coordinator->Post(
      "/referrals",
      "csrf=" + form_token +
          "&source=csc&referrer_name=Agente&received_on=2026-11-27&person_legal_name=Paul+Fictif"
          "&person_birth_date=1980-01-01&summary=" +
          std::string(9000, 'y'));
  EXPECT_EQ(refused.status, 503);
  EXPECT_NE(refused.body.find(kCannotSave), std::string::npos);
  EXPECT_NE(refused.Header("retry-after"), "");
  EXPECT_EQ(intake_.CountRows("referrals", a_.id), 1);
  // One line names the cause, and nothing of what was typed.
  EXPECT_EQ(log.Count("storage unavailable"), 1);
  EXPECT_EQ(log.Count("cause=disk full route=/referrals"), 1);
  EXPECT_EQ(log.text().find("Paul"), std::string::npos);
  EXPECT_EQ(coordinator->Get("/readyz").status, 503);

  // Reading still works, even when the session's last-seen time is due for an update.
  server_.clock().Advance(5min);
  const auto list = coordinator->Get("/referrals");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Lucien Imaginaire"), std::string::npos);
  EXPECT_EQ(coordinator->Get("/readyz").status, 503);

  // Space is back: ready again and the same form saves, with no restart.
  database().LimitSqlitePages(std::nullopt);
  EXPECT_EQ(coordinator->Get("/readyz").status, 200);
  EXPECT_EQ(
      coordinator->PostForm("/referrals", LongReferral("Paul Fictif"), "/referrals/new").status,
      303);
  EXPECT_EQ(intake_.CountRows("referrals", a_.id), 2);
  const auto after = coordinator->Get("/referrals");
  EXPECT_NE(after.body.find("Lucien Imaginaire"), std::string::npos);
  EXPECT_NE(after.body.find("Paul Fictif"), std::string::npos);
}

}  // namespace
}  // namespace cercle::testing
