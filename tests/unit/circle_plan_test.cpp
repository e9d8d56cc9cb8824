// The circle plan's rules: a version's goals and warning signs checked and numbered, a goal's key
// kept across versions, a new version drafted from the previous one, the progress recorded at a
// review, and the goals met over the circle's life.
#include "domain/circle_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace cercle::domain {
namespace {

PlanGoal Goal(int key, const char* text) {
  PlanGoal goal;
  goal.goal_key = key;
  goal.area = GoalArea::kHousing;
  goal.goal = text;
  return goal;
}

WarningSign Sign(const char* text, const char* response, std::vector<std::int64_t> conditions) {
  WarningSign sign;
  sign.sign = text;
  sign.response = response;
  sign.condition_ids = std::move(conditions);
  return sign;
}

GoalProgressEntry Progress(int key, GoalProgress progress) {
  GoalProgressEntry entry;
  entry.goal_key = key;
  entry.progress = progress;
  return entry;
}

bool HasField(const Status& status, const std::string& field) {
  if (status) return false;
  const auto& fields = status.error().fields;
  return std::any_of(fields.begin(), fields.end(),
                     [&](const FieldError& error) { return error.field == field; });
}

TEST(CirclePlanRule, NumbersRowsAndGivesNewGoalsTheNextKey) {
  std::string note = "  Revue de juin  ";
  // The form's rows 1, 3 and 4 (row 2 left blank) become positions 1, 2 and 3.
  std::vector<PlanGoal> goals{Goal(2, " Logement stable "), Goal(0, "Emploi"), Goal(0, "Loisir")};
  goals[1].position = 3;
  goals[2].position = 4;
  std::vector<WarningSign> signs{Sign("Je m'isole", "Appeler le soir même", {7})};
  ASSERT_TRUE(CheckPlan(note, goals, signs, {1, 2}, {7, 8}));
  EXPECT_EQ(note, "Revue de juin");
  EXPECT_EQ(goals[0].goal, "Logement stable");
  EXPECT_EQ(goals[0].goal_key, 2);
  EXPECT_EQ(goals[1].goal_key, 3);
  EXPECT_EQ(goals[2].goal_key, 4);
  EXPECT_EQ(goals[2].position, 3);
  EXPECT_EQ(signs[0].position, 1);
}

TEST(CirclePlanRule, RefusesAnUnknownOrRepeatedGoalKey) {
  std::string note;
  std::vector<WarningSign> signs;
  std::vector<PlanGoal> unknown{Goal(5, "Logement")};
  EXPECT_TRUE(HasField(CheckPlan(note, unknown, signs, {1, 2}, {}), "goal_1_text"));
  std::vector<PlanGoal> twice{Goal(1, "Logement"), Goal(1, "Emploi")};
  twice[1].position = 2;
  EXPECT_TRUE(HasField(CheckPlan(note, twice, signs, {1}, {}), "goal_2_text"));
}

TEST(CirclePlanRule, NeedsTheWordsOfEachRowAndAtLeastOneRow) {
  std::string note;
  std::vector<PlanGoal> goals{Goal(0, "   ")};
  std::vector<WarningSign> signs{Sign("Je bois seul", "", {})};
  signs[0].position = 2;
  const auto status = CheckPlan(note, goals, signs, {}, {});
  EXPECT_TRUE(HasField(status, "goal_1_text"));
  EXPECT_TRUE(HasField(status, "sign_2_response"));
  std::vector<PlanGoal> no_goals;
  std::vector<WarningSign> no_signs;
  EXPECT_TRUE(HasField(CheckPlan(note, no_goals, no_signs, {}, {}), "plan"));
  std::string long_note(kMaxPlanNote + 1, 'a');
  std::vector<PlanGoal> one{Goal(0, "Emploi")};
  EXPECT_TRUE(HasField(CheckPlan(long_note, one, no_signs, {}, {}), "note"));
}

TEST(CirclePlanRule, ASignTouchesOnlyTheCoreMembersConditions) {
  std::string note;
  std::vector<PlanGoal> goals;
  std::vector<WarningSign> signs{Sign("Je passe près de l'école", "Appeler la coordination", {9})};
  EXPECT_TRUE(HasField(CheckPlan(note, goals, signs, {}, {7, 8}), "sign_1_conditions"));
}

TEST(CirclePlanRule, ADraftCopiesThePreviousRowsWithoutTheirIds) {
  Plan previous;
  previous.version.id = 4;
  previous.version.version = 2;
  previous.goals.push_back(Goal(3, "Logement"));
  previous.goals[0].id = 11;
  previous.goals[0].version_id = 4;
  previous.signs.push_back(Sign("Je m'isole", "Appeler", {7}));
  previous.signs[0].id = 12;
  const auto draft = DraftFrom(previous);
  EXPECT_EQ(draft.version.id, 0);
  ASSERT_EQ(draft.goals.size(), 1U);
  EXPECT_EQ(draft.goals[0].id, 0);
  EXPECT_EQ(draft.goals[0].goal_key, 3);
  EXPECT_EQ(draft.signs[0].id, 0);
  EXPECT_EQ(draft.signs[0].condition_ids, std::vector<std::int64_t>{7});
  EXPECT_TRUE(DraftFrom(std::nullopt).goals.empty());
}

TEST(GoalProgressRule, RecordsOnlyThePlansGoalsOnceEach) {
  std::vector<GoalProgressEntry> good{Progress(1, GoalProgress::kMet)};
  good[0].comment = "  Bail signé  ";
  EXPECT_TRUE(CheckProgress(good, {1, 2}));
  EXPECT_EQ(good[0].comment, "Bail signé");
  std::vector<GoalProgressEntry> foreign{Progress(9, GoalProgress::kMet)};
  EXPECT_TRUE(HasField(CheckProgress(foreign, {1, 2}), "progress"));
  std::vector<GoalProgressEntry> twice{Progress(1, GoalProgress::kMet),
                                       Progress(1, GoalProgress::kDropped)};
  EXPECT_TRUE(HasField(CheckProgress(twice, {1}), "progress"));
  std::vector<GoalProgressEntry> none;
  EXPECT_TRUE(HasField(CheckProgress(none, {1}), "progress"));
  std::vector<GoalProgressEntry> long_comment{Progress(1, GoalProgress::kMet)};
  long_comment[0].comment = std::string(kMaxProgressComment + 1, 'a');
  EXPECT_TRUE(HasField(CheckProgress(long_comment, {1}), "progress_1_comment"));
}

TEST(GoalProgressRule, CountsTheGoalsWhoseLatestProgressIsMet) {
  // Goal 1 met then dropped, goal 2 under way then met, goal 3 met: two met over the circle's life.
  const std::vector<GoalProgressEntry> entries{
      Progress(1, GoalProgress::kMet), Progress(2, GoalProgress::kUnderWay),
      Progress(3, GoalProgress::kMet), Progress(1, GoalProgress::kDropped),
      Progress(2, GoalProgress::kMet),
  };
  EXPECT_EQ(GoalsMet(entries), 2);
  EXPECT_EQ(LatestProgress(entries).at(1), GoalProgress::kDropped);
  EXPECT_EQ(GoalsMet({}), 0);
}

}  // namespace
}  // namespace cercle::domain
