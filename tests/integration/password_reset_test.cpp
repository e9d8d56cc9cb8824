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

  // Sends the outbox, expecting `count` mails, and returns every message the SMTP server received.
  std::vector<ReceivedMail> Deliver(int count) {
    EXPECT_EQ(server_.runtime().mail_sender().DeliverDue(), count);
    return sink_.WaitFor(static_cast<std::size_t>(count), 10s);
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

INSTANTIATE_TEST_SUITE_P(Sqlite, PasswordReset, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, PasswordReset, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
