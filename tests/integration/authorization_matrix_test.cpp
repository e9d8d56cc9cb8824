// The authorisation matrix: every route of the route table, tried over a real socket by someone signed out,
// by each role of organisation A, by the network admin, and by each role of organisation B acting on
// organisation A's records, against the outcome the access rules promise. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "web/cookies.hpp"
#include "web/routes.hpp"

namespace cercle::testing {
namespace {

// What an actor must receive from a route.
enum class Outcome {
  kAllowed,         // the route's own answer (Expectation::allowed_status), never a redirect to /login
  kSignInRequired,  // GET: 303 to /login…; POST: 401
  kSentHome,        // 303 to "/": a signed-in user on a sign-in step
  kSignedOut,       // 303 to /login with the session cookie removed: signing out
  kForbidden,       // 403 for an area; audited as authz.denied; nothing changes
  kNotFound,        // 404 exactly like a record that does not exist; audited as authz.denied; nothing changes
};

// What fills the route's path parameter.
enum class Target {
  kNone,
  kStaticFile,       // a file the server serves
  kUserOfA,          // an account of organisation A that no actor uses
  kSessionOfActor,   // another session of the actor; for organisation B, one of A's account of the same role
  kOrganisationA,    // organisation A
};

using Form = std::vector<std::pair<std::string, std::string>>;
using Roles5 = std::array<Outcome, 5>;  // admin, coordinator, volunteer, partner, evaluator

// The promised outcomes of one route.
struct Expectation {
  // What an allowed actor receives: the page (200), the next step (303), the refusal of a deliberately
  // invalid form (422), or of a missing link (410) — all answers of the route's own handler.
  int allowed_status = 200;
  Target target = Target::kNone;
  // The fields of a POST, besides the CSRF token: deliberately invalid where the route changes data, so
  // that an allowed actor changes nothing either.
  Form form;
  Outcome signed_out = Outcome::kAllowed;
  Roles5 organisation_a{};
  Outcome network_admin = Outcome::kAllowed;
  // Organisation B's roles, acting on organisation A's records.
  Roles5 organisation_b{};
};

constexpr auto ok = Outcome::kAllowed;
constexpr auto login = Outcome::kSignInRequired;
constexpr auto home = Outcome::kSentHome;
constexpr auto out = Outcome::kSignedOut;
constexpr auto no = Outcome::kForbidden;
constexpr auto hidden = Outcome::kNotFound;

constexpr Roles5 All(Outcome outcome) { return {outcome, outcome, outcome, outcome, outcome}; }
constexpr Roles5 AdminOnly(Outcome others) { return {ok, others, others, others, others}; }

constexpr const char* kSlugA = "cercles-a";
constexpr const char* kSlugB = "cercles-b";
constexpr const char* kMissingId = "987654321";
constexpr const char* kNewPassword = "une autre phrase assez longue";

// Every route's promise, keyed "METHOD pattern". A route of web::AllRoutes() without an entry here, or an
// entry without a route, fails the test.
std::map<std::string, Expectation> Expectations() {
  const std::string volunteer_a = std::string("benevole@") + kSlugA + ".example";
  return {
      // Operations
      {"GET /healthz", {200, Target::kNone, {}, ok, All(ok), ok, All(ok)}},
      {"GET /readyz", {200, Target::kNone, {}, ok, All(ok), ok, All(ok)}},
      {"GET /metrics", {200, Target::kNone, {}, ok, All(ok), ok, All(ok)}},
      {"GET /static/{file...}", {200, Target::kStaticFile, {}, ok, All(ok), ok, All(ok)}},
      // Shell
      {"GET /", {200, Target::kNone, {}, ok, All(ok), ok, All(ok)}},
      {"POST /language", {303, Target::kNone, {{"lang", "en"}, {"next", "/"}}, ok, All(ok), ok, All(ok)}},
      // Signing in and out
      {"GET /login", {200, Target::kNone, {}, ok, All(home), home, All(home)}},
      {"POST /login",
       {303, Target::kNone, {{"email", volunteer_a}, {"password", std::string(kTestPassword)}}, ok, All(home), home,
        All(home)}},
      {"GET /login/two-factor", {200, Target::kNone, {}, login, All(home), home, All(home)}},
      {"POST /login/two-factor", {303, Target::kNone, {{"code", "000000"}}, login, All(home), home, All(home)}},
      {"POST /logout", {303, Target::kNone, {}, out, All(out), out, All(out)}},
      {"GET /reauth", {200, Target::kNone, {}, login, All(ok), ok, All(ok)}},
      {"POST /reauth", {422, Target::kNone, {{"secret", "pas le bon mot de passe"}}, login, All(ok), ok, All(ok)}},
      {"GET /password/forgot", {200, Target::kNone, {}, ok, All(ok), ok, All(ok)}},
      {"POST /password/forgot", {422, Target::kNone, {{"email", "pas une adresse"}}, ok, All(ok), ok, All(ok)}},
      {"GET /password/reset", {410, Target::kNone, {}, ok, All(ok), ok, All(ok)}},
      {"POST /password/reset",
       {410, Target::kNone, {{"token", "dead"}, {"password", kNewPassword}}, ok, All(ok), ok, All(ok)}},
      {"GET /invitations/accept", {410, Target::kNone, {}, ok, All(ok), ok, All(ok)}},
      {"POST /invitations/accept",
       {410, Target::kNone, {{"token", "dead"}, {"password", kNewPassword}}, ok, All(ok), ok, All(ok)}},
      // My account
      {"GET /account", {200, Target::kNone, {}, login, All(ok), ok, All(ok)}},
      {"POST /account/language", {422, Target::kNone, {{"language", "de"}}, login, All(ok), ok, All(ok)}},
      {"GET /account/password", {200, Target::kNone, {}, login, All(ok), ok, All(ok)}},
      {"POST /account/password",
       {422, Target::kNone, {{"current", "pas le bon mot de passe"}, {"password", kNewPassword}}, login, All(ok), ok,
        All(ok)}},
      {"GET /account/sessions", {200, Target::kNone, {}, login, All(ok), ok, All(ok)}},
      {"POST /account/sessions/{id}/end", {303, Target::kSessionOfActor, {}, login, All(ok), ok, All(hidden)}},
      {"GET /account/two-factor", {200, Target::kNone, {}, login, All(ok), ok, All(ok)}},
      {"POST /account/two-factor",
       {422, Target::kNone, {{"sealed", ""}, {"code", "000000"}}, login, All(ok), ok, All(ok)}},
      // Organisation administration
      {"GET /admin/users", {200, Target::kNone, {}, login, AdminOnly(no), no, AdminOnly(no)}},
      {"GET /admin/users/invite", {200, Target::kNone, {}, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /admin/users/invite",
       {422, Target::kNone, {{"display_name", ""}, {"email", "pas une adresse"}, {"roles", "volunteer"}}, login,
        AdminOnly(no), no, AdminOnly(no)}},
      {"GET /admin/users/{id}", {200, Target::kUserOfA, {}, login, AdminOnly(hidden), hidden, All(hidden)}},
      // No role chosen: refused after the step-up, so nothing changes.
      {"POST /admin/users/{id}/roles", {422, Target::kUserOfA, {}, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/users/{id}/deactivate",
       {303, Target::kUserOfA, {}, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/users/{id}/reactivate",
       {303, Target::kUserOfA, {}, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"GET /admin/audit", {200, Target::kNone, {}, login, AdminOnly(no), no, AdminOnly(no)}},
      // Network administration
      {"GET /network/organisations", {200, Target::kNone, {}, login, All(no), ok, All(no)}},
      {"POST /network/organisations",
       {422, Target::kNone, {{"name", ""}, {"slug", "Pas Un Nom Court"}}, login, All(no), ok, All(no)}},
      {"POST /network/organisations/{id}/admins",
       {422, Target::kOrganisationA, {{"display_name", ""}, {"email", "pas une adresse"}}, login, All(no), ok,
        All(no)}},
  };
}

std::string MethodName(web::Method method) {
  switch (method) {
    case web::Method::kGet:
      return "GET";
    case web::Method::kHead:
      return "HEAD";
    case web::Method::kPost:
      return "POST";
    case web::Method::kOther:
      break;
  }
  return "OTHER";
}

std::string OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kAllowed:
      return "allowed";
    case Outcome::kSignInRequired:
      return "sign-in required";
    case Outcome::kSentHome:
      return "sent home";
    case Outcome::kSignedOut:
      return "signed out";
    case Outcome::kForbidden:
      return "forbidden (403)";
    case Outcome::kNotFound:
      return "not found (404)";
  }
  return "?";
}

// Someone who tries a route.
struct Tester {
  std::string description;
  const TestUser* user = nullptr;  // none when signed out
  // The account of organisation A with the same role, whose session an organisation B actor tries to end.
  const TestUser* counterpart = nullptr;
  bool in_organisation_b = false;
};

class AuthorizationMatrix : public ::testing::TestWithParam<Backend> {
 protected:
  AuthorizationMatrix() {
    organisation_a_ = fixture_.CreateOrganisationWithEveryRole("Cercles A (essai)", kSlugA);
    organisation_b_ = fixture_.CreateOrganisationWithEveryRole("Cercles B (essai)", kSlugB);
    network_admin_ = fixture_.CreateUser(std::nullopt, "Hector Réseau", "reseau@network.example",
                                         {domain::Role::kNetworkAdmin});
    target_ = fixture_.CreateUser(organisation_a_.id, "Timothée Cible", std::string("cible@") + kSlugA + ".example",
                                  {domain::Role::kVolunteer});
    static_file_ = server_.runtime().services().static_files.Url("css/cercle.css").substr(std::string("/static/").size());
  }

  // Everyone who tries each route, in the order of the Expectation columns.
  std::vector<std::pair<Tester, Outcome>> Testers(const Expectation& expectation) const {
    static constexpr const char* kRoles[] = {"admin", "coordinator", "volunteer", "partner", "evaluator"};
    static constexpr domain::Role kRoleValues[] = {domain::Role::kOrganisationAdmin, domain::Role::kCoordinator,
                                                   domain::Role::kVolunteer, domain::Role::kPartner,
                                                   domain::Role::kEvaluator};
    std::vector<std::pair<Tester, Outcome>> testers;
    testers.push_back({{"someone signed out", nullptr, &organisation_a_.volunteer, false}, expectation.signed_out});
    for (int i = 0; i < 5; ++i) {
      const TestUser& own = organisation_a_.Holder(kRoleValues[i]);
      testers.push_back({{std::string("organisation A's ") + kRoles[i], &own, &own, false},
                         expectation.organisation_a[i]});
    }
    testers.push_back({{"the network admin", &network_admin_, &network_admin_, false}, expectation.network_admin});
    for (int i = 0; i < 5; ++i) {
      testers.push_back({{std::string("organisation B's ") + kRoles[i] + " on A's records",
                          &organisation_b_.Holder(kRoleValues[i]), &organisation_a_.Holder(kRoleValues[i]), true},
                         expectation.organisation_b[i]});
    }
    // Denials first, so that no allowed change (a deactivation…) happens before a denied actor tries.
    std::stable_partition(testers.begin(), testers.end(),
                          [](const auto& tester) { return tester.second != Outcome::kAllowed; });
    return testers;
  }

  // The value of the route's path parameter for `tester`.
  std::string TargetValue(Target target, const Tester& tester) {
    switch (target) {
      case Target::kNone:
        return "";
      case Target::kStaticFile:
        return static_file_;
      case Target::kUserOfA:
        return std::to_string(target_.id);
      case Target::kSessionOfActor:
        return std::to_string(fixture_.StartSession(*tester.counterpart).id);
      case Target::kOrganisationA:
        return std::to_string(organisation_a_.id);
    }
    return "";
  }

  // Sends the route's request as `client` would, to `path`.
  HttpResult Send(HttpClient& client, const web::Route& route, const Expectation& expectation,
                  const std::string& path) {
    if (route.method == web::Method::kGet) return client.Get(path);
    std::string body = "csrf=" + client.CsrfToken("/");
    for (const auto& [name, value] : expectation.form) {
      body += "&" + web::PercentEncode(name) + "=" + web::PercentEncode(value);
    }
    return client.Post(path, body);
  }

  // Tries `route` as `tester` and checks the answer against `expected`.
  void Check(const web::Route& route, const Expectation& expectation, const Tester& tester, Outcome expected) {
    const bool post = route.method == web::Method::kPost;
    const std::string name = MethodName(route.method) + " " + route.pattern;
    HttpClient client(server_.base_url());
    std::optional<TestSession> session;
    if (tester.user) {
      session = fixture_.StartSession(*tester.user);
      client.SetCookie(std::string(web::kSessionCookie), session->token);
    }
    const auto segment = route.pattern.find('{');
    const std::string prefix = route.pattern.substr(0, segment);
    const std::string suffix =
        segment == std::string::npos ? "" : route.pattern.substr(route.pattern.find('}', segment) + 1);
    const std::string path =
        segment == std::string::npos ? route.pattern : prefix + TargetValue(expectation.target, tester) + suffix;
    const std::optional<std::int64_t> organisation = tester.user ? tester.user->organisation_id : std::nullopt;
    const std::optional<std::int64_t> actor = tester.user ? std::optional(tester.user->id) : std::nullopt;

    const bool denial = expected != Outcome::kAllowed && expected != Outcome::kSignedOut;
    const std::string before = denial ? fixture_.Snapshot() : "";
    const std::size_t denials_before = actor ? fixture_.CountAuditEntries(organisation, "authz.denied", actor) : 0;
    const HttpResult result = Send(client, route, expectation, path);
    const std::string location = result.Header("location");
    const std::string seen = std::to_string(result.status) + (location.empty() ? "" : " to " + location);
    const std::string context = name + " (" + path + ") as " + tester.description + ": expected " +
                                OutcomeName(expected) + ", got " + seen;

    switch (expected) {
      case Outcome::kAllowed:
        EXPECT_EQ(result.status, expectation.allowed_status) << context;
        EXPECT_FALSE(location.starts_with("/login")) << context;
        break;
      case Outcome::kSignInRequired:
        if (post) {
          EXPECT_EQ(result.status, 401) << context;
        } else {
          EXPECT_EQ(result.status, 303) << context;
          EXPECT_TRUE(location == "/login" || location.starts_with("/login?")) << context;
        }
        break;
      case Outcome::kSentHome:
        EXPECT_EQ(result.status, 303) << context;
        EXPECT_EQ(location, "/") << context;
        break;
      case Outcome::kSignedOut:
        EXPECT_EQ(result.status, 303) << context;
        EXPECT_EQ(location, "/login") << context;
        EXPECT_EQ(SetCookieValue(result, web::kSessionCookie), "") << context << ": the session cookie stays";
        if (session) {
          EXPECT_FALSE(fixture_.SessionExists(session->id)) << context << ": the session lives on";
        }
        break;
      case Outcome::kForbidden:
        EXPECT_EQ(result.status, 403) << context;
        break;
      case Outcome::kNotFound:
        EXPECT_EQ(result.status, 404) << context;
        break;
    }
    if (denial) {
      EXPECT_EQ(fixture_.Snapshot(), before) << context << ": a denied request changed data";
    }
    if (expected == Outcome::kForbidden || expected == Outcome::kNotFound) {
      EXPECT_EQ(fixture_.CountAuditEntries(organisation, "authz.denied", actor), denials_before + 1)
          << context << ": the denial is not in the audit log";
    }
    if (expected == Outcome::kNotFound && segment != std::string::npos) {
      // The answer must not tell an existing record from a missing one.
      const std::string missing_path = prefix + kMissingId + suffix;
      const HttpResult missing = Send(client, route, expectation, missing_path);
      EXPECT_EQ(missing.status, result.status) << context << ": a missing record gives another status";
      EXPECT_EQ(ComparablePage(missing.body, {missing_path}), ComparablePage(result.body, {path}))
          << context << ": the page differs from the one for a missing record";
    }
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_a_;
  TestOrganisation organisation_b_;
  TestUser network_admin_;
  TestUser target_;
  std::string static_file_;
};

TEST_P(AuthorizationMatrix, EveryRouteAnswersEveryActorAsPromised) {
  auto expectations = Expectations();
  std::set<std::string> routes;
  for (const auto& route : web::AllRoutes()) {
    const std::string name = MethodName(route.method) + " " + route.pattern;
    routes.insert(name);
    const auto found = expectations.find(name);
    if (found == expectations.end()) {
      ADD_FAILURE() << "route " << name << " has no entry in the authorisation expectations";
      continue;
    }
    for (const auto& [tester, outcome] : Testers(found->second)) Check(route, found->second, tester, outcome);
  }
  for (const auto& [name, expectation] : expectations) {
    if (!routes.contains(name)) ADD_FAILURE() << "expectation " << name << " names no route of the table";
  }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AuthorizationMatrix, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AuthorizationMatrix, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
