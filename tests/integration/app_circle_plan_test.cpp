// The circle plan (app/circles/circle_plan), on SQLite and PostgreSQL: each new version keeps the
// earlier ones and starts from their rows, a goal keeps its key across versions, bad rows save
// nothing; a review records the progress of each goal and the outcomes count the goals met; a
// concern cites the warning signs of its own circle's plan only; over HTTP, a volunteer of the
// circle reads the plan in force on their phone (never the risk assessment nor a victim's
// details), a volunteer of another circle, partners and evaluators get 404, and so does another
// organisation; every change and view is audited.
#include <gtest/gtest.h>

#include <set>

#include "app/circles/circle_changes.hpp"
#include "app/circles/circle_plan.hpp"
#include "app/concerns/concern_follow_up.hpp"
#include "app/concerns/concern_page.hpp"
#include "app/concerns/concern_raise.hpp"
#include "app/reports/outcomes.hpp"
#include "store/circle_plan_store.hpp"
#include "store/legal_store.hpp"
#include "store/retention_records_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using domain::GoalArea;
using domain::GoalProgress;

constexpr const char* kSignText = "Je recommence à passer mes soirées seul devant l'ordinateur";
constexpr const char* kResponse = "Un bénévole l'appelle le soir même et propose une sortie.";

class AppCirclePlan : public ::testing::TestWithParam<Backend> {
 protected:
  AppCirclePlan() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    coordinator_ = ActorOf(a_.coordinator);
    // A full file: a risk assessment, a condition protecting a victim and a curfew.
    const auto file = intake_.SeedFullFile(a_.id, "Marcel Exemple", "2026-001");
    core_member_ = file.core_member_id;
    circle_ = circles_.CreateCircle(a_.id, file.core_member_id, domain::CirclePhase::kWeekly,
                                    AddDays(today_, -90), AddDays(today_, -90));
    member_ = volunteers_.CreateVolunteer(a_.id, "Bastien", "Bénévole",
                                          domain::VolunteerStage::kActive, a_.volunteer.id);
    circles_.AddMember(a_.id, circle_, member_, AddDays(today_, -90), true);
    for (const auto& condition : Conditions(file.core_member_id)) {
      if (condition.id != file.protected_condition_id) curfew_ = condition.id;
    }
    protected_ = file.protected_condition_id;
    // Another circle of the organisation, with a plan of its own.
    const auto other = intake_.CreateCoreMember(a_.id, "Gérard Autre", "2026-002");
    other_circle_ = circles_.CreateCircle(a_.id, other, domain::CirclePhase::kWeekly,
                                          AddDays(today_, -60), AddDays(today_, -60));
  }

  std::vector<domain::Condition> Conditions(std::int64_t core_member) {
    return server_.app().database.Read(
        store::Scope::Organisation(a_.id), [&](soci::session& session) {
          return store::LegalStore(session).Conditions(core_member, a_.id);
        });
  }

  auth::Actor Volunteer() const {
    auto actor = ActorOf(a_.volunteer);
    actor.has_volunteer_file = true;
    return actor;
  }

  static domain::PlanGoal Goal(int position, GoalArea area, const char* text, int key = 0) {
    domain::PlanGoal goal;
    goal.position = position;
    goal.goal_key = key;
    goal.area = area;
    goal.goal = text;
    goal.steps = "Rencontrer l'intervenante (essai).";
    goal.helpers = "Bastien";
    return goal;
  }

  static domain::WarningSign Sign(int position, std::vector<std::int64_t> conditions) {
    domain::WarningSign sign;
    sign.position = position;
    sign.sign = kSignText;
    sign.response = kResponse;
    sign.who_is_called = "La coordonnatrice";
    sign.condition_ids = std::move(conditions);
    return sign;
  }

  // The first version: a housing and a work goal, one sign touching the curfew.
  int WriteFirstVersion(std::int64_t circle) {
    const auto saved = app::circles::SavePlan(
        server_.app(), coordinator_,
        {.circle_id = circle,
         .note = "",
         .goals = {Goal(1, GoalArea::kHousing, "Trouver un logement stable"),
                   Goal(2, GoalArea::kWork, "Garder son emploi à l'entrepôt")},
         .signs = {Sign(1, circle == circle_ ? std::vector<std::int64_t>{curfew_}
                                             : std::vector<std::int64_t>{})}});
    EXPECT_TRUE(saved) << (saved ? "" : saved.error().message.id);
    return saved ? *saved : 0;
  }

  std::int64_t Review(int days_ago) {
    const auto review =
        app::circles::RecordReview(server_.app(), coordinator_,
                                   {.circle_id = circle_,
                                    .kind = domain::ReviewKind::kReview,
                                    .held_on = AddDays(today_, -days_ago),
                                    .participants = "Marcel, Bastien, la coordonnatrice",
                                    .outcome = "",
                                    .decisions = "",
                                    .renewal = std::nullopt});
    EXPECT_TRUE(review) << (review ? "" : review.error().message.id);
    return review ? *review : 0;
  }

  static domain::GoalProgressEntry Progress(int key, GoalProgress progress) {
    domain::GoalProgressEntry entry;
    entry.goal_key = key;
    entry.progress = progress;
    entry.comment = "Noté à la revue (essai).";
    return entry;
  }

  std::size_t Audited(const std::string& action) { return auth_.CountAuditEntries(a_.id, action); }

  TestServer server_{{.backend = GetParam()}};
  AuthFixture auth_{server_};
  CoreMemberFixture intake_{server_};
  VolunteerFixture volunteers_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  CivilDate today_;
  auth::Actor coordinator_;
  std::int64_t core_member_ = 0, circle_ = 0, other_circle_ = 0, member_ = 0, curfew_ = 0,
               protected_ = 0;
};

TEST_P(AppCirclePlan, ANewVersionStartsFromThePreviousRowsAndKeepsIt) {
  ASSERT_EQ(WriteFirstVersion(circle_), 1);
  auto page = app::circles::LoadPlanPage(server_.app(), coordinator_, circle_);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->versions.size(), 1u);
  EXPECT_FALSE(page->versions[0].note.empty()) << "a first version is named";
  ASSERT_EQ(page->draft.goals.size(), 2u) << "the form starts from the plan in force";
  EXPECT_EQ(page->draft.goals[0].goal_key, 1);
  EXPECT_EQ(page->draft.goals[1].goal_key, 2);
  ASSERT_EQ(page->draft.signs.size(), 1u);
  EXPECT_EQ(page->draft.signs[0].condition_ids, std::vector<std::int64_t>{curfew_});

  // The coordinator amends the housing goal, drops the work goal and adds a leisure goal.
  auto goals = page->draft.goals;
  goals[0].goal = "Signer un bail d'un an";
  goals.erase(goals.begin() + 1);
  goals.push_back(Goal(3, GoalArea::kLeisure, "Rejoindre le club de marche"));
  const auto second = app::circles::SavePlan(
      server_.app(), coordinator_,
      {.circle_id = circle_, .note = "Revue de mars", .goals = goals, .signs = page->draft.signs});
  ASSERT_TRUE(second) << second.error().message.id;
  EXPECT_EQ(*second, 2);

  page = app::circles::LoadPlanPage(server_.app(), coordinator_, circle_);
  ASSERT_TRUE(page && page->shown);
  ASSERT_EQ(page->versions.size(), 2u);
  EXPECT_EQ(page->shown->version.note, "Revue de mars");
  ASSERT_EQ(page->shown->goals.size(), 2u);
  EXPECT_EQ(page->shown->goals[0].goal_key, 1) << "the housing goal keeps its key";
  EXPECT_EQ(page->shown->goals[1].goal_key, 3) << "a new goal takes the next key";
  EXPECT_EQ(page->shown->signs[0].condition_ids, std::vector<std::int64_t>{curfew_});

  const auto first = app::circles::LoadPlanPage(server_.app(), coordinator_, circle_, 1);
  ASSERT_TRUE(first && first->shown);
  EXPECT_FALSE(first->shown_is_current);
  ASSERT_EQ(first->shown->goals.size(), 2u) << "the first version is kept whole";
  EXPECT_EQ(first->shown->goals[0].goal, "Trouver un logement stable");
  EXPECT_EQ(Audited("circle.plan_save"), 2u);
  EXPECT_EQ(Audited("circle.plan_view"), 3u);
}

TEST_P(AppCirclePlan, BadRowsSaveNothing) {
  // A sign touching a condition of no file of this circle (the other core member's has none: an
  // unknown id), a goal without words, and an area the form could not read.
  const auto refused = app::circles::SavePlan(server_.app(), coordinator_,
                                              {.circle_id = circle_,
                                               .goals = {Goal(1, GoalArea::kHousing, "  ")},
                                               .signs = {Sign(2, {curfew_ + 1000})}});
  ASSERT_FALSE(refused);
  std::set<std::string> fields;
  for (const auto& field : refused.error().fields) fields.insert(field.field);
  EXPECT_TRUE(fields.contains("goal_1_text"));
  EXPECT_TRUE(fields.contains("sign_2_conditions"));
  EXPECT_FALSE(app::circles::SavePlan(server_.app(), coordinator_,
                                      {.circle_id = circle_,
                                       .goals = {Goal(1, GoalArea::kHousing, "Logement")},
                                       .unreadable_areas = {1}}));
  const auto page = app::circles::LoadPlanPage(server_.app(), coordinator_, circle_);
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->versions.empty());
  EXPECT_EQ(Audited("circle.plan_save"), 0u);
  // Nobody but the coordinators of the organisation writes a plan.
  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator, &b_.coordinator}) {
    auto actor = ActorOf(*user);
    EXPECT_EQ(app::circles::SavePlan(
                  server_.app(), actor,
                  {.circle_id = circle_, .goals = {Goal(1, GoalArea::kWork, "Emploi")}})
                  .error()
                  .kind,
              ErrorKind::kNotFound)
        << user->email;
  }
}

TEST_P(AppCirclePlan, AReviewRecordsTheProgressOfEachGoalAndTheOutcomesCountTheMet) {
  WriteFirstVersion(circle_);
  const auto march = Review(40);
  const auto june = Review(5);
  ASSERT_TRUE(app::circles::RecordGoalProgress(
      server_.app(), coordinator_,
      {march, {Progress(1, GoalProgress::kMet), Progress(2, GoalProgress::kUnderWay)}}));
  ASSERT_TRUE(app::circles::RecordGoalProgress(server_.app(), coordinator_,
                                               {june, {Progress(2, GoalProgress::kMet)}}));
  // Recording a review again replaces what it recorded.
  ASSERT_TRUE(app::circles::RecordGoalProgress(server_.app(), coordinator_,
                                               {march, {Progress(1, GoalProgress::kMet)}}));
  const auto page = app::circles::LoadGoalProgress(server_.app(), coordinator_, june);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->goals.size(), 2u);
  EXPECT_EQ(page->recorded.at(2).progress, GoalProgress::kMet);
  EXPECT_EQ(page->before.at(1), GoalProgress::kMet);
  EXPECT_FALSE(page->before.contains(2)) << "march no longer records goal 2";

  const auto outcomes = app::reports::LoadOutcomesPage(server_.app(), coordinator_, core_member_);
  ASSERT_TRUE(outcomes);
  EXPECT_EQ(outcomes->plan.met, 2);
  ASSERT_EQ(outcomes->plan.goals.size(), 2u);
  EXPECT_EQ(outcomes->plan.goals[1].progress, GoalProgress::kMet);
  const auto html = auth_.SignedInClient(a_.coordinator)
                        ->Get("/core-members/" + std::to_string(core_member_) + "/outcomes");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("Garder son emploi"), std::string::npos);

  // A goal that is not the plan's is refused.
  EXPECT_EQ(app::circles::RecordGoalProgress(server_.app(), coordinator_,
                                             {june, {Progress(9, GoalProgress::kMet)}})
                .error()
                .kind,
            ErrorKind::kInvalid);
  // Another organisation's coordinator may not record it.
  EXPECT_EQ(app::circles::RecordGoalProgress(server_.app(), ActorOf(b_.coordinator),
                                             {june, {Progress(1, GoalProgress::kMet)}})
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(Audited("circle.plan_progress"), 3u);
}

TEST_P(AppCirclePlan, AConcernCitesOnlyTheSignsOfItsOwnCirclesPlan) {
  WriteFirstVersion(circle_);
  WriteFirstVersion(other_circle_);
  const auto raise_page = app::concerns::LoadRaisePage(
      server_.app(), Volunteer(), app::concerns::Raiser::kVolunteer, circle_, std::nullopt);
  ASSERT_TRUE(raise_page);
  ASSERT_EQ(raise_page->signs.size(), 1u);
  const auto own_sign = raise_page->signs[0].id;
  const auto other_plan = app::circles::LoadPlanPage(server_.app(), coordinator_, other_circle_);
  ASSERT_TRUE(other_plan && other_plan->shown);
  const auto other_sign = other_plan->shown->signs[0].id;

  app::concerns::RaiseCommand command{
      .raiser = app::concerns::Raiser::kVolunteer,
      .circle_id = circle_,
      .draft = {.category = domain::ConcernCategory::kEmotionalCollapse,
                .severity = domain::Severity::kConcern,
                .observed = "Il dit passer ses soirées seul (essai).",
                .observed_at = server_.clock().Now(),
                .already_done = ""},
      .sign_ids = {own_sign, other_sign}};
  const auto before = auth_.CountRows("concerns");
  const auto refused = app::concerns::Raise(server_.app(), Volunteer(), command);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(auth_.CountRows("concerns"), before) << "a refused citation stores nothing";

  command.sign_ids = {own_sign};
  const auto raised = app::concerns::Raise(server_.app(), Volunteer(), command);
  ASSERT_TRUE(raised) << raised.error().message.id;
  const auto own = app::concerns::LoadOwnConcern(server_.app(), Volunteer(), raised->concern_id);
  ASSERT_TRUE(own);
  ASSERT_EQ(own->signs.size(), 1u);
  EXPECT_EQ(own->signs[0].response, kResponse);
  const auto staff = app::concerns::LoadConcernPage(server_.app(), coordinator_, raised->concern_id,
                                                    app::concerns::RecordView::kNo);
  ASSERT_TRUE(staff);
  ASSERT_EQ(staff->signs.size(), 1u);
  EXPECT_EQ(staff->signs[0].who_is_called, "La coordonnatrice");
}

TEST_P(AppCirclePlan, AVolunteerOfTheCircleReadsThePlanButNeverTheRiskAssessment) {
  // The sign touches the protected condition too: volunteers read only its fixed wording.
  ASSERT_TRUE(app::circles::SavePlan(
      server_.app(), coordinator_,
      {.circle_id = circle_,
       .goals = {Goal(1, GoalArea::kHealth, "Suivre sa thérapie chaque semaine")},
       .signs = {Sign(1, {curfew_, protected_})}}));
  const std::string portal = "/portal/circles/" + std::to_string(circle_) + "/plan";
  auto volunteer = auth_.SignedInClient(a_.volunteer);
  const auto read = volunteer->Get(portal);
  ASSERT_EQ(read.status, 200);
  EXPECT_NE(read.body.find("Suivre sa thérapie chaque semaine"), std::string::npos);
  EXPECT_NE(read.body.find("appelle le soir même et propose une sortie"), std::string::npos);
  EXPECT_NE(read.body.find("Couvre-feu de 22 h à 6 h."), std::string::npos);
  for (const char* secret :
       {kRiskScoreSecret, kRiskLevelSecret, kVictimSecret, kPlaceSecret, kOffenceSecret}) {
    EXPECT_EQ(read.body.find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(volunteer->Get("/portal/circles/" + std::to_string(circle_)).body.find(portal),
            std::string::npos)
      << "the phone view links to the plan";
  EXPECT_EQ(Audited("circle.plan_view"), 1u);

  // A volunteer of another circle of the organisation.
  const auto other_user = auth_.CreateUser(a_.id, "Odile Membre", "odile@cercles-a.example",
                                           {domain::Role::kVolunteer});
  const auto other_file = volunteers_.CreateVolunteer(
      a_.id, "Odile", "Portail", domain::VolunteerStage::kActive, other_user.id);
  circles_.AddMember(a_.id, other_circle_, other_file, AddDays(today_, -30));
  EXPECT_EQ(auth_.SignedInClient(other_user)->Get(portal).status, 404);
}

TEST_P(AppCirclePlan, PartnersEvaluatorsAndOtherOrganisationsSeeNoneOfIt) {
  WriteFirstVersion(circle_);
  const auto review = Review(5);
  const std::string circle = "/circles/" + std::to_string(circle_);
  const std::vector<std::string> pages{circle + "/plan",
                                       "/circles/reviews/" + std::to_string(review) + "/goals",
                                       "/portal/circles/" + std::to_string(circle_) + "/plan"};
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto plan = coordinator->Get(pages[0]);
  ASSERT_EQ(plan.status, 200);
  EXPECT_NE(plan.body.find("Trouver un logement stable"), std::string::npos);
  EXPECT_EQ(coordinator->Get(pages[1]).status, 200);
  for (const auto* user : {&a_.partner, &a_.evaluator, &b_.coordinator, &b_.admin}) {
    auto client = auth_.SignedInClient(*user);
    for (const auto& page : pages) {
      EXPECT_EQ(client->Get(page).status, 404) << user->email << " " << page;
    }
    EXPECT_EQ(client->PostForm(pages[0], {{"goal_rows", "1"}, {"goal_1_text", "x"}}, "/").status,
              404)
        << user->email;
  }
  EXPECT_EQ(auth_.CountRows("circle_plan_versions"), 1);
}

TEST_P(AppCirclePlan, TheFormSavesANewVersionAndShowsARefusedOneAgain) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string plan = "/circles/" + std::to_string(circle_) + "/plan";
  const auto refused = coordinator->PostForm(plan,
                                             {{"goal_rows", "2"},
                                              {"goal_1_area", "housing"},
                                              {"goal_1_text", ""},
                                              {"goal_1_steps", "Visiter trois logements"},
                                              {"sign_rows", "0"}},
                                             plan);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Visiter trois logements"), std::string::npos) << "kept as typed";
  EXPECT_NE(refused.body.find("id=\"goal_1_text-error\""), std::string::npos);
  EXPECT_EQ(auth_.CountRows("circle_plan_versions"), 0);

  const auto saved = coordinator->PostForm(plan,
                                           {{"goal_rows", "2"},
                                            {"goal_1_area", "housing"},
                                            {"goal_1_key", "0"},
                                            {"goal_1_text", "Trouver un logement"},
                                            {"goal_2_text", ""},
                                            {"sign_rows", "1"},
                                            {"sign_1_text", kSignText},
                                            {"sign_1_response", kResponse},
                                            {"sign_1_conditions", std::to_string(curfew_)}},
                                           plan);
  EXPECT_EQ(saved.status, 303);
  const auto page = app::circles::LoadPlanPage(server_.app(), coordinator_, circle_);
  ASSERT_TRUE(page && page->shown);
  ASSERT_EQ(page->shown->goals.size(), 1u) << "the blank row is left out";
  EXPECT_EQ(page->shown->signs[0].condition_ids, std::vector<std::int64_t>{curfew_});
}

TEST_P(AppCirclePlan, DisposingOfHisFileClearsThePlansWordsAndKeepsItsCounts) {
  WriteFirstVersion(circle_);
  const auto review = Review(5);
  ASSERT_TRUE(app::circles::RecordGoalProgress(server_.app(), coordinator_,
                                               {review, {Progress(1, GoalProgress::kMet)}}));
  const auto disposed = server_.app().database.Write(
      store::Scope::Organisation(a_.id), [&](soci::session& session) -> Status {
        store::RetentionRecordsStore(session).Dispose(a_.id, domain::RetainedKind::kCoreMemberFiles,
                                                      core_member_, server_.clock().Now(),
                                                      [](Instant at) { return at; });
        return {};
      });
  ASSERT_TRUE(disposed);
  const auto plan =
      server_.app().database.Read(store::Scope::Organisation(a_.id), [&](soci::session& session) {
        store::CirclePlanStore plans(session);
        return std::pair(*plans.Current(circle_, a_.id), plans.ProgressOfReview(review, a_.id));
      });
  EXPECT_TRUE(plan.first.version.note.empty());
  ASSERT_EQ(plan.first.goals.size(), 2u) << "the goals stay, for the counts";
  EXPECT_EQ(plan.first.goals[0].goal, "-");
  EXPECT_EQ(plan.first.goals[0].helpers, "");
  EXPECT_EQ(plan.first.goals[0].area, GoalArea::kHousing);
  EXPECT_EQ(plan.first.signs[0].sign, "-");
  EXPECT_EQ(plan.first.signs[0].who_is_called, "");
  ASSERT_EQ(plan.second.size(), 1u);
  EXPECT_EQ(plan.second[0].progress, GoalProgress::kMet);
  EXPECT_EQ(plan.second[0].comment, "");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppCirclePlan, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppCirclePlan, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
