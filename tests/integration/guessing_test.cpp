// Secrets entered by someone already half or fully signed in — the second factor, the step-up, the
// current password — are limited like sign-in itself, and a working two-step set-up is only
// replaced after a step-up.
#include <gtest/gtest.h>

#include "auth/totp.hpp"
#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "web/cookies.hpp"

namespace cercle::testing {
namespace {

class SecretGuessing : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    organisation_ = fixture_.CreateOrganisationWithEveryRole("Cercles Essai", "essai");
  }
  TestServer server_{{.backend = GetParam()}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_;
};

TEST_P(SecretGuessing, TenWrongCodesEndTheHalfSignedInSession) {
  const auto secret = fixture_.EnrolTotp(organisation_.coordinator);
  HttpClient client(server_.base_url());
  ASSERT_EQ(SubmitSignIn(client, organisation_.coordinator.email, kTestPassword).Header("location"),
            "/login/two-factor");
  const auto sessions = fixture_.SessionIds(organisation_.coordinator.id);
  ASSERT_EQ(sessions.size(), 1u);
  int refused = 0;
  HttpResult last;
  for (int attempt = 0; attempt < 10; ++attempt) {
    last = client.PostForm("/login/two-factor", {{"code", "000000"}}, "/login/two-factor");
    if (last.status == 422) ++refused;
  }
  EXPECT_EQ(refused, 9) << "nine refusals, then the session ends";
  EXPECT_EQ(last.status, 429);
  EXPECT_FALSE(fixture_.SessionExists(sessions[0]));
  EXPECT_EQ(client.Get("/login/two-factor").Header("location"), "/login");
  // Even the right code, in a new sign-in, waits for the hour to pass.
  HttpClient again(server_.base_url());
  ASSERT_EQ(SubmitSignIn(again, organisation_.coordinator.email, kTestPassword).Header("location"),
            "/login/two-factor");
  const auto code = auth::totp::CodeAt(secret, server_.clock().Now());
  EXPECT_EQ(again.PostForm("/login/two-factor", {{"code", code}}, "/login/two-factor").status, 429);
  EXPECT_GE(fixture_.CountAuditEntries(organisation_.id, "auth.session_ended_guessing"), 2u);
}

TEST_P(SecretGuessing, WrongStepUpPasswordsEndTheSession) {
  auto client = fixture_.SignedInClient(organisation_.admin);
  HttpResult last;
  for (int attempt = 0; attempt < 10; ++attempt) {
    last = client->PostForm("/reauth", {{"secret", "pas le bon mot de passe"}, {"next", "/"}},
                            "/reauth");
  }
  EXPECT_EQ(last.status, 429);
  EXPECT_EQ(client->Get("/account").Header("location"), "/login?next=%2Faccount");
}

TEST_P(SecretGuessing, WrongCurrentPasswordsEndTheSession) {
  auto client = fixture_.SignedInClient(organisation_.volunteer);
  HttpResult last;
  for (int attempt = 0; attempt < 10; ++attempt) {
    last = client->PostForm(
        "/account/password",
        {{"current", "pas le bon mot de passe"}, {"password", "une phrase neuve et longue"}},
        "/account/password");
  }
  EXPECT_EQ(last.status, 429);
  EXPECT_EQ(client->Get("/account").status, 303);
}

TEST_P(SecretGuessing, ReplacingAWorkingSetUpNeedsARecentStepUp) {
  fixture_.EnrolTotp(organisation_.coordinator);
  auto client = fixture_.SignedInClient(organisation_.coordinator);
  EXPECT_EQ(client->Get("/account/two-factor").status, 200) << "just signed in: recent enough";
  server_.clock().Advance(std::chrono::minutes(6));
  EXPECT_EQ(client->Get("/account/two-factor").Header("location"),
            "/reauth?next=%2Faccount%2Ftwo-factor");
  const auto before = fixture_.StoredUser(organisation_.coordinator).totp_secret_sealed;
  const auto posted =
      client->PostForm("/account/two-factor", {{"sealed", "x"}, {"code", "000000"}}, "/account");
  EXPECT_EQ(posted.Header("location"), "/reauth?next=%2Faccount%2Ftwo-factor");
  EXPECT_EQ(fixture_.StoredUser(organisation_.coordinator).totp_secret_sealed, before);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SecretGuessing, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, SecretGuessing, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
