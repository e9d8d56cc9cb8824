// Risk and protective factors rated at circles' reviews (app/circles/review_factors), on SQLite and
// PostgreSQL: ratings are recorded and read back, and replace those the review had; a rating off
// the scale is refused with nothing saved; a deactivated factor leaves the list to rate but keeps
// its ratings, shown on the reviews that gave them; admins add, rename and move factors of their
// own list; disposing of a file empties its comments; each view and change is audited; the
// first-to-last change of each factor over circles equals the change computed here from the
// ratings on the dashboard; over HTTP, volunteers, partners and evaluators get 404, and so does
// another organisation.
#include <gtest/gtest.h>

#include <map>

#include "app/circles/circle_changes.hpp"
#include "app/circles/review_factors.hpp"
#include "app/circles/risk_factor_list.hpp"
#include "app/intake/legal.hpp"
#include "app/reports/outcomes.hpp"
#include "app/reports/report_queries.hpp"
#include "store/retention_records_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/test_server.hpp"

namespace cercle::testing {
namespace {

class AppRiskFactors : public ::testing::TestWithParam<Backend> {
 protected:
  AppRiskFactors() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    first_ = circles_.CreateWeeklyCircle(a_.id, "Marcel Exemple", "2026-001", 200, "Solange",
                                         "Portail", a_.volunteer.id);
    second_ =
        circles_.CreateWeeklyCircle(a_.id, "Gérard Fictif", "2026-002", 200, "Odile", "Membre");
  }

  // A review of `circle` held `days_ago`, recorded by the coordinator; returns its id.
  std::int64_t Review(std::int64_t circle, int days_ago) {
    app::circles::ReviewCommand command{.circle_id = circle,
                                        .kind = domain::ReviewKind::kReview,
                                        .held_on = AddDays(today_, -days_ago),
                                        .participants = "Coordination, bénévoles (essai)"};
    const auto id = app::circles::RecordReview(server_.app(), ActorOf(a_.coordinator), command);
    EXPECT_TRUE(id) << (id ? "" : id.error().message.id);
    return id ? *id : 0;
  }

  Result<std::int64_t> Rate(std::int64_t review, std::vector<domain::FactorRatingEntry> entries,
                            const TestUser* user = nullptr) {
    return app::circles::RateFactors(server_.app(), ActorOf(user ? *user : a_.coordinator),
                                     {review, std::move(entries)});
  }

  // The ratings of `review` by factor key.
  std::map<std::string, domain::FactorRating> RatingsOf(std::int64_t review) {
    const auto page =
        app::circles::LoadReviewFactors(server_.app(), ActorOf(a_.coordinator), review);
    EXPECT_TRUE(page);
    std::map<std::string, domain::FactorRating> by_key;
    if (!page) return by_key;
    for (const auto& rating : page->ratings) {
      for (const auto& factor : page->factors) {
        if (factor.id == rating.factor_id) by_key[factor.key] = rating;
      }
    }
    return by_key;
  }

  TestServer server_{{.backend = GetParam()}};
  AuthFixture auth_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  CivilDate today_;
  WeeklyCircle first_, second_;
};

TEST_P(AppRiskFactors, RatingsAreRecordedReadBackAndReplacedWholeAndAudited) {
  const auto review = Review(first_.circle_id, 90);
  ASSERT_TRUE(Rate(review, {{.key = "impulsivity", .rating = 2, .comment = "Dépenses (fictif)."},
                            {.key = "work", .rating = 0},
                            {.key = "leisure"}}));
  auto ratings = RatingsOf(review);
  ASSERT_EQ(ratings.size(), 2u);
  EXPECT_EQ(ratings["impulsivity"].rating, 2);
  EXPECT_EQ(ratings["impulsivity"].comment, "Dépenses (fictif).");
  EXPECT_EQ(ratings["work"].rating, 0);

  ASSERT_TRUE(Rate(review, {{.key = "impulsivity", .rating = 1}}));
  ratings = RatingsOf(review);
  ASSERT_EQ(ratings.size(), 1u) << "the review's ratings are replaced whole";
  EXPECT_EQ(ratings["impulsivity"].rating, 1);
  EXPECT_EQ(ratings["impulsivity"].comment, "");
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.review_factors", a_.coordinator.id), 2u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.review_factors_view", a_.coordinator.id), 2u);
}

// A STABLE-2007 assessment of `core_member_id` received `days_ago`; returns its id.
std::int64_t ReceiveAssessment(TestServer& server, const TestUser& coordinator,
                               std::int64_t core_member_id, CivilDate day) {
  const auto id = app::intake::CreateRiskAssessment(server.app(), ActorOf(coordinator),
                                                    {.core_member_id = core_member_id,
                                                     .tool = domain::RiskTool::kStable2007,
                                                     .score = "8",
                                                     .level = "Modéré",
                                                     .assessed_on = day,
                                                     .assessor = "Agente de libération (fictive)"});
  EXPECT_TRUE(id) << (id ? "" : id.error().message.id);
  return id ? *id : 0;
}

// A review may rely on an assessment received from corrections in place of its own ratings; it
// is shown with the review's day on the outcomes page. An assessment of another file is refused
// and the review keeps what it had.
TEST_P(AppRiskFactors, AReviewReliesOnAnAssessmentFromCorrectionsInPlaceOfItsRatings) {
  const auto review = Review(first_.circle_id, 30);
  const auto his =
      ReceiveAssessment(server_, a_.coordinator, first_.core_member_id, AddDays(today_, -40));
  const auto others =
      ReceiveAssessment(server_, a_.coordinator, second_.core_member_id, AddDays(today_, -40));
  const auto actor = ActorOf(a_.coordinator);
  ASSERT_TRUE(app::circles::RateFactors(server_.app(), actor, {review, {}, {his}}));
  auto page = app::circles::LoadReviewFactors(server_.app(), actor, review);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->cited, std::vector<std::int64_t>{his});
  ASSERT_EQ(page->assessments.size(), 1u) << "his assessments only";
  EXPECT_TRUE(page->ratings.empty());

  const auto refused = app::circles::RateFactors(
      server_.app(), actor, {review, {{.key = "work", .rating = 1}}, {others}});
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "assessments");
  page = app::circles::LoadReviewFactors(server_.app(), actor, review);
  EXPECT_EQ(page->cited, std::vector<std::int64_t>{his}) << "nothing changed";
  EXPECT_TRUE(page->ratings.empty()) << "nothing changed";

  const auto none = app::circles::RateFactors(server_.app(), actor, {review, {}, {}});
  ASSERT_FALSE(none) << "neither a rating nor an assessment";
  EXPECT_EQ(none.error().fields[0].field, "ratings");

  const auto outcomes = app::reports::LoadOutcomesPage(server_.app(), actor, first_.core_member_id);
  ASSERT_TRUE(outcomes);
  ASSERT_EQ(outcomes->review_assessments.size(), 1u);
  EXPECT_EQ(outcomes->review_assessments[0].first, AddDays(today_, -30));
  EXPECT_EQ(outcomes->review_assessments[0].second.id, his);
  EXPECT_EQ(outcomes->review_assessments[0].second.score, "8");
}

TEST_P(AppRiskFactors, DisposingOfTheFileEmptiesTheCommentsButKeepsTheRatings) {
  const auto review = Review(first_.circle_id, 90);
  ASSERT_TRUE(Rate(review, {{.key = "work", .rating = 2, .comment = "Emploi (fictif)."}}));
  const auto other = Review(second_.circle_id, 90);
  ASSERT_TRUE(Rate(other, {{.key = "work", .rating = 1, .comment = "Autre dossier (fictif)."}}));
  const auto disposed = server_.app().database.Write(
      store::Scope::Organisation(a_.id), [&](soci::session& session) -> Status {
        store::RetentionRecordsStore(session).Dispose(a_.id, domain::RetainedKind::kCoreMemberFiles,
                                                      first_.core_member_id, server_.clock().Now(),
                                                      [](Instant at) { return at; });
        return {};
      });
  ASSERT_TRUE(disposed);
  EXPECT_EQ(RatingsOf(review).at("work").rating, 2);
  EXPECT_EQ(RatingsOf(review).at("work").comment, "");
  EXPECT_EQ(RatingsOf(other).at("work").comment, "Autre dossier (fictif).") << "his file only";
}

TEST_P(AppRiskFactors, ARatingOffTheScaleIsRefusedAndNothingIsSaved) {
  const auto review = Review(first_.circle_id, 90);
  ASSERT_TRUE(Rate(review, {{.key = "work", .rating = 1}}));
  const auto refused =
      Rate(review, {{.key = "work", .rating = 3}, {.key = "leisure", .rating = 1}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  const auto ratings = RatingsOf(review);
  ASSERT_EQ(ratings.size(), 1u);
  EXPECT_EQ(ratings.at("work").rating, 1);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.review_factors", a_.coordinator.id), 1u);
}

TEST_P(AppRiskFactors, ADeactivatedFactorKeepsItsHistoryButLeavesTheListToRate) {
  const auto earlier = Review(first_.circle_id, 90);
  ASSERT_TRUE(Rate(earlier, {{.key = "sex_coping", .rating = 2}, {.key = "work", .rating = 1}}));
  const app::circles::FactorChange off{"sex_coping", "Sex as coping", false};
  const auto refused = app::circles::ChangeFactor(server_.app(), ActorOf(a_.coordinator), off);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden) << "the list is the admins'";
  ASSERT_TRUE(app::circles::ChangeFactor(server_.app(), ActorOf(a_.admin), off));
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "risk_factor.update", a_.admin.id), 1u);

  EXPECT_EQ(RatingsOf(earlier).at("sex_coping").rating, 2) << "its rating stays";
  ASSERT_TRUE(Rate(earlier, {{.key = "work", .rating = 2}}));
  EXPECT_EQ(RatingsOf(earlier).at("sex_coping").rating, 2)
      << "and stays when the review is rated again";
  EXPECT_EQ(RatingsOf(earlier).at("work").rating, 2);
  const auto later = Review(first_.circle_id, 30);
  const auto page = app::circles::LoadReviewFactors(server_.app(), ActorOf(a_.coordinator), later);
  ASSERT_TRUE(page);
  for (const auto& factor : page->factors) EXPECT_NE(factor.key, "sex_coping");
  EXPECT_FALSE(Rate(later, {{.key = "sex_coping", .rating = 1}}));
  const auto outcomes =
      app::reports::LoadOutcomesPage(server_.app(), ActorOf(a_.coordinator), first_.core_member_id);
  ASSERT_TRUE(outcomes);
  const auto& history = outcomes->factor_ratings;
  EXPECT_EQ(std::count_if(history.begin(), history.end(),
                          [](const auto& each) { return each.factor_key == "sex_coping"; }),
            1);
}

TEST_P(AppRiskFactors, AdminsAddRenameAndMoveFactorsOfTheirOwnList) {
  const auto admin = ActorOf(a_.admin);
  const auto added = app::circles::AddFactor(
      server_.app(), admin, {"Consommation d'alcool (essai)", domain::FactorKind::kDynamicRisk});
  ASSERT_TRUE(added);
  EXPECT_EQ(*added, "custom-1");
  EXPECT_FALSE(app::circles::AddFactor(
      server_.app(), admin, {"consommation d'alcool (essai)", domain::FactorKind::kDynamicRisk}))
      << "a name taken";
  EXPECT_FALSE(app::circles::AddFactor(server_.app(), admin, {"Sans genre (essai)", {}}));
  ASSERT_TRUE(
      app::circles::ChangeFactor(server_.app(), admin, {"work", "Emploi ou études (essai)", true}));
  ASSERT_TRUE(
      app::circles::MoveFactor(server_.app(), admin, "leisure", app::circles::MoveDirection::kUp));
  const auto list = app::circles::LoadFactorList(server_.app(), ActorOf(a_.coordinator));
  ASSERT_TRUE(list);
  EXPECT_FALSE(list->can_adjust);
  std::vector<std::string> protective;
  for (const auto& factor : list->factors) {
    if (factor.kind == domain::FactorKind::kProtective) protective.push_back(factor.key);
    if (factor.key == "work") {
      EXPECT_EQ(factor.name, "Emploi ou études (essai)");
    }
  }
  ASSERT_GE(protective.size(), 2u);
  EXPECT_EQ(protective[0], "leisure");
  EXPECT_EQ(protective[1], "work");
  EXPECT_EQ(list->factors.back().key, "custom-1") << "a new factor goes last";
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "risk_factor.create", a_.admin.id), 1u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "risk_factor.move", a_.admin.id), 1u);

  // Organisation B still has the default list.
  const auto theirs = app::circles::LoadFactorList(server_.app(), ActorOf(b_.coordinator));
  ASSERT_TRUE(theirs);
  EXPECT_EQ(theirs->factors.size(), domain::DefaultRiskFactors().size());
  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator}) {
    EXPECT_FALSE(app::circles::LoadFactorList(server_.app(), ActorOf(*user))) << user->email;
  }
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto page = coordinator->Get("/circles/risk-factors");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Emploi ou études (essai)"), std::string::npos);
  EXPECT_EQ(page.body.find("action=\"/circles/risk-factors/change\""), std::string::npos);
  auto admin_client = auth_.SignedInClient(a_.admin);
  const auto refused = admin_client->PostForm(
      "/circles/risk-factors/change", {{"key", "work"}, {"name", ""}}, "/circles/risk-factors");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"factor-work-error\""), std::string::npos);
}

TEST_P(AppRiskFactors, OnlyCoordinatorsAndAdminsOfTheOrganisationRateOrSeeRatings) {
  const auto review = Review(first_.circle_id, 90);
  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator, &b_.coordinator, &b_.admin}) {
    const auto refused = Rate(review, {{.key = "work", .rating = 1}}, user);
    ASSERT_FALSE(refused) << user->email;
    EXPECT_EQ(refused.error().kind, ErrorKind::kNotFound) << user->email;
    EXPECT_FALSE(app::circles::LoadReviewFactors(server_.app(), ActorOf(*user), review));
    const auto outcomes =
        app::reports::LoadOutcomesPage(server_.app(), ActorOf(*user), first_.core_member_id);
    EXPECT_TRUE(!outcomes || outcomes->factor_ratings.empty()) << user->email;
  }
  EXPECT_TRUE(Rate(review, {{.key = "work", .rating = 1}}, &a_.admin));
}

TEST_P(AppRiskFactors, OverHttpOnlyStaffOfTheOrganisationSeeTheRatings) {
  const auto review = Review(first_.circle_id, 90);
  ASSERT_TRUE(Rate(review, {{.key = "work", .rating = 2, .comment = "Emploi stable (fictif)."}}));
  const std::string page = "/circles/reviews/" + std::to_string(review) + "/factors";
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto seen = coordinator->Get(page);
  ASSERT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("Emploi stable (fictif)."), std::string::npos);
  const auto circle = coordinator->Get("/circles/" + std::to_string(first_.circle_id));
  EXPECT_NE(circle.body.find("href=\"" + page + "\""), std::string::npos);

  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator, &b_.coordinator, &b_.admin}) {
    auto client = auth_.SignedInClient(*user);
    const auto refused = client->Get(page);
    EXPECT_EQ(refused.status, 404) << user->email;
    EXPECT_EQ(refused.body.find("Emploi stable"), std::string::npos) << user->email;
    EXPECT_EQ(client->PostForm(page, {{"factor", "work"}, {"rating-work", "0"}}, "/").status, 404)
        << user->email;
  }
  EXPECT_EQ(RatingsOf(review).at("work").rating, 2);

  const auto bad = coordinator->PostForm(
      page, {{"factor", "work"}, {"rating-work", "5"}, {"comment-work", "Gardé tel quel."}}, page);
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Gardé tel quel."), std::string::npos) << "the form shows what was typed";
  EXPECT_NE(bad.body.find("id=\"rating-work-error\""), std::string::npos);
  const auto saved = coordinator->PostForm(page, {{"factor", "work"}, {"rating-work", "1"}}, page);
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(RatingsOf(review).at("work").rating, 1);
}

TEST_P(AppRiskFactors, FirstToLastChangesEqualTheChangesComputedFromTheRatings) {
  // Two circles, three reviews each; each review rates hostility, impulsivity and work.
  const std::vector<std::string> keys{"hostility_women", "impulsivity", "work"};  // list order
  const std::map<std::int64_t, std::vector<std::vector<int>>> given{
      {first_.circle_id, {{2, 1, 0}, {1, 1, 1}, {1, 0, 2}}},
      {second_.circle_id, {{0, 2, 1}, {2, 2, 1}, {2, 2, 0}}}};
  for (const auto& [circle, reviews] : given) {
    int days_ago = 150;
    for (const auto& ratings : reviews) {
      const auto review = Review(circle, days_ago);
      days_ago -= 60;
      std::vector<domain::FactorRatingEntry> entries;
      for (std::size_t i = 0; i < keys.size(); ++i) {
        entries.push_back({.key = keys[i], .rating = ratings[i]});
      }
      ASSERT_TRUE(Rate(review, entries));
    }
  }
  const domain::ReportPeriod period{AddDays(today_, -365), today_};
  const auto dashboard =
      app::reports::LoadDashboard(server_.app(), ActorOf(a_.coordinator), period);
  ASSERT_TRUE(dashboard);
  const auto& changes = dashboard->factor_changes;
  ASSERT_EQ(changes.size(), keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const bool protective = keys[i] == "work";
    int improved = 0, same = 0, worse = 0, total = 0;
    for (const auto& [circle, reviews] : given) {
      const int change = reviews.back()[i] - reviews.front()[i];
      total += change;
      if (change == 0) {
        ++same;
      } else if ((change < 0) != protective) {
        ++improved;
      } else {
        ++worse;
      }
    }
    SCOPED_TRACE(keys[i]);
    EXPECT_EQ(changes[i].circles, 2);
    EXPECT_EQ(changes[i].improved, improved);
    EXPECT_EQ(changes[i].same, same);
    EXPECT_EQ(changes[i].worse, worse);
    EXPECT_DOUBLE_EQ(changes[i].mean_change, total / 2.0);
  }
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto page = coordinator->Get("/reports?from=" + FormatIsoDate(period.from) +
                                     "&to=" + FormatIsoDate(period.to));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"factor-changes\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppRiskFactors, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppRiskFactors, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
