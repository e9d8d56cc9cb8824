// Resetting a forgotten password over a real socket, with the mail received by a real SMTP server
// (tests/support/smtp_sink.py), on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <regex>

#include "support/auth_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kNewPassword = "une autre phrase assez longue";
constexpr const char* kOtherPassword = "encore une phrase bien longue";
constexpr const char* kUnknownEmail = "personne@montreal.example";

// True when `result` sends a signed-out visitor to the sign-in page.
bool SentToSignIn(const HttpResult& result) {
  const std::string location = result.Header("location");
  return result.status == 303 && (location == "/login" || location.starts_with("/login?"));
}

class PasswordReset : public ::testing::TestWithParam<Backend> {
 protected:
  PasswordReset() {
    organisation_ =
        fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
  }

  // Asks for a reset link for `email` from a new browser; returns the page shown.
  HttpResult AskForLink(const std::string& email) {
    HttpClient client(server_.base_url());
    return client.PostForm("/password/forgot", {{"email", email}}, "/password/forgot");
  }

  // Runs the queued reset requests (the scheduler's job), then sends the outbox, expecting `count`
  // mails, and returns every message the SMTP server received.
  std::vector<ReceivedMail> Deliver(int count, std::size_t earlier = 0) {
    server_.runtime().scheduler().RunOnce();
    EXPECT_EQ(server_.runtime().mail_sender().DeliverDue(), count);
    return sink_.WaitFor(earlier + static_cast<std::size_t>(count), 10s);
  }

  // Asks for a link for the volunteer and returns the path of the link mailed, after `earlier`
  // mails.
  std::string NewLinkPath(std::size_t earlier) {
    EXPECT_EQ(AskForLink(organisation_.volunteer.email).status, 200);
    const auto mails = Deliver(1, earlier);
    if (mails.size() != earlier + 1) return "";
    return LinkPath(mails.back());
  }

  // The path and query of the reset link to this server in `mail`, or "".
  std::string LinkPath(const ReceivedMail& mail) {
    const std::string start = server_.base_url() + "/password/reset?token=";
    const auto at = mail.body.find(start);
    if (at == std::string::npos) return "";
    const auto end = mail.body.find_first_not_of(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", at + start.size());
    return mail.body.substr(at + server_.base_url().size(), end - at - server_.base_url().size());
  }

  // Posts a new password through the link at `path`.
  HttpResult Reset(const std::string& path, const std::string& password) {
    HttpClient client(server_.base_url());
    const std::string token = path.substr(path.find("token=") + 6);
    return client.PostForm("/password/reset", {{"token", token}, {"password", password}}, path);
  }

  // Tries to sign in as the volunteer with `password` from a new browser; returns the status.
  int SignInStatus(std::string_view password) {
    HttpClient client(server_.base_url());
    return SubmitSignIn(client, organisation_.volunteer.email, password).status;
  }

  SmtpSink sink_;
  TestServer server_{TestServer::Options{
      GetParam(), [this](config::Config& config) { config.mail.smtp_url = sink_.url(); }}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_;
};

TEST_P(PasswordReset, TheMailedLinkWorksOnceAndEndsEverySession) {
  HttpClient signed_in(server_.base_url());
  ASSERT_EQ(fixture_.SignInThroughPages(signed_in, organisation_.volunteer).status, 303);
  EXPECT_EQ(AskForLink(organisation_.volunteer.email).status, 200);

  const auto mails = Deliver(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].envelope_to, organisation_.volunteer.email);
  const std::string path = LinkPath(mails[0]);
  ASSERT_FALSE(path.empty()) << mails[0].body;
  // The mail names no one: not the person, not the address, not the organisation.
  const std::string text = std::regex_replace(mails[0].body, std::regex("http://[^\\s]+"), "LINK");
  for (const std::string& name :
       {organisation_.volunteer.display_name, std::string("Bastien"), organisation_.volunteer.email,
        organisation_.name, std::string("Montréal")}) {
    EXPECT_EQ(text.find(name), std::string::npos) << "the mail names " << name << ":\n"
                                                  << mails[0].body;
  }

  HttpClient visitor(server_.base_url());
  EXPECT_EQ(visitor.Get(path).status, 200);
  EXPECT_EQ(Reset(path, kNewPassword).status, 200);
  EXPECT_TRUE(SentToSignIn(signed_in.Get("/account"))) << "a session outlived the reset";
  EXPECT_EQ(SignInStatus(kTestPassword), 401);
  EXPECT_EQ(SignInStatus(kNewPassword), 303);

  // The second use is refused and changes nothing.
  const std::string before = fixture_.Snapshot();
  EXPECT_EQ(Reset(path, kOtherPassword).status, 410);
  EXPECT_EQ(fixture_.Snapshot(), before);
  EXPECT_EQ(visitor.Get(path).status, 410);
  EXPECT_EQ(SignInStatus(kOtherPassword), 401);
}

TEST_P(PasswordReset, ALinkOlderThanAnHourIsRefused) {
  ASSERT_EQ(AskForLink(organisation_.volunteer.email).status, 200);
  const auto mails = Deliver(1);
  ASSERT_EQ(mails.size(), 1u);
  const std::string path = LinkPath(mails[0]);
  ASSERT_FALSE(path.empty());
  HttpClient visitor(server_.base_url());

  server_.clock().Advance(1h - 1s);
  EXPECT_EQ(visitor.Get(path).status, 200);
  server_.clock().Advance(1s);
  EXPECT_EQ(visitor.Get(path).status, 410);
  const std::string before = fixture_.Snapshot();
  EXPECT_EQ(Reset(path, kNewPassword).status, 410);
  EXPECT_EQ(fixture_.Snapshot(), before);
  EXPECT_EQ(SignInStatus(kTestPassword), 303);
}

TEST_P(PasswordReset, AnUnknownOrDeactivatedAddressGetsTheSamePageAndNoMail) {
  fixture_.Deactivate(organisation_.evaluator);
  const auto known = AskForLink(organisation_.volunteer.email);
  const auto unknown = AskForLink(kUnknownEmail);
  const auto deactivated = AskForLink(organisation_.evaluator.email);
  EXPECT_EQ(known.status, 200);
  EXPECT_EQ(unknown.status, known.status);
  EXPECT_EQ(deactivated.status, known.status);
  const std::string page = ComparablePage(known.body, {organisation_.volunteer.email});
  EXPECT_EQ(ComparablePage(unknown.body, {kUnknownEmail}), page);
  EXPECT_EQ(ComparablePage(deactivated.body, {organisation_.evaluator.email}), page);

  const auto mails = Deliver(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].envelope_to, organisation_.volunteer.email);
  EXPECT_EQ(sink_.WaitFor(2, 300ms).size(), 1u);
  EXPECT_EQ(fixture_.CountRows("outbox"), 1);
}

TEST_P(PasswordReset, ANewerLinkEndsEveryOlderOne) {
  const std::string first = NewLinkPath(0);
  const std::string second = NewLinkPath(1);
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  ASSERT_NE(first, second);
  HttpClient visitor(server_.base_url());
  EXPECT_EQ(visitor.Get(first).status, 410)
      << "the older link still works once a newer one was sent";
  const std::string before = fixture_.Snapshot();
  EXPECT_EQ(Reset(first, kNewPassword).status, 410);
  EXPECT_EQ(fixture_.Snapshot(), before);

  // Using the newest link leaves no link alive either.
  const std::string third = NewLinkPath(2);
  ASSERT_FALSE(third.empty());
  EXPECT_EQ(Reset(third, kNewPassword).status, 200);
  EXPECT_EQ(Reset(second, kOtherPassword).status, 410);
  EXPECT_EQ(SignInStatus(kOtherPassword), 401);
  EXPECT_EQ(SignInStatus(kNewPassword), 303);
}

TEST_P(PasswordReset, ChangingThePasswordOnTheAccountPageEndsEveryLink) {
  const std::string path = NewLinkPath(0);
  ASSERT_FALSE(path.empty());
  HttpClient signed_in(server_.base_url());
  ASSERT_EQ(fixture_.SignInThroughPages(signed_in, organisation_.volunteer).status, 303);
  const auto changed = signed_in.PostForm(
      "/account/password", {{"current", std::string(kTestPassword)}, {"password", kNewPassword}},
      "/account/password");
  ASSERT_EQ(changed.status, 200);
  ASSERT_NE(changed.body.find("Votre mot de passe est changé"), std::string::npos) << changed.body;

  HttpClient visitor(server_.base_url());
  EXPECT_EQ(visitor.Get(path).status, 410);
  EXPECT_EQ(Reset(path, kOtherPassword).status, 410);
  EXPECT_EQ(SignInStatus(kOtherPassword), 401);
  EXPECT_EQ(SignInStatus(kNewPassword), 303);
}

TEST_P(PasswordReset, TheFourthRequestOfAnHourForOneAddressSendsNothingAndLooksTheSame) {
  std::vector<HttpResult> answers;
  for (int i = 0; i < 4; ++i) answers.push_back(AskForLink(organisation_.volunteer.email));
  for (const auto& answer : answers) {
    EXPECT_EQ(answer.status, answers[0].status);
    EXPECT_EQ(ComparablePage(answer.body), ComparablePage(answers[0].body));
  }
  const auto mails = Deliver(3);
  EXPECT_EQ(mails.size(), 3u);
  EXPECT_EQ(sink_.WaitFor(4, 300ms).size(), 3u) << "a fourth mail went out";
  EXPECT_EQ(fixture_.CountAuditEntries(std::nullopt, "auth.password_reset_throttled"), 1u);

  // An hour later the address may ask again.
  server_.clock().Advance(1h + 1s);
  EXPECT_EQ(AskForLink(organisation_.volunteer.email).status, 200);
  EXPECT_EQ(Deliver(1, 3).size(), 4u);
}

TEST_P(PasswordReset, OneClientIsThrottledAcrossAddresses) {
  // Ten requests from one client (the default limit) for unknown addresses, then one for a real
  // account: the eleventh is not queued, so no mail.
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(AskForLink("inconnu" + std::to_string(i) + "@montreal.example").status, 200);
  }
  EXPECT_EQ(AskForLink(organisation_.volunteer.email).status, 200);
  server_.runtime().scheduler().RunOnce();
  EXPECT_EQ(server_.runtime().mail_sender().DeliverDue(), 0);
  EXPECT_EQ(fixture_.CountRows("outbox"), 0);
}

TEST_P(PasswordReset, TheAnswerLooksUpNoAccountTheQueuedWorkDoes) {
  // Timing is argued by construction, not measured (tests never assert on timing): the page only
  // counts and queues the request, the same two queries and one insert for any address, and the
  // work that differs for a known address (the account, the link, the mail) happens afterwards on
  // the scheduler's thread. So right after the answer there is no link and no mail, for either
  // address.
  const auto known = AskForLink(organisation_.volunteer.email);
  const auto unknown = AskForLink(kUnknownEmail);
  EXPECT_EQ(known.status, 200);
  EXPECT_EQ(unknown.status, known.status);
  EXPECT_EQ(ComparablePage(unknown.body), ComparablePage(known.body));
  EXPECT_EQ(fixture_.CountRows("one_time_tokens"), 0);
  EXPECT_EQ(fixture_.CountRows("outbox"), 0);
  EXPECT_EQ(fixture_.CountRows("password_reset_requests"), 2);

  EXPECT_EQ(server_.runtime().scheduler().RunOnce(), 1);
  EXPECT_EQ(fixture_.CountRows("one_time_tokens"), 1);
  EXPECT_EQ(fixture_.CountRows("outbox"), 1);
  const auto mails = Deliver(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].envelope_to, organisation_.volunteer.email);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PasswordReset, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, PasswordReset, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
