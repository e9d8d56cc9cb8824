// The reports, outreach and network workflows called directly through the app layer, without HTTP,
// on SQLite and PostgreSQL: what a user would see afterwards, the refusals, and the audit entries.
#include <gtest/gtest.h>

#include "app/network/network_report.hpp"
#include "app/network/organisations.hpp"
#include "app/outreach/outreach.hpp"
#include "app/reports/outcomes.hpp"
#include "app/reports/public_impact.hpp"
#include "app/reports/report_queries.hpp"
#include "app/reports/report_settings.hpp"
#include "support/auth_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

class AppReports : public ::testing::TestWithParam<Backend> {
 protected:
  AppReports() {
    organisation_ = auth_.CreateOrganisationWithEveryRole("Cercle Essai", "cercle-essai");
    other_ = auth_.CreateOrganisationWithEveryRole("Autre Cercle", "autre-cercle");
    coordinator_ = ActorOf(organisation_.coordinator);
    admin_ = ActorOf(organisation_.admin);
    evaluator_ = ActorOf(organisation_.evaluator);
    stranger_ = ActorOf(other_.coordinator);
  }

  const app::Services& app() { return server_.app(); }
  CivilDate Today() { return app().Today(); }
  // How many entries `action` the organisation's chain holds.
  std::size_t Entries(const std::string& action) {
    return auth_.CountAuditEntries(organisation_.id, action);
  }
  // A valid outreach activity held `days_ago` days ago.
  app::outreach::ActivityForm Activity(const std::string& title, int days_ago = 3) {
    domain::OutreachActivity details;
    details.held_on = AddDays(Today(), -days_ago);
    details.kind = domain::OutreachKind::kPresentation;
    details.title = title;
    details.audience = "Étudiants fictifs (essai)";
    details.reach = 40;
    return {details, {}};
  }
  // The first page of the outreach log and of the stories, as `actor` sees them.
  Result<app::outreach::OutreachPage> Outreach(const auth::Actor& actor) {
    const auto first = [](std::int64_t) { return store::PageSlice{50, 0}; };
    return app::outreach::LoadOutreachPage(app(), actor, first, first);
  }
  // A valid event on file `core_member_id`.
  app::reports::EventForm Event(const std::string& reference) {
    domain::RecidivismEvent details;
    details.occurred_on = AddDays(Today(), -10);
    details.kind = domain::RecidivismKind::kBreachOfConditions;
    details.category = domain::OffenceCategory::kOther;
    details.source = domain::EventSource::kParoleOfficer;
    details.reference = reference;
    return {details, {}};
  }

  TestServer server_{TestServer::Options{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  TestOrganisation organisation_;
  TestOrganisation other_;
  auth::Actor coordinator_, admin_, evaluator_, stranger_;
};

TEST_P(AppReports, TheDashboardShowsThePeriodAskedForAndRecordsTheView) {
  const domain::ReportPeriod period{AddDays(Today(), -60), Today()};
  const auto page = app::reports::LoadDashboard(app(), coordinator_, period);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->period, period);
  EXPECT_EQ(page->referrals.size(), domain::ReferralSources().size());
  EXPECT_FALSE(page->can_configure);
  EXPECT_EQ(Entries("report.view"), 1u);
  const auto refused = app::reports::LoadDashboard(app(), evaluator_, period);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(Entries("report.view"), 1u);
}

TEST_P(AppReports, TheFunderReportCountsOutreachAndItsExportsNeedAStepUp) {
  ASSERT_TRUE(app::outreach::CreateActivity(app(), coordinator_, Activity("Présentation (essai)")));
  const domain::ReportPeriod period{AddDays(Today(), -30), Today()};
  const auto page = app::reports::LoadFunderReport(app(), coordinator_, {.period = period});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->figures.size(), domain::FunderFigures().size());
  const auto reached = std::find_if(page->figures.begin(), page->figures.end(), [](const auto& f) {
    return f.definition->key == "people_reached";
  });
  ASSERT_NE(reached, page->figures.end());
  EXPECT_EQ(reached->result.value, 40);

  const auto unconfirmed = app::reports::LoadFunderReport(
      app(), coordinator_, {.period = period, .use = app::reports::FunderUse::kCsv});
  ASSERT_FALSE(unconfirmed);
  EXPECT_EQ(unconfirmed.error().kind, ErrorKind::kUnauthenticated);
  EXPECT_EQ(Entries("export"), 0u);
  const auto exported = app::reports::LoadFunderReport(
      app(), coordinator_,
      {.period = period, .use = app::reports::FunderUse::kCsv, .stepped_up = true});
  ASSERT_TRUE(exported);
  EXPECT_EQ(exported->organisation_name, "Cercle Essai");
  EXPECT_EQ(Entries("export"), 1u);
}

TEST_P(AppReports, TheEvaluationExtractIsForEvaluatorsAndAdmins) {
  // Evaluator access is off in a new organisation (privacy by default); this one turned it on.
  ReportFixture(server_).SetSetting(organisation_.id, domain::SettingKey::kEvaluatorAccess, 1);
  const auto page =
      app::reports::LoadEvaluation(app(), evaluator_, app::reports::EvaluationUse::kPage, false);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->scales.size(), domain::EnumValues<domain::OutcomeDimension>().size());
  EXPECT_TRUE(page->extract.rows.empty());
  const auto refused =
      app::reports::LoadEvaluation(app(), coordinator_, app::reports::EvaluationUse::kPage, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  const auto unconfirmed =
      app::reports::LoadEvaluation(app(), evaluator_, app::reports::EvaluationUse::kDataCsv, false);
  ASSERT_FALSE(unconfirmed);
  EXPECT_EQ(unconfirmed.error().kind, ErrorKind::kUnauthenticated);
}

TEST_P(AppReports, AnAdminChangesAScaleAndTheUnchangedOnesStayTheDefaults) {
  const auto before = app::reports::LoadSettingsPage(app(), admin_);
  ASSERT_TRUE(before);
  app::reports::ScalesChange change{.language = i18n::Language::kFrench};
  for (const auto& scale : before->scales) {
    std::string levels;
    for (std::size_t i = 0; i < scale.labels.size(); ++i) {
      levels +=
          app::reports::LevelLabel(app().translator, i18n::Language::kFrench, scale, i) + "\n";
    }
    change.levels.push_back(levels);
  }
  change.levels[0] = "Sans abri\nHébergement temporaire\nLogement stable\nPropriétaire";
  ASSERT_TRUE(app::reports::SaveScales(app(), admin_, change));
  const auto after = app::reports::LoadSettingsPage(app(), admin_);
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->scales[0].is_default);
  EXPECT_EQ(after->scales[0].labels.size(), 4u);
  EXPECT_TRUE(after->scales[1].is_default);
  EXPECT_EQ(Entries("outcome_scale.update"), 1u);

  change.levels[1] = "Un seul niveau";
  const auto refused = app::reports::SaveScales(app(), admin_, change);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "occupation");
  EXPECT_EQ(app::reports::SaveScales(app(), coordinator_, change).error().kind,
            ErrorKind::kForbidden);
}

TEST_P(AppReports, PublishingTheImpactPageMakesItReadableAndAYearIsChecked) {
  EXPECT_EQ(app::reports::LoadImpactPage(app(), "cercle-essai").error().kind, ErrorKind::kNotFound);
  const auto early = app::reports::SavePublication(
      app(), admin_, {.published = true, .shared = false, .founding_year = 1900});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().fields.at(0).field, "founding_year");
  EXPECT_FALSE(app::reports::SavePublication(app(), admin_, {.published = true}));
  ASSERT_TRUE(app::reports::SavePublication(
      app(), admin_, {.published = true, .shared = true, .founding_year = 2010}));
  const auto page = app::reports::LoadSettingsPage(app(), admin_);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->settings.Get(domain::SettingKey::kPublicFoundingYear), 2010);
  EXPECT_EQ(page->public_slug, std::optional<std::string>("cercle-essai"));
  EXPECT_EQ(Entries("settings.change"), 3u);
  const auto impact = app::reports::LoadImpactPage(app(), "cercle-essai");
  ASSERT_TRUE(impact);
  EXPECT_EQ(impact->organisation, "Cercle Essai");
  EXPECT_GE(impact->impact.years_of_service, 1);
}

TEST_P(AppReports, TheNetworkSumsOnlyTheOrganisationsThatShare) {
  const auto network_admin = ActorOf(auth_.CreateUser(
      std::nullopt, "Réseau Essai", "reseau@essai.example", {domain::Role::kNetworkAdmin}));
  ASSERT_TRUE(app::reports::SavePublication(
      app(), admin_, {.published = false, .shared = true, .founding_year = 0}));
  ASSERT_TRUE(app::outreach::CreateActivity(app(), coordinator_, Activity("Partagée (essai)")));
  ASSERT_TRUE(app::outreach::CreateActivity(app(), stranger_, Activity("Non partagée (essai)")));
  const domain::ReportPeriod period{AddDays(Today(), -30), Today()};
  const auto page = app::network::LoadNetworkReport(app(), network_admin, period);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->sharing, std::vector<std::string>{"Cercle Essai"});
  EXPECT_EQ(page->not_sharing, 1u);
  for (const auto& total : page->totals) {
    if (total.definition->key == "people_reached") {
      EXPECT_EQ(total.result.value, 40);
    }
  }
  EXPECT_EQ(auth_.CountAuditEntries(std::nullopt, "report.view"), 1u);
  EXPECT_EQ(app::network::LoadNetworkReport(app(), coordinator_, period).error().kind,
            ErrorKind::kForbidden);
}

TEST_P(AppReports, ANetworkAdminCreatesAnOrganisationAndNoOneElseMay) {
  const auto network_admin = ActorOf(auth_.CreateUser(
      std::nullopt, "Réseau Essai", "reseau@essai.example", {domain::Role::kNetworkAdmin}));
  const auto created =
      app::network::CreateOrganisation(app(), network_admin, {"Cercle Nouveau", "cercle-nouveau"});
  ASSERT_TRUE(created);
  const auto listed = app::network::ListOrganisations(app(), network_admin);
  ASSERT_TRUE(listed);
  EXPECT_TRUE(std::any_of(listed->begin(), listed->end(),
                          [&](const auto& organisation) { return organisation.id == *created; }));
  EXPECT_EQ(auth_.CountAuditEntries(std::nullopt, "organisation.create"), 1u);
  const auto taken =
      app::network::CreateOrganisation(app(), network_admin, {"Encore", "cercle-nouveau"});
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().fields.at(0).field, "slug");
  EXPECT_EQ(app::network::CreateOrganisation(app(), admin_, {"Non", "non"}).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(app::network::FindForInvitation(app(), network_admin, *created + 1000).error().kind,
            ErrorKind::kNotFound);
}

TEST_P(AppReports, AnActivityIsRecordedChangedAndRemovedByItsOrganisationOnly) {
  const auto id = app::outreach::CreateActivity(app(), coordinator_, Activity("Kiosque (essai)"));
  ASSERT_TRUE(id);
  auto page = Outreach(coordinator_);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->activities.size(), 1u);
  EXPECT_EQ(page->activities[0].title, "Kiosque (essai)");
  EXPECT_TRUE(Outreach(stranger_)->activities.empty());

  EXPECT_EQ(app::outreach::EditActivity(app(), stranger_, *id, Activity("Volée")).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::outreach::LoadActivity(app(), stranger_, *id).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(app::outreach::EditActivity(app(), coordinator_, *id, Activity("Salon (essai)")));
  EXPECT_EQ(app::outreach::LoadActivity(app(), coordinator_, *id)->title, "Salon (essai)");

  auto unreadable = Activity("Illisible");
  unreadable.unreadable.push_back({"kind", {N_("Choose one of the options."), {}}});
  unreadable.details.title = "";
  const auto refused = app::outreach::CreateActivity(app(), coordinator_, unreadable);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.size(), 2u);  // the kind as read, the blank title by the rule

  EXPECT_EQ(app::outreach::RemoveActivity(app(), stranger_, *id).error().kind,
            ErrorKind::kNotFound);
  ASSERT_TRUE(app::outreach::RemoveActivity(app(), coordinator_, *id));
  EXPECT_TRUE(Outreach(coordinator_)->activities.empty());
  EXPECT_EQ(Entries("outreach.create"), 1u);
  EXPECT_EQ(Entries("outreach.update"), 1u);
  EXPECT_EQ(Entries("outreach.remove"), 1u);
  EXPECT_EQ(Outreach(evaluator_).error().kind, ErrorKind::kForbidden);
}

TEST_P(AppReports, AStoryIsReviewedOnlyOnceConfirmedAndEveryReadingIsRecorded) {
  const auto id = app::outreach::CreateStory(
      app(), coordinator_, {.written_on = Today(), .title = "Un récit", .text = "Texte (essai)."});
  ASSERT_TRUE(id);
  const auto unconfirmed = app::outreach::ReviewStory(app(), admin_, *id, false);
  ASSERT_FALSE(unconfirmed);
  EXPECT_EQ(unconfirmed.error().fields.at(0).field, "confirm");
  ASSERT_TRUE(app::outreach::ReviewStory(app(), admin_, *id, true));
  const auto story =
      app::outreach::LoadStory(app(), coordinator_, *id, app::outreach::RecordReading::kYes);
  ASSERT_TRUE(story);
  EXPECT_TRUE(story->reviewed());
  EXPECT_EQ(story->reviewed_by, std::optional<std::int64_t>(admin_.user_id));
  EXPECT_EQ(Entries("story.view"), 1u);
  EXPECT_EQ(Entries("story.review"), 1u);

  ASSERT_TRUE(app::outreach::EditStory(
      app(), coordinator_, *id, {.written_on = Today(), .title = "Changé", .text = "Autre."}));
  EXPECT_FALSE(app::outreach::LoadStory(app(), coordinator_, *id, app::outreach::RecordReading::kNo)
                   ->reviewed());
  EXPECT_EQ(Entries("story.view"), 1u);
  EXPECT_EQ(app::outreach::LoadStory(app(), stranger_, *id, app::outreach::RecordReading::kYes)
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::outreach::RemoveStory(app(), stranger_, *id).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(app::outreach::RemoveStory(app(), coordinator_, *id));
  EXPECT_TRUE(Outreach(coordinator_)->stories.empty());
  EXPECT_EQ(Entries("story.remove"), 1u);
}

TEST_P(AppReports, EventsAndMeasuresAreRecordedOnAFileAndAnotherOrganisationSeesNothing) {
  const auto file =
      CoreMemberFixture(server_).CreateCoreMember(organisation_.id, "Homme Essai", "ESSAI-001");
  const auto event = app::reports::RecordEvent(app(), coordinator_, file, Event("Rapport (essai)"));
  ASSERT_TRUE(event);
  EXPECT_EQ(app::reports::RecordEvent(app(), stranger_, file, Event("Non")).error().kind,
            ErrorKind::kNotFound);
  ASSERT_TRUE(app::reports::EditEvent(app(), coordinator_, *event, Event("Corrigé (essai)")));

  app::reports::MeasureForm measure{.measured_on = Today(), .levels = {1, 2, 9}};
  const auto outside = app::reports::RecordMeasure(app(), coordinator_, file, measure);
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().fields.at(0).field, "social_network");
  measure.levels = {1, 2, 3};
  const auto measured = app::reports::RecordMeasure(app(), coordinator_, file, measure);
  ASSERT_TRUE(measured);

  const auto page = app::reports::LoadOutcomesPage(app(), coordinator_, file);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->events.size(), 1u);
  EXPECT_EQ(page->events[0].reference, "Corrigé (essai)");
  ASSERT_EQ(page->measures.size(), 1u);
  EXPECT_EQ(page->measures[0].Level(domain::OutcomeDimension::kSocialNetwork), 3);
  EXPECT_FALSE(page->closed_on);
  EXPECT_EQ(Entries("outcome.view"), 1u);
  EXPECT_EQ(app::reports::LoadOutcomesPage(app(), stranger_, file).error().kind,
            ErrorKind::kNotFound);

  const auto open = app::reports::RecordFollowUp(app(), coordinator_, file,
                                                 {.milestone_months = 6, .checked_on = Today()});
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error().kind, ErrorKind::kConflict);

  EXPECT_EQ(app::reports::RemoveMeasure(app(), stranger_, *measured).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::reports::RemoveEvent(app(), coordinator_, *event).value(), file);
  EXPECT_EQ(app::reports::RemoveMeasure(app(), coordinator_, *measured).value(), file);
  const auto emptied = app::reports::LoadOutcomesPage(app(), coordinator_, file);
  EXPECT_TRUE(emptied->events.empty());
  EXPECT_TRUE(emptied->measures.empty());
  EXPECT_EQ(Entries("outcome.create"), 2u);
  EXPECT_EQ(Entries("outcome.update"), 1u);
  EXPECT_EQ(Entries("outcome.remove"), 2u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppReports, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppReports, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
