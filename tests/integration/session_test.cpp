// Sessions over a real socket, on SQLite and on PostgreSQL: a new token at each sign-in step, dead
// tokens after signing out and after a password change, the idle and absolute limits, cookie
// attributes and security headers, and the page where users see and end their own sessions.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <tuple>

#include "auth/totp.hpp"
#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "web/cookies.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

const std::string kSession(web::kSessionCookie);
const std::string kCsrf(web::kCsrfCookie);
constexpr const char* kNewPassword = "une autre phrase assez longue";

// True when `result` sends a signed-out visitor to the sign-in page (not to a later sign-in step).
bool SentToSignIn(const HttpResult& result) {
  const std::string location = result.Header("location");
  return result.status == 303 && (location == "/login" || location.starts_with("/login?"));
}

class Sessions : public ::testing::TestWithParam<Backend> {
 protected:
  Sessions() {
    organisation_ =
        fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
  }

  // A client holding only the session token `token`.
  std::unique_ptr<HttpClient> ClientWithToken(const std::string& token) {
    auto client = std::make_unique<HttpClient>(server_.base_url());
    client->SetCookie(kSession, token);
    return client;
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_;
};

TEST_P(Sessions, TheTokenChangesAtEachSignInStep) {
  const std::string secret = fixture_.EnrolTotp(organisation_.coordinator);
  HttpClient client(server_.base_url());
  const auto password = SubmitSignIn(client, organisation_.coordinator.email, kTestPassword);
  ASSERT_EQ(password.Header("location"), "/login/two-factor");
  const auto after_password = SetCookieValue(password, kSession);
  ASSERT_TRUE(after_password && !after_password->empty());
  EXPECT_EQ(client.Get("/account").Header("location"), "/login/two-factor")
      << "a password alone does not open the account";

  const auto code = client.Post("/login/two-factor",
                                "csrf=" + client.CsrfToken("/login/two-factor") +
                                    "&code=" + auth::totp::CodeAt(secret, server_.clock().Now()));
  ASSERT_EQ(code.status, 303);
  const auto after_code = SetCookieValue(code, kSession);
  ASSERT_TRUE(after_code && !after_code->empty());
  EXPECT_NE(*after_code, *after_password);
  EXPECT_EQ(client.Get("/account").status, 200);
  EXPECT_TRUE(SentToSignIn(ClientWithToken(*after_password)->Get("/account")))
      << "the token of the password step is dead once the code is accepted";

  // Signing in again gives yet another token.
  HttpClient again(server_.base_url());
  server_.clock().Advance(30s);
  const auto second = fixture_.SignInThroughPages(again, organisation_.coordinator, secret);
  ASSERT_EQ(second.status, 303);
  ASSERT_TRUE(again.Cookie(kSession));
  EXPECT_NE(*again.Cookie(kSession), *after_code);
}

TEST_P(Sessions, SigningInOverAnExpiredSessionCookieKeepsTheNewSession) {
  // A sign-in form left open in one tab while the session of another tab idled out: the form is
  // sent with the dead cookie, and the new session must replace it.
  HttpClient client(server_.base_url());
  const std::string csrf = client.CsrfToken("/login");
  client.SetCookie(kSession, fixture_.StartSession(organisation_.volunteer).token);
  server_.clock().Advance(31min);
  const auto signed_in = client.Post(
      "/login", "csrf=" + csrf + "&email=" + web::PercentEncode(organisation_.volunteer.email) +
                    "&password=" + web::PercentEncode(kTestPassword));
  ASSERT_EQ(signed_in.status, 303);
  EXPECT_EQ(signed_in.Header("location"), "/");
  EXPECT_EQ(client.Get("/account").status, 200) << "the new session cookie was removed again";
}

TEST_P(Sessions, OldTokenIsDeadAfterLogout) {
  HttpClient client(server_.base_url());
  ASSERT_EQ(fixture_.SignInThroughPages(client, organisation_.volunteer).Header("location"), "/");
  const auto token = client.Cookie(kSession);
  ASSERT_TRUE(token);
  ASSERT_EQ(client.Get("/account").status, 200);

  const auto logout = client.Post("/logout", "csrf=" + client.CsrfToken("/account"));
  EXPECT_EQ(logout.status, 303);
  EXPECT_EQ(logout.Header("location"), "/login");
  EXPECT_EQ(SetCookieValue(logout, kSession), "");
  EXPECT_TRUE(SentToSignIn(client.Get("/account")));
  EXPECT_TRUE(SentToSignIn(ClientWithToken(*token)->Get("/account")))
      << "a copied token still works";
  EXPECT_TRUE(fixture_.SessionIds(organisation_.volunteer.id).empty());
}

TEST_P(Sessions, PasswordChangeEndsEveryOtherSession) {
  HttpClient changing(server_.base_url());
  HttpClient other(server_.base_url());
  ASSERT_EQ(fixture_.SignInThroughPages(changing, organisation_.volunteer).status, 303);
  ASSERT_EQ(fixture_.SignInThroughPages(other, organisation_.volunteer).status, 303);
  ASSERT_EQ(other.Get("/account").status, 200);

  const auto changed = changing.PostForm(
      "/account/password", {{"current", std::string(kTestPassword)}, {"password", kNewPassword}},
      "/account/password");
  EXPECT_EQ(changed.status, 200);
  EXPECT_EQ(changing.Get("/account").status, 200)
      << "the session that changed the password survives";
  EXPECT_TRUE(SentToSignIn(other.Get("/account")))
      << "another session survived the password change";
  EXPECT_EQ(fixture_.SessionIds(organisation_.volunteer.id).size(), 1u);

  HttpClient later(server_.base_url());
  EXPECT_EQ(SubmitSignIn(later, organisation_.volunteer.email, kTestPassword).status, 401);
  EXPECT_EQ(SubmitSignIn(later, organisation_.volunteer.email, kNewPassword).status, 303);
}

TEST_P(Sessions, IdleSessionsOfCoordinatorsAndVolunteersEndAfterThirtyMinutes) {
  const std::string secret = fixture_.EnrolTotp(organisation_.coordinator);
  HttpClient coordinator(server_.base_url());
  HttpClient volunteer(server_.base_url());
  ASSERT_EQ(fixture_.SignInThroughPages(coordinator, organisation_.coordinator, secret)
                .Header("location"),
            "/");
  ASSERT_EQ(fixture_.SignInThroughPages(volunteer, organisation_.volunteer).Header("location"),
            "/");

  // Each request restarts the idle time: an hour of use with pauses just under 30 minutes.
  for (int pause = 0; pause < 2; ++pause) {
    server_.clock().Advance(30min - 1s);
    EXPECT_EQ(coordinator.Get("/account").status, 200) << "pause " << pause;
    EXPECT_EQ(volunteer.Get("/account").status, 200) << "pause " << pause;
  }
  server_.clock().Advance(30min);
  EXPECT_TRUE(SentToSignIn(coordinator.Get("/account")));
  EXPECT_TRUE(SentToSignIn(volunteer.Get("/account")));
  EXPECT_TRUE(fixture_.SessionIds(organisation_.volunteer.id).empty())
      << "a dead session is deleted";
}

TEST_P(Sessions, IdleAdminSessionsEndAfterFifteenMinutes) {
  const std::string secret = fixture_.EnrolTotp(organisation_.admin);
  HttpClient admin(server_.base_url());
  ASSERT_EQ(fixture_.SignInThroughPages(admin, organisation_.admin, secret).Header("location"),
            "/");
  server_.clock().Advance(15min - 1s);
  EXPECT_EQ(admin.Get("/admin/users").status, 200);
  server_.clock().Advance(15min);
  EXPECT_TRUE(SentToSignIn(admin.Get("/admin/users")));
}

TEST_P(Sessions, ASessionUsedEveryTwentyMinutesStillEndsAtTwelveHours) {
  HttpClient client(server_.base_url());
  ASSERT_EQ(fixture_.SignInThroughPages(client, organisation_.volunteer).Header("location"), "/");
  for (int step = 1; step < 36; ++step) {
    server_.clock().Advance(20min);
    ASSERT_EQ(client.Get("/account").status, 200) << "after " << step * 20 << " minutes";
  }
  server_.clock().Advance(20min);
  EXPECT_TRUE(SentToSignIn(client.Get("/account"))) << "the session outlived its 12 hours";
}

TEST_P(Sessions, CookiesAreHostOnlySecureHttpOnlyAndLax) {
  HttpClient client(server_.base_url());
  const auto signed_in = fixture_.SignInThroughPages(client, organisation_.volunteer);
  const auto logout = client.Post("/logout", "csrf=" + client.CsrfToken("/account"));
  const std::vector<std::pair<std::string, std::string>> cookies = {
      {"session at sign-in", SetCookieHeader(signed_in, kSession)},
      {"CSRF at sign-in", SetCookieHeader(signed_in, kCsrf)},
      {"session removed at logout", SetCookieHeader(logout, kSession)},
  };
  for (const auto& [what, header] : cookies) {
    SCOPED_TRACE(what + ": " + header);
    ASSERT_FALSE(header.empty());
    EXPECT_TRUE(header.starts_with("__Host-"));
    EXPECT_NE(header.find("; Secure"), std::string::npos);
    EXPECT_NE(header.find("; HttpOnly"), std::string::npos);
    EXPECT_NE(header.find("; SameSite=Lax"), std::string::npos);
    EXPECT_NE(header.find("; Path=/"), std::string::npos);
    EXPECT_EQ(header.find("Domain="), std::string::npos);
    EXPECT_EQ(header.find("Expires="), std::string::npos) << "cookies end with the browser session";
  }
  EXPECT_EQ(SetCookieHeader(signed_in, kSession).find("Max-Age"), std::string::npos);
  EXPECT_NE(SetCookieHeader(logout, kSession).find("; Max-Age=0"), std::string::npos);
}

TEST_P(Sessions, EveryKindOfResponseCarriesTheSecurityHeaders) {
  auto admin = fixture_.SignedInClient(organisation_.admin);
  HttpClient visitor(server_.base_url());
  const std::string admin_csrf = "csrf=" + admin->CsrfToken("/");
  const std::string visitor_csrf = "csrf=" + visitor.CsrfToken("/");
  const std::vector<std::tuple<std::string, HttpResult, int>> responses = {
      {"page", admin->Get("/account"), 200},
      {"signed-out page", visitor.Get("/login"), 200},
      {"redirect", admin->Get("/login"), 303},
      {"redirect after a form", admin->Post("/language", admin_csrf + "&lang=en&next=/account"),
       303},
      {"sign-in required", visitor.Post("/account/language", visitor_csrf + "&language=en"), 401},
      {"forbidden area", admin->Get("/network/organisations"), 403},
      {"forged form", admin->Post("/account/language", "csrf=forged&language=en"), 403},
      {"missing record", admin->Get("/admin/users/987654321"), 404},
      {"missing page", visitor.Get("/nulle-part"), 404},
      {"wrong method", visitor.Post("/healthz", ""), 405},
      {"dead link", visitor.Get("/password/reset?token=dead"), 410},
      {"invalid form", admin->Post("/account/language", admin_csrf + "&language=de"), 422},
      {"failed sign-in",
       visitor.Post("/login", visitor_csrf + "&email=nobody%40example.org&password=x"), 401},
  };
  std::set<std::string> nonces;
  for (const auto& [what, result, status] : responses) {
    SCOPED_TRACE(what);
    EXPECT_EQ(result.status, status);
    const std::string policy = result.Header("content-security-policy");
    std::smatch nonce;
    EXPECT_TRUE(
        std::regex_search(policy, nonce, std::regex("script-src 'self' 'nonce-([0-9a-f]{32})'")))
        << policy;
    if (!nonce.empty()) nonces.insert(nonce[1]);
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
    EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << policy;
    EXPECT_EQ(result.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(result.Header("referrer-policy"), "no-referrer");
    EXPECT_EQ(result.Header("cache-control"), "no-store");
  }
  EXPECT_EQ(nonces.size(), responses.size()) << "every response has its own nonce";
}

TEST_P(Sessions, UsersSeeAndEndOnlyTheirOwnSessions) {
  HttpClient laptop(server_.base_url());
  HttpClient phone(server_.base_url());
  ASSERT_EQ(fixture_.SignInThroughPages(laptop, organisation_.volunteer).status, 303);
  ASSERT_EQ(fixture_.SignInThroughPages(phone, organisation_.volunteer).status, 303);
  auto colleague = fixture_.SignedInClient(organisation_.evaluator);
  const auto own = fixture_.SessionIds(organisation_.volunteer.id);
  const auto colleagues = fixture_.SessionIds(organisation_.evaluator.id);
  ASSERT_EQ(own.size(), 2u);
  ASSERT_EQ(colleagues.size(), 1u);

  const auto page = laptop.Get("/account/sessions");
  ASSERT_EQ(page.status, 200);
  for (const auto id : own) {
    EXPECT_NE(page.body.find("/account/sessions/" + std::to_string(id) + "/end"), std::string::npos)
        << id;
  }
  EXPECT_EQ(page.body.find("/account/sessions/" + std::to_string(colleagues[0]) + "/end"),
            std::string::npos)
      << "another user's session is listed";

  // Ending someone else's session is answered like a session that does not exist, and changes
  // nothing.
  const std::string foreign = "/account/sessions/" + std::to_string(colleagues[0]) + "/end";
  const std::string missing = "/account/sessions/987654321/end";
  const auto refused = laptop.Post(foreign, "csrf=" + laptop.CsrfToken("/account/sessions"));
  const auto absent = laptop.Post(missing, "csrf=" + laptop.CsrfToken("/account/sessions"));
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(absent.status, 404);
  EXPECT_EQ(ComparablePage(refused.body, {foreign}), ComparablePage(absent.body, {missing}));
  EXPECT_EQ(colleague->Get("/account").status, 200);
  EXPECT_EQ(
      fixture_.CountAuditEntries(organisation_.id, "authz.denied", organisation_.volunteer.id), 2u);

  // Ending the phone's session (the later one) from the laptop, then the laptop's own.
  const std::int64_t phone_session = std::max(own[0], own[1]);
  const std::int64_t laptop_session = std::min(own[0], own[1]);
  const auto ended = laptop.Post("/account/sessions/" + std::to_string(phone_session) + "/end",
                                 "csrf=" + laptop.CsrfToken("/account/sessions"));
  EXPECT_EQ(ended.status, 303);
  EXPECT_EQ(ended.Header("location"), "/account/sessions?ended=1");
  EXPECT_TRUE(SentToSignIn(phone.Get("/account")));
  EXPECT_EQ(laptop.Get("/account").status, 200);
  const auto own_end = laptop.Post("/account/sessions/" + std::to_string(laptop_session) + "/end",
                                   "csrf=" + laptop.CsrfToken("/account/sessions"));
  EXPECT_EQ(own_end.status, 303);
  EXPECT_EQ(own_end.Header("location"), "/login");
  EXPECT_TRUE(SentToSignIn(laptop.Get("/account")));
  EXPECT_TRUE(fixture_.SessionIds(organisation_.volunteer.id).empty());
}

INSTANTIATE_TEST_SUITE_P(Sqlite, Sessions, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, Sessions, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
