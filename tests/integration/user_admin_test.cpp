// Managing an organisation's users over a real socket, on SQLite and on PostgreSQL: invitations
// mailed to a real SMTP server (tests/support/smtp_sink.py) and accepted once, the wall between
// organisations, and deactivation after a step-up.
#include <gtest/gtest.h>

#include "support/auth_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"
#include "web/cookies.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

const std::string kSession(web::kSessionCookie);
constexpr const char* kInviteeName = "Noémie Nouvelle";
constexpr const char* kInviteeEmail = "noemie@exemple.org";
constexpr const char* kInviteePassword = "la riviere coule sous le pont";
constexpr const char* kMissingId = "987654321";

// True when `result` sends a signed-out visitor to the sign-in page.
bool SentToSignIn(const HttpResult& result) {
  const std::string location = result.Header("location");
  return result.status == 303 && (location == "/login" || location.starts_with("/login?"));
}

class Invitations : public ::testing::TestWithParam<Backend> {
 protected:
  Invitations() {
    organisation_a_ =
        fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    organisation_b_ = fixture_.CreateOrganisationWithEveryRole("Cercles Québec (essai)", "quebec");
  }

  // Accepts the invitation at `path` with `password` from a new browser.
  HttpResult Accept(const std::string& path, const std::string& password) {
    HttpClient client(server_.base_url());
    const std::string token = path.substr(path.find("token=") + 6);
    return client.PostForm("/invitations/accept", {{"token", token}, {"password", password}}, path);
  }

  SmtpSink sink_;
  TestServer server_{TestServer::Options{
      GetParam(), [this](config::Config& config) { config.mail.smtp_url = sink_.url(); }}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_a_;
  TestOrganisation organisation_b_;
};

TEST_P(Invitations, AnInvitedPersonCreatesTheirAccountOnceAndSignsIn) {
  auto admin = fixture_.SignedInClient(organisation_a_.admin);
  ASSERT_EQ(admin->Get("/admin/users/invite").status, 200);
  const auto invited = admin->PostForm(
      "/admin/users/invite",
      {{"display_name", kInviteeName}, {"email", kInviteeEmail}, {"roles", "volunteer"}},
      "/admin/users/invite");
  EXPECT_EQ(invited.status, 303);
  EXPECT_EQ(invited.Header("location"), "/admin/users?invited=1");

  EXPECT_EQ(server_.runtime().mail_sender().DeliverDue(), 1);
  const auto mails = sink_.WaitFor(1, 10s);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].envelope_to, kInviteeEmail);
  const std::string start = server_.base_url() + "/invitations/accept?token=";
  const auto at = mails[0].body.find(start);
  ASSERT_NE(at, std::string::npos) << mails[0].body;
  const auto end = mails[0].body.find_first_of(" \n", at);
  const std::string path =
      mails[0].body.substr(at + server_.base_url().size(), end - at - server_.base_url().size());
  for (const std::string& name : {std::string(kInviteeName), std::string("Noémie"),
                                  organisation_a_.name, organisation_a_.admin.display_name}) {
    EXPECT_EQ(mails[0].body.find(name), std::string::npos) << "the mail names " << name;
  }

  HttpClient visitor(server_.base_url());
  const auto page = visitor.Get(path);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(kInviteeName), std::string::npos);
  EXPECT_EQ(Accept(path, kInviteePassword).status, 200);
  const auto created = fixture_.FindUserByEmail(kInviteeEmail);
  ASSERT_TRUE(created);
  EXPECT_EQ(created->organisation_id, organisation_a_.id);
  EXPECT_EQ(created->roles, domain::Roles({domain::Role::kVolunteer}));

  // The link is dead once used.
  const std::string before = fixture_.Snapshot();
  EXPECT_EQ(Accept(path, "une autre phrase assez longue").status, 410);
  EXPECT_EQ(fixture_.Snapshot(), before);
  EXPECT_EQ(visitor.Get(path).status, 410);

  // The new account signs in, in its organisation.
  HttpClient invitee(server_.base_url());
  const auto signed_in = SubmitSignIn(invitee, kInviteeEmail, kInviteePassword);
  EXPECT_EQ(signed_in.status, 303);
  EXPECT_EQ(signed_in.Header("location"), "/");
  const auto account = invitee.Get("/account");
  EXPECT_EQ(account.status, 200);
  EXPECT_NE(account.body.find(organisation_a_.name), std::string::npos);
  EXPECT_NE(admin->Get("/admin/users").body.find(kInviteeName), std::string::npos);
}

TEST_P(Invitations, AnotherOrganisationsAdminCannotSeeOrManageItsUsers) {
  auto other_admin = fixture_.SignedInClient(organisation_b_.admin);
  const auto list = other_admin->Get("/admin/users");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find(organisation_b_.volunteer.email), std::string::npos);
  for (const TestUser* user :
       {&organisation_a_.admin, &organisation_a_.volunteer, &organisation_a_.coordinator}) {
    EXPECT_EQ(list.body.find(user->email), std::string::npos) << user->email;
    EXPECT_EQ(list.body.find(user->display_name), std::string::npos) << user->display_name;
  }

  const std::string user_path = "/admin/users/" + std::to_string(organisation_a_.volunteer.id);
  const std::string missing_path = std::string("/admin/users/") + kMissingId;
  const auto hidden = other_admin->Get(user_path);
  const auto missing = other_admin->Get(missing_path);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ComparablePage(hidden.body, {user_path}), ComparablePage(missing.body, {missing_path}));

  const std::string before = fixture_.Snapshot();
  const std::string csrf = "csrf=" + other_admin->CsrfToken("/admin/users");
  EXPECT_EQ(other_admin->Post(user_path + "/roles", csrf + "&roles=admin").status, 404);
  EXPECT_EQ(other_admin->Post(user_path + "/deactivate", csrf).status, 404);
  EXPECT_EQ(other_admin->Post(user_path + "/reactivate", csrf).status, 404);
  EXPECT_EQ(fixture_.Snapshot(), before);
  EXPECT_EQ(
      fixture_.CountAuditEntries(organisation_b_.id, "authz.denied", organisation_b_.admin.id), 5u);
}

class Deactivation : public ::testing::TestWithParam<Backend> {
 protected:
  Deactivation() {
    organisation_ =
        fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_;
};

TEST_P(Deactivation, ADeactivatedUserIsSignedOutAtOnceAndCannotSignIn) {
  HttpClient volunteer(server_.base_url());
  ASSERT_EQ(fixture_.SignInThroughPages(volunteer, organisation_.volunteer).status, 303);
  ASSERT_EQ(volunteer.Get("/account").status, 200);

  auto admin = fixture_.SignedInClient(organisation_.admin);
  const std::string user_path = "/admin/users/" + std::to_string(organisation_.volunteer.id);
  const auto deactivated =
      admin->Post(user_path + "/deactivate", "csrf=" + admin->CsrfToken(user_path));
  EXPECT_EQ(deactivated.status, 303);
  EXPECT_EQ(deactivated.Header("location"), user_path + "?saved=1");
  EXPECT_FALSE(fixture_.StoredUser(organisation_.volunteer).active);
  EXPECT_TRUE(SentToSignIn(volunteer.Get("/account"))) << "the session outlived the deactivation";
  EXPECT_TRUE(fixture_.SessionIds(organisation_.volunteer.id).empty());
  EXPECT_EQ(fixture_.CountAuditEntries(organisation_.id, "user.deactivate", organisation_.admin.id),
            1u);

  // The right password gets the same answer as a wrong one for an active account.
  HttpClient again(server_.base_url());
  const auto refused = SubmitSignIn(again, organisation_.volunteer.email, kTestPassword);
  const auto wrong = SubmitSignIn(again, organisation_.evaluator.email, "pas le bon mot de passe");
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_FALSE(SetCookieValue(refused, kSession));
  EXPECT_EQ(ComparablePage(refused.body, {organisation_.volunteer.email}),
            ComparablePage(wrong.body, {organisation_.evaluator.email}));

  // Reactivated, the account signs in again.
  EXPECT_EQ(admin->Post(user_path + "/reactivate", "csrf=" + admin->CsrfToken(user_path)).status,
            303);
  HttpClient back(server_.base_url());
  EXPECT_EQ(SubmitSignIn(back, organisation_.volunteer.email, kTestPassword).status, 303);
}

TEST_P(Deactivation, NeedsAPasswordEnteredWithinFiveMinutes) {
  auto admin = fixture_.SignedInClient(organisation_.admin);
  const std::string user_path = "/admin/users/" + std::to_string(organisation_.volunteer.id);
  server_.clock().Advance(5min + 1s);
  const std::string csrf = "csrf=" + admin->CsrfToken(user_path);
  const auto asked = admin->Post(user_path + "/deactivate", csrf);
  EXPECT_EQ(asked.status, 303);
  EXPECT_EQ(asked.Header("location"), "/reauth?next=" + web::PercentEncode(user_path));
  EXPECT_TRUE(fixture_.StoredUser(organisation_.volunteer).active);

  EXPECT_EQ(
      admin->Post("/reauth", csrf + "&secret=pas+le+bon&next=" + web::PercentEncode(user_path))
          .status,
      422);
  EXPECT_EQ(admin->Post(user_path + "/deactivate", csrf).Header("location"),
            "/reauth?next=" + web::PercentEncode(user_path));
  EXPECT_TRUE(fixture_.StoredUser(organisation_.volunteer).active);

  const auto confirmed =
      admin->Post("/reauth", csrf + "&secret=" + web::PercentEncode(kTestPassword) +
                                 "&next=" + web::PercentEncode(user_path));
  EXPECT_EQ(confirmed.status, 303);
  EXPECT_EQ(confirmed.Header("location"), user_path);
  EXPECT_EQ(admin->Post(user_path + "/deactivate", csrf).Header("location"),
            user_path + "?saved=1");
  EXPECT_FALSE(fixture_.StoredUser(organisation_.volunteer).active);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, Invitations, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, Invitations, ::testing::Values(Backend::kPostgres));
INSTANTIATE_TEST_SUITE_P(Sqlite, Deactivation, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, Deactivation, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
