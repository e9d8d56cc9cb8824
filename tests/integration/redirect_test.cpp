// Return targets over a real socket, on SQLite and on PostgreSQL: every route that takes one
// (sign-in, the second factor, step-up, the language switch signed in and out) sends the browser
// only to a path of this site, whatever the "next" parameter holds: a TAB or CR/LF a browser would
// strip, a NUL, a backslash, "//", a scheme, or the percent-encoded forms of those.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "auth/totp.hpp"
#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "web/cookies.hpp"

namespace cercle::testing {
namespace {

const std::string kSession(web::kSessionCookie);

// Return targets that lead off the site once a browser has read them.
std::vector<std::string> HostileTargets() {
  return {
      "/\t/evil.example/",        "/\r\n/evil.example/",  std::string("/\0/evil.example/", 17),
      "/\\evil.example",          "\\\\evil.example",     "//evil.example",
      "///evil.example",          "https://evil.example", "javascript:alert(1)",
      "\t//evil.example",         "/%09/evil.example/",   "/%2F/evil.example",
      "/%2f%2fevil.example",      "/%5Cevil.example",     "/%00/evil.example",
      "/%0d%0aSet-Cookie:%20x=1", "/%C0%AF/evil.example",
  };
}

// True when `answer` sends the browser home or, for a target the door refused (a NUL), answers 400
// without sending it anywhere.
::testing::AssertionResult SentHomeOrRefused(const HttpResult& answer,
                                             const std::string& home = "/") {
  if (answer.status == 400 && answer.Header("location").empty())
    return ::testing::AssertionSuccess();
  if (answer.status == 303 && answer.Header("location") == home)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "status " << answer.status << ", Location \"" << answer.Header("location") << "\"";
}

// True when the page at `answer` carries the hidden "next" field with value `value`, or the door
// refused it.
::testing::AssertionResult CarriesNext(const HttpResult& answer, const std::string& value) {
  if (answer.status == 400) return ::testing::AssertionSuccess();
  if (answer.status == 200 &&
      answer.body.find("name=\"next\" value=\"" + value + "\"") != std::string::npos) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "status " << answer.status << " without next=\"" << value << "\"";
}

class ReturnTarget : public ::testing::TestWithParam<Backend> {
 protected:
  ReturnTarget() {
    organisation_ = fixture_.CreateOrganisationWithEveryRole("Cercles Retour (essai)", "retour");
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_;
};

TEST_P(ReturnTarget, SignInGoesOnlyToLocalPaths) {
  // A volunteer's password completes sign-in: no second step comes between it and the target.
  const auto& user = organisation_.volunteer;
  HttpClient client(server_.base_url());
  const auto sign_in = [&](const std::string& next) {
    const auto answer = client.Post("/login", "csrf=" + client.CsrfToken("/login") +
                                                  "&email=" + web::PercentEncode(user.email) +
                                                  "&password=" + web::PercentEncode(kTestPassword) +
                                                  "&next=" + web::PercentEncode(next));
    client.Post("/logout", "csrf=" + client.CsrfToken("/"));
    return answer;
  };
  EXPECT_EQ(sign_in("/account/sessions").Header("location"), "/account/sessions");
  for (const auto& target : HostileTargets()) {
    SCOPED_TRACE(::testing::PrintToString(target));
    EXPECT_TRUE(CarriesNext(client.Get("/login?next=" + web::PercentEncode(target)), "/"));
    EXPECT_TRUE(SentHomeOrRefused(sign_in(target)));
  }
}

TEST_P(ReturnTarget, SecondFactorGoesOnlyToLocalPaths) {
  const auto& user = organisation_.coordinator;
  const std::string secret = fixture_.EnrolTotp(user);
  // The password step hands a local target on to the code step.
  HttpClient browser(server_.base_url());
  const auto password = browser.Post(
      "/login", "csrf=" + browser.CsrfToken("/login") + "&email=" + web::PercentEncode(user.email) +
                    "&password=" + web::PercentEncode(kTestPassword) + "&next=%2Faccount");
  EXPECT_EQ(password.Header("location"), "/login/two-factor?next=%2Faccount");
  const auto send_code = [&](const std::string& next) {
    // A fresh session waiting for its code, and a code not used before.
    server_.clock().Advance(std::chrono::seconds(31));
    HttpClient client(server_.base_url());
    client.SetCookie(kSession,
                     fixture_.StartSession(user, store::SessionStage::kSecondFactor).token);
    const auto page = client.Get("/login/two-factor?next=" + web::PercentEncode(next));
    const auto answer = client.Post(
        "/login/two-factor", "csrf=" + client.CsrfToken("/login/two-factor") +
                                 "&code=" + auth::totp::CodeAt(secret, server_.clock().Now()) +
                                 "&next=" + web::PercentEncode(next));
    return std::make_pair(page, answer);
  };
  const auto [own_page, own] = send_code("/account");
  EXPECT_TRUE(CarriesNext(own_page, "/account"));
  EXPECT_EQ(own.Header("location"), "/account");
  for (const auto& target : HostileTargets()) {
    SCOPED_TRACE(::testing::PrintToString(target));
    const auto [page, answer] = send_code(target);
    EXPECT_TRUE(CarriesNext(page, "/"));
    EXPECT_TRUE(SentHomeOrRefused(answer));
  }
}

TEST_P(ReturnTarget, StepUpGoesOnlyToLocalPaths) {
  auto client = fixture_.SignedInClient(organisation_.admin);
  const auto reauthenticate = [&](const std::string& next) {
    return client->Post("/reauth", "csrf=" + client->CsrfToken("/") +
                                       "&secret=" + web::PercentEncode(kTestPassword) +
                                       "&next=" + web::PercentEncode(next));
  };
  EXPECT_EQ(reauthenticate("/admin/users?page=2").Header("location"), "/admin/users?page=2");
  for (const auto& target : HostileTargets()) {
    SCOPED_TRACE(::testing::PrintToString(target));
    EXPECT_TRUE(CarriesNext(client->Get("/reauth?next=" + web::PercentEncode(target)), "/"));
    EXPECT_TRUE(SentHomeOrRefused(reauthenticate(target)));
  }
}

TEST_P(ReturnTarget, LanguageSwitchGoesOnlyToLocalPathsSignedInAndOut) {
  HttpClient signed_out(server_.base_url());
  auto signed_in = fixture_.SignedInClient(organisation_.volunteer);
  for (HttpClient* client : {&signed_out, signed_in.get()}) {
    const auto choose = [&](const std::string& next) {
      return client->Post("/language", "csrf=" + client->CsrfToken("/") +
                                           "&lang=fr&next=" + web::PercentEncode(next));
    };
    EXPECT_EQ(choose("/password/forgot").Header("location"), "/password/forgot");
    for (const auto& target : HostileTargets()) {
      SCOPED_TRACE(::testing::PrintToString(target));
      EXPECT_TRUE(SentHomeOrRefused(choose(target)));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ReturnTarget, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ReturnTarget, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
