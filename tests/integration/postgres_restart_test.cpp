// Cercle survives what PostgreSQL does in production, on a server of the test's own: a restart
// (fast and immediate) and one pooled backend terminated, while clients sign in, read and write.
// During the outage answers are 503, never 500; once the server is back every request succeeds
// again without restarting Cercle; no write that was acknowledged (303) is lost; and an emergency
// escalation that fell due during the outage fires exactly once when the scheduler's next pass
// reaches the database, and the mail sender's thread, which ran through the outage, delivers it.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"
#include "support/throwaway_postgres.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

// How long a test waits for Cercle to serve again once PostgreSQL is back: generous, so that a
// slow machine does not fail it; recovery is normally immediate.
constexpr auto kRecoveryLimit = 30s;

// What the clients saw and what the server acknowledged.
struct Traffic {
  std::mutex mutex;
  std::set<std::string> acknowledged;  // labels of criteria answered with 303
  std::multiset<int> statuses;
};

class PostgresRestart : public ::testing::Test {
 protected:
  PostgresRestart() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    backup_ = auth_.CreateUser(a_.id, "Béatrice Relève", "releve1@cercles-a.example",
                               {domain::Role::kCoordinator});
    const auto file = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
    const auto today = circles_.Today();
    circle_ = circles_.CreateCircle(a_.id, file.core_member_id, domain::CirclePhase::kWeekly,
                                    AddDays(today, -60), AddDays(today, -60));
    concerns_.SetOnCall(a_.id, {{a_.coordinator.id, 0}, {backup_.id, 1}});
    for (int i = 0; i < kWriters; ++i) {
      writers_.push_back(auth_.SignedInClient(a_.admin));
      observers_.push_back(auth_.SignedInClient(a_.admin));
    }
  }
  ~PostgresRestart() override { StopTraffic(); }

  static constexpr int kWriters = 3;

  // Starts clients that read and write the eligibility criteria and sign in, in a loop, and the
  // scheduler's passes, until StopTraffic; and the mail sender's thread, until the end.
  void StartTraffic() {
    server_.runtime().mail_sender().Start();
    for (int i = 0; i < kWriters; ++i) {
      threads_.emplace_back([this, i] {
        auto& client = *writers_[static_cast<std::size_t>(i)];
        for (int n = 0; !stopping_; ++n) {
          const int read = client.Get("/admin/eligibility").status;
          const std::string label = "critère " + std::to_string(i) + "-" + std::to_string(n);
          const auto written = Save(client, label);
          std::lock_guard<std::mutex> lock(traffic_.mutex);
          traffic_.statuses.insert(read);
          traffic_.statuses.insert(written.status);
          if (Saved(written)) traffic_.acknowledged.insert(label);
        }
      });
    }
    threads_.emplace_back([this] {
      while (!stopping_) {
        HttpClient client(server_.base_url());
        const int status = auth_signer_.SignInThroughPages(client, a_.volunteer).status;
        std::lock_guard<std::mutex> lock(traffic_.mutex);
        traffic_.statuses.insert(status);
      }
    });
    threads_.emplace_back([this] {
      while (!stopping_) {
        server_.runtime().scheduler().RunOnce();
        std::this_thread::sleep_for(20ms);
      }
    });
  }

  void StopTraffic() {
    stopping_ = true;
    for (auto& thread : threads_) thread.join();
    threads_.clear();
  }

  // Adds the criterion `label` through the page.
  static HttpResult Save(HttpClient& client, const std::string& label) {
    return client.PostForm("/admin/eligibility", {{"label", label}}, "/admin/eligibility");
  }
  // True when the answer acknowledges the save (and is not, say, a way to the sign-in page).
  static bool Saved(const HttpResult& answer) {
    return answer.status == 303 && answer.Header("location") == "/admin/eligibility?saved=1";
  }

  // While the traffic goes on, waits until a write through the pages succeeds, then checks that
  // every other client's next read and write succeed at once, and a sign-in.
  void ExpectServingAgain() {
    auto& probe = *observers_.front();
    const auto limit = std::chrono::steady_clock::now() + kRecoveryLimit;
    int attempt = 0;
    while (!Saved(Save(probe, "retour " + std::to_string(++attempt)))) {
      ASSERT_LT(std::chrono::steady_clock::now(), limit) << "Cercle did not serve again";
      std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(probe.Get("/readyz").status, 200);
    for (std::size_t i = 1; i < observers_.size(); ++i) {
      EXPECT_EQ(observers_[i]->Get("/admin/eligibility").status, 200);
      EXPECT_TRUE(Saved(Save(*observers_[i], "après " + std::to_string(i))));
    }
    HttpClient fresh(server_.base_url());
    EXPECT_EQ(auth_.SignInThroughPages(fresh, a_.coordinator).status, 303);
  }

  std::set<std::string> StoredLabels() {
    return server_.runtime().database().Read(
        store::Scope::Organisation(a_.id), [](soci::session& session) {
          std::set<std::string> labels;
          std::string label;
          soci::statement statement =
              (session.prepare << "SELECT label FROM eligibility_criteria", soci::into(label));
          statement.execute();
          while (statement.fetch()) labels.insert(label);
          return labels;
        });
  }

  // The mails the SMTP server received for `recipient`, once the first arrived (or the wait ran
  // out).
  std::size_t DeliveredTo(const std::string& recipient) {
    const auto count = [&] {
      std::size_t found = 0;
      for (const auto& mail : smtp_.Received()) found += mail.envelope_to == recipient ? 1 : 0;
      return found;
    };
    const auto limit = std::chrono::steady_clock::now() + kRecoveryLimit;
    while (count() == 0 && std::chrono::steady_clock::now() < limit) {
      std::this_thread::sleep_for(50ms);
    }
    return count();
  }

  int MailsTo(const std::string& recipient) {
    return server_.runtime().database().Read(store::Scope::System(), [&](soci::session& session) {
      int count = 0;
      session << "SELECT COUNT(*) FROM outbox WHERE recipient = :recipient",
          soci::use(recipient, "recipient"), soci::into(count);
      return count;
    });
  }

  // Every acknowledged write is stored, and no answer was a server error other than 503 (a form
  // whose page failed to load during the outage is refused for its missing CSRF token, a 403).
  void ExpectNothingLost() {
    const auto stored = StoredLabels();
    std::lock_guard<std::mutex> lock(traffic_.mutex);
    EXPECT_GT(traffic_.acknowledged.size(), 0u);
    for (const auto& label : traffic_.acknowledged) {
      EXPECT_TRUE(stored.contains(label)) << label << " was acknowledged and lost";
    }
    EXPECT_EQ(traffic_.statuses.count(500), 0u);
    for (const int status : traffic_.statuses) {
      EXPECT_TRUE(status < 500 || status == 503) << status;
    }
  }

  // Raises an emergency (the on-call coordinator is mailed at once) and makes its first
  // escalation, to the backup, due now.
  void RaiseEmergencyDueNow() {
    concerns_.Raise({a_.id, circle_, a_.admin.id, std::nullopt,
                     domain::ConcernCategory::kSuicideRisk, domain::Severity::kEmergency});
    server_.runtime().scheduler().RunOnce();
    ASSERT_EQ(MailsTo(backup_.email), 0);
  }

  // Lets the traffic run until some writes were acknowledged.
  void LetTrafficRun() {
    const auto limit = std::chrono::steady_clock::now() + kRecoveryLimit;
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(traffic_.mutex);
        if (traffic_.acknowledged.size() >= 6) return;
      }
      ASSERT_LT(std::chrono::steady_clock::now(), limit) << "no write was acknowledged";
      std::this_thread::sleep_for(20ms);
    }
  }

  void RestartUnderLoad(StopMode mode) {
    StartTraffic();
    LetTrafficRun();
    postgres_.Halt(mode);
    // The outage: the escalation falls due; the scheduler's passes fail and fire nothing;
    // requests answer 503.
    server_.clock().Advance(16min);
    std::this_thread::sleep_for(300ms);
    HttpClient outsider(server_.base_url());
    EXPECT_EQ(outsider.Get("/readyz").status, 503);
    const auto refused = Save(*observers_.front(), "pendant");
    EXPECT_EQ(refused.status, 503);
    EXPECT_NE(refused.body.find("Cercle ne peut pas enregistrer pour le moment"),
              std::string::npos);
    postgres_.Resume();
    ExpectServingAgain();
    StopTraffic();
    server_.runtime().scheduler().RunOnce();
    EXPECT_EQ(MailsTo(backup_.email), 1);
    server_.runtime().scheduler().RunOnce();
    EXPECT_EQ(MailsTo(backup_.email), 1);
    EXPECT_EQ(DeliveredTo(backup_.email), 1u);
    ExpectNothingLost();
    EXPECT_FALSE(StoredLabels().contains("pendant"));
  }

  ThrowawayPostgres postgres_;
  SmtpSink smtp_;
  // Sessions outlive the test's jumps of the clock.
  TestServer server_{TestServer::Options{Backend::kPostgres,
                                         [this](config::Config& config) {
                                           config.auth.idle_minutes = 600;
                                           config.auth.admin_idle_minutes = 600;
                                           config.mail.smtp_url = smtp_.url();
                                         },
                                         postgres_.server()}};
  AuthFixture auth_{server_};
  AuthFixture auth_signer_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_;
  TestUser backup_;
  std::int64_t circle_ = 0;
  std::vector<std::unique_ptr<HttpClient>> writers_;    // used by the traffic threads only
  std::vector<std::unique_ptr<HttpClient>> observers_;  // used by the test's own thread only
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_ = false;
  Traffic traffic_;
};

TEST_F(PostgresRestart, AFastRestartLosesNothingAndServingResumesByItself) {
  RaiseEmergencyDueNow();
  RestartUnderLoad(StopMode::kFast);
}

TEST_F(PostgresRestart, AnImmediateRestartLosesNothingAndServingResumesByItself) {
  RaiseEmergencyDueNow();
  RestartUnderLoad(StopMode::kImmediate);
}

TEST_F(PostgresRestart, ARestartInOneStepIsSurvivedToo) {
  StartTraffic();
  LetTrafficRun();
  postgres_.Restart(StopMode::kImmediate);
  ExpectServingAgain();
  StopTraffic();
  ExpectNothingLost();
}

TEST_F(PostgresRestart, ATerminatedPooledBackendIsReplacedWithoutAnError) {
  RaiseEmergencyDueNow();
  StartTraffic();
  LetTrafficRun();
  server_.clock().Advance(16min);
  // The most recently busy backend of the application role: one of the server's pool, which
  // the traffic keeps busy (the test's own pool is idle).
  RunAsSuperuser(postgres_.server(),
                 "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = "
                 "'cercle_app' ORDER BY state_change DESC LIMIT 1");
  ExpectServingAgain();
  StopTraffic();
  server_.runtime().scheduler().RunOnce();
  EXPECT_EQ(MailsTo(backup_.email), 1);
  EXPECT_EQ(DeliveredTo(backup_.email), 1u);
  ExpectNothingLost();
}

}  // namespace
}  // namespace cercle::testing
