// The alerts of urgent and emergency concerns and their escalation by the server's scheduler, with
// the test's manual clock, on SQLite and PostgreSQL: the on-call coordinators are mailed at once
// through the outbox; an unacknowledged emergency escalates at its deadline (15 minutes by default)
// to the next backup level, then the next, then the whole backup list each period; an acknowledged
// one does not; a step whose concern was acknowledged meanwhile is cancelled, not mailed; two
// schedulers on one database fire each step once; and the mail names only the circle's code name
// and a link.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "notify/concern_alerts.hpp"
#include "store/concern_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;
using domain::Severity;

// Mail queued in the outbox: recipient, subject, body.
struct Queued {
  std::string to;
  std::string subject;
  std::string body;
};

class ConcernEscalation : public ::testing::TestWithParam<Backend> {
 protected:
  ConcernEscalation() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    first_backup_ = auth_.CreateUser(a_.id, "Béatrice Relève", "releve1@cercles-a.example",
                                     {domain::Role::kCoordinator});
    second_backup_ = auth_.CreateUser(a_.id, "Bruno Relève", "releve2@cercles-a.example",
                                      {domain::Role::kCoordinator});
    third_backup_ = auth_.CreateUser(a_.id, "Berthe Relève", "releve3@cercles-a.example",
                                     {domain::Role::kOrganisationAdmin});
    const auto file = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
    const auto today = circles_.Today();
    circle_ = circles_.CreateCircle(a_.id, file.core_member_id, domain::CirclePhase::kWeekly,
                                    AddDays(today, -60), AddDays(today, -60));
    // On call: the coordinator; backups: level 1, then level 3 (two people); level numbers may have
    // gaps.
    concerns_.SetOnCall(a_.id, {{a_.coordinator.id, 0},
                                {first_backup_.id, 1},
                                {second_backup_.id, 3},
                                {third_backup_.id, 3}});
  }

  std::int64_t RaiseEmergency() {
    return concerns_.Raise({a_.id, circle_, a_.admin.id, std::nullopt,
                            domain::ConcernCategory::kSuicideRisk, Severity::kEmergency});
  }

  std::vector<Queued> Outbox() {
    return server_.runtime().database().Read(store::Scope::System(), [](soci::session& session) {
      std::vector<Queued> mails;
      Queued row;
      soci::statement statement =
          (session.prepare << "SELECT recipient, subject, body FROM outbox ORDER BY id",
           soci::into(row.to), soci::into(row.subject), soci::into(row.body));
      statement.execute();
      while (statement.fetch()) mails.push_back(row);
      return mails;
    });
  }

  // The recipients of the mail queued after the first `skip`, sorted.
  std::vector<std::string> RecipientsAfter(std::size_t skip) {
    std::vector<std::string> recipients;
    const auto mails = Outbox();
    for (std::size_t i = skip; i < mails.size(); ++i) recipients.push_back(mails[i].to);
    std::sort(recipients.begin(), recipients.end());
    return recipients;
  }

  int Tick() { return server_.runtime().scheduler().RunOnce(); }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_;
  TestUser first_backup_, second_backup_, third_backup_;
  std::int64_t circle_ = 0;
};

TEST_P(ConcernEscalation, AnEmergencyMailsTheOnCallCoordinatorAtOnceWithoutAnyDetail) {
  const auto concern = RaiseEmergency();
  const auto mails = Outbox();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, a_.coordinator.email);
  const std::string code = circles_.Stored(a_.id, circle_).code_name;
  EXPECT_EQ(mails[0].subject,
            concerns_.FrenchText("{circle}: emergency concern — see Cercle", {{"circle", code}}));
  EXPECT_NE(mails[0].body.find("/concerns/" + std::to_string(concern)), std::string::npos);
  for (const char* detail : {"Marcel", "Propos inquiétants", "suicide", "Suicide"}) {
    EXPECT_EQ(mails[0].subject.find(detail), std::string::npos) << detail;
    EXPECT_EQ(mails[0].body.find(detail), std::string::npos) << detail;
  }
  const auto steps = concerns_.Steps(a_.id, concern);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_TRUE(steps[0].fired_at);
  EXPECT_EQ(steps[0].recipients, std::vector<std::int64_t>{a_.coordinator.id});
  EXPECT_EQ(steps[1].due_at, server_.clock().Now() + 15min);
  EXPECT_FALSE(steps[1].fired_at);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "concern.alert"), 1u);
}

TEST_P(ConcernEscalation, AnUnacknowledgedEmergencyEscalatesAtFifteenMinutesToTheBackupList) {
  const auto concern = RaiseEmergency();
  server_.clock().Advance(14min + 59s);
  EXPECT_EQ(Tick(), 0);
  EXPECT_EQ(Outbox().size(), 1u) << "nothing before the deadline";

  server_.clock().Advance(1s);
  EXPECT_EQ(Tick(), 1);
  EXPECT_EQ(RecipientsAfter(1), std::vector<std::string>{first_backup_.email});
  EXPECT_EQ(Outbox().back().subject,
            concerns_.FrenchText("{circle}: emergency concern not yet acknowledged — see Cercle",
                                 {{"circle", circles_.Stored(a_.id, circle_).code_name}}));
  EXPECT_EQ(Tick(), 0) << "a fired step never fires again";

  server_.clock().Advance(15min);
  EXPECT_EQ(Tick(), 2);
  EXPECT_EQ(RecipientsAfter(2),
            (std::vector<std::string>{second_backup_.email, third_backup_.email}));

  // After the last level, the whole backup list, again each period.
  server_.clock().Advance(15min);
  EXPECT_EQ(Tick(), 3);
  EXPECT_EQ(RecipientsAfter(4), (std::vector<std::string>{first_backup_.email, second_backup_.email,
                                                          third_backup_.email}));
  server_.clock().Advance(15min);
  EXPECT_EQ(Tick(), 3);
  EXPECT_EQ(Outbox().size(), 10u);

  const auto steps = concerns_.Steps(a_.id, concern);
  ASSERT_EQ(steps.size(), 6u);
  for (int step = 0; step < 5; ++step) EXPECT_TRUE(steps[step].fired_at) << step;
  EXPECT_FALSE(steps[5].fired_at);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "concern.alert"), 5u);
  EXPECT_EQ(concerns_.Stored(a_.id, concern).status, domain::ConcernStatus::kRaised);
}

TEST_P(ConcernEscalation, AnAcknowledgedEmergencyDoesNotEscalate) {
  const auto concern = RaiseEmergency();
  server_.clock().Advance(6min);
  auto client = auth_.SignedInClient(a_.coordinator);
  const std::string path = "/concerns/" + std::to_string(concern);
  const auto acknowledged = client->PostForm(path + "/acknowledge", {}, path);
  ASSERT_EQ(acknowledged.status, 303);
  EXPECT_EQ(concerns_.Stored(a_.id, concern).status, domain::ConcernStatus::kAcknowledged);
  EXPECT_EQ(concerns_.Stored(a_.id, concern).acknowledged_by, a_.coordinator.id);

  server_.clock().Advance(2h);
  EXPECT_EQ(Tick(), 0);
  EXPECT_EQ(Outbox().size(), 1u);
  const auto steps = concerns_.Steps(a_.id, concern);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_TRUE(steps[1].cancelled_at);
  EXPECT_FALSE(steps[1].fired_at);
  // The page tells how long acknowledging took (a new session: the first one has timed out).
  const auto page = auth_.SignedInClient(a_.coordinator)->Get(path);
  EXPECT_NE(page.body.find(concerns_.French("{minutes} min", {{"minutes", "6"}})),
            std::string::npos);
}

TEST_P(ConcernEscalation, AnUrgentConcernWaitsFourHoursAndTheDelayIsTheOrganisations) {
  concerns_.Raise({a_.id, circle_, a_.admin.id, std::nullopt, domain::ConcernCategory::kHostility,
                   Severity::kUrgent});
  server_.clock().Advance(239min);
  EXPECT_EQ(Tick(), 0);
  server_.clock().Advance(1min);
  EXPECT_EQ(Tick(), 1);
  EXPECT_EQ(RecipientsAfter(1), std::vector<std::string>{first_backup_.email});

  concerns_.SetSetting(a_.id, domain::SettingKey::kConcernAckMinutesEmergency, 5);
  const auto fast = RaiseEmergency();
  server_.clock().Advance(5min);
  EXPECT_EQ(Tick(), 1);
  EXPECT_EQ(concerns_.Steps(a_.id, fast)[1].recipients,
            std::vector<std::int64_t>{first_backup_.id});
}

TEST_P(ConcernEscalation, InformationAndConcernLevelsAlertNobody) {
  const auto concern =
      concerns_.Raise({a_.id, circle_, a_.admin.id, std::nullopt,
                       domain::ConcernCategory::kLossOfSupports, Severity::kConcern});
  server_.clock().Advance(24h);
  EXPECT_EQ(Tick(), 0);
  EXPECT_TRUE(Outbox().empty());
  EXPECT_TRUE(concerns_.Steps(a_.id, concern).empty());
}

TEST_P(ConcernEscalation, NobodyOnCallAlertsEveryActiveCoordinator) {
  concerns_.SetOnCall(a_.id, {});
  auth_.Deactivate(second_backup_);
  RaiseEmergency();
  EXPECT_EQ(RecipientsAfter(0),
            (std::vector<std::string>{a_.coordinator.email, first_backup_.email}));
}

TEST_P(ConcernEscalation, AStepWhoseConcernWasAcknowledgedMeanwhileIsCancelledNotMailed) {
  const auto concern = RaiseEmergency();
  // Acknowledged by a path that left the pending step behind (as a race between the two could).
  const auto done = server_.runtime().database().Write(
      store::Scope::Organisation(a_.id), [&](soci::session& session) -> Status {
        store::ConcernStore(session).Acknowledge(concern, a_.id, a_.coordinator.id,
                                                 server_.clock().Now());
        return {};
      });
  ASSERT_TRUE(done);
  server_.clock().Advance(20min);
  EXPECT_EQ(Tick(), 0);
  EXPECT_EQ(Outbox().size(), 1u);
  EXPECT_TRUE(concerns_.Steps(a_.id, concern)[1].cancelled_at);
}

TEST_P(ConcernEscalation, TwoSchedulersOnOneDatabaseFireEachStepOnce) {
  for (int i = 0; i < 6; ++i) RaiseEmergency();
  server_.clock().Advance(16min);
  auto& runtime = server_.runtime();
  const notify::AlertServices services{runtime.translator(), runtime.audit(),
                                       runtime.config().server.public_url};
  // A second server's scheduler on its own connections to the same database.
  auto second_database = store::Database::Open(server_.test_database().url(), 2);
  ASSERT_TRUE(second_database);
  notify::ConcernEscalator first(runtime.database(), server_.clock(), services);
  notify::ConcernEscalator second(**second_database, server_.clock(), services);
  int first_count = 0, second_count = 0;
  std::thread one([&] { first_count = first.EscalateDue(); });
  std::thread two([&] { second_count = second.EscalateDue(); });
  one.join();
  two.join();
  EXPECT_EQ(first_count + second_count, 6);
  EXPECT_EQ(Outbox().size(), 12u);
  EXPECT_EQ(RecipientsAfter(6), std::vector<std::string>(6, first_backup_.email));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ConcernEscalation, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ConcernEscalation, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
