// The person in charge of the protection of personal information (Law 25, s. 3.1) and the public
// privacy pages (s. 3.2, 8): named by the administrators through the app layer, read with the
// session (the flag that opens the privacy hub to a non-admin person in charge, and the foot of
// every page), and published at /privacy/{slug} in French and English. On SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "app/privacy/person_in_charge.hpp"
#include "app/privacy/privacy_notice.hpp"
#include "auth/policies/core_member_policy.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using app::privacy::Owner;
using app::privacy::PersonInChargeCommand;
using domain::PrivacyAccess;
using domain::PrivacyRecordKind;

// A complete, valid person in charge of organisation `slug`, linked to `user_id` when given.
PersonInChargeCommand PersonOf(const std::string& slug,
                               std::optional<std::int64_t> user_id = std::nullopt) {
  return {.details = {.user_id = user_id,
                      .name = "Rachel Registre " + slug,
                      .title = "Déléguée à la vie privée",
                      .email = "vie-privee@" + slug + ".example",
                      .phone = "514 555-01" + std::to_string(slug.size()),
                      .postal_address = "C.P. 12, Montréal",
                      .delegated = true,
                      .delegated_on = CivilDate{std::chrono::year{2026}, std::chrono::March,
                                                std::chrono::day{2}},
                      .delegated_by = "Gaston Direction, directeur général"}};
}

// The fields an error names, sorted.
std::vector<std::string> FieldsOf(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& field : error.fields) fields.push_back(field.field);
  std::sort(fields.begin(), fields.end());
  return fields;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Two organisations with an account per role and a network admin, on a server that listens
// (`listen`, for the HTTP tests) or not (the app tests).
class PrivacyTestBase : public ::testing::TestWithParam<Backend> {
 protected:
  explicit PrivacyTestBase(bool listen) : server_({.backend = GetParam(), .listen = listen}) {
    a_ = fixture_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    b_ = fixture_.CreateOrganisationWithEveryRole("Cercles Québec (essai)", "quebec");
    network_admin_ = fixture_.CreateUser(std::nullopt, "Hector Réseau", "reseau@network.example",
                                         {domain::Role::kNetworkAdmin});
  }

  const app::Services& app() { return server_.app(); }

  // Names `person` as organisation `organisation`'s person in charge through its admin.
  void Name(const TestOrganisation& organisation, const PersonInChargeCommand& person) {
    const auto named = app::privacy::NamePersonInCharge(app(), ActorOf(organisation.admin),
                                                        Owner::kOrganisation, person);
    ASSERT_TRUE(named) << named.error().message.id;
  }

  TestServer server_;
  AuthFixture fixture_{server_};
  TestOrganisation a_;
  TestOrganisation b_;
  TestUser network_admin_;
};

class PrivacyOfficerTest : public PrivacyTestBase {
 protected:
  PrivacyOfficerTest() : PrivacyTestBase(false) {}
};

TEST_P(PrivacyOfficerTest, TheAdminNamesThePersonInChargeAndEachChangeIsAudited) {
  Name(a_, PersonOf("montreal", a_.coordinator.id));
  auto hub = app::privacy::LoadPrivacyHub(app(), ActorOf(a_.admin), Owner::kOrganisation);
  ASSERT_TRUE(hub);
  ASSERT_TRUE(hub->officer);
  EXPECT_EQ(hub->officer->name, "Rachel Registre montreal");
  EXPECT_EQ(hub->officer->email, "vie-privee@montreal.example");
  EXPECT_EQ(hub->officer->user_id, a_.coordinator.id);
  EXPECT_TRUE(hub->officer->delegated);
  EXPECT_EQ(hub->officer->delegated_by, "Gaston Direction, directeur général");
  EXPECT_EQ(hub->linked_account, a_.coordinator.display_name);
  EXPECT_TRUE(hub->may_edit);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "privacy_officer.update", a_.admin.id), 1U);

  // Named again: the same row changes, and not delegated any more, the delegation is cleared.
  auto again = PersonOf("montreal");
  again.details.name = "Gaston Direction";
  again.details.delegated = false;
  Name(a_, again);
  hub = app::privacy::LoadPrivacyHub(app(), ActorOf(a_.admin), Owner::kOrganisation);
  ASSERT_TRUE(hub && hub->officer);
  EXPECT_EQ(hub->officer->name, "Gaston Direction");
  EXPECT_FALSE(hub->officer->user_id);
  EXPECT_FALSE(hub->officer->delegated);
  EXPECT_FALSE(hub->officer->delegated_on);
  EXPECT_EQ(hub->officer->delegated_by, "");
  EXPECT_EQ(fixture_.CountRows("privacy_officers"), 1);
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "privacy_officer.update"), 2U);
}

TEST_P(PrivacyOfficerTest, FieldErrorsChangeNothing) {
  Name(a_, PersonOf("montreal"));
  auto bad = PersonOf("montreal", b_.coordinator.id);  // another organisation's account
  bad.details.name = "  ";
  bad.details.email = "pas une adresse";
  bad.details.phone = "appelez-moi";
  bad.details.delegated_on.reset();
  const auto refused =
      app::privacy::NamePersonInCharge(app(), ActorOf(a_.admin), Owner::kOrganisation, bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(FieldsOf(refused.error()),
            (std::vector<std::string>{"delegated_on", "email", "name", "phone", "user_id"}));
  const auto hub = app::privacy::LoadPrivacyHub(app(), ActorOf(a_.admin), Owner::kOrganisation);
  ASSERT_TRUE(hub && hub->officer);
  EXPECT_EQ(hub->officer->name, "Rachel Registre montreal");
  EXPECT_EQ(hub->officer->email, "vie-privee@montreal.example");
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "privacy_officer.update"), 1U);
}

TEST_P(PrivacyOfficerTest, OnlyAdministratorsNameItAndOthersAreAnsweredNotFound) {
  Name(a_, PersonOf("montreal", a_.coordinator.id));
  for (const auto* user : {&a_.coordinator, &a_.volunteer, &a_.partner, &a_.evaluator}) {
    const auto named = app::privacy::NamePersonInCharge(app(), ActorOf(*user), Owner::kOrganisation,
                                                        PersonOf("x"));
    ASSERT_FALSE(named) << user->email;
    EXPECT_EQ(named.error().kind, ErrorKind::kNotFound) << user->email;
    EXPECT_FALSE(app::privacy::LoadPrivacyHub(app(), ActorOf(*user), Owner::kOrganisation))
        << user->email;
  }
  // The linked coordinator, once the session marks him, sees the hub but does not edit it.
  auto officer = ActorOf(a_.coordinator);
  officer.privacy_officer = true;
  const auto hub = app::privacy::LoadPrivacyHub(app(), officer, Owner::kOrganisation);
  ASSERT_TRUE(hub);
  EXPECT_FALSE(hub->may_edit);
  EXPECT_TRUE(hub->candidates.empty());
  EXPECT_FALSE(
      app::privacy::NamePersonInCharge(app(), officer, Owner::kOrganisation, PersonOf("x")));
  // The network admin reaches no organisation's hub, and an organisation's admin not the
  // network's.
  EXPECT_FALSE(app::privacy::LoadPrivacyHub(app(), ActorOf(network_admin_), Owner::kOrganisation));
  EXPECT_FALSE(app::privacy::LoadPrivacyHub(app(), ActorOf(a_.admin), Owner::kNetwork));
  EXPECT_FALSE(
      app::privacy::NamePersonInCharge(app(), ActorOf(a_.admin), Owner::kNetwork, PersonOf("x")));
  EXPECT_EQ(fixture_.CountAuditEntries(a_.id, "privacy_officer.update"), 1U);
}

TEST_P(PrivacyOfficerTest, TheNetworkHasItsOwnPersonInCharge) {
  auto person = PersonOf("reseau", network_admin_.id);
  person.details.delegated = false;
  const auto named =
      app::privacy::NamePersonInCharge(app(), ActorOf(network_admin_), Owner::kNetwork, person);
  ASSERT_TRUE(named) << named.error().message.id;
  // An organisation's account cannot be linked to the network's person in charge.
  EXPECT_FALSE(app::privacy::NamePersonInCharge(app(), ActorOf(network_admin_), Owner::kNetwork,
                                                PersonOf("reseau", a_.admin.id)));
  const auto hub = app::privacy::LoadPrivacyHub(app(), ActorOf(network_admin_), Owner::kNetwork);
  ASSERT_TRUE(hub && hub->officer);
  EXPECT_FALSE(hub->officer->organisation_id);
  EXPECT_EQ(hub->linked_account, "Hector Réseau");
  EXPECT_EQ(fixture_.CountAuditEntries(std::nullopt, "privacy_officer.update", network_admin_.id),
            1U);
  // The network's row is not the organisation's.
  const auto organisation =
      app::privacy::LoadPrivacyHub(app(), ActorOf(a_.admin), Owner::kOrganisation);
  ASSERT_TRUE(organisation);
  EXPECT_FALSE(organisation->officer);
  EXPECT_EQ(app::privacy::LoadNetworkNotice(app()).officer->email, "vie-privee@reseau.example");
}

TEST_P(PrivacyOfficerTest, EachOrganisationsNoticeShowsItsOwnPersonInCharge) {
  Name(a_, PersonOf("montreal"));
  Name(b_, PersonOf("quebec"));
  const auto montreal = app::privacy::LoadOrganisationNotice(app(), "montreal");
  const auto quebec = app::privacy::LoadOrganisationNotice(app(), "quebec");
  ASSERT_TRUE(montreal && quebec);
  EXPECT_EQ(montreal->officer->email, "vie-privee@montreal.example");
  EXPECT_EQ(quebec->officer->email, "vie-privee@quebec.example");
  EXPECT_EQ(montreal->organisation, "Cercles Montréal (essai)");
  const auto missing = app::privacy::LoadOrganisationNotice(app(), "nulle-part");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

TEST_P(PrivacyOfficerTest, TheRoleTableIsWhatThePoliciesAnswer) {
  const auto notice = app::privacy::LoadOrganisationNotice(app(), "montreal");
  ASSERT_TRUE(notice);
  ASSERT_EQ(notice->access.size(), domain::EnumValues<PrivacyRecordKind>().size());
  const auto cell = [&](PrivacyRecordKind kind, domain::Role role) {
    const auto row = std::find_if(notice->access.begin(), notice->access.end(),
                                  [&](const auto& entry) { return entry.kind == kind; });
    const auto column = std::find(notice->roles.begin(), notice->roles.end(), role);
    return row->by_role.at(static_cast<std::size_t>(column - notice->roles.begin()));
  };
  // Each cell of the files' row agrees with CoreMemberPolicy for the fixture's real accounts.
  for (const auto role : domain::OrganisationRoles()) {
    const bool may_view =
        auth::policies::CoreMemberPolicy::CanView(ActorOf(a_.Holder(role)), a_.id);
    EXPECT_EQ(cell(PrivacyRecordKind::kReferralsAndFiles, role) == PrivacyAccess::kFull, may_view)
        << domain::NameOf(role);
  }
  using enum domain::Role;
  EXPECT_EQ(cell(PrivacyRecordKind::kReferralsAndFiles, kCoordinator), PrivacyAccess::kFull);
  EXPECT_EQ(cell(PrivacyRecordKind::kReferralsAndFiles, kVolunteer), PrivacyAccess::kLimited);
  EXPECT_EQ(cell(PrivacyRecordKind::kReferralsAndFiles, kEvaluator), PrivacyAccess::kNone);
  EXPECT_EQ(cell(PrivacyRecordKind::kReferralsAndFiles, kNetworkAdmin), PrivacyAccess::kNone);
  EXPECT_EQ(cell(PrivacyRecordKind::kVolunteerFiles, kVolunteer), PrivacyAccess::kLimited);
  EXPECT_EQ(cell(PrivacyRecordKind::kConcerns, kPartner), PrivacyAccess::kLimited);
  EXPECT_EQ(cell(PrivacyRecordKind::kReports, kEvaluator), PrivacyAccess::kLimited);
  EXPECT_EQ(cell(PrivacyRecordKind::kAccounts, kCoordinator), PrivacyAccess::kLimited);
  EXPECT_EQ(cell(PrivacyRecordKind::kAccounts, kOrganisationAdmin), PrivacyAccess::kFull);
  EXPECT_EQ(cell(PrivacyRecordKind::kPrivacyRegisters, kOrganisationAdmin), PrivacyAccess::kFull);
  EXPECT_EQ(cell(PrivacyRecordKind::kPrivacyRegisters, kCoordinator), PrivacyAccess::kNone);
}

// The same over HTTP: the session's flag, the public pages, the foot of every page.
class PrivacyPagesTest : public PrivacyTestBase {
 protected:
  // Both organisations have a person in charge; Montréal's is linked to a coordinator of its own.
  PrivacyPagesTest() : PrivacyTestBase(true) {
    linked_ = fixture_.CreateUser(a_.id, "Lina Liée", "lina@montreal.example",
                                  {domain::Role::kCoordinator});
    Name(a_, PersonOf("montreal", linked_.id));
    Name(b_, PersonOf("quebec"));
  }

  TestUser linked_;
};

TEST_P(PrivacyPagesTest, TheLinkedAccountReachesTheHubAfterSignInAndAnotherCoordinatorDoesNot) {
  const auto linked = fixture_.SignedInClient(linked_);
  const auto page = linked->Get("/admin/privacy");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "vie-privee@montreal.example"));
  EXPECT_TRUE(Contains(page.body, "href=\"/admin/privacy/incidents\""));
  EXPECT_FALSE(Contains(page.body, "name=\"title\"")) << "the person in charge does not edit";
  EXPECT_TRUE(Contains(linked->Get("/").body, "href=\"/admin/privacy\"")) << "navigation";

  const auto other = fixture_.SignedInClient(a_.coordinator);
  EXPECT_EQ(other->Get("/admin/privacy").status, 404);
  EXPECT_FALSE(Contains(other->Get("/").body, "href=\"/admin/privacy\""));
  const auto admin = fixture_.SignedInClient(a_.admin);
  const auto edit = admin->Get("/admin/privacy");
  EXPECT_EQ(edit.status, 200);
  EXPECT_TRUE(Contains(edit.body, "name=\"title\""));
}

TEST_P(PrivacyPagesTest, TheAdminNamesThePersonInChargeThroughTheForm) {
  const auto admin = fixture_.SignedInClient(a_.admin);
  const auto refused = admin->PostForm(
      "/admin/privacy", {{"name", "Nora Nouvelle"}, {"title", ""}, {"email", "nora@exemple.org"}},
      "/admin/privacy");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(app::privacy::LoadOrganisationNotice(server_.app(), "montreal")->officer->name,
            "Rachel Registre montreal");
  const auto saved = admin->PostForm("/admin/privacy",
                                     {{"name", "Nora Nouvelle"},
                                      {"title", "Directrice générale"},
                                      {"email", "nora@exemple.org"},
                                      {"phone", "418 555-0101"},
                                      {"user_id", std::to_string(a_.admin.id)}},
                                     "/admin/privacy");
  EXPECT_EQ(saved.status, 303);
  const auto notice = app::privacy::LoadOrganisationNotice(server_.app(), "montreal");
  EXPECT_EQ(notice->officer->name, "Nora Nouvelle");
  EXPECT_EQ(notice->officer->user_id, a_.admin.id);
  EXPECT_FALSE(notice->officer->delegated);
}

TEST_P(PrivacyPagesTest, ThePublicPageShowsThePersonInChargeAndTheRoleTableInBothLanguages) {
  HttpClient client(server_.base_url());
  const auto french = client.Get("/privacy/montreal");
  ASSERT_EQ(french.status, 200);
  EXPECT_TRUE(Contains(french.body, "<html lang=\"fr\">"));
  EXPECT_TRUE(Contains(french.body, "vie-privee@montreal.example"));
  EXPECT_TRUE(Contains(french.body, "514 555-018"));
  EXPECT_TRUE(Contains(french.body, "Qui voit quoi"));
  EXPECT_TRUE(Contains(french.body, "30 jours"));
  EXPECT_TRUE(Contains(french.body, "data-role=\"coordinator\" data-access=\"full\""));
  EXPECT_TRUE(Contains(french.body, "data-role=\"evaluator\" data-access=\"none\""));
  EXPECT_FALSE(Contains(french.body, "vie-privee@quebec.example"));
  // Published although the public impact page is off.
  EXPECT_EQ(client.Get("/public/montreal").status, 404);

  ASSERT_EQ(client.PostForm("/language", {{"lang", "en"}, {"next", "/privacy/montreal"}}).status,
            303);
  const auto english = client.Get("/privacy/montreal");
  ASSERT_EQ(english.status, 200);
  EXPECT_TRUE(Contains(english.body, "<html lang=\"en\">"));
  EXPECT_TRUE(Contains(english.body, "Who sees what"));
  EXPECT_TRUE(Contains(english.body, "within 30 days"));
  EXPECT_TRUE(Contains(english.body, "vie-privee@montreal.example"));

  const auto quebec = client.Get("/privacy/quebec");
  ASSERT_EQ(quebec.status, 200);
  EXPECT_TRUE(Contains(quebec.body, "vie-privee@quebec.example"));
  EXPECT_FALSE(Contains(quebec.body, "vie-privee@montreal.example"));
  EXPECT_EQ(client.Get("/privacy/nulle-part").status, 404);
  const auto network = client.Get("/privacy");
  EXPECT_EQ(network.status, 200);
  EXPECT_TRUE(Contains(network.body, "href=\"/privacy/quebec\""));
}

TEST_P(PrivacyPagesTest, TheFootOfEveryPageShowsHowToReachThePersonInCharge) {
  const auto volunteer = fixture_.SignedInClient(a_.volunteer);
  const auto home = volunteer->Get("/account");
  ASSERT_EQ(home.status, 200);
  const auto footer = home.body.substr(home.body.find("<footer"));
  EXPECT_TRUE(Contains(footer, "Déléguée à la vie privée"));
  EXPECT_TRUE(Contains(footer, "vie-privee@montreal.example"));
  EXPECT_TRUE(Contains(footer, "href=\"/privacy/montreal\""));
  // Another organisation's user sees their own.
  const auto other = fixture_.SignedInClient(b_.partner)->Get("/account");
  EXPECT_TRUE(Contains(other.body.substr(other.body.find("<footer")), "vie-privee@quebec.example"));
  // The network admin sees the network's, not yet named: the highest authority holds it.
  const auto network = fixture_.SignedInClient(network_admin_)->Get("/account");
  const auto network_footer = network.body.substr(network.body.find("<footer"));
  EXPECT_TRUE(Contains(network_footer, "href=\"/privacy\""));
  EXPECT_FALSE(Contains(network_footer, "vie-privee@"));
  EXPECT_TRUE(Contains(network_footer, "la personne ayant la plus haute autorité du réseau"));
  // Nobody signed in: no footer line.
  HttpClient signed_out(server_.base_url());
  const auto login = signed_out.Get("/login");
  EXPECT_FALSE(Contains(login.body, "vie-privee@montreal.example"));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PrivacyOfficerTest, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, PrivacyOfficerTest, ::testing::Values(Backend::kPostgres));
INSTANTIATE_TEST_SUITE_P(Sqlite, PrivacyPagesTest, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, PrivacyPagesTest, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
