// Signing in over a real socket, on SQLite and on PostgreSQL: two-step verification (enrolment,
// codes that work once, recovery codes) and the throttling of failed attempts, whose failures all
// look alike.
#include <gtest/gtest.h>

#include <regex>

#include "auth/totp.hpp"
#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "web/cookies.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

const std::string kSession(web::kSessionCookie);
constexpr const char* kWrongPassword = "pas le bon mot de passe";

class TwoFactorSignIn : public ::testing::TestWithParam<Backend> {
 protected:
  TwoFactorSignIn() {
    organisation_ =
        fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
  }

  // Posts `code` on the second sign-in step.
  HttpResult SendCode(HttpClient& client, const std::string& code) {
    return client.Post("/login/two-factor", "csrf=" + client.CsrfToken("/login/two-factor") +
                                                "&code=" + web::PercentEncode(code));
  }

  // Signs out, then gives the password again: the session waits for a code.
  void RestartSignIn(HttpClient& client) {
    client.Post("/logout", "csrf=" + client.CsrfToken("/"));
    ASSERT_EQ(
        SubmitSignIn(client, organisation_.coordinator.email, kTestPassword).Header("location"),
        "/login/two-factor");
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_;
};

TEST_P(TwoFactorSignIn, ACoordinatorMustEnrolAfterThePassword) {
  HttpClient client(server_.base_url());
  const auto password = SubmitSignIn(client, organisation_.coordinator.email, kTestPassword);
  EXPECT_EQ(password.status, 303);
  EXPECT_EQ(password.Header("location"), "/account/two-factor");
  EXPECT_EQ(client.Get("/account").Header("location"), "/account/two-factor")
      << "enrolment can be skipped";
  EXPECT_EQ(client.Get("/admin/users").Header("location"), "/account/two-factor");
  HttpClient volunteer(server_.base_url());
  EXPECT_EQ(
      SubmitSignIn(volunteer, organisation_.volunteer.email, kTestPassword).Header("location"), "/")
      << "two-step verification is offered to volunteers, not required";
}

TEST_P(TwoFactorSignIn, EnrolmentCompletesTheSessionAndCodesWorkOnce) {
  HttpClient client(server_.base_url());
  const auto password = SubmitSignIn(client, organisation_.coordinator.email, kTestPassword);
  ASSERT_EQ(password.Header("location"), "/account/two-factor");
  const auto enrolment_token = SetCookieValue(password, kSession);

  // Enrolment with a code computed from the key the page shows.
  const auto setup = client.Get("/account/two-factor");
  ASSERT_EQ(setup.status, 200);
  const std::string secret =
      DecodeBase32(TextBetween(setup.body, "<span class=\"secret\">", "</span>"));
  const std::string sealed = TextBetween(setup.body, "name=\"sealed\" value=\"", "\"");
  ASSERT_EQ(secret.size(), 20u);
  ASSERT_FALSE(sealed.empty());
  const std::string csrf = "csrf=" + TextBetween(setup.body, "name=\"csrf\" value=\"", "\"");
  EXPECT_EQ(client.Post("/account/two-factor", csrf + "&sealed=" + sealed + "&code=000000").status,
            422);
  const auto confirmed = client.Post(
      "/account/two-factor",
      csrf + "&sealed=" + sealed + "&code=" + auth::totp::CodeAt(secret, server_.clock().Now()));
  ASSERT_EQ(confirmed.status, 200);
  const std::regex code_item("<li>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</li>");
  std::vector<std::string> recovery_codes;
  for (std::sregex_iterator it(confirmed.body.begin(), confirmed.body.end(), code_item), end;
       it != end; ++it) {
    recovery_codes.push_back((*it)[1]);
  }
  ASSERT_EQ(recovery_codes.size(), 10u);
  const auto full_token = SetCookieValue(confirmed, kSession);
  ASSERT_TRUE(full_token && !full_token->empty());
  EXPECT_NE(full_token, enrolment_token);
  EXPECT_EQ(client.Get("/account").status, 200);
  EXPECT_TRUE(fixture_.StoredUser(organisation_.coordinator).totp_enrolled_at);

  // The next sign-in asks for a code.
  server_.clock().Advance(30s);
  RestartSignIn(client);
  EXPECT_EQ(client.Get("/account").Header("location"), "/login/two-factor");
  const std::string code = auth::totp::CodeAt(secret, server_.clock().Now());
  const auto accepted = SendCode(client, code);
  EXPECT_EQ(accepted.status, 303);
  EXPECT_EQ(accepted.Header("location"), "/");
  EXPECT_EQ(client.Get("/account").status, 200);

  // The same code, in a fresh sign-in within its 30 seconds, is refused.
  RestartSignIn(client);
  const auto replayed = SendCode(client, code);
  EXPECT_EQ(replayed.status, 422);
  EXPECT_EQ(client.Get("/account").Header("location"), "/login/two-factor");

  // A recovery code works once.
  EXPECT_EQ(SendCode(client, recovery_codes[0]).Header("location"), "/");
  EXPECT_EQ(client.Get("/account").status, 200);
  RestartSignIn(client);
  EXPECT_EQ(SendCode(client, recovery_codes[0]).status, 422) << "a recovery code worked twice";
  EXPECT_EQ(client.Get("/account").Header("location"), "/login/two-factor");
  EXPECT_EQ(SendCode(client, recovery_codes[1]).Header("location"), "/");
  EXPECT_EQ(fixture_.CountAuditEntries(organisation_.id, "auth.second_factor_failed",
                                       organisation_.coordinator.id),
            2u);
}

class SignInThrottling : public ::testing::TestWithParam<Backend> {
 protected:
  SignInThrottling() {
    organisation_ =
        fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
  }

  // One sign-in attempt, from a new browser at client address `address`.
  HttpResult Attempt(const std::string& email, std::string_view password,
                     const std::string& address) {
    HttpClient client(server_.base_url());
    return SubmitSignIn(client, email, password, {{"X-Forwarded-For", address}});
  }

  static void Configure(config::Config& config) { config.server.trust_forwarded_for = true; }

  TestServer server_{TestServer::Options{GetParam(), Configure}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_;
};

TEST_P(SignInThrottling, AHundredFailuresInAnHourLockTheAccountUntilTheHourPasses) {
  const std::string email = organisation_.volunteer.email;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string address = "198.51.100." + std::to_string(attempt + 1);
    ASSERT_EQ(Attempt(email, kWrongPassword, address).status, 401) << "attempt " << attempt + 1;
  }
  const auto refused = Attempt(email, kTestPassword, "203.0.113.7");
  EXPECT_EQ(refused.status, 429) << "the right password got past the limit";
  EXPECT_FALSE(SetCookieValue(refused, kSession)) << "a session started";
  EXPECT_EQ(Attempt("  BENEVOLE@montreal.example ", kTestPassword, "203.0.113.8").status, 429)
      << "another spelling of the address escapes the limit";
  EXPECT_EQ(fixture_.CountAuditEntries(organisation_.id, "auth.login_throttled",
                                       organisation_.volunteer.id),
            2u);

  server_.clock().Advance(1h);
  const auto later = Attempt(email, kTestPassword, "203.0.113.9");
  EXPECT_EQ(later.status, 303);
  EXPECT_EQ(later.Header("location"), "/");
}

TEST_P(SignInThrottling, EveryFailureLooksTheSame) {
  fixture_.Deactivate(organisation_.evaluator);
  const auto unknown = Attempt("personne@montreal.example", kTestPassword, "198.51.100.1");
  const auto wrong = Attempt(organisation_.volunteer.email, kWrongPassword, "198.51.100.2");
  const auto deactivated = Attempt(organisation_.evaluator.email, kTestPassword, "198.51.100.3");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(deactivated.status, 401);
  const std::string page = ComparablePage(wrong.body, {organisation_.volunteer.email});
  EXPECT_EQ(ComparablePage(unknown.body, {"personne@montreal.example"}), page);
  EXPECT_EQ(ComparablePage(deactivated.body, {organisation_.evaluator.email}), page);
  EXPECT_FALSE(SetCookieValue(deactivated, kSession));
}

TEST_P(SignInThrottling, AnUnknownAddressIsThrottledLikeAKnownOne) {
  // A low limit, so that both addresses reach it quickly: the refusal must not tell which one
  // exists.
  TestServer server(TestServer::Options{GetParam(), [](config::Config& config) {
                                          Configure(config);
                                          config.auth.max_failures_per_hour = 3;
                                        }});
  AuthFixture fixture(server);
  const auto known = fixture.CreateUser(std::nullopt, "Hector Réseau", "reseau@network.example",
                                        {domain::Role::kNetworkAdmin});
  const std::string unknown = "personne@network.example";
  std::map<std::string, HttpResult> refusals;
  for (const std::string& email : {known.email, unknown}) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      HttpClient client(server.base_url());
      ASSERT_EQ(SubmitSignIn(client, email, kWrongPassword,
                             {{"X-Forwarded-For", "198.51.100." + std::to_string(attempt + 1)}})
                    .status,
                401);
    }
    HttpClient client(server.base_url());
    refusals[email] =
        SubmitSignIn(client, email, kTestPassword, {{"X-Forwarded-For", "203.0.113.1"}});
  }
  EXPECT_EQ(refusals[known.email].status, 429);
  EXPECT_EQ(refusals[unknown].status, 429);
  EXPECT_EQ(ComparablePage(refusals[known.email].body, {known.email}),
            ComparablePage(refusals[unknown].body, {unknown}));
}

TEST_P(SignInThrottling, AnAddressThatKeepsFailingWaitsBeforeItsNextAttempt) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    ASSERT_EQ(Attempt("personne" + std::to_string(attempt) + "@montreal.example", kWrongPassword,
                      "198.51.100.1")
                  .status,
              401);
  }
  EXPECT_EQ(Attempt(organisation_.volunteer.email, kTestPassword, "198.51.100.1").status, 429);
  EXPECT_EQ(Attempt(organisation_.volunteer.email, kTestPassword, "198.51.100.2").status, 303)
      << "another address is not slowed down";
  server_.clock().Advance(1s);
  EXPECT_EQ(Attempt(organisation_.evaluator.email, kTestPassword, "198.51.100.1").status, 303);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, TwoFactorSignIn, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, TwoFactorSignIn, ::testing::Values(Backend::kPostgres));
INSTANTIATE_TEST_SUITE_P(Sqlite, SignInThrottling, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, SignInThrottling, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
