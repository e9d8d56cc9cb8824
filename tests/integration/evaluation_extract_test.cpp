// The evaluation extract cannot single anyone out: no combination of age band, region and referral
// source shared by fewer than k rows (an organisation setting, 5 by default) is exported, and the
// page and the dictionary say what was coarsened or left out. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/core_member.hpp"
#include "domain/ending_questionnaires.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

class EvaluationExtractPrivacy : public ::testing::TestWithParam<Backend> {
 protected:
  EvaluationExtractPrivacy() {
    organisation_ = auth_.CreateOrganisation("Cercle Extrait", "cercle-extrait");
    evaluator_ = auth_.CreateUser(organisation_, "Évaluatrice Essai", "eval@extrait.example",
                                  {domain::Role::kEvaluator});
    // Evaluator access is off in a new organisation (privacy by default); this one turned it on.
    ReportFixture(server_).SetSetting(organisation_, domain::SettingKey::kEvaluatorAccess, 1);
  }

  // A core member of `region` whose consent to research is in force; returns his id.
  std::int64_t AddConsenting(const std::string& name, const std::string& region) {
    const auto today = VolunteerFixture(server_).Today();
    const auto id = CoreMemberFixture(server_).CreateCoreMember(
        organisation_, name, "EXT-" + std::to_string(++files_), domain::CoreMemberStatus::kInCircle,
        region);
    ReportFixture(server_).AddResearchConsent(organisation_, id, AddDays(today, -30));
    return id;
  }

  // A closed circle of `core_member_id` whose core member's and officer's end-of-circle
  // questionnaires were answered, every question scored `score`, each with a comment.
  void AddEndings(std::int64_t core_member_id, int score) {
    const auto today = VolunteerFixture(server_).Today();
    const auto circle = std::to_string(CircleFixture(server_).CreateCircle(
        organisation_, core_member_id, domain::CirclePhase::kClosed, AddDays(today, -5)));
    FixtureWrite(server_, organisation_, [&](soci::session& session) -> Status {
      for (const auto respondent :
           {domain::EndingRespondent::kCoreMember, domain::EndingRespondent::kOfficer}) {
        const std::string name(domain::NameOf(respondent));
        session << "INSERT INTO ending_questionnaires (organisation_id, circle_id, respondent, "
                   "opened_at, answered_on, comment) VALUES (" +
                       std::to_string(organisation_) + ", " + circle + ", '" + name + "', 0, '" +
                       FormatIsoDate(today) + "', 'Commentaire confidentiel (essai)')";
        for (const auto& question : domain::EndingQuestionsFor(respondent)) {
          session << "INSERT INTO ending_answers (organisation_id, questionnaire_id, question, "
                     "score) SELECT organisation_id, id, '" +
                         std::string(question.key) + "', " + std::to_string(score) +
                         " FROM ending_questionnaires WHERE circle_id = " + circle +
                         " AND respondent = '" + name + "'";
        }
      }
      return {};
    });
  }

  // Five men of Abitibi, one of Gaspésie and one of Laval.
  void AddSevenCoreMembers() {
    for (int i = 0; i < 5; ++i) AddConsenting("Homme Abitibi " + std::to_string(i), "Abitibi");
    AddConsenting("Seul Gaspésie", "Gaspésie — Percé");
    AddConsenting("Seul Laval", "Laval");
  }

  // The extract's data rows (header first) as the evaluator downloads them.
  std::vector<std::vector<std::string>> DownloadCsv(HttpClient& client) {
    const auto result = client.Get("/reports/evaluation/export.csv?lang=en");
    EXPECT_EQ(result.status, 200);
    return ParseCsv(result.body);
  }

  // The smallest number of rows sharing a combination of age band, region and referral source.
  static std::size_t SmallestGroup(const std::vector<std::vector<std::string>>& csv) {
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < csv.at(0).size(); ++i) column[csv[0][i]] = i;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> counts;
    for (std::size_t r = 1; r < csv.size(); ++r) {
      ++counts[{csv[r].at(column.at("age_group")), csv[r].at(column.at("region")),
                csv[r].at(column.at("referral_source"))}];
    }
    std::size_t smallest = 0;
    for (const auto& [combination, count] : counts) {
      if (smallest == 0 || count < smallest) smallest = count;
    }
    return smallest;
  }

  static std::vector<std::string> Column(const std::vector<std::vector<std::string>>& csv,
                                         const std::string& name) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < csv.at(0).size(); ++i) {
      if (csv[0][i] == name) index = i;
    }
    std::vector<std::string> values;
    for (std::size_t r = 1; r < csv.size(); ++r) values.push_back(csv[r].at(index));
    return values;
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  std::int64_t organisation_ = 0;
  int files_ = 0;
  TestUser evaluator_;
};

TEST_P(EvaluationExtractPrivacy, NoCombinationUnderFiveIsExportedAndThePageSaysSo) {
  AddSevenCoreMembers();
  auto client = auth_.SignedInClient(evaluator_);

  const auto csv = DownloadCsv(*client);
  ASSERT_EQ(csv.size(), 6u) << "the five men of Abitibi; the two alone in theirs are left out";
  EXPECT_GE(SmallestGroup(csv), 5u);
  for (const auto& region : Column(csv, "region")) EXPECT_EQ(region, "Abitibi");

  const auto page = client->Get("/reports/evaluation");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-coarsening"), std::string::npos);
  EXPECT_NE(page.body.find("au moins 5 membres principaux"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("laissés de côté"), std::string::npos);
  EXPECT_NE(page.body.find("data-value=\"5\""), std::string::npos) << "five rows are exported";

  const auto dictionary = client->Get("/reports/evaluation/dictionary.csv?lang=en");
  ASSERT_EQ(dictionary.status, 200);
  EXPECT_NE(dictionary.body.find("Core members left out because their combination of age band, "
                                 "region and referral source was still shared by fewer than 5: 2."),
            std::string::npos)
      << dictionary.body;
  EXPECT_NE(dictionary.body.find("Regions shared by fewer than 5 core members read"),
            std::string::npos);
}

TEST_P(EvaluationExtractPrivacy, FewerRowsThanKExportNothing) {
  AddConsenting("Premier Seul", "Abitibi");
  AddConsenting("Deuxième Seul", "Abitibi");
  AddConsenting("Troisième Seul", "Laval");
  AddConsenting("Quatrième Seul", "Outaouais");
  auto client = auth_.SignedInClient(evaluator_);

  EXPECT_EQ(DownloadCsv(*client).size(), 1u) << "only the header";
  const auto page = client->Get("/reports/evaluation");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-value=\"0\""), std::string::npos);
  EXPECT_NE(page.body.find("laissés de côté"), std::string::npos);
}

TEST_P(EvaluationExtractPrivacy, AnOrganisationThatRaisesKGetsCoarserRows) {
  AddSevenCoreMembers();
  ReportFixture(server_).SetSetting(organisation_,
                                    domain::SettingKey::kReportEvaluationMinimumGroup, 7);
  auto client = auth_.SignedInClient(evaluator_);

  const auto csv = DownloadCsv(*client);
  ASSERT_EQ(csv.size(), 8u) << "seven men, once Abitibi (five) is under k too";
  EXPECT_GE(SmallestGroup(csv), 7u);
  for (const auto& region : Column(csv, "region")) EXPECT_EQ(region, "other");
  const auto page = client->Get("/reports/evaluation");
  EXPECT_NE(page.body.find("au moins 7 membres principaux"), std::string::npos);
}

TEST_P(EvaluationExtractPrivacy, ConsentingFilesCarryTheirEndScoresButNeverTheComments) {
  AddSevenCoreMembers();
  AddEndings(AddConsenting("Homme Abitibi 5", "Abitibi"), 4);
  // A man without a consent to research: his answers stay out with him.
  AddEndings(
      CoreMemberFixture(server_).CreateCoreMember(organisation_, "Sans Consentement", "EXT-99",
                                                  domain::CoreMemberStatus::kInCircle, "Abitibi"),
      2);
  auto client = auth_.SignedInClient(evaluator_);
  const auto response = client->Get("/reports/evaluation/export.csv?lang=en");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body.find("Commentaire confidentiel"), std::string::npos);
  const auto csv = ParseCsv(response.body);
  ASSERT_EQ(csv.size(), 7u) << "the six men of Abitibi";
  for (const char* column : {"ending_core_member_recommend", "ending_officer_risk"}) {
    const auto values = Column(csv, column);
    EXPECT_EQ(std::count(values.begin(), values.end(), "4"), 1) << column;
    EXPECT_EQ(std::count(values.begin(), values.end(), ""), 5) << column;
    EXPECT_EQ(std::count(values.begin(), values.end(), "2"), 0) << column;
  }
  EXPECT_EQ(std::find(csv[0].begin(), csv[0].end(), "ending_volunteer_again"), csv[0].end())
      << "the volunteers' answers are about them, not the file";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, EvaluationExtractPrivacy, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, EvaluationExtractPrivacy, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
