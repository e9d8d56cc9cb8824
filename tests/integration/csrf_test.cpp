// Cross-site request forgery over a real socket, on SQLite and on PostgreSQL: a form sent without
// the token, with a wrong one, without the CSRF cookie, or from another site is refused and changes
// nothing.
#include <gtest/gtest.h>

#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "web/cookies.hpp"

namespace cercle::testing {
namespace {

const std::string kSession(web::kSessionCookie);
constexpr const char* kInvitation =
    "&display_name=No%C3%A9mie+Nouvelle&email=noemie%40exemple.org&roles=volunteer";

// One way of sending a form that must be refused.
struct Forgery {
  std::string description;
  HttpClient* client = nullptr;
  std::string csrf_field;  // "csrf=…" or ""
  std::map<std::string, std::string> headers;
};

class CsrfProtection : public ::testing::TestWithParam<Backend> {
 protected:
  CsrfProtection() {
    organisation_ =
        fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    session_ = fixture_.StartSession(organisation_.admin);
    admin_.SetCookie(kSession, session_.token);
    token_ = admin_.CsrfToken("/admin/users/invite");
  }

  // True when nothing the two forms do has happened: no invitation, no mail, no language change, no
  // audit entry for either.
  void ExpectNothingHappened(const std::string& context) {
    EXPECT_EQ(fixture_.CountRows("one_time_tokens"), 0) << context;
    EXPECT_EQ(fixture_.CountRows("outbox"), 0) << context;
    EXPECT_EQ(fixture_.StoredUser(organisation_.admin).language, "fr") << context;
    EXPECT_EQ(fixture_.CountAuditEntries(organisation_.id, "user.invite"), 0u) << context;
    EXPECT_EQ(fixture_.CountAuditEntries(organisation_.id, "user.language"), 0u) << context;
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_;
  TestSession session_;
  HttpClient admin_{server_.base_url()};
  std::string token_;
};

TEST_P(CsrfProtection, ForgedFormsAreRefusedAndChangeNothing) {
  // Another browser's valid token, and a browser holding the admin's session but no CSRF cookie.
  HttpClient other(server_.base_url());
  const std::string other_token = other.CsrfToken("/");
  HttpClient without_cookie(server_.base_url());
  without_cookie.SetCookie(kSession, session_.token);
  const std::string valid = "csrf=" + token_;
  const std::vector<Forgery> forgeries = {
      {"no token", &admin_, "", {}},
      {"a wrong token", &admin_, "csrf=" + std::string(64, '0'), {}},
      {"another browser's token", &admin_, "csrf=" + other_token, {}},
      {"the token without its cookie", &without_cookie, valid, {}},
      {"a foreign Origin", &admin_, valid, {{"Origin", "http://evil.example"}}},
      // Same-origin posts carry "Origin: null" under Referrer-Policy: no-referrer, so only
      // Sec-Fetch-Site tells.
      {"an opaque Origin from another site",
       &admin_,
       valid,
       {{"Origin", "null"}, {"Sec-Fetch-Site", "cross-site"}}},
      {"a cross-site fetch", &admin_, valid, {{"Sec-Fetch-Site", "cross-site"}}},
      {"a same-site fetch from another origin", &admin_, valid, {{"Sec-Fetch-Site", "same-site"}}},
  };
  for (const auto& forgery : forgeries) {
    SCOPED_TRACE(forgery.description);
    const std::string separator = forgery.csrf_field.empty() ? "" : "&";
    const auto invite = forgery.client->Post("/admin/users/invite",
                                             forgery.csrf_field + kInvitation, forgery.headers);
    const auto language = forgery.client->Post(
        "/account/language", forgery.csrf_field + separator + "language=en", forgery.headers);
    const auto switched = forgery.client->Post(
        "/language", forgery.csrf_field + separator + "lang=en&next=/", forgery.headers);
    EXPECT_EQ(invite.status, 403);
    EXPECT_EQ(language.status, 403);
    EXPECT_EQ(switched.status, 403);
    EXPECT_EQ(SetCookieValue(switched, "lang"), std::nullopt) << "the language cookie changed";
    ExpectNothingHappened(forgery.description);
  }

  // The same forms from this site go through, so the refusals above are the CSRF defence at work.
  const std::map<std::string, std::string> same_origin = {{"Origin", server_.base_url()},
                                                          {"Sec-Fetch-Site", "same-origin"}};
  EXPECT_EQ(admin_.Post("/admin/users/invite", valid + kInvitation, same_origin).status, 303);
  EXPECT_EQ(admin_.Post("/account/language", "language=en", {{"X-CSRF-Token", token_}}).status,
            303);
  EXPECT_EQ(fixture_.CountRows("one_time_tokens"), 1);
  EXPECT_EQ(fixture_.StoredUser(organisation_.admin).language, "en");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CsrfProtection, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, CsrfProtection, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
