// Law 25: consent that binds, and privacy by default, on SQLite and PostgreSQL. A withdrawn or
// expired consent stops what it covered: the partner who saw a circle the day before gets the
// audited 404 and no longer finds it listed, nor the disclosures that rested on the consent; the
// coordinator sees the agreement suspended and why; a disclosure needing it is refused with the
// reason. A story about a core member needs his media consent, and disappears from what is
// published when he withdraws it. A new organisation starts with every protective setting, and an
// evaluator there is told that evaluator access is off.
#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "app/admin/settings.hpp"
#include "app/concerns/concern_follow_up.hpp"
#include "app/concerns/concern_handling.hpp"
#include "app/intake/legal.hpp"
#include "app/network/organisations.hpp"
#include "app/outreach/outreach.hpp"
#include "app/privacy/retention.hpp"
#include "app/reports/public_impact.hpp"
#include "app/reports/report_queries.hpp"
#include "domain/settings.hpp"
#include "store/settings_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "web/views.hpp"

namespace cercle::testing {
namespace {

using domain::CirclePhase;

constexpr const char* kShared = "Rencontre d'urgence prévue demain (essai).";
constexpr const char* kStoryTitle = "Un nouveau départ (récit fictif)";

class ConsentBinding : public ::testing::TestWithParam<Backend> {
 protected:
  ConsentBinding() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    today_ = circles_.Today();
    coordinator_ = ActorOf(a_.coordinator);
    core_member_ = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
    circle_ = circles_.CreateCircle(a_.id, core_member_, CirclePhase::kWeekly, AddDays(today_, -60),
                                    AddDays(today_, -60));
    contact_ = circles_.AddPartnerContact(a_.id, "Agathe Agente", a_.partner.id);
    agreement_ = circles_.AddAgreement(a_.id, contact_, circle_, AddDays(today_, -30));
  }

  std::string Id(std::int64_t id) const { return std::to_string(id); }

  // A consent of the core member recorded by the coordinator through the intake workflow.
  std::int64_t Consent(domain::ConsentScope scope, CivilDate given_on,
                       std::optional<CivilDate> expires_on = std::nullopt) {
    const auto id = app::intake::CreateConsent(server_.app(), coordinator_,
                                               {.core_member_id = core_member_,
                                                .scope = scope,
                                                .given_on = given_on,
                                                .expires_on = expires_on});
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  // The coordinator records that the core member withdrew consent `id` today.
  void Withdraw(std::int64_t id) {
    ASSERT_TRUE(app::intake::WithdrawConsent(server_.app(), coordinator_,
                                             {.consent_id = id, .withdrawn_on = circles_.Today()}));
  }

  // The test clock moves to the same hour of the next day.
  void NextDay() { server_.clock().Advance(std::chrono::hours(24)); }

  // A concern about the circle disclosed to the partner under the agreement.
  std::int64_t DisclosedConcern() {
    const auto concern =
        concerns_.Raise({a_.id, circle_, a_.coordinator.id, std::nullopt,
                         domain::ConcernCategory::kHostility, domain::Severity::kConcern});
    concerns_.Acknowledge(a_.id, concern, a_.coordinator.id, true);
    concerns_.DiscloseToPartner(a_.id, concern, contact_, agreement_, a_.coordinator.id, kShared);
    return concern;
  }

  // GET `path` as the partner: the audited 404, exactly as for a missing record.
  void ExpectHidden(const std::string& path, const std::string& id) {
    auto client = auth_.SignedInClient(a_.partner);
    const auto before = auth_.CountAuditEntries(a_.id, "authz.denied", a_.partner.id);
    const auto result = client->Get(path);
    EXPECT_EQ(result.status, 404) << path;
    EXPECT_EQ(auth_.CountAuditEntries(a_.id, "authz.denied", a_.partner.id), before + 1) << path;
    std::string missing_path = path;
    missing_path.replace(missing_path.find(id), id.size(), "987654321");
    const auto missing = client->Get(missing_path);
    EXPECT_EQ(ComparablePage(missing.body, {missing_path}), ComparablePage(result.body, {path}))
        << path;
  }

  // The French text of `msgid` with its {date} written out in French, as the pages show it.
  std::string FrenchWithDate(const std::string& msgid, CivilDate date) {
    const auto& translator = server_.runtime().translator();
    return concerns_.French(
        msgid,
        {{"date", translator.FormatCivilDate(i18n::Language::kFrench, FormatIsoDate(date))}});
  }

  TestServer server_{{.backend = GetParam()}};
  AuthFixture auth_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_;
  auth::Actor coordinator_;
  CivilDate today_;
  std::int64_t core_member_ = 0, circle_ = 0, contact_ = 0, agreement_ = 0;
};

TEST_P(ConsentBinding, AWithdrawnConsentHidesWhatThePartnerSawTheDayBefore) {
  const auto consent = Consent(domain::ConsentScope::kOuterCircle, AddDays(today_, -40));
  const auto concern = DisclosedConcern();
  auto partner = auth_.SignedInClient(a_.partner);
  // Day D: the partner reads the circle and what was disclosed to them.
  ASSERT_EQ(partner->Get("/my-circles/" + Id(circle_)).status, 200);
  EXPECT_NE(partner->Get("/my-circles").body.find("/my-circles/" + Id(circle_)), std::string::npos);
  ASSERT_EQ(partner->Get("/my-concerns/" + Id(concern)).status, 200);
  EXPECT_NE(partner->Get("/my-concerns").body.find("/my-concerns/" + Id(concern)),
            std::string::npos);

  // The core member withdraws his consent that day; the next day the partner sees nothing of it.
  const CivilDate withdrawn_on = circles_.Today();
  Withdraw(consent);
  NextDay();
  // A day later the partner signs in again (a session does not last a day).
  partner = auth_.SignedInClient(a_.partner);
  ExpectHidden("/my-circles/" + Id(circle_), Id(circle_));
  const auto circles = partner->Get("/my-circles");
  EXPECT_EQ(circles.status, 200);
  EXPECT_EQ(circles.body.find("/my-circles/" + Id(circle_)), std::string::npos);
  ExpectHidden("/my-concerns/" + Id(concern), Id(concern));
  const auto concerns = partner->Get("/my-concerns");
  EXPECT_EQ(concerns.status, 200);
  EXPECT_EQ(concerns.body.find("/my-concerns/" + Id(concern)), std::string::npos);
  EXPECT_EQ(concerns.body.find(kShared), std::string::npos);

  // The coordinator sees the agreement suspended, and why, on the circle and on the contact.
  const std::string reason =
      FrenchWithDate("Suspended: consent withdrawn on {date}.", withdrawn_on);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto circle_page = coordinator->Get("/circles/" + Id(circle_));
  ASSERT_EQ(circle_page.status, 200);
  EXPECT_NE(circle_page.body.find(reason), std::string::npos);
  EXPECT_NE(circle_page.body.find(concerns_.French("Agreement suspended")), std::string::npos);
  EXPECT_NE(coordinator->Get("/partners/" + Id(contact_)).body.find(reason), std::string::npos);

  // A new consent in force gives the partner the circle back.
  Consent(domain::ConsentScope::kOuterCircle, circles_.Today());
  EXPECT_EQ(partner->Get("/my-circles/" + Id(circle_)).status, 200);
  EXPECT_EQ(coordinator->Get("/circles/" + Id(circle_)).body.find(reason), std::string::npos);
}

TEST_P(ConsentBinding, AnExpiredConsentHidesTheCircleTheDayAfterItsLastDay) {
  // A consent naming the partner's own organisation, valid until today included.
  const auto id =
      app::intake::CreateConsent(server_.app(), coordinator_,
                                 {.core_member_id = core_member_,
                                  .scope = domain::ConsentScope::kPartnerOrganisation,
                                  .partner_organisation = "service correctionnel (ESSAI)",
                                  .given_on = AddDays(today_, -300),
                                  .expires_on = today_});
  ASSERT_TRUE(id);
  auto partner = auth_.SignedInClient(a_.partner);
  ASSERT_EQ(partner->Get("/my-circles/" + Id(circle_)).status, 200);
  NextDay();
  ExpectHidden("/my-circles/" + Id(circle_), Id(circle_));
  const auto circles = auth_.SignedInClient(a_.partner)->Get("/my-circles");
  EXPECT_EQ(circles.status, 200);
  EXPECT_EQ(circles.body.find("/my-circles/" + Id(circle_)), std::string::npos);
  const auto page = auth_.SignedInClient(a_.coordinator)->Get("/circles/" + Id(circle_));
  EXPECT_NE(page.body.find(FrenchWithDate("Suspended: consent expired on {date}.", today_)),
            std::string::npos);
}

TEST_P(ConsentBinding, AnAgreementAloneGivesNoAccessAndTheCoordinatorIsTold) {
  ExpectHidden("/my-circles/" + Id(circle_), Id(circle_));
  const auto page = auth_.SignedInClient(a_.coordinator)->Get("/circles/" + Id(circle_));
  EXPECT_NE(page.body.find(
                concerns_.French("Suspended: no consent of the core member covers this partner.")),
            std::string::npos);
  // A consent naming another organisation does not cover this partner either.
  app::intake::NewConsent other{.core_member_id = core_member_,
                                .scope = domain::ConsentScope::kPartnerOrganisation,
                                .partner_organisation = "Centre d'aide (essai)",
                                .given_on = AddDays(today_, -5)};
  ASSERT_TRUE(app::intake::CreateConsent(server_.app(), coordinator_, other));
  ExpectHidden("/my-circles/" + Id(circle_), Id(circle_));
}

TEST_P(ConsentBinding, ADisclosureThatNeedsTheConsentIsRefusedWithTheReason) {
  const auto consent = Consent(domain::ConsentScope::kOuterCircle, AddDays(today_, -40));
  const auto concern =
      concerns_.Raise({a_.id, circle_, a_.coordinator.id, std::nullopt,
                       domain::ConcernCategory::kHostility, domain::Severity::kConcern});
  concerns_.Acknowledge(a_.id, concern, a_.coordinator.id, true);
  const auto disclose = [&](domain::LegalBasis basis) {
    return app::concerns::RecordDisclosure(
        server_.app(), coordinator_,
        {.concern_id = concern,
         .draft = {.recipient_kind = domain::RecipientKind::kPartnerContact,
                   .partner_contact_id = contact_,
                   .disclosed_at = server_.clock().Now(),
                   .means = domain::DisclosureMeans::kPhone,
                   .shared = kShared,
                   .basis = basis}});
  };
  ASSERT_TRUE(disclose(domain::LegalBasis::kAgreement)) << "in force with its consent";
  const std::string before = concerns_.Snapshot();
  const CivilDate withdrawn_on = circles_.Today();
  Withdraw(consent);
  NextDay();
  for (const auto basis : {domain::LegalBasis::kConsent, domain::LegalBasis::kAgreement}) {
    const auto refused = disclose(basis);
    ASSERT_FALSE(refused);
    ASSERT_EQ(refused.error().fields.size(), 1u);
    const auto& field = refused.error().fields.front();
    EXPECT_EQ(field.field, "basis");
    const std::string expected =
        basis == domain::LegalBasis::kConsent
            ? "The core member withdrew this consent on {date}. Choose another basis and explain "
              "it."
            : "The information-sharing agreement with {name} is suspended: the core member "
              "withdrew his consent on {date}. Choose another basis and explain it.";
    EXPECT_EQ(field.message.id, expected);
    const auto& translator = server_.runtime().translator();
    EXPECT_NE(translator.Translate(i18n::Language::kFrench, expected), expected)
        << "the reason reads in French too";
    bool dated = false;
    for (const auto& argument : field.message.arguments) {
      if (argument.name == "date") dated = argument.value == FormatIsoDate(withdrawn_on);
    }
    EXPECT_TRUE(dated);
  }
  EXPECT_EQ(concerns_.Snapshot(), before) << "a refused disclosure records nothing";
  // Over HTTP the coordinator reads the reason in French on the form.
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto page =
      coordinator->PostForm("/concerns/" + Id(concern) + "/disclosures",
                            {{"recipient_kind", "partner_contact"},
                             {"partner_contact", Id(contact_)},
                             {"disclosed_at", FormatIsoDate(circles_.Today()) + "T08:40"},
                             {"means", "phone"},
                             {"shared", kShared},
                             {"basis", "agreement"}},
                            "/concerns/" + Id(concern));
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find(concerns_.FrenchBefore(
                "The information-sharing agreement with {name} is suspended: the core member "
                "withdrew his consent on {date}. Choose another basis and explain it.",
                "{date}", {{"name", "Agathe Agente"}})),
            std::string::npos);
  EXPECT_EQ(concerns_.Snapshot(), before);
}

TEST_P(ConsentBinding, AStoryAboutACoreMemberNeedsHisMediaConsentAndLeavesPublicationWithIt) {
  ReportFixture(server_).SetSetting(a_.id, domain::SettingKey::kPublicImpactPage, 1);
  const auto admin = ActorOf(a_.admin);
  const app::outreach::StoryForm form{.written_on = AddDays(today_, -2),
                                      .title = kStoryTitle,
                                      .text = "Il a retrouvé un emploi (essai).",
                                      .about_core_member_id = core_member_};
  // No media consent: refused, with the reason in the field "about", nothing stored.
  Consent(domain::ConsentScope::kOuterCircle, AddDays(today_, -40));
  const auto refused = app::outreach::CreateStory(server_.app(), coordinator_, form);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields.front().field, "about");
  EXPECT_EQ(refused.error().fields.front().message.id,
            "The core member this story is about has no media or publication consent in force. "
            "Record his consent on his file first, or write the story about no one.");
  EXPECT_EQ(intake_.CountRows("significant_stories", a_.id), 0);
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto typed = coordinator->PostForm("/outreach/stories",
                                           {{"written_on", FormatIsoDate(form.written_on)},
                                            {"title", kStoryTitle},
                                            {"text", form.text},
                                            {"about", Id(core_member_)}},
                                           "/outreach/stories/new");
  EXPECT_EQ(typed.status, 422);
  EXPECT_NE(typed.body.find(concerns_.French(refused.error().fields.front().message.id)),
            std::string::npos);
  EXPECT_EQ(intake_.CountRows("significant_stories", a_.id), 0);
  // Another organisation's or a missing core member is not a choice.
  auto elsewhere = form;
  elsewhere.about_core_member_id = 987654321;
  EXPECT_EQ(app::outreach::CreateStory(server_.app(), coordinator_, elsewhere)
                .error()
                .fields.front()
                .field,
            "about");

  // With his media consent in force: saved, reviewed, published.
  const auto media = Consent(domain::ConsentScope::kMedia, AddDays(today_, -10));
  const auto id = app::outreach::CreateStory(server_.app(), coordinator_, form);
  ASSERT_TRUE(id);
  ASSERT_TRUE(app::outreach::ReviewStory(server_.app(), admin, *id, true));
  const auto published = app::reports::LoadImpactPage(server_.app(), "cercles-a");
  ASSERT_TRUE(published);
  ASSERT_EQ(published->impact.stories.size(), 1u);
  const domain::ReportPeriod period{AddDays(today_, -30), today_};
  EXPECT_EQ(app::reports::LoadFunderReport(server_.app(), coordinator_, {.period = period})
                ->stories.size(),
            1u);
  EXPECT_NE(HttpClient(server_.base_url())
                .Get("/public/cercles-a")
                .body.find(web::EscapeHtml(kStoryTitle)),
            std::string::npos);

  // He withdraws it: the story leaves the public page and the funder report, and says why.
  const CivilDate withdrawn_on = circles_.Today();
  Withdraw(media);
  NextDay();
  coordinator = auth_.SignedInClient(a_.coordinator);
  EXPECT_TRUE(app::reports::LoadImpactPage(server_.app(), "cercles-a")->impact.stories.empty());
  const auto public_page = HttpClient(server_.base_url()).Get("/public/cercles-a");
  EXPECT_EQ(public_page.status, 200);
  EXPECT_EQ(public_page.body.find(web::EscapeHtml(kStoryTitle)), std::string::npos);
  const auto report =
      app::reports::LoadFunderReport(server_.app(), coordinator_, {.period = period});
  EXPECT_TRUE(report->stories.empty());
  EXPECT_FALSE(report->story);
  const auto page = app::outreach::LoadStoryPage(server_.app(), coordinator_, *id,
                                                 app::outreach::RecordReading::kNo);
  ASSERT_TRUE(page);
  EXPECT_FALSE(page->consent.allows());
  const auto first = [](std::int64_t) { return store::PageSlice{50, 0}; };
  EXPECT_TRUE(app::outreach::LoadOutreachPage(server_.app(), coordinator_, first, first)
                  ->held_back.contains(*id));
  const auto shown = coordinator->Get("/outreach/stories/" + Id(*id));
  EXPECT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find(FrenchWithDate("The core member this story is about withdrew his "
                                           "media or publication consent on {date}.",
                                           withdrawn_on)),
            std::string::npos);
  // Saving it again is refused too, with the reason.
  const auto edited = app::outreach::EditStory(server_.app(), coordinator_, *id, form);
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().fields.front().field, "about");
  // A story about no one needs no consent.
  auto anonymous = form;
  anonymous.about_core_member_id.reset();
  EXPECT_TRUE(app::outreach::CreateStory(server_.app(), coordinator_, anonymous));
}

TEST_P(ConsentBinding, ANewOrganisationStartsWithEveryProtectiveSetting) {
  const auto network_admin = ActorOf(auth_.CreateUser(
      std::nullopt, "Réseau Essai", "reseau@essai.example", {domain::Role::kNetworkAdmin}));
  const auto created = app::network::CreateOrganisation(server_.app(), network_admin,
                                                        {"Cercle Nouveau", "cercle-nouveau"});
  ASSERT_TRUE(created);
  const auto settings = server_.runtime().database().Read(
      store::Scope::Organisation(*created),
      [&](soci::session& session) { return store::SettingsStore(session).Load(*created); });
  std::set<domain::SettingKey> checked;
  for (const auto& protective : domain::ProtectiveSettings()) {
    EXPECT_EQ(settings.Get(protective.key), protective.value)
        << domain::Setting(protective.key).name;
    checked.insert(protective.key);
  }
  for (const auto key :
       {domain::SettingKey::kPublicImpactPage, domain::SettingKey::kEvaluatorAccess,
        domain::SettingKey::kNetworkShareFigures}) {
    EXPECT_TRUE(checked.contains(key)) << domain::Setting(key).name;
    EXPECT_EQ(settings.Get(key), 0) << domain::Setting(key).name;
  }
  // What those settings keep closed is closed: no public page.
  EXPECT_EQ(app::reports::LoadImpactPage(server_.app(), "cercle-nouveau").error().kind,
            ErrorKind::kNotFound);
  // Sessions and mail are kept the shortest sensible time: a week and a month, no more.
  const auto schedule = app::privacy::LoadSchedule(server_.app(), *created);
  const auto& sessions = domain::PeriodOf(schedule, domain::RetainedKind::kSessions);
  const auto& mail = domain::PeriodOf(schedule, domain::RetainedKind::kMail);
  EXPECT_EQ(sessions.unit, domain::PeriodUnit::kDays);
  EXPECT_EQ(sessions.length, 7);
  EXPECT_EQ(mail.unit, domain::PeriodUnit::kDays);
  EXPECT_EQ(mail.length, 30);
  EXPECT_TRUE(sessions.is_default && mail.is_default);
}

TEST_P(ConsentBinding, AnEvaluatorIsToldEvaluatorAccessIsOffUntilTheAdminTurnsItOn) {
  const std::string message = concerns_.French(
      "Evaluator access is off in this organisation: the de-identified extract is not "
      "available. An administrator of the organisation can turn on \"Let evaluators take the "
      "de-identified extract\" in the settings.");
  auto evaluator = auth_.SignedInClient(a_.evaluator);
  const auto denied = auth_.CountAuditEntries(a_.id, "authz.denied", a_.evaluator.id);
  const auto page = evaluator->Get("/reports/evaluation");
  EXPECT_EQ(page.status, 403);
  EXPECT_NE(page.body.find(message), std::string::npos);
  EXPECT_EQ(evaluator->Get("/reports/evaluation/export.csv").status, 403);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "authz.denied", a_.evaluator.id), denied + 2);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "report.view", a_.evaluator.id), 0u);
  EXPECT_EQ(app::reports::LoadEvaluation(server_.app(), ActorOf(a_.evaluator),
                                         app::reports::EvaluationUse::kPage, false)
                .error()
                .kind,
            ErrorKind::kConflict);
  // The organisation's admin keeps the extract; once they turn evaluator access on, so does the
  // evaluator.
  EXPECT_EQ(auth_.SignedInClient(a_.admin)->Get("/reports/evaluation").status, 200);
  ASSERT_TRUE(app::admin::SaveSettings(server_.app(), ActorOf(a_.admin),
                                       {.values = {{domain::SettingKey::kEvaluatorAccess, 1}}}));
  EXPECT_EQ(evaluator->Get("/reports/evaluation").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ConsentBinding, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ConsentBinding, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
