// The mail outbox and its SMTP sender, against a real SMTP server (tests/support/smtp_sink.py), on
// SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "notify/outbox.hpp"
#include "store/organisation_store.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_database.hpp"
#include "support/test_server.hpp"

namespace cercle::notify {
namespace {

using testing::Backend;
using testing::SmtpSink;
using testing::TestDatabase;

constexpr const char* kRecipient = "benevole@example.org";
constexpr const char* kSubject = "Quelque chose vous attend dans Cercle";
constexpr const char* kBody =
    "Bonjour,\n\nQuelque chose vous attend dans Cercle. Ouvrez-le ici :\n"
    "https://cercle.example.org/\n\nCe message a été envoyé automatiquement ; n'y répondez pas.\n";
constexpr std::chrono::seconds kHours7{7 * 60 * 60};
constexpr std::chrono::seconds kSendWait{10};

// What the outbox table says about one mail.
struct OutboxRow {
  int attempts = 0;
  long long next_attempt_at = 0;
  bool claimed = false;
  bool sent = false;
  bool failed = false;
  std::string last_error;
};

class MailOutbox : public ::testing::TestWithParam<Backend> {
 protected:
  MailOutbox() {
    settings_.from = "Cercles Montréal <cercle@example.org>";
    settings_.max_attempts = 8;
    settings_.poll_seconds = 3600;
    const auto organisation = store::OrganisationStore(database_.database())
                                  .Create("Cercles Montréal (essai)", "montreal", clock_.Now());
    if (!organisation) throw std::runtime_error("cannot create the test organisation");
    organisation_id_ = organisation->id;
  }

  Mail MailTo(const std::string& to, const std::string& subject = kSubject,
              const std::string& body = kBody) {
    return Mail{organisation_id_, to, subject, body};
  }

  // Queues `mail` in a committed transaction of the organisation, as a store would.
  std::int64_t Enqueue(const Mail& mail, std::optional<Instant> at = std::nullopt) {
    const auto id = database_.database().Write(store::Scope::Organisation(organisation_id_),
                                               [&](soci::session& session) -> Result<std::int64_t> {
                                                 return notify::Outbox::Enqueue(
                                                     session, mail, at.value_or(clock_.Now()));
                                               });
    if (!id) throw std::runtime_error("enqueue failed");
    return *id;
  }

  OutboxRow Row(std::int64_t id) {
    return database_.database().Read(store::Scope::System(), [&](soci::session& session) {
      OutboxRow row;
      long long claimed_until = 0;
      long long sent_at = 0;
      long long failed_at = 0;
      soci::indicator claimed = soci::i_null;
      soci::indicator sent = soci::i_null;
      soci::indicator failed = soci::i_null;
      soci::indicator error = soci::i_null;
      session << "SELECT attempts, next_attempt_at, claimed_until, sent_at, failed_at, last_error "
                 "FROM outbox WHERE id = :id",
          soci::use(static_cast<long long>(id), "id"), soci::into(row.attempts),
          soci::into(row.next_attempt_at), soci::into(claimed_until, claimed),
          soci::into(sent_at, sent), soci::into(failed_at, failed),
          soci::into(row.last_error, error);
      if (!session.got_data()) throw std::runtime_error("no such mail");
      row.claimed = claimed == soci::i_ok;
      row.sent = sent == soci::i_ok;
      row.failed = failed == soci::i_ok;
      if (error != soci::i_ok) row.last_error.clear();
      return row;
    });
  }

  long long QueuedCount(const store::Scope& scope) {
    return database_.database().Read(scope, [](soci::session& session) {
      long long count = 0;
      session << "SELECT count(*) FROM outbox", soci::into(count);
      return count;
    });
  }

  // A loopback address where nothing listens.
  static std::string ClosedPortUrl() {
    return "smtp://127.0.0.1:" + std::to_string(testing::FreePort());
  }

  TestDatabase database_{GetParam()};
  ManualClock clock_{testing::kTestStart};
  config::Config::Mail settings_;
  std::int64_t organisation_id_ = 0;
};

TEST_P(MailOutbox, DeliversACommittedMailWithItsRecipientSubjectAndBody) {
  SmtpSink sink;
  settings_.smtp_url = sink.url();
  const auto id = Enqueue(MailTo(kRecipient));
  MailSender sender(database_.database(), settings_, clock_);

  EXPECT_EQ(sender.DeliverDue(), 1);
  const auto received = sink.WaitFor(1, kSendWait);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].envelope_to, kRecipient);
  EXPECT_EQ(received[0].envelope_from, "cercle@example.org");
  EXPECT_EQ(received[0].to, kRecipient);
  EXPECT_EQ(received[0].subject, kSubject);
  EXPECT_EQ(received[0].body, kBody);
  EXPECT_EQ(testing::DecodeHeaderWords(received[0].from), "Cercles Montréal <cercle@example.org>");

  const auto row = Row(id);
  EXPECT_TRUE(row.sent);
  EXPECT_FALSE(row.failed);
  EXPECT_FALSE(row.claimed);
  EXPECT_EQ(sender.DeliverDue(), 0) << "a sent mail is not sent again";
  EXPECT_EQ(sink.WaitFor(2, std::chrono::milliseconds(300)).size(), 1u);
}

TEST_P(MailOutbox, MessageIsWellFormedMimeWithEncodedSubjectAndShortLines) {
  SmtpSink sink;
  settings_.smtp_url = sink.url();
  const std::string subject =
      "Rappel : la rencontre du cercle de mardi a été déplacée — quelque chose vous attend dans "
      "Cercle";
  std::string body = "Première ligne.\n";
  for (int i = 0; i < 40; ++i) body += "Une longue ligne répétée pour dépasser la limite. ";
  body += "\nDernière ligne.\n";
  Enqueue(MailTo(kRecipient, subject, body));
  MailSender sender(database_.database(), settings_, clock_);
  ASSERT_EQ(sender.DeliverDue(), 1);

  const auto received = sink.WaitFor(1, kSendWait);
  ASSERT_EQ(received.size(), 1u);
  const auto& mail = received[0];
  EXPECT_EQ(mail.subject, subject);
  EXPECT_EQ(mail.body, body);
  EXPECT_TRUE(mail.headers.at("subject").starts_with("=?UTF-8?B?"));
  EXPECT_EQ(mail.headers.at("mime-version"), "1.0");
  EXPECT_EQ(mail.headers.at("content-type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(mail.headers.at("content-transfer-encoding"), "base64");
  EXPECT_EQ(mail.headers.at("date"), "Mon, 30 Nov 2026 14:00:00 +0000");
  const std::string message_id = mail.headers.at("message-id");
  EXPECT_TRUE(message_id.starts_with("<") && message_id.ends_with("@example.org>"));
  const auto separator = mail.raw.find("\r\n\r\n");
  ASSERT_NE(separator, std::string::npos);
  std::istringstream lines(mail.raw);
  std::size_t offset = 0;
  for (std::string line; std::getline(lines, line);) {
    const bool in_body = offset > separator;
    offset += line.size() + 1;
    ASSERT_TRUE(line.ends_with('\r') || lines.eof()) << "every line ends with CRLF";
    if (line.ends_with('\r')) line.pop_back();
    EXPECT_LE(line.size(), in_body ? 76u : 78u) << line;
    for (const char c : line) {
      EXPECT_LT(static_cast<unsigned char>(c), 0x80) << "the message is 7-bit: " << line;
    }
  }
}

TEST_P(MailOutbox, MailOfATransactionThatRollsBackIsNeverSent) {
  SmtpSink sink;
  settings_.smtp_url = sink.url();
  const auto result = database_.database().Write(
      store::Scope::Organisation(organisation_id_), [&](soci::session& session) -> Result<int> {
        notify::Outbox::Enqueue(session, MailTo(kRecipient), clock_.Now());
        return Error::Invalid("the change that caused the mail was refused");
      });
  ASSERT_FALSE(result);
  MailSender sender(database_.database(), settings_, clock_);

  EXPECT_EQ(sender.DeliverDue(), 0);
  EXPECT_EQ(QueuedCount(store::Scope::System()), 0);
  clock_.Advance(kHours7);
  EXPECT_EQ(sender.DeliverDue(), 0);
  EXPECT_TRUE(sink.WaitFor(1, std::chrono::milliseconds(300)).empty());
}

TEST_P(MailOutbox, EnqueueRefusesAnAddressThatCouldInjectHeaders) {
  EXPECT_THROW(Enqueue(MailTo("benevole@example.org\r\nBcc: autre@example.org")),
               std::invalid_argument);
  EXPECT_THROW(Enqueue(MailTo("a@example.org, b@example.org")), std::invalid_argument);
  EXPECT_THROW(Enqueue(MailTo(kRecipient, "Sujet\r\nBcc: autre@example.org")),
               std::invalid_argument);
  EXPECT_EQ(QueuedCount(store::Scope::System()), 0);
}

TEST_P(MailOutbox, UnreachableServerIsRetriedLaterWithGrowingDelaysThenDeliveredOnce) {
  settings_.smtp_url = ClosedPortUrl();
  const auto id = Enqueue(MailTo(kRecipient));
  MailSender sender(database_.database(), settings_, clock_);

  EXPECT_EQ(sender.DeliverDue(), 0);
  auto row = Row(id);
  EXPECT_EQ(row.attempts, 1);
  EXPECT_FALSE(row.sent);
  EXPECT_FALSE(row.failed);
  EXPECT_FALSE(row.claimed);
  EXPECT_FALSE(row.last_error.empty());
  EXPECT_EQ(row.last_error.find("benevole"), std::string::npos) << "never the recipient";
  const long long first_delay = row.next_attempt_at - ToUnix(clock_.Now());
  EXPECT_GT(first_delay, 0);

  EXPECT_EQ(sender.DeliverDue(), 0);
  EXPECT_EQ(Row(id).attempts, 1) << "not retried before its time";

  clock_.Set(FromUnix(row.next_attempt_at));
  EXPECT_EQ(sender.DeliverDue(), 0);
  row = Row(id);
  EXPECT_EQ(row.attempts, 2);
  const long long second_delay = row.next_attempt_at - ToUnix(clock_.Now());
  EXPECT_GT(second_delay, first_delay) << "the delay grows";

  SmtpSink sink;
  settings_.smtp_url = sink.url();
  EXPECT_EQ(sender.DeliverDue(), 0) << "still waiting for its next attempt";
  clock_.Set(FromUnix(row.next_attempt_at));
  EXPECT_EQ(sender.DeliverDue(), 1);
  EXPECT_TRUE(Row(id).sent);
  clock_.Advance(kHours7);
  EXPECT_EQ(sender.DeliverDue(), 0);
  const auto received = sink.WaitFor(2, std::chrono::milliseconds(300));
  ASSERT_EQ(received.size(), 1u) << "delivered exactly once";
  EXPECT_EQ(received[0].subject, kSubject);
}

TEST_P(MailOutbox, MailIsGivenUpAfterMaxAttemptsAndNotRetried) {
  settings_.smtp_url = ClosedPortUrl();
  settings_.max_attempts = 3;
  const auto id = Enqueue(MailTo(kRecipient));
  MailSender sender(database_.database(), settings_, clock_);
  for (int attempt = 1; attempt <= 3; ++attempt) {
    EXPECT_FALSE(Row(id).failed) << "before attempt " << attempt;
    EXPECT_EQ(sender.DeliverDue(), 0);
    clock_.Advance(kHours7);
  }
  auto row = Row(id);
  EXPECT_EQ(row.attempts, 3);
  EXPECT_TRUE(row.failed);
  EXPECT_FALSE(row.sent);

  SmtpSink sink;
  settings_.smtp_url = sink.url();
  clock_.Advance(kHours7);
  EXPECT_EQ(sender.DeliverDue(), 0);
  EXPECT_EQ(Row(id).attempts, 3);
  EXPECT_TRUE(sink.WaitFor(1, std::chrono::milliseconds(300)).empty());
}

TEST_P(MailOutbox, WithoutAnSmtpUrlMailStaysQueuedUnclaimedAndIsDeliveredOnceAUrlIsSet) {
  settings_.smtp_url = "";
  const auto id = Enqueue(MailTo(kRecipient));
  MailSender sender(database_.database(), settings_, clock_);
  EXPECT_EQ(sender.DeliverDue(), 0);
  const auto row = Row(id);
  EXPECT_EQ(row.attempts, 0);
  EXPECT_FALSE(row.sent || row.failed || row.claimed);

  SmtpSink sink;
  settings_.smtp_url = sink.url();
  EXPECT_EQ(sender.DeliverDue(), 1);
  EXPECT_EQ(sink.WaitFor(1, kSendWait).size(), 1u);
}

TEST_P(MailOutbox, TwoSendersOnTwoConnectionsDeliverEachMailExactlyOnce) {
  SmtpSink sink;
  settings_.smtp_url = sink.url();
  constexpr int kMails = 20;
  for (int i = 0; i < kMails; ++i) Enqueue(MailTo(kRecipient, "Message " + std::to_string(i)));
  // A second pool on the same database, as a second server would have.
  auto other_database = store::Database::Open(database_.url(), 2);
  ASSERT_TRUE(other_database);
  MailSender first(database_.database(), settings_, clock_);
  MailSender second(**other_database, settings_, clock_);

  std::latch start(2);
  std::atomic<int> delivered = 0;
  const auto run = [&](MailSender& sender) {
    start.arrive_and_wait();
    delivered += sender.DeliverDue();
  };
  std::thread first_thread(run, std::ref(first));
  std::thread second_thread(run, std::ref(second));
  first_thread.join();
  second_thread.join();

  EXPECT_EQ(delivered.load(), kMails);
  const auto received = sink.WaitFor(kMails + 1, std::chrono::milliseconds(500));
  ASSERT_EQ(received.size(), static_cast<std::size_t>(kMails));
  std::set<std::string> subjects;
  for (const auto& mail : received) subjects.insert(mail.subject);
  EXPECT_EQ(subjects.size(), static_cast<std::size_t>(kMails)) << "no mail sent twice";
}

TEST_P(MailOutbox, BackgroundThreadDeliversWhenWokenWithoutWaitingForThePollPeriod) {
  SmtpSink sink;
  settings_.smtp_url = sink.url();
  settings_.poll_seconds = 3600;
  // Due only after the thread's first pass, so that only Wake can bring it out.
  Enqueue(MailTo(kRecipient), clock_.Now() + std::chrono::seconds(60));
  MailSender sender(database_.database(), settings_, clock_);
  sender.Start();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  clock_.Advance(std::chrono::seconds(60));
  EXPECT_TRUE(sink.WaitFor(1, std::chrono::milliseconds(500)).empty())
      << "the thread sleeps for its poll period";

  sender.Wake();
  const auto received = sink.WaitFor(1, kSendWait);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].subject, kSubject);

  sender.Stop();
  Enqueue(MailTo(kRecipient, "Après l'arrêt"));
  sender.Wake();
  EXPECT_EQ(sink.WaitFor(2, std::chrono::milliseconds(500)).size(), 1u)
      << "a stopped sender sends nothing";
}

TEST_P(MailOutbox, AnOrganisationSeesOnlyItsOwnMail) {
  const auto other =
      store::OrganisationStore(database_.database()).Create("Autre", "autre", clock_.Now());
  ASSERT_TRUE(other);
  Enqueue(MailTo(kRecipient));
  EXPECT_EQ(QueuedCount(store::Scope::Organisation(organisation_id_)), 1);
  // Row-level security filters on PostgreSQL; on SQLite every query filters itself.
  EXPECT_EQ(QueuedCount(store::Scope::Organisation(other->id)),
            database_.backend() == Backend::kPostgres ? 0 : 1);
  if (database_.backend() != Backend::kPostgres) return;
  const auto [forced, enabled] =
      database_.database().Read(store::Scope::System(), [](soci::session& session) {
        int forced = 0;
        int enabled = 0;
        session << "SELECT CASE WHEN relforcerowsecurity THEN 1 ELSE 0 END, CASE WHEN "
                   "relrowsecurity THEN 1 ELSE 0 END FROM pg_class WHERE relname = 'outbox'",
            soci::into(forced), soci::into(enabled);
        return std::make_pair(forced, enabled);
      });
  EXPECT_EQ(forced, 1);
  EXPECT_EQ(enabled, 1);
  EXPECT_THROW(database_.database().Write(store::Scope::Organisation(other->id),
                                          [&](soci::session& session) -> Result<std::int64_t> {
                                            return notify::Outbox::Enqueue(
                                                session, MailTo(kRecipient), clock_.Now());
                                          }),
               std::exception)
      << "an organisation cannot queue mail in another's name";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, MailOutbox, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, MailOutbox, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::notify
