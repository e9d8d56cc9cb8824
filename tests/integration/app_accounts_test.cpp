// The accounts and administration workflows called as the pages, the demo and the command line
// call them, without HTTP, on SQLite and on PostgreSQL: invitations, password resets, roles,
// deactivation, settings, the audit log and the user's own account.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <algorithm>

#include "app/accounts/creation.hpp"
#include "app/accounts/invitations.hpp"
#include "app/accounts/own_account.hpp"
#include "app/accounts/password_resets.hpp"
#include "app/admin/audit_log.hpp"
#include "app/admin/settings.hpp"
#include "app/admin/users.hpp"
#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

constexpr const char* kNewPassword = "la riviere coule sous le pont";
const auth::ClientInfo kClient{"192.0.2.7", "test"};

class AppAccounts : public ::testing::TestWithParam<Backend> {
 protected:
  AppAccounts() {
    a_ = fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    b_ = fixture_.CreateOrganisationWithEveryRole("Cercles Québec (essai)", "quebec");
  }

  const app::Services& app() { return server_.app(); }

  // `user` as an actor who confirmed it was them a moment ago (step-up done).
  auth::Actor Confirmed(const TestUser& user) {
    auto actor = ActorOf(user);
    actor.reauthenticated_at = server_.clock().Now();
    return actor;
  }

  // The token of the last link mailed to `email`: the text after `marker` up to the line's end.
  std::string LastMailedToken(const std::string& email, const std::string& marker) {
    const auto body =
        server_.runtime().database().Read(store::Scope::System(), [&](soci::session& session) {
          std::string text;
          session << "SELECT body FROM outbox WHERE recipient = :to ORDER BY id DESC LIMIT 1",
              soci::use(email, "to"), soci::into(text);
          return text;
        });
    const auto start = body.find(marker);
    if (start == std::string::npos) return "";
    return body.substr(start + marker.size(), body.find('\n', start) - start - marker.size());
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture fixture_{server_};
  TestOrganisation a_;
  TestOrganisation b_;
};

TEST_P(AppAccounts, AnInvitationCreatesTheAccountOnce) {
  const auto link = app::accounts::Invite(
      app(), ActorOf(a_.admin),
      {a_.id, "Noémie Nouvelle", "noemie@exemple.org", {domain::Role::kVolunteer}});
  ASSERT_TRUE(link) << link.error().message.id;
  const std::string token = link->substr(link->find("token=") + 6);
  EXPECT_EQ(LastMailedToken("noemie@exemple.org", "accept?token="), token);
  const auto page = app::accounts::LoadInvitationPage(app(), token);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->display_name, "Noémie Nouvelle");
  EXPECT_EQ(page->email, "noemie@exemple.org");

  const auto created = app::accounts::AcceptInvitation(app(), kClient, {token, kNewPassword, "en"});
  ASSERT_TRUE(created) << created.error().message.id;
  const auto user = fixture_.FindUserByEmail("noemie@exemple.org");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->id, *created);
  EXPECT_EQ(user->organisation_id, a_.id);
  EXPECT_EQ(user->language, "en");
  EXPECT_TRUE(user->roles.Has(domain::Role::kVolunteer));
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "user.invite", a_.admin.id), 1u);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "user.create", *created), 1u);

  const auto again = app::accounts::AcceptInvitation(app(), kClient, {token, kNewPassword, "fr"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kInvalid);
  EXPECT_FALSE(app::accounts::LoadInvitationPage(app(), token));
}

TEST_P(AppAccounts, InvitingAnAddressTheInviterSeesIsRefusedAndOnlyAdminsInvite) {
  const auto taken = app::admin::InviteUser(
      app(), ActorOf(a_.admin), {"Double", a_.coordinator.email, {domain::Role::kVolunteer}});
  ASSERT_FALSE(taken);
  ASSERT_EQ(taken.error().fields.size(), 1u);
  EXPECT_EQ(taken.error().fields[0].field, "email");
  // Another organisation's account gets the same answer as a new address.
  EXPECT_TRUE(app::admin::InviteUser(app(), ActorOf(a_.admin),
                                     {"Double", b_.coordinator.email, {domain::Role::kVolunteer}}));
  const auto refused = app::admin::InviteUser(
      app(), ActorOf(a_.coordinator), {"Noémie", "noemie@exemple.org", {domain::Role::kVolunteer}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "user.invite"), 1u);
}

TEST_P(AppAccounts, AResetLinkSetsANewPasswordOnceAndEndsTheSessions) {
  const auto session = fixture_.StartSession(a_.coordinator);
  ASSERT_TRUE(app::accounts::RequestPasswordReset(app(), kClient, a_.coordinator.email));
  EXPECT_EQ(app::accounts::ProcessPasswordResetRequests(app()), 1);
  const std::string token = LastMailedToken(a_.coordinator.email, "reset?token=");
  ASSERT_FALSE(token.empty());
  EXPECT_TRUE(app::accounts::ResetLinkValid(app(), token));

  const auto reset = app::accounts::ResetPassword(app(), kClient, {token, kNewPassword});
  ASSERT_TRUE(reset) << reset.error().message.id;
  EXPECT_EQ(*reset, a_.coordinator.id);
  EXPECT_FALSE(fixture_.SessionExists(session.id));
  EXPECT_FALSE(app::accounts::ResetLinkValid(app(), token));
  EXPECT_FALSE(app::accounts::ResetPassword(app(), kClient, {token, kNewPassword}));
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "auth.password_reset", a_.coordinator.id), 1u);
}

TEST_P(AppAccounts, AResetRequestForAnUnknownAddressMailsNothing) {
  const auto outbox = fixture_.CountRows("outbox");
  ASSERT_TRUE(app::accounts::RequestPasswordReset(app(), kClient, "personne@exemple.org"));
  EXPECT_EQ(app::accounts::ProcessPasswordResetRequests(app()), 0);
  EXPECT_EQ(fixture_.CountRows("outbox"), outbox);
  const auto malformed = app::accounts::RequestPasswordReset(app(), kClient, "pas une adresse");
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.error().fields[0].field, "email");
}

TEST_P(AppAccounts, RolesChangeAfterAStepUpAndOnlyInTheAdminsOrganisation) {
  const app::admin::RoleChange change{a_.coordinator.id,
                                      {domain::Role::kCoordinator, domain::Role::kEvaluator}};
  const auto unconfirmed = app::admin::ChangeRoles(app(), ActorOf(a_.admin), change);
  ASSERT_FALSE(unconfirmed);
  EXPECT_EQ(unconfirmed.error().kind, ErrorKind::kUnauthenticated);
  EXPECT_FALSE(fixture_.StoredUser(a_.coordinator).roles.Has(domain::Role::kEvaluator));

  ASSERT_TRUE(app::admin::ChangeRoles(app(), Confirmed(a_.admin), change));
  EXPECT_TRUE(fixture_.StoredUser(a_.coordinator).roles.Has(domain::Role::kEvaluator));
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "user.roles", a_.admin.id), 1u);

  const auto elsewhere = app::admin::ChangeRoles(app(), Confirmed(b_.admin), change);
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().kind, ErrorKind::kNotFound);
  const auto own = app::admin::ChangeRoles(app(), Confirmed(a_.admin),
                                           {a_.admin.id, {domain::Role::kCoordinator}});
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().fields[0].field, "roles");
  EXPECT_TRUE(fixture_.StoredUser(a_.admin).roles.Has(domain::Role::kOrganisationAdmin));
}

TEST_P(AppAccounts, DeactivationEndsTheSessionsAndReactivationRestoresTheAccount) {
  const auto session = fixture_.StartSession(a_.volunteer);
  ASSERT_TRUE(app::admin::Deactivate(app(), Confirmed(a_.admin), {a_.volunteer.id}));
  EXPECT_FALSE(fixture_.StoredUser(a_.volunteer).active);
  EXPECT_FALSE(fixture_.SessionExists(session.id));
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "user.deactivate", a_.admin.id), 1u);

  const auto own = app::admin::Deactivate(app(), Confirmed(a_.admin), {a_.admin.id});
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().kind, ErrorKind::kInvalid);
  const auto elsewhere = app::admin::Reactivate(app(), Confirmed(b_.admin), {a_.volunteer.id});
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().kind, ErrorKind::kNotFound);

  ASSERT_TRUE(app::admin::Reactivate(app(), Confirmed(a_.admin), {a_.volunteer.id}));
  EXPECT_TRUE(fixture_.StoredUser(a_.volunteer).active);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "user.reactivate", a_.admin.id), 1u);
}

TEST_P(AppAccounts, AUserPageRecordsItsViewAndListsWhoLooked) {
  const auto page = app::admin::LoadUserPage(app(), ActorOf(a_.admin), a_.volunteer.id,
                                             app::admin::RecordView::kYes);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->user.email, a_.volunteer.email);
  ASSERT_EQ(page->viewers.size(), 1u);
  ASSERT_TRUE(page->viewers[0].name);
  EXPECT_EQ(*page->viewers[0].name, a_.admin.display_name);
  EXPECT_FALSE(page->self);
  ASSERT_TRUE(app::admin::LoadUserPage(app(), ActorOf(a_.admin), a_.volunteer.id,
                                       app::admin::RecordView::kNo));
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "user.view", a_.admin.id), 1u);

  const auto elsewhere = app::admin::LoadUserPage(app(), ActorOf(b_.admin), a_.volunteer.id,
                                                  app::admin::RecordView::kYes);
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().kind, ErrorKind::kNotFound);
}

TEST_P(AppAccounts, TheUsersPageListsTheOrganisationOnlyForItsAdmins) {
  const auto page = app::admin::LoadUsersPage(app(), ActorOf(a_.admin));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->users.size(), 5u);
  for (const auto& user : page->users) EXPECT_NE(user.email, b_.admin.email);
  const auto refused = app::admin::LoadUsersPage(app(), ActorOf(a_.coordinator));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
}

TEST_P(AppAccounts, SavingSettingsStoresAndAuditsOnlyWhatChanged) {
  using domain::SettingKey;
  const auto before = app::admin::LoadSettingsPage(app(), ActorOf(a_.admin));
  ASSERT_TRUE(before);
  EXPECT_EQ(before->values.Get(SettingKey::kCircleMinimumVolunteers), 3);
  ASSERT_TRUE(app::admin::SaveSettings(
      app(), ActorOf(a_.admin),
      {{{SettingKey::kCircleMinimumVolunteers, 2}, {SettingKey::kCircleReviewMonths, 3}}}));
  EXPECT_EQ(app::admin::LoadSettingsPage(app(), ActorOf(a_.admin))
                ->values.Get(SettingKey::kCircleMinimumVolunteers),
            2);
  EXPECT_EQ(app::admin::LoadSettingsPage(app(), ActorOf(b_.admin))
                ->values.Get(SettingKey::kCircleMinimumVolunteers),
            3);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "settings.change", a_.admin.id), 1u);

  const auto refused = app::admin::SaveSettings(app(), ActorOf(a_.coordinator),
                                                {{{SettingKey::kCircleMinimumVolunteers, 4}}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  EXPECT_FALSE(app::admin::LoadSettingsPage(app(), ActorOf(a_.coordinator)));
}

TEST_P(AppAccounts, ReadingTheAuditLogIsItselfAudited) {
  ASSERT_TRUE(app::admin::LoadUserPage(app(), ActorOf(a_.admin), a_.volunteer.id,
                                       app::admin::RecordView::kYes));
  app::admin::AuditQuery query;
  query.filter.action_prefix = "user.view";
  const auto page = app::admin::LoadAuditPage(app(), ActorOf(a_.admin), query);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 1);
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].event.object_id, std::to_string(a_.volunteer.id));
  EXPECT_EQ(page->users.size(), 5u);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "audit.read", a_.admin.id), 1u);
  const auto refused = app::admin::LoadAuditPage(app(), ActorOf(a_.volunteer), query);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
}

TEST_P(AppAccounts, TheOwnAccountKeepsItsLanguageAndListsItsSessions) {
  ASSERT_TRUE(app::accounts::SetLanguage(app(), ActorOf(a_.volunteer), {"en"}));
  EXPECT_EQ(fixture_.StoredUser(a_.volunteer).language, "en");
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "user.language", a_.volunteer.id), 1u);
  const auto refused = app::accounts::SetLanguage(app(), ActorOf(a_.volunteer), {"de"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);

  const auto first = fixture_.StartSession(a_.volunteer);
  fixture_.StartSession(a_.volunteer);
  auto actor = ActorOf(a_.volunteer);
  actor.session_id = first.id;
  const auto page = app::accounts::LoadSessionsPage(app(), actor);
  ASSERT_EQ(page.sessions.size(), 2u);
  EXPECT_EQ(std::count_if(page.sessions.begin(), page.sessions.end(),
                          [](const auto& row) { return row.current; }),
            1);
}

TEST_P(AppAccounts, AnAccountMadeWithAPasswordNeedsAFreeAddress) {
  const app::accounts::NewAccount account{.organisation_id = a_.id,
                                          .display_name = "  Irène Accueil ",
                                          .email = "accueil@exemple.org",
                                          .roles = {domain::Role::kCoordinator},
                                          .password = kNewPassword};
  const auto created = app::accounts::CreateAccount(app(), account);
  ASSERT_TRUE(created) << created.error().message.id;
  EXPECT_EQ(fixture_.FindUserByEmail("accueil@exemple.org")->display_name, "Irène Accueil");
  const auto again = app::accounts::CreateAccount(app(), account);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().fields[0].field, "email");
  auto network = account;
  network.email = "reseau@exemple.org";
  network.roles = {domain::Role::kNetworkAdmin};
  EXPECT_FALSE(app::accounts::CreateAccount(app(), network));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppAccounts, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppAccounts, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
