// The mail that did not go, for administrators (app/admin/mail.hpp), called as the pages call it,
// without HTTP, on SQLite and on PostgreSQL: failed and unconfirmed mail listed with its state,
// sent again to a real SMTP server (tests/support/smtp_sink.py), audited, and walled off between
// organisations and from the network's own mail.
#include <gtest/gtest.h>

#include <chrono>

#include "app/admin/mail.hpp"
#include "support/auth_fixture.hpp"
#include "support/mail_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;
using notify::MailProblem;
using notify::MailState;

constexpr const char* kSubject = "Quelque chose vous attend dans Cercle";
constexpr const char* kOtherSubject = "Invitation à Cercle";

class AppMail : public ::testing::TestWithParam<Backend> {
 protected:
  AppMail() {
    a_ = fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    b_ = fixture_.CreateOrganisationWithEveryRole("Cercles Québec (essai)", "quebec");
    network_admin_ = fixture_.CreateUser(std::nullopt, "Hector Réseau", "reseau@network.example",
                                         {domain::Role::kNetworkAdmin});
  }

  const app::Services& app() { return server_.app(); }

  // The first page of `user`'s mail page (which must load).
  app::admin::MailPage Page(const TestUser& user) {
    auto page = app::admin::LoadMailPage(app(), ActorOf(user), {});
    if (!page) throw std::runtime_error("the mail page is refused: " + page.error().message.id);
    return *page;
  }

  SmtpSink sink_;
  TestServer server_{
      {.backend = GetParam(),
       .configure = [this](config::Config& config) { config.mail.smtp_url = sink_.url(); },
       .listen = false}};
  AuthFixture fixture_{server_};
  MailFixture mail_{server_};
  TestOrganisation a_;
  TestOrganisation b_;
  TestUser network_admin_;
};

TEST_P(AppMail, ListsTheOrganisationsFailedMailNewestFirstWithItsStateAndProblem) {
  const auto older = mail_.QueueFailed(a_.id, "alice@montreal.example", kSubject);
  server_.clock().Advance(1h);
  const auto newer = mail_.QueueFailed(a_.id, "bruno@montreal.example", kOtherSubject);
  mail_.QueueFailed(b_.id, "carole@quebec.example", kSubject);
  mail_.QueueFailed(std::nullopt, "reseau@network.example", kSubject);
  // Mail that went, or that waits for its first attempt, is not listed.
  mail_.Queue(a_.id, "denise@montreal.example", kSubject);

  const auto page = Page(a_.admin);
  ASSERT_EQ(page.mails.size(), 2u);
  EXPECT_EQ(page.total, 2);
  EXPECT_EQ(page.failed, 2);
  EXPECT_FALSE(page.network);
  EXPECT_TRUE(page.sending_configured);
  EXPECT_EQ(page.mails[0].id, newer);
  EXPECT_EQ(page.mails[1].id, older);
  const auto& mail = page.mails[0];
  EXPECT_EQ(mail.recipient, "bruno@montreal.example");
  EXPECT_EQ(mail.subject, kOtherSubject);
  EXPECT_EQ(mail.attempts, 1);
  EXPECT_EQ(mail.state, MailState::kFailed);
  EXPECT_EQ(mail.problem, MailProblem::kUnreachable);
  EXPECT_FALSE(mail.handed);

  // The network admin sees the network's own mail only; the other organisation its own.
  const auto network = Page(network_admin_);
  EXPECT_TRUE(network.network);
  ASSERT_EQ(network.mails.size(), 1u);
  EXPECT_EQ(network.mails[0].recipient, "reseau@network.example");
  const auto other = Page(b_.admin);
  ASSERT_EQ(other.mails.size(), 1u);
  EXPECT_EQ(other.mails[0].recipient, "carole@quebec.example");
}

TEST_P(AppMail, ShowsMailStillTriedHeldByAStoppedSenderOrUnconfirmed) {
  const auto retrying = mail_.QueueFailed(a_.id, "alice@montreal.example", kSubject, 8);
  const auto held = mail_.Queue(a_.id, "bruno@montreal.example", kSubject);
  mail_.HoldAsIfSenderStopped(held, false);
  const auto handed = mail_.Queue(a_.id, "carole@montreal.example", kSubject);
  mail_.HoldAsIfSenderStopped(handed, true);

  auto page = Page(a_.admin);
  ASSERT_EQ(page.total, 3);
  EXPECT_EQ(page.failed, 0);
  std::map<std::int64_t, notify::UndeliveredMail> by_id;
  for (const auto& mail : page.mails) by_id[mail.id] = mail;
  EXPECT_EQ(by_id[retrying].state, MailState::kRetrying);
  EXPECT_EQ(by_id[retrying].problem, MailProblem::kUnreachable);
  ASSERT_TRUE(by_id[retrying].next_attempt_at);
  EXPECT_GT(*by_id[retrying].next_attempt_at, server_.clock().Now());
  EXPECT_EQ(by_id[held].state, MailState::kHeld);
  EXPECT_FALSE(by_id[held].handed);
  EXPECT_EQ(by_id[handed].state, MailState::kHeld);
  EXPECT_TRUE(by_id[handed].handed);

  // The next pass of a sender marks the handed mail sent, unconfirmed: it stays listed, and is
  // never sent again.
  mail_.RunUnreachableSender();
  EXPECT_EQ(mail_.StateOf(handed), MailState::kUnconfirmed);
  page = Page(a_.admin);
  by_id.clear();
  for (const auto& mail : page.mails) by_id[mail.id] = mail;
  ASSERT_TRUE(by_id.contains(handed));
  EXPECT_EQ(by_id[handed].state, MailState::kUnconfirmed);
  EXPECT_EQ(by_id[handed].problem, MailProblem::kSenderStopped);
  const auto refused = app::admin::RetryMail(app(), ActorOf(a_.admin), handed);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_NE(refused.error().message.id.find("may have arrived"), std::string::npos);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry"), 0u);
}

TEST_P(AppMail, RetryMakesAFailedMailDeliverableAgainAndTheServerReceivesIt) {
  const auto id = mail_.QueueFailed(a_.id, "alice@montreal.example", kSubject);
  EXPECT_EQ(server_.runtime().mail_sender().DeliverDue(), 0) << "a given-up mail is not sent";

  const auto retried = app::admin::RetryMail(app(), ActorOf(a_.admin), id);
  ASSERT_TRUE(retried) << retried.error().message.id;
  EXPECT_EQ(*retried, id);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry", a_.admin.id), 1u);
  EXPECT_EQ(mail_.StateOf(id), MailState::kWaiting);
  EXPECT_EQ(Page(a_.admin).total, 0);

  EXPECT_EQ(server_.runtime().mail_sender().DeliverDue(), 1);
  const auto received = sink_.WaitFor(1, 10s);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].envelope_to, "alice@montreal.example");
  EXPECT_EQ(received[0].subject, kSubject);
  EXPECT_EQ(mail_.StateOf(id), MailState::kSent);

  // Sent now: sending it again is refused, and says why.
  const auto again = app::admin::RetryMail(app(), ActorOf(a_.admin), id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(again.error().message.id, "This mail was sent already.");
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry"), 1u);
}

TEST_P(AppMail, TheNetworkAdminSendsTheNetworksOwnMailAgain) {
  const auto id = mail_.QueueFailed(std::nullopt, "reseau@network.example", kSubject);
  const auto retried = app::admin::RetryMail(app(), ActorOf(network_admin_), id);
  ASSERT_TRUE(retried) << retried.error().message.id;
  EXPECT_EQ(fixture_.CountAuditEntries(std::nullopt, "mail.retry", network_admin_.id), 1u);
  EXPECT_EQ(server_.runtime().mail_sender().DeliverDue(), 1);
  EXPECT_EQ(sink_.WaitFor(1, 10s).size(), 1u);
}

TEST_P(AppMail, AnotherOwnersMailIsNotFoundAndStaysFailed) {
  const auto of_a = mail_.QueueFailed(a_.id, "alice@montreal.example", kSubject);
  const auto of_network = mail_.QueueFailed(std::nullopt, "reseau@network.example", kSubject);
  const std::vector<std::pair<const TestUser*, std::int64_t>> attempts = {
      {&b_.admin, of_a}, {&network_admin_, of_a}, {&a_.admin, of_network}, {&b_.admin, of_network}};
  for (const auto& [user, id] : attempts) {
    const auto refused = app::admin::RetryMail(app(), ActorOf(*user), id);
    ASSERT_FALSE(refused) << user->email;
    EXPECT_EQ(refused.error().kind, ErrorKind::kNotFound) << user->email;
  }
  const auto missing = app::admin::RetryMail(app(), ActorOf(a_.admin), 987654321);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(mail_.StateOf(of_a), MailState::kFailed);
  EXPECT_EQ(mail_.StateOf(of_network), MailState::kFailed);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry"), 0u);
  EXPECT_EQ(fixture_.CountAuditEntries(b_.id, "mail.retry"), 0u);
  EXPECT_EQ(fixture_.CountAuditEntries(std::nullopt, "mail.retry"), 0u);
}

TEST_P(AppMail, OnlyAdministratorsMayReviewMail) {
  const auto id = mail_.QueueFailed(a_.id, "alice@montreal.example", kSubject);
  for (const auto* user : {&a_.coordinator, &a_.volunteer, &a_.partner, &a_.evaluator}) {
    const auto actor = ActorOf(*user);
    const auto page = app::admin::LoadMailPage(app(), actor, {});
    ASSERT_FALSE(page) << user->email;
    EXPECT_EQ(page.error().kind, ErrorKind::kForbidden) << user->email;
    const auto retried = app::admin::RetryMail(app(), actor, id);
    ASSERT_FALSE(retried) << user->email;
    EXPECT_EQ(retried.error().kind, ErrorKind::kForbidden) << user->email;
    const auto all = app::admin::RetryFailedMail(app(), actor);
    ASSERT_FALSE(all) << user->email;
    EXPECT_EQ(all.error().kind, ErrorKind::kForbidden) << user->email;
    EXPECT_FALSE(app::admin::CountRecentlyFailedMail(app(), actor)) << user->email;
  }
  EXPECT_EQ(mail_.StateOf(id), MailState::kFailed);
}

TEST_P(AppMail, RetryAllSendsEveryFailedMailOfTheOrganisationOnly) {
  mail_.QueueFailed(a_.id, "alice@montreal.example", kSubject);
  mail_.QueueFailed(a_.id, "bruno@montreal.example", kSubject);
  const auto of_b = mail_.QueueFailed(b_.id, "carole@quebec.example", kSubject);
  ASSERT_EQ(app::admin::CountFailedMail(app(), ActorOf(a_.admin)).value(), 2);

  const auto retried = app::admin::RetryFailedMail(app(), ActorOf(a_.admin));
  ASSERT_TRUE(retried) << retried.error().message.id;
  EXPECT_EQ(*retried, 2);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry", a_.admin.id), 2u);
  EXPECT_EQ(app::admin::CountFailedMail(app(), ActorOf(a_.admin)).value(), 0);
  EXPECT_EQ(mail_.StateOf(of_b), MailState::kFailed);

  EXPECT_EQ(server_.runtime().mail_sender().DeliverDue(), 2);
  const auto received = sink_.WaitFor(2, 10s);
  ASSERT_EQ(received.size(), 2u);
  std::set<std::string> recipients;
  for (const auto& mail : received) recipients.insert(mail.envelope_to);
  EXPECT_EQ(recipients,
            (std::set<std::string>{"alice@montreal.example", "bruno@montreal.example"}));
  // Nothing failed is left: sending all again sends nothing and records nothing.
  EXPECT_EQ(app::admin::RetryFailedMail(app(), ActorOf(a_.admin)).value(), 0);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry"), 2u);
}

TEST_P(AppMail, TheHomePageCountsMailGivenUpInTheLastThirtyDays) {
  mail_.QueueFailed(a_.id, "alice@montreal.example", kSubject);
  mail_.QueueFailed(a_.id, "bruno@montreal.example", kSubject);
  EXPECT_EQ(app::admin::CountRecentlyFailedMail(app(), ActorOf(a_.admin)).value(), 2);
  EXPECT_EQ(app::admin::CountRecentlyFailedMail(app(), ActorOf(b_.admin)).value(), 0);
  EXPECT_EQ(app::admin::CountRecentlyFailedMail(app(), ActorOf(network_admin_)).value(), 0);
  server_.clock().Advance(std::chrono::days(app::admin::kRecentFailureDays) + 1h);
  EXPECT_EQ(app::admin::CountRecentlyFailedMail(app(), ActorOf(a_.admin)).value(), 0);
  EXPECT_EQ(Page(a_.admin).total, 2) << "older failures stay on the mail page";
}

TEST_P(AppMail, SaysWhenNoMailServerIsConfigured) {
  TestServer unconfigured({.backend = GetParam(), .listen = false});
  AuthFixture fixture(unconfigured);
  const auto organisation =
      fixture.CreateOrganisationWithEveryRole("Cercles Laval (essai)", "laval");
  const auto page = app::admin::LoadMailPage(unconfigured.app(), ActorOf(organisation.admin), {});
  ASSERT_TRUE(page);
  EXPECT_FALSE(page->sending_configured);
  EXPECT_TRUE(page->mails.empty());
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppMail, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppMail, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
