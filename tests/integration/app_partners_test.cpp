// The outer circle called straight on the application layer, without a socket, on SQLite and
// PostgreSQL: partner contacts, the agreements attaching them to circles with their documents,
// and the partner's own pages. Each change is audited once, a refusal changes nothing, and another
// organisation's actor is answered as if the record did not exist.
#include <gtest/gtest.h>

#include "app/circles/partner_circles.hpp"
#include "app/circles/partners.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

using domain::CirclePhase;

bool HasField(const Error& error, const std::string& field) {
  return std::any_of(error.fields.begin(), error.fields.end(),
                     [&](const FieldError& found) { return found.field == field; });
}

class AppPartners : public ::testing::TestWithParam<Backend> {
 protected:
  AppPartners() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    coordinator_ = ActorOf(a_.coordinator);
    stranger_ = ActorOf(b_.coordinator);
    partner_ = ActorOf(a_.partner);
    const auto core_member = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001",
                                                      domain::CoreMemberStatus::kInCircle);
    // His consent to share with the outer circle, without which no agreement gives access.
    intake_.AddConsent(a_.id, core_member);
    circle_ = circles_.CreateCircle(a_.id, core_member, CirclePhase::kWeekly, AddDays(today_, -60),
                                    AddDays(today_, -90));
    const auto other = intake_.CreateCoreMember(a_.id, "Gaston Fictif", "2026-002",
                                                domain::CoreMemberStatus::kInCircle);
    intake_.AddConsent(a_.id, other);
    other_circle_ = circles_.CreateCircle(a_.id, other, CirclePhase::kWeekly, AddDays(today_, -60),
                                          AddDays(today_, -90));
  }

  app::circles::PartnerDetails Agathe() const {
    return {.kind = domain::PartnerKind::kParoleOfficer,
            .name = "  Agathe Agente  ",
            .partner_organisation = "Service correctionnel (essai)",
            .email = "agathe@example.org"};
  }

  app::circles::AttachPartnerCommand Attach(std::int64_t contact) const {
    return {.circle_id = circle_,
            .contact_id = contact,
            .starts_on = AddDays(today_, -1),
            .scope = "Présences et absences aux rencontres."};
  }

  std::size_t Audited(const std::string& action, const TestUser& user) {
    return auth_.CountAuditEntries(a_.id, action, user.id);
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  auth::Actor coordinator_, stranger_, partner_;
  CivilDate today_;
  std::int64_t circle_ = 0, other_circle_ = 0;
};

TEST_P(AppPartners, AContactIsCheckedTheSameWayWhenCreatedAndWhenChanged) {
  const auto empty = app::circles::CreatePartner(server_.app(), coordinator_, {});
  ASSERT_FALSE(empty);
  EXPECT_TRUE(HasField(empty.error(), "kind"));
  EXPECT_TRUE(HasField(empty.error(), "name"));
  auto details = Agathe();
  details.user_id = a_.coordinator.id;
  const auto not_a_partner = app::circles::CreatePartner(server_.app(), coordinator_, details);
  ASSERT_FALSE(not_a_partner);
  EXPECT_TRUE(HasField(not_a_partner.error(), "user")) << "only a partner's account";
  EXPECT_EQ(auth_.CountRows("partner_contacts"), 0);

  details.user_id = a_.partner.id;
  const auto created = app::circles::CreatePartner(server_.app(), coordinator_, details);
  ASSERT_TRUE(created);
  EXPECT_EQ(Audited("partner_contact.create", a_.coordinator), 1u);
  const auto twice = app::circles::CreatePartner(server_.app(), coordinator_, details);
  ASSERT_FALSE(twice);
  EXPECT_TRUE(HasField(twice.error(), "user")) << "one contact per account";

  auto changed = Agathe();
  changed.name = "Agathe Nouvelle";
  changed.user_id = a_.partner.id;
  changed.unreadable.push_back({"phone", {"Unreadable.", {}}});
  const auto unreadable = app::circles::UpdatePartner(server_.app(), coordinator_,
                                                      {.contact_id = *created, .details = changed});
  ASSERT_FALSE(unreadable);
  EXPECT_TRUE(HasField(unreadable.error(), "phone"));
  changed.unreadable.clear();
  ASSERT_TRUE(app::circles::UpdatePartner(server_.app(), coordinator_,
                                          {.contact_id = *created, .details = changed}))
      << "the contact keeps its own account";
  EXPECT_EQ(auth_.CountRows("partner_contacts WHERE name = 'Agathe Nouvelle'"), 1);
  EXPECT_EQ(Audited("partner_contact.update", a_.coordinator), 1u);
  EXPECT_EQ(app::circles::UpdatePartner(server_.app(), stranger_,
                                        {.contact_id = *created, .details = Agathe()})
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(
      app::circles::CreatePartner(server_.app(), ActorOf(a_.volunteer), Agathe()).error().kind,
      ErrorKind::kNotFound);
}

TEST_P(AppPartners, TheListAndAContactsPageShowTheOrganisationsContactsOnly) {
  const auto contact = circles_.AddPartnerContact(a_.id, "Agathe Agente", a_.partner.id);
  circles_.AddPartnerContact(b_.id, "Bernard Autre");
  circles_.AddAgreement(a_.id, contact, circle_, AddDays(today_, -10));

  const auto list = app::circles::LoadPartnerList(server_.app(), coordinator_, {});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->total, 1);
  ASSERT_EQ(list->contacts.size(), 1u);
  EXPECT_EQ(list->contacts.front().id, contact);
  ASSERT_EQ(list->accounts.size(), 1u) << "the accounts with the partner role";
  EXPECT_EQ(list->accounts.front().id, a_.partner.id);
  EXPECT_EQ(app::circles::LoadPartnerList(server_.app(), partner_, {}).error().kind,
            ErrorKind::kNotFound);

  const auto page = app::circles::LoadPartnerPage(server_.app(), coordinator_, contact);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->contact.name, "Agathe Agente");
  ASSERT_EQ(page->agreements.size(), 1u);
  EXPECT_EQ(page->circle_code_names.at(circle_), circles_.Stored(a_.id, circle_).code_name);
  EXPECT_EQ(Audited("partner_contact.view", a_.coordinator), 1u);
  ASSERT_TRUE(app::circles::LoadPartnerPage(server_.app(), coordinator_, contact,
                                            app::circles::ViewAudit::kSkip));
  EXPECT_EQ(Audited("partner_contact.view", a_.coordinator), 1u);
  EXPECT_EQ(app::circles::LoadPartnerPage(server_.app(), stranger_, contact).error().kind,
            ErrorKind::kNotFound);
}

TEST_P(AppPartners, AnAgreementIsAttachedWithItsDocumentAndEndedOnce) {
  const auto contact = circles_.AddPartnerContact(a_.id, "Agathe Agente", a_.partner.id);
  auto command = Attach(contact);
  command.contact_id.reset();
  command.unreadable.push_back({"ends_on", {"Unreadable.", {}}});
  const auto refused = app::circles::AttachPartner(server_.app(), coordinator_, command);
  ASSERT_FALSE(refused);
  EXPECT_TRUE(HasField(refused.error(), "contact"));
  EXPECT_TRUE(HasField(refused.error(), "ends_on"));
  command = Attach(contact);
  command.document = {"Entente signée", "entente.txt", "pas un PDF"};
  const auto bad_file = app::circles::AttachPartner(server_.app(), coordinator_, command);
  ASSERT_FALSE(bad_file);
  EXPECT_TRUE(HasField(bad_file.error(), "file"));
  EXPECT_EQ(auth_.CountRows("sharing_agreements"), 0) << "a refused file leaves no agreement";
  EXPECT_EQ(app::circles::AttachPartner(server_.app(), stranger_, Attach(contact)).error().kind,
            ErrorKind::kNotFound);

  const std::string pdf = "%PDF-1.4\nentente signée (essai)\n%%EOF\n";
  command.document = {"Entente signée", "entente.pdf", pdf};
  const auto attached = app::circles::AttachPartner(server_.app(), coordinator_, command);
  ASSERT_TRUE(attached);
  EXPECT_EQ(Audited("circle.agreement_add", a_.coordinator), 1u);
  const auto page = app::circles::LoadPartnerPage(server_.app(), coordinator_, contact);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->agreements.size(), 1u);
  ASSERT_TRUE(page->agreements.front().document_id);
  const auto document_id = *page->agreements.front().document_id;
  const auto download =
      app::circles::DownloadAgreementDocument(server_.app(), coordinator_, document_id);
  ASSERT_TRUE(download);
  EXPECT_EQ(download->bytes, std::optional<std::string>(pdf));
  EXPECT_EQ(
      app::circles::DownloadAgreementDocument(server_.app(), stranger_, document_id).error().kind,
      ErrorKind::kNotFound);

  EXPECT_EQ(app::circles::EndAgreement(server_.app(), stranger_, *attached).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::circles::LoadAgreementCircle(server_.app(), coordinator_, *attached)->id, circle_);
  const auto ended = app::circles::EndAgreement(server_.app(), coordinator_, *attached);
  ASSERT_TRUE(ended);
  EXPECT_EQ(*ended, circle_);
  EXPECT_EQ(app::circles::EndAgreement(server_.app(), coordinator_, *attached).error().kind,
            ErrorKind::kConflict)
      << "no longer in force";
  EXPECT_EQ(Audited("circle.agreement_end", a_.coordinator), 1u);

  circles_.CloseCircle(a_.id, circle_, today_);
  EXPECT_EQ(app::circles::AttachPartner(server_.app(), coordinator_, Attach(contact)).error().kind,
            ErrorKind::kConflict)
      << "a closed circle is read-only";
}

TEST_P(AppPartners, APartnerReadsOnlyTheCirclesAnAgreementInForceAttachesThemTo) {
  const auto none = app::circles::LoadPartnerCircleList(server_.app(), partner_);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty()) << "no contact record yet";
  EXPECT_EQ(Audited("circle.partner_list", a_.partner), 0u);

  const auto contact = circles_.AddPartnerContact(a_.id, "Agathe Agente", a_.partner.id);
  const auto agreement = circles_.AddAgreement(a_.id, contact, circle_, AddDays(today_, -10));
  circles_.AddAgreement(a_.id, contact, other_circle_, AddDays(today_, -30), AddDays(today_, -20));
  const auto list = app::circles::LoadPartnerCircleList(server_.app(), partner_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u) << "the ended agreement shows nothing";
  EXPECT_EQ(list->front().circle.id, circle_);
  EXPECT_EQ(Audited("circle.partner_list", a_.partner), 1u);

  const auto page = app::circles::LoadPartnerCirclePage(server_.app(), partner_, circle_);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->circle.circle.id, circle_);
  EXPECT_EQ(Audited("circle.partner_view", a_.partner), 1u);
  EXPECT_EQ(
      app::circles::LoadPartnerCirclePage(server_.app(), partner_, other_circle_).error().kind,
      ErrorKind::kNotFound);
  EXPECT_EQ(app::circles::LoadPartnerCirclePage(server_.app(), coordinator_, circle_).error().kind,
            ErrorKind::kNotFound)
      << "the partner's pages are the partner's";
  EXPECT_EQ(
      app::circles::LoadPartnerCirclePage(server_.app(), ActorOf(b_.partner), circle_).error().kind,
      ErrorKind::kNotFound);

  ASSERT_TRUE(app::circles::EndAgreement(server_.app(), coordinator_, agreement));
  EXPECT_EQ(app::circles::LoadPartnerCirclePage(server_.app(), partner_, circle_).error().kind,
            ErrorKind::kNotFound);
  EXPECT_TRUE(app::circles::LoadPartnerCircleList(server_.app(), partner_)->empty());
  EXPECT_EQ(Audited("circle.partner_view", a_.partner), 1u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppPartners, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppPartners, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
