// Privacy of the reports: the evaluation extract carries no name, no exact date and no core member
// without consent to research; the public impact page shows "fewer than 5" for small counts of
// people and nothing else; an evaluator gets 404 on every record page; the network view sums only
// the organisations that opted in. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "domain/core_member.hpp"
#include "support/auth_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"
#include "web/routes.hpp"

namespace cercle::testing {
namespace {

class ReportPrivacy : public ::testing::TestWithParam<Backend> {
 protected:
  ReportPrivacy() {
    organisation_ = ReportFixture(server_).LoadDemo();
    evaluator_ = auth_.CreateUser(organisation_, "Évaluatrice Essai", "eval@essai.example",
                                  {domain::Role::kEvaluator});
    admin_ = auth_.CreateUser(organisation_, "Admin Essai", "admin@essai.example",
                              {domain::Role::kOrganisationAdmin});
  }

  // Every text that names or numbers a core member or a referred person of the organisation.
  std::vector<std::string> Identifiers() {
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          std::vector<std::string> names;
          std::string text;
          std::int64_t organisation = organisation_;
          for (const char* sql :
               {"SELECT legal_name FROM core_members WHERE organisation_id = :organisation",
                "SELECT file_number FROM core_members WHERE organisation_id = :organisation",
                "SELECT preferred_name FROM core_members WHERE organisation_id = :organisation"
                " AND preferred_name <> ''",
                "SELECT person_legal_name FROM referrals WHERE organisation_id = :organisation"}) {
            soci::statement statement =
                (session.prepare << sql, soci::use(organisation, "organisation"), soci::into(text));
            statement.execute();
            while (statement.fetch()) names.push_back(text);
          }
          return names;
        });
  }

  // How many files have a consent to research in force today (computed from the raw rows).
  long long ConsentingFiles() {
    const std::string today = FormatIsoDate(VolunteerFixture(server_).Today());
    return server_.test_database().database().Read(
        store::Scope::Organisation(organisation_), [&](soci::session& session) {
          long long count = 0;
          std::int64_t organisation = organisation_;
          session << "SELECT COUNT(DISTINCT core_member_id) FROM consents WHERE organisation_id ="
                     " :organisation AND scope = 'research' AND given_on <= :given AND (expires_on"
                     " IS NULL OR expires_on >= :expires) AND (withdrawn_on IS NULL OR"
                     " withdrawn_on > :withdrawn)",
              soci::use(organisation, "organisation"), soci::use(today, "given"),
              soci::use(today, "expires"), soci::use(today, "withdrawn"), soci::into(count);
          return count;
        });
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  std::int64_t organisation_ = 0;
  TestUser evaluator_;
  TestUser admin_;
};

TEST_P(ReportPrivacy, TheEvaluationExtractHasNoNameNoDateAndOnlyConsentingCoreMembers) {
  // Five consenting men of one region, one of another region (merged into "other" or left out),
  // and one without consent whose region must not show.
  CoreMemberFixture intake(server_);
  ReportFixture reports(server_);
  const auto today = VolunteerFixture(server_).Today();
  for (int i = 0; i < 5; ++i) {
    const auto id = intake.CreateCoreMember(
        organisation_, "Consentant Numéro" + std::to_string(i), "ESSAI-" + std::to_string(i),
        domain::CoreMemberStatus::kInCircle, "Abitibi — Val-d'Or");
    reports.AddResearchConsent(organisation_, id, AddDays(today, -30));
    reports.AddEvent(organisation_, id, today, domain::RecidivismKind::kNewCharge,
                     domain::OffenceCategory::kViolent, domain::CirclePeriod::kDuring,
                     "Dossier 500-01-123456-789");
  }
  const auto lone = intake.CreateCoreMember(organisation_, "Seul Dans Sa Région", "ESSAI-SEUL",
                                            domain::CoreMemberStatus::kInCircle, "Gaspésie");
  reports.AddResearchConsent(organisation_, lone, AddDays(today, -30));
  intake.CreateCoreMember(organisation_, "Sans Consentement", "ESSAI-NON",
                          domain::CoreMemberStatus::kInCircle, "Région-Témoin-Secrète");

  auto client = auth_.SignedInClient(evaluator_);
  const auto result = client->Get("/reports/evaluation/export.xlsx?lang=en");
  ASSERT_EQ(result.status, 200);
  const auto workbook = ReadWorkbook(result.body);
  ASSERT_TRUE(workbook.contains("Data"));
  ASSERT_TRUE(workbook.contains("Dictionary"));
  const auto& data = workbook["Data"];
  ASSERT_GE(data.size(), 1u);
  // Rows whose combination of age band, region and referral source is shared by fewer than 5
  // are left out (tests/integration/evaluation_extract_test.cpp checks how).
  EXPECT_LE(static_cast<long long>(data.size()) - 1, ConsentingFiles());
  EXPECT_GE(data.size(), 6u) << "the five men of one region at least";

  const auto identifiers = Identifiers();
  const std::regex date(R"(\d{4}-\d{2}-\d{2})");
  const std::regex year(R"((^|\D)(19|20)\d\d($|\D))");
  std::size_t column_region = 0, column_participant = 0;
  for (std::size_t i = 0; i < data[0].size(); ++i) {
    if (data[0][i]["value"] == "region") column_region = i;
    if (data[0][i]["value"] == "participant") column_participant = i;
  }
  std::multiset<std::string> regions;
  std::set<std::string> codes;
  for (std::size_t r = 0; r < data.size(); ++r) {
    for (std::size_t c = 0; c < data[r].size(); ++c) {
      const auto& value = data[r][c]["value"];
      if (!value.is_string()) continue;
      const auto text = value.get<std::string>();
      for (const auto& identifier : identifiers) {
        EXPECT_EQ(text.find(identifier), std::string::npos) << "the extract names " << identifier;
      }
      EXPECT_FALSE(std::regex_search(text, date)) << "an exact date: " << text;
      // Codes are hexadecimal: their digits may look like a year.
      if (r > 0 && c != column_participant) {
        EXPECT_FALSE(std::regex_search(text, year)) << "a year: " << text;
      }
      EXPECT_EQ(text.find("500-01-123456-789"), std::string::npos) << "an event's reference";
    }
    if (r > 0) {
      regions.insert(data[r][column_region]["value"].is_string()
                         ? data[r][column_region]["value"].get<std::string>()
                         : "");
      codes.insert(data[r][column_participant]["value"].get<std::string>());
    }
  }
  EXPECT_EQ(codes.size(), data.size() - 1) << "one row per core member";
  EXPECT_EQ(regions.count("Gaspésie"), 0u) << "a region of fewer than 5 is merged";
  for (const auto& region : regions) {
    EXPECT_EQ(region.find("Val-d'Or"), std::string::npos);
    EXPECT_EQ(region.find("Témoin"), std::string::npos);
  }
  // The dictionary says from when months count.
  bool start_note = false;
  for (const auto& row : workbook["Dictionary"]) {
    for (const auto& cell : row) {
      if (cell["value"].is_string() && cell["value"].get<std::string>().find(
                                           "acceptance of the referral") != std::string::npos) {
        start_note = true;
      }
    }
  }
  EXPECT_TRUE(start_note);

  // The CSV holds the same rows, and no name either.
  const auto csv = ParseCsv(client->Get("/reports/evaluation/export.csv?lang=en").body);
  EXPECT_EQ(csv.size(), data.size());
  for (const auto& row : csv) {
    for (const auto& field : row) {
      for (const auto& identifier : identifiers)
        EXPECT_EQ(field.find(identifier), std::string::npos);
      EXPECT_FALSE(std::regex_search(field, date));
    }
  }
  // The codes stay the same from one extract to the next.
  const auto again = ReadWorkbook(client->Get("/reports/evaluation/export.xlsx?lang=en").body);
  EXPECT_EQ(again["Data"][1][column_participant], data[1][column_participant]);
  EXPECT_EQ(auth_.CountAuditEntries(organisation_, "export", evaluator_.id), 3u);
}

TEST_P(ReportPrivacy, AnEvaluatorGetsNotFoundOnEveryRecordPage) {
  auto evaluator = auth_.SignedInClient(evaluator_);
  auto admin = auth_.SignedInClient(admin_);
  std::size_t checked = 0, existing = 0;
  for (const auto& route : web::AllRoutes()) {
    if (route.method != web::Method::kGet || route.pattern.find("{id}") == std::string::npos) {
      continue;
    }
    // Record 1 of each kind exists in the demo organisation for most record pages.
    std::string path = route.pattern;
    path.replace(path.find("{id}"), 4, "1");
    const auto seen = evaluator->Get(path);
    EXPECT_EQ(seen.status, 404) << route.pattern;
    const auto missing = route.pattern;
    std::string missing_path = missing;
    missing_path.replace(missing_path.find("{id}"), 4, "987654321");
    EXPECT_EQ(evaluator->Get(missing_path).status, 404) << route.pattern;
    ++checked;
    if (admin->Get(path).status == 200) ++existing;
  }
  EXPECT_GE(checked, 15u);
  EXPECT_GE(existing, 8u) << "too few of the records tried exist: the test proves little";
  // The evaluator sees neither the reports nor the outreach (areas), only the extract.
  EXPECT_EQ(evaluator->Get("/reports").status, 403);
  EXPECT_EQ(evaluator->Get("/reports/funder").status, 403);
  EXPECT_EQ(evaluator->Get("/outreach").status, 403);
  EXPECT_EQ(evaluator->Get("/core-members").status, 404);
  EXPECT_EQ(evaluator->Get("/reports/evaluation").status, 200);
}

TEST_P(ReportPrivacy, ThePublicPageShowsFewerThanFiveForSmallFigures) {
  const auto small = auth_.CreateOrganisation("Petit Cercle (essai)", "petit-cercle");
  ReportFixture reports(server_);
  VolunteerFixture volunteers(server_);
  const auto today = volunteers.Today();
  const auto volunteer =
      volunteers.CreateVolunteer(small, "Unique", "Bénévole", domain::VolunteerStage::kActive);
  const auto coordinator =
      auth_.CreateUser(small, "Coordo Petit", "coordo@petit.example", {domain::Role::kCoordinator});
  volunteers.AddHours(small, volunteer, today, 180, domain::HoursStatus::kApproved, coordinator.id);
  volunteers.AddHours(small, volunteer, today, 600, domain::HoursStatus::kPending, coordinator.id);
  reports.SetSetting(small, domain::SettingKey::kPublicFoundingYear,
                     static_cast<int>(today.year()) - 2);
  reports.AddStory(small, today, "Un récit relu", "Texte relu, sans détail identifiant.", true);
  reports.AddStory(small, today, "Un brouillon", "Brouillon NON-RELU-SECRET.", false);
  CoreMemberFixture(server_).CreateCoreMember(small, "Homme Très Secret", "PETIT-001");

  HttpClient anyone(server_.base_url());
  anyone.SetCookie("lang", "en");
  // Off by default: the page does not exist, exactly like an unknown organisation's.
  const auto off = anyone.Get("/public/petit-cercle");
  EXPECT_EQ(off.status, 404);
  const auto unknown = anyone.Get("/public/nulle-part");
  EXPECT_EQ(ComparablePage(off.body, {"petit-cercle"}),
            ComparablePage(unknown.body, {"nulle-part"}));

  reports.SetSetting(small, domain::SettingKey::kPublicImpactPage, 1);
  const auto page = anyone.Get("/public/petit-cercle");
  ASSERT_EQ(page.status, 200);
  // Three approved hours and two years: under 5, but neither counts people, so both read as they
  // are (issue 16); no circle yet: a count of people, hidden.
  EXPECT_NE(page.body.find("data-total=\"hours\">3<"), std::string::npos);
  EXPECT_NE(page.body.find("data-total=\"years\">2<"), std::string::npos);
  EXPECT_NE(page.body.find("data-total=\"circles\">Fewer than 5<"), std::string::npos);
  EXPECT_NE(page.body.find("Un récit relu"), std::string::npos);
  EXPECT_EQ(page.body.find("NON-RELU-SECRET"), std::string::npos) << "a story not reviewed";
  EXPECT_EQ(page.body.find("Homme Très Secret"), std::string::npos);
  EXPECT_EQ(page.body.find("PETIT-001"), std::string::npos);
  EXPECT_EQ(page.body.find("Unique"), std::string::npos) << "a volunteer's name";

  // Enough hours and years read as numbers.
  volunteers.AddHours(small, volunteer, today, 420, domain::HoursStatus::kApproved, coordinator.id);
  reports.SetSetting(small, domain::SettingKey::kPublicFoundingYear,
                     static_cast<int>(today.year()) - 12);
  const auto larger = anyone.Get("/public/petit-cercle");
  EXPECT_NE(larger.body.find("data-total=\"hours\">10<"), std::string::npos);
  EXPECT_NE(larger.body.find("data-total=\"years\">12<"), std::string::npos);

  reports.SetSetting(small, domain::SettingKey::kPublicFoundingYear,
                     static_cast<int>(today.year()) - 1);
  anyone.SetCookie("lang", "fr");
  const auto french = anyone.Get("/public/petit-cercle");
  EXPECT_NE(french.body.find("data-total=\"years\">1<"), std::string::npos);
  EXPECT_NE(french.body.find("data-total=\"circles\">Moins de 5<"), std::string::npos);
  reports.SetSetting(small, domain::SettingKey::kPublicImpactPage, 0);
  EXPECT_EQ(anyone.Get("/public/petit-cercle").status, 404) << "the organisation switched it off";
}

TEST_P(ReportPrivacy, ThePublicPageCountsTheCirclesThatRan) {
  // The demo organisation's circles that reached an active phase by today, from the raw rows.
  const std::string today = FormatIsoDate(VolunteerFixture(server_).Today());
  const long long ran = server_.test_database().database().Read(
      store::Scope::Organisation(organisation_), [&](soci::session& session) {
        long long count = 0;
        std::int64_t organisation = organisation_;
        session << "SELECT COUNT(DISTINCT circle_id) FROM circle_phase_changes WHERE"
                   " organisation_id = :organisation AND to_phase NOT IN ('forming', 'suspended',"
                   " 'closed') AND decided_on <= :today",
            soci::use(organisation, "organisation"), soci::use(today, "today"), soci::into(count);
        return count;
      });
  ASSERT_GE(ran, 5) << "the demo runs enough circles to show a number";
  ReportFixture(server_).SetSetting(organisation_, domain::SettingKey::kPublicImpactPage, 1);
  HttpClient anyone(server_.base_url());
  anyone.SetCookie("lang", "en");
  const auto page = anyone.Get("/public/montreal-demo");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-total=\"circles\">" + std::to_string(ran) + "<"),
            std::string::npos);
  // Totals only: no circle's code name, no one's name.
  EXPECT_EQ(page.body.find("Cercle A"), std::string::npos);
  for (const auto& identifier : Identifiers()) {
    EXPECT_EQ(page.body.find(identifier), std::string::npos) << identifier;
  }
}

TEST_P(ReportPrivacy, TheNetworkViewSumsOnlyTheOrganisationsThatOptedIn) {
  const auto network = auth_.CreateUser(std::nullopt, "Réseau Essai", "reseau@essai.example",
                                        {domain::Role::kNetworkAdmin});
  const auto second = auth_.CreateOrganisation("Deuxième Cercle (essai)", "deuxieme");
  const CivilDate day{std::chrono::year{2026}, std::chrono::August, std::chrono::day{12}};
  ReportFixture reports(server_);
  reports.AddOutreach(second, day, domain::OutreachKind::kPresentation, "TITRE-SECRET-DEUXIEME",
                      "Public", 1000);
  auto client = auth_.SignedInClient(network);
  client->SetCookie("lang", "en");
  const std::string path = "/network/reports?from=2026-07-01&to=2026-09-30";
  const std::regex figure(R"re(data-figure="outreach_presentations" data-value="(\d+)")re");
  const auto value = [&](const std::string& body) {
    std::smatch match;
    return std::regex_search(body, match, figure) ? std::stoll(match[1].str()) : -1LL;
  };
  // The demo organisation shares its figures; the second does not yet.
  auto coordinator_user = auth_.FindUserByEmail("coordination@demo.example");
  auto demo = auth_.SignedInClient({coordinator_user->id, coordinator_user->organisation_id,
                                    coordinator_user->display_name, coordinator_user->email,
                                    coordinator_user->roles});
  const auto own = value(demo->Get("/reports/funder?from=2026-07-01&to=2026-09-30").body);
  const auto first = client->Get(path);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(value(first.body), own);
  reports.SetSetting(second, domain::SettingKey::kNetworkShareFigures, 1);
  const auto both = client->Get(path);
  EXPECT_EQ(value(both.body), own + 1);
  EXPECT_EQ(both.body.find("TITRE-SECRET-DEUXIEME"), std::string::npos);
  EXPECT_EQ(both.body.find("/reports/funder/figures/"), std::string::npos) << "no check list";
  // Nor any record of either organisation.
  EXPECT_EQ(client->Get("/reports/funder/figures/outreach_presentations").status, 403);
  EXPECT_EQ(client->Get("/outreach").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ReportPrivacy, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, ReportPrivacy, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
