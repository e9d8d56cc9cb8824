// Concern alerts survive a crash, on SQLite and PostgreSQL. The real `cercle serve` runs as a child
// process against a real SMTP server (tests/support/smtp_sink.py) that holds each "250 OK" a
// moment; it is killed with SIGKILL while the server holds a reply — after the SMTP server took the
// mail, before the sender could record it — and while escalation steps fall due, then started
// again. Each mail arrives exactly once: an escalation step is claimed and its mail queued in one
// transaction, and a mail handed to the SMTP server is never sent again. The outbox's claim and
// hand-over are also checked in process: a mail claimed but not handed over is retried once its
// claim runs out; one handed over is marked sent, unconfirmed, and not sent again.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "config/secrets.hpp"
#include "notify/outbox.hpp"
#include "store/organisation_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_database.hpp"
#include "support/test_server.hpp"

extern char** environ;

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

// How long the SMTP sink holds each "250 OK", and the longest SMTP exchange the child allows (its
// claim on a mail lasts twice that).
constexpr auto kHold = 1500ms;
constexpr int kMailTimeoutSeconds = 3;
constexpr auto kWait = 90s;

Instant RealNow() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

long long Count(store::Database& database, const std::string& query, long long now = 0) {
  return database.Read(store::Scope::System(), [&](soci::session& session) {
    long long count = 0;
    if (query.find(":now") != std::string::npos) {
      session << query, soci::use(now, "now"), soci::into(count);
    } else {
      session << query, soci::into(count);
    }
    return count;
  });
}

// A `cercle serve` child process, killed with the test at the latest.
class ServerProcess {
 public:
  ServerProcess(std::vector<std::string> environment, std::string folder)
      : environment_(std::move(environment)), folder_(std::move(folder)) {}
  ~ServerProcess() { Kill(); }

  void Start() {
    std::vector<char*> envp;
    for (auto& entry : environment_) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::string binary = CERCLE_BINARY;
    std::string serve = "serve";
    char* argv[] = {binary.data(), serve.data(), nullptr};
    const std::string log = folder_ + "/server.log";
    const pid_t parent = ::getpid();
    process_ = ::fork();
    ASSERT_GE(process_, 0);
    if (process_ == 0) {
      // Only async-signal-safe calls until execve.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(1);
      const int output = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (output >= 0) {
        ::dup2(output, 1);
        ::dup2(output, 2);
      }
      ::close_range(3, ~0U, 0);
      if (::chdir(folder_.c_str()) != 0) ::_exit(1);
      ::execve(binary.c_str(), argv, envp.data());
      ::_exit(127);
    }
  }

  // SIGKILL: no chance to finish anything.
  void Kill() { Stop(SIGKILL); }
  // SIGTERM, then SIGKILL after 20 seconds.
  void Terminate() { Stop(SIGTERM); }

  std::string Log() const {
    std::ifstream file(folder_ + "/server.log");
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
  }

 private:
  void Stop(int signal) {
    if (process_ <= 0) return;
    ::kill(process_, signal);
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    int status = 0;
    while (::waitpid(process_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(process_, SIGKILL);
        ::waitpid(process_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(20ms);
    }
    process_ = -1;
  }

  std::vector<std::string> environment_;
  std::string folder_;
  pid_t process_ = -1;
};

class ConcernRestart : public ::testing::TestWithParam<Backend> {
 protected:
  ConcernRestart() : folder_(MakeTemporaryFolder()) {}
  ~ConcernRestart() override { std::filesystem::remove_all(folder_); }

  // The child's configuration: the test server's database, its own key file, the sink, and fast
  // passes.
  std::vector<std::string> Environment(const SmtpSink& sink) {
    const std::string key_file = folder_ + "/cercle.key";
    if (!std::filesystem::exists(key_file)) {
      EXPECT_TRUE(config::CreateKeyFile(key_file));
    }
    const int port = FreePort();
    auto& database = server_.test_database();
    std::vector<std::string> environment = {
        "CERCLE_DATABASE_URL=" + database.url(),
        "CERCLE_DATABASE_MIGRATE_URL=" + database.owner_url(),
        "CERCLE_DATABASE_APP_ROLE=" + database.app_role(),
        "CERCLE_DATABASE_POOL_SIZE=4",
        "CERCLE_SECRETS_KEY_FILE=" + key_file,
        "CERCLE_SERVER_PORT=" + std::to_string(port),
        "CERCLE_SERVER_PUBLIC_URL=http://127.0.0.1:" + std::to_string(port),
        "CERCLE_STORAGE_DOCUMENTS_DIR=" + folder_ + "/documents",
        "CERCLE_MAIL_SMTP_URL=" + sink.url(),
        "CERCLE_MAIL_FROM=Cercle <cercle@example.org>",
        "CERCLE_MAIL_POLL_SECONDS=1",
        "CERCLE_MAIL_TIMEOUT_SECONDS=" + std::to_string(kMailTimeoutSeconds),
        "CERCLE_SCHEDULER_INTERVAL_SECONDS=1",
        // No reminders (on a Monday, the digest) beside the alerts the test counts.
        "CERCLE_SCHEDULER_REMINDERS=false",
        "CERCLE_LOG_LEVEL=info",
    };
    // The sanitizers' settings of a sanitizer build, and the basics.
    for (char** entry = environ; *entry; ++entry) {
      const std::string text = *entry;
      if (text.starts_with("ASAN_") || text.starts_with("LSAN_") || text.starts_with("UBSAN_") ||
          text.starts_with("PATH=") || text.starts_with("HOME=")) {
        environment.push_back(text);
      }
    }
    return environment;
  }

  // Waits until nothing is left to send: no due step unfired, no mail unsent (sent or given up).
  bool Settled() {
    auto& database = server_.runtime().database();
    const auto deadline = std::chrono::steady_clock::now() + kWait;
    while (std::chrono::steady_clock::now() < deadline) {
      const long long due_steps = Count(database,
                                        "SELECT count(*) FROM concern_escalations WHERE fired_at "
                                        "IS NULL AND cancelled_at IS NULL AND "
                                        "due_at <= :now",
                                        ToUnix(RealNow()));
      const long long pending = Count(
          database, "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL");
      if (due_steps == 0 && pending == 0) return true;
      std::this_thread::sleep_for(100ms);
    }
    return false;
  }

  std::string folder_;
  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
};

TEST_P(ConcernRestart, KillingTheServerMidEscalationSendsEachMailExactlyOnce) {
  SmtpSink sink(kHold);
  const auto a = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
  const auto backup_one = auth_.CreateUser(a.id, "Béatrice Relève", "releve1@cercles-a.example",
                                           {domain::Role::kCoordinator});
  const auto backup_two = auth_.CreateUser(a.id, "Bruno Relève", "releve2@cercles-a.example",
                                           {domain::Role::kCoordinator});
  CircleFixture circles(server_);
  ConcernFixture concerns(server_);
  const auto file = CoreMemberFixture(server_).SeedFullFile(a.id, "Marcel Exemple", "2026-001");
  const auto today = circles.Today();
  const auto circle = circles.CreateCircle(a.id, file.core_member_id, domain::CirclePhase::kWeekly,
                                           AddDays(today, -60), AddDays(today, -60));
  concerns.SetOnCall(a.id, {{a.coordinator.id, 0}, {backup_one.id, 1}, {backup_two.id, 1}});
  const TestConcern emergency{a.id,
                              circle,
                              a.admin.id,
                              std::nullopt,
                              domain::ConcernCategory::kSuicideRisk,
                              domain::Severity::kEmergency};
  // Three emergencies raised an hour ago, nobody acknowledged them: the on-call mail of each waits
  // in the outbox and their first escalation is overdue. A fourth falls due a few seconds into the
  // run.
  const Instant start = RealNow();
  server_.clock().Set(start - 1h);
  std::vector<std::int64_t> raised;
  for (int i = 0; i < 3; ++i) raised.push_back(concerns.Raise(emergency));
  server_.clock().Set(start - 15min + 6s);
  raised.push_back(concerns.Raise(emergency));
  // 4 on-call mails, then 2 backups for each of the 4 first escalations.
  constexpr std::size_t kExpected = 12;
  ASSERT_EQ(concerns.QueuedRecipients().size(), 4u);

  ServerProcess child(Environment(sink), folder_);
  child.Start();
  // Killed while the SMTP server holds its "250 OK" for the 4th mail: the server has it, the sender
  // does not know yet.
  ASSERT_GE(sink.WaitFor(4, kWait).size(), 4u) << child.Log();
  child.Kill();
  std::this_thread::sleep_for(300ms);
  child.Start();
  ASSERT_GE(sink.WaitFor(8, kWait).size(), 8u) << child.Log();
  child.Kill();
  child.Start();
  ASSERT_TRUE(Settled()) << child.Log();
  // Time for a duplicate to arrive, if one were on its way.
  std::this_thread::sleep_for(std::chrono::seconds(2 * kMailTimeoutSeconds) + kHold);
  child.Terminate();

  const auto mails = sink.Received();
  std::map<std::string, int> by_recipient;
  std::set<std::string> message_ids;
  for (const auto& mail : mails) {
    ++by_recipient[mail.envelope_to];
    message_ids.insert(mail.headers.at("message-id"));
  }
  EXPECT_EQ(mails.size(), kExpected) << child.Log();
  EXPECT_EQ(message_ids.size(), mails.size()) << "a mail arrived twice";
  EXPECT_EQ(by_recipient[a.coordinator.email], 4);
  EXPECT_EQ(by_recipient[backup_one.email], 4);
  EXPECT_EQ(by_recipient[backup_two.email], 4);

  auto& database = server_.runtime().database();
  EXPECT_EQ(Count(database, "SELECT count(*) FROM outbox"), static_cast<long long>(kExpected));
  EXPECT_EQ(Count(database, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"),
            static_cast<long long>(kExpected));
  // The mails the kills caught in the SMTP server's hands are marked unconfirmed, not sent again.
  EXPECT_GE(Count(database, "SELECT count(*) FROM outbox WHERE last_error LIKE 'unconfirmed%'"), 1);
  for (const auto concern : raised) {
    const auto steps = concerns.Steps(a.id, concern);
    ASSERT_EQ(steps.size(), 3u) << "concern " << concern;
    EXPECT_TRUE(steps[0].fired_at);
    EXPECT_TRUE(steps[1].fired_at);
    EXPECT_EQ(steps[1].recipients, (std::vector<std::int64_t>{backup_one.id, backup_two.id}));
    EXPECT_FALSE(steps[2].fired_at);
  }
}

// The outbox's claim and hand-over, in process with the manual clock.
class OutboxHandOver : public ::testing::TestWithParam<Backend> {
 protected:
  OutboxHandOver() {
    settings_.from = "Cercle <cercle@example.org>";
    settings_.poll_seconds = 3600;
    settings_.timeout_seconds = kMailTimeoutSeconds;
    const auto organisation = store::OrganisationStore(database_.database())
                                  .Create("Cercles A (essai)", "cercles-a", clock_.Now());
    if (!organisation) throw std::runtime_error("cannot create the test organisation");
    organisation_id_ = organisation->id;
  }

  std::int64_t Enqueue() {
    const auto id = database_.database().Write(
        store::Scope::Organisation(organisation_id_),
        [&](soci::session& s) -> Result<std::int64_t> {
          return notify::Outbox::Enqueue(
              s,
              {organisation_id_, "garde@cercles-a.example",
               "Cercle A : préoccupation urgente — à voir dans Cercle", "Bonjour"},
              clock_.Now());
        });
    if (!id) throw std::runtime_error("enqueue failed");
    return *id;
  }

  // Plays a sender that claimed mail `id` now and stopped, after handing it over when `handed`.
  void ClaimAndStop(std::int64_t id, bool handed) {
    const long long now = ToUnix(clock_.Now());
    const long long until = now + 2 * kMailTimeoutSeconds;
    const auto done =
        database_.database().Write(store::Scope::System(), [&](soci::session& s) -> Status {
          soci::indicator handed_indicator = handed ? soci::i_ok : soci::i_null;
          s << "UPDATE outbox SET claimed_until = :until, handed_at = :handed WHERE id = :id",
              soci::use(until, "until"), soci::use(now, handed_indicator, "handed"),
              soci::use(static_cast<long long>(id), "id");
          return {};
        });
    ASSERT_TRUE(done);
  }

  std::string Column(std::int64_t id, const std::string& column) {
    return database_.database().Read(store::Scope::System(), [&](soci::session& s) {
      std::string value;
      long long number = 0;
      soci::indicator indicator = soci::i_null;
      if (column == "last_error") {
        s << "SELECT last_error FROM outbox WHERE id = :id",
            soci::use(static_cast<long long>(id), "id"), soci::into(value, indicator);
        return indicator == soci::i_ok ? value : std::string("NULL");
      }
      s << "SELECT " + column + " FROM outbox WHERE id = :id",
          soci::use(static_cast<long long>(id), "id"), soci::into(number, indicator);
      return indicator == soci::i_ok ? std::to_string(number) : std::string("NULL");
    });
  }

  TestDatabase database_{GetParam()};
  ManualClock clock_{kTestStart};
  config::Config::Mail settings_;
  std::int64_t organisation_id_ = 0;
};

TEST_P(OutboxHandOver, ADeliveredMailRecordsItsHandOverBeforeTheServersVerdict) {
  SmtpSink sink;
  settings_.smtp_url = sink.url();
  const auto id = Enqueue();
  notify::MailSender sender(database_.database(), settings_, clock_);
  EXPECT_EQ(sender.DeliverDue(), 1);
  EXPECT_EQ(Column(id, "handed_at"), std::to_string(ToUnix(clock_.Now())));
  EXPECT_NE(Column(id, "sent_at"), "NULL");
  EXPECT_EQ(sink.Received().size(), 1u);
}

TEST_P(OutboxHandOver, AMailClaimedButNotHandedOverIsSentOnceItsClaimRunsOut) {
  SmtpSink sink;
  settings_.smtp_url = sink.url();
  const auto id = Enqueue();
  ClaimAndStop(id, false);
  notify::MailSender sender(database_.database(), settings_, clock_);
  EXPECT_EQ(sender.DeliverDue(), 0) << "still claimed by the stopped sender";
  clock_.Advance(std::chrono::seconds(2 * kMailTimeoutSeconds));
  EXPECT_EQ(sender.DeliverDue(), 1);
  EXPECT_EQ(sender.DeliverDue(), 0);
  EXPECT_EQ(sink.WaitFor(1, 5s).size(), 1u);
}

TEST_P(OutboxHandOver, AMailHandedOverIsNeverSentAgainButMarkedSentUnconfirmed) {
  SmtpSink sink;
  settings_.smtp_url = sink.url();
  const auto id = Enqueue();
  ClaimAndStop(id, true);
  notify::MailSender sender(database_.database(), settings_, clock_);
  EXPECT_EQ(sender.DeliverDue(), 0);
  EXPECT_EQ(Column(id, "sent_at"), "NULL") << "not settled while its sender's claim runs";
  clock_.Advance(std::chrono::seconds(2 * kMailTimeoutSeconds));
  EXPECT_EQ(sender.DeliverDue(), 0);
  EXPECT_NE(Column(id, "sent_at"), "NULL");
  EXPECT_TRUE(Column(id, "last_error").starts_with("unconfirmed")) << Column(id, "last_error");
  clock_.Advance(24h);
  EXPECT_EQ(sender.DeliverDue(), 0);
  std::this_thread::sleep_for(300ms);
  EXPECT_TRUE(sink.Received().empty());
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ConcernRestart, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ConcernRestart, ::testing::Values(Backend::kPostgres));
INSTANTIATE_TEST_SUITE_P(Sqlite, OutboxHandOver, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, OutboxHandOver, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
