// The administrators' page of the mail that did not go (/admin/mail) over a real socket, on SQLite
// and on PostgreSQL: it lists a failed mail, sends it again to a real SMTP server
// (tests/support/smtp_sink.py) from a form with its CSRF token, asks before sending every failed
// mail again, and the home page counts the failures.
#include <gtest/gtest.h>

#include "notify/undelivered_mail.hpp"
#include "support/auth_fixture.hpp"
#include "support/mail_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;
using notify::MailState;

constexpr const char* kRecipient = "alice@montreal.example";
constexpr const char* kSubject = "Quelque chose vous attend dans Cercle";

class MailPages : public ::testing::TestWithParam<Backend> {
 protected:
  MailPages() {
    a_ = fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    admin_ = fixture_.SignedInClient(a_.admin);
    // In English, so that the test reads the messages' own words.
    const auto switched = admin_->PostForm("/account/language", {{"language", "en"}}, "/account");
    if (switched.status != 303) throw std::runtime_error("cannot switch to English");
  }

  SmtpSink sink_;
  TestServer server_{TestServer::Options{
      GetParam(), [this](config::Config& config) { config.mail.smtp_url = sink_.url(); }}};
  AuthFixture fixture_{server_};
  MailFixture mail_{server_};
  TestOrganisation a_;
  std::unique_ptr<HttpClient> admin_;
};

TEST_P(MailPages, ListsAFailedMailAndSendsItAgain) {
  const auto empty = admin_->Get("/admin/mail");
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("No mail waiting or failed."), std::string::npos);
  EXPECT_EQ(admin_->Get("/").body.find("Mail that could not be sent:"), std::string::npos);

  const auto id = mail_.QueueFailed(a_.id, kRecipient, kSubject);
  const std::string action = "/admin/mail/" + std::to_string(id) + "/retry";
  const auto page = admin_->Get("/admin/mail");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(kRecipient), std::string::npos);
  EXPECT_NE(page.body.find(kSubject), std::string::npos);
  EXPECT_NE(page.body.find("Failed: given up"), std::string::npos);
  EXPECT_NE(page.body.find("Mail server unreachable"), std::string::npos);
  EXPECT_NE(page.body.find("action=\"" + action + "\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin/mail/retry\""), std::string::npos);
  const auto home = admin_->Get("/");
  EXPECT_NE(home.body.find("Mail that could not be sent: 1."), std::string::npos) << home.body;

  const auto retried = admin_->PostForm(action, {}, "/admin/mail");
  EXPECT_EQ(retried.status, 303);
  EXPECT_EQ(retried.Header("location"), "/admin/mail?sent_again=1");
  const auto after = admin_->Get("/admin/mail?sent_again=1");
  EXPECT_NE(after.body.find("The mail will be sent again in a moment."), std::string::npos);
  EXPECT_NE(after.body.find("No mail waiting or failed."), std::string::npos);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry", a_.admin.id), 1u);

  EXPECT_EQ(server_.runtime().mail_sender().DeliverDue(), 1);
  const auto received = sink_.WaitFor(1, 10s);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].envelope_to, kRecipient);

  // Sent now: the same form is refused with its reason, and nothing is recorded.
  const auto again = admin_->PostForm(action, {}, "/admin/mail");
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("This mail was sent already."), std::string::npos);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry"), 1u);
}

TEST_P(MailPages, ARetryWithoutItsCsrfTokenIsRefusedAndChangesNothing) {
  const auto id = mail_.QueueFailed(a_.id, kRecipient, kSubject);
  const std::string action = "/admin/mail/" + std::to_string(id) + "/retry";
  EXPECT_EQ(admin_->Post(action, "").status, 403);
  EXPECT_EQ(admin_->Post(action, "csrf=" + std::string(64, '0')).status, 403);
  EXPECT_EQ(admin_->Post("/admin/mail/retry", "confirm=yes").status, 403);
  EXPECT_EQ(mail_.StateOf(id), MailState::kFailed);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry"), 0u);
}

TEST_P(MailPages, SendingEveryFailedMailAgainAsksFirst) {
  const auto first = mail_.QueueFailed(a_.id, kRecipient, kSubject);
  const auto second = mail_.QueueFailed(a_.id, "bruno@montreal.example", kSubject);

  const auto confirmation = admin_->Get("/admin/mail/retry");
  EXPECT_EQ(confirmation.status, 200);
  EXPECT_NE(confirmation.body.find("Failed mails to send again: 2"), std::string::npos);
  EXPECT_NE(confirmation.body.find("name=\"confirm\" value=\"yes\""), std::string::npos);
  // Without the confirmation the post only asks again.
  const auto unconfirmed = admin_->PostForm("/admin/mail/retry", {}, "/admin/mail/retry");
  EXPECT_EQ(unconfirmed.status, 200);
  EXPECT_NE(unconfirmed.body.find("Failed mails to send again: 2"), std::string::npos);
  EXPECT_EQ(mail_.StateOf(first), MailState::kFailed);

  const auto sent =
      admin_->PostForm("/admin/mail/retry", {{"confirm", "yes"}}, "/admin/mail/retry");
  EXPECT_EQ(sent.status, 303);
  EXPECT_EQ(sent.Header("location"), "/admin/mail?sent_again_all=2");
  EXPECT_NE(
      admin_->Get(sent.Header("location")).body.find("Mails to be sent again in a moment: 2."),
      std::string::npos);
  EXPECT_EQ(mail_.StateOf(first), MailState::kWaiting);
  EXPECT_EQ(mail_.StateOf(second), MailState::kWaiting);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "mail.retry"), 2u);
  EXPECT_NE(admin_->Get("/admin/mail/retry").body.find("No failed mail to send again."),
            std::string::npos);
}

TEST_P(MailPages, OnlyAdministratorsSeeTheCountOnTheirHomePage) {
  mail_.QueueFailed(a_.id, kRecipient, kSubject);
  auto coordinator = fixture_.SignedInClient(a_.coordinator);
  const auto home = coordinator->Get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_EQ(home.body.find("/admin/mail"), std::string::npos);
  EXPECT_EQ(coordinator->Get("/admin/mail").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, MailPages, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, MailPages, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
