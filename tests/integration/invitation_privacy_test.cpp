// Inviting an address that already has an account in another organisation, over a real socket, on
// SQLite and on PostgreSQL: the inviter gets exactly the answer a new address gets, learns nothing
// of the other organisation, and the person decides from a mail that carries no link.
#include <gtest/gtest.h>

#include "support/auth_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kNewEmail = "noemie@exemple.org";

class InvitationPrivacy : public ::testing::TestWithParam<Backend> {
 protected:
  InvitationPrivacy() {
    organisation_a_ =
        fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    organisation_b_ = fixture_.CreateOrganisationWithEveryRole("Cercles Québec (essai)", "quebec");
  }

  // Organisation A's admin invites `email` as a volunteer.
  HttpResult InviteToA(HttpClient& admin, const std::string& email) {
    return admin.PostForm(
        "/admin/users/invite",
        {{"display_name", "Personne Invitée"}, {"email", email}, {"roles", "volunteer"}},
        "/admin/users/invite");
  }

  // Sends the outbox and returns the mail addressed to `to` (fails the test when there is none).
  ReceivedMail MailTo(const std::string& to, std::size_t expected_total) {
    server_.runtime().mail_sender().DeliverDue();
    for (const auto& mail : sink_.WaitFor(expected_total, 10s)) {
      if (mail.envelope_to == to) return mail;
    }
    ADD_FAILURE() << "no mail to " << to;
    return {};
  }

  SmtpSink sink_;
  TestServer server_{TestServer::Options{
      GetParam(), [this](config::Config& config) { config.mail.smtp_url = sink_.url(); }}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_a_;
  TestOrganisation organisation_b_;
};

TEST_P(InvitationPrivacy, AnAddressWithAnAccountElsewhereGetsTheAnswerOfANewAddress) {
  const TestUser& elsewhere = organisation_b_.volunteer;
  const std::string account_before = fixture_.StoredUser(elsewhere).password_hash;
  auto admin = fixture_.SignedInClient(organisation_a_.admin);
  const auto fresh = InviteToA(*admin, kNewEmail);
  const auto taken = InviteToA(*admin, elsewhere.email);
  EXPECT_EQ(fresh.status, 303);
  EXPECT_EQ(taken.status, fresh.status);
  EXPECT_EQ(taken.Header("location"), fresh.Header("location"));
  EXPECT_EQ(ComparablePage(taken.body, {elsewhere.email}), ComparablePage(fresh.body, {kNewEmail}));
  EXPECT_EQ(fixture_.CountAuditEntries(organisation_a_.id, "user.invite", organisation_a_.admin.id),
            2u)
      << "both invitations are audited alike";

  // Nothing about the other organisation or its member shows to the inviter.
  for (const std::string& path : {std::string("/admin/users"), std::string("/admin/audit")}) {
    const auto page = admin->Get(path);
    ASSERT_EQ(page.status, 200) << path;
    for (const std::string& word : {elsewhere.display_name, organisation_b_.name,
                                    std::string("quebec"), std::string("Québec")}) {
      EXPECT_EQ(page.body.find(word), std::string::npos) << path << " shows " << word;
    }
  }

  // The new address gets a link; the existing account gets a mail without one, and stays as it was.
  const auto fresh_mail = MailTo(kNewEmail, 2);
  EXPECT_NE(fresh_mail.body.find("/invitations/accept?token="), std::string::npos)
      << fresh_mail.body;
  const auto taken_mail = MailTo(elsewhere.email, 2);
  EXPECT_EQ(taken_mail.body.find("/invitations/accept"), std::string::npos) << taken_mail.body;
  EXPECT_NE(taken_mail.body.find("already has a Cercle account"), std::string::npos)
      << taken_mail.body;
  EXPECT_NE(taken_mail.body.find("a déjà un compte Cercle"), std::string::npos) << taken_mail.body;
  const auto stored = fixture_.StoredUser(elsewhere);
  EXPECT_EQ(stored.organisation_id, organisation_b_.id);
  EXPECT_EQ(stored.password_hash, account_before);
  HttpClient person(server_.base_url());
  EXPECT_EQ(SubmitSignIn(person, elsewhere.email, kTestPassword).status, 303);
}

TEST_P(InvitationPrivacy, ANetworkAdminInvitingAnAdminFromAnotherOrganisationLearnsNothing) {
  const TestUser network_admin = fixture_.CreateUser(
      std::nullopt, "Réseau Admin", "reseau@exemple.org", {domain::Role::kNetworkAdmin});
  auto admin = fixture_.SignedInClient(network_admin);
  const std::string path =
      "/network/organisations/" + std::to_string(organisation_a_.id) + "/admins";
  const std::string csrf_page = "/network/organisations";
  const auto fresh = admin->PostForm(
      path, {{"display_name", "Personne Invitée"}, {"email", kNewEmail}}, csrf_page);
  const auto taken = admin->PostForm(
      path, {{"display_name", "Personne Invitée"}, {"email", organisation_b_.coordinator.email}},
      csrf_page);
  EXPECT_EQ(fresh.status, 303);
  EXPECT_EQ(taken.status, fresh.status);
  EXPECT_EQ(taken.Header("location"), fresh.Header("location"));
  EXPECT_EQ(ComparablePage(taken.body, {organisation_b_.coordinator.email}),
            ComparablePage(fresh.body, {kNewEmail}));
  const auto taken_mail = MailTo(organisation_b_.coordinator.email, 2);
  EXPECT_EQ(taken_mail.body.find("/invitations/accept"), std::string::npos) << taken_mail.body;
  EXPECT_EQ(fixture_.StoredUser(organisation_b_.coordinator).organisation_id, organisation_b_.id);
}

TEST_P(InvitationPrivacy, AnAddressAlreadyInTheInvitersOwnOrganisationIsStillNamed) {
  // The inviter sees their own organisation's users anyway: saying so leaks nothing and helps.
  auto admin = fixture_.SignedInClient(organisation_a_.admin);
  const std::string before = fixture_.Snapshot();
  const auto taken = InviteToA(*admin, organisation_a_.volunteer.email);
  EXPECT_EQ(taken.status, 422);
  EXPECT_NE(taken.body.find("Un compte utilise déjà cette adresse"), std::string::npos);
  EXPECT_EQ(fixture_.Snapshot(), before);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, InvitationPrivacy, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, InvitationPrivacy, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
