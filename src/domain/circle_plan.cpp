#include "domain/circle_plan.hpp"

#include <algorithm>
#include <set>

#include "domain/field_checks.hpp"

namespace cercle::domain {
namespace {

// The field name of the form's row `row` of a list: "goal_2_text".
std::string RowField(std::string_view list, int row, std::string_view part) {
  return std::string(list) + "_" + std::to_string(row) + "_" + std::string(part);
}

// Checks the goals, numbers their positions and gives each new goal the next key.
void CheckGoals(std::vector<FieldError>& errors, std::vector<PlanGoal>& goals,
                const std::vector<int>& known_keys) {
  int next_key =
      known_keys.empty() ? 1 : *std::max_element(known_keys.begin(), known_keys.end()) + 1;
  std::set<int> seen;
  for (std::size_t i = 0; i < goals.size(); ++i) {
    auto& goal = goals[i];
    const int row = goal.position;
    goal.position = static_cast<int>(i) + 1;
    CheckText(errors, RowField("goal", row, "text"), goal.goal, kMaxGoalText,
              N_("Write the goal in words."));
    CheckText(errors, RowField("goal", row, "steps"), goal.steps, kMaxGoalSteps);
    CheckText(errors, RowField("goal", row, "helpers"), goal.helpers, kMaxPlanPeople);
    if (goal.goal_key == 0) {
      goal.goal_key = next_key++;
    } else if (std::find(known_keys.begin(), known_keys.end(), goal.goal_key) == known_keys.end() ||
               !seen.insert(goal.goal_key).second) {
      AddError(errors, RowField("goal", row, "text"), N_("This goal is not one of the plan's."));
    }
  }
}

// Checks the warning signs and numbers their positions.
void CheckSigns(std::vector<FieldError>& errors, std::vector<WarningSign>& signs,
                const std::vector<std::int64_t>& conditions) {
  for (std::size_t i = 0; i < signs.size(); ++i) {
    auto& sign = signs[i];
    const int row = sign.position;
    sign.position = static_cast<int>(i) + 1;
    CheckText(errors, RowField("sign", row, "text"), sign.sign, kMaxSignText,
              N_("Write the warning sign in his own words."));
    CheckText(errors, RowField("sign", row, "response"), sign.response, kMaxSignResponse,
              N_("Write what the circle does when it sees this sign."));
    CheckText(errors, RowField("sign", row, "called"), sign.who_is_called, kMaxPlanPeople);
    const bool foreign =
        std::any_of(sign.condition_ids.begin(), sign.condition_ids.end(), [&](std::int64_t id) {
          return std::find(conditions.begin(), conditions.end(), id) == conditions.end();
        });
    if (foreign) {
      AddError(errors, RowField("sign", row, "conditions"),
               N_("Choose among the core member's conditions."));
    }
  }
}

}  // namespace

Status CheckPlan(std::string& note, std::vector<PlanGoal>& goals, std::vector<WarningSign>& signs,
                 const std::vector<int>& known_keys, const std::vector<std::int64_t>& conditions) {
  std::vector<FieldError> errors;
  CheckText(errors, "note", note, kMaxPlanNote);
  if (goals.empty() && signs.empty()) {
    AddError(errors, "plan", N_("Write at least one goal or one warning sign."));
  }
  CheckGoals(errors, goals, known_keys);
  CheckSigns(errors, signs, conditions);
  return Checked(std::move(errors));
}

Plan DraftFrom(const std::optional<Plan>& previous) {
  if (!previous) return {};
  Plan draft = *previous;
  draft.version = {};
  for (auto& goal : draft.goals) goal.id = goal.version_id = 0;
  for (auto& sign : draft.signs) sign.id = sign.version_id = 0;
  return draft;
}

Status CheckProgress(std::vector<GoalProgressEntry>& entries, const std::vector<int>& goal_keys) {
  std::vector<FieldError> errors;
  if (entries.empty())
    AddError(errors, "progress", N_("Record the progress of at least one goal."));
  std::set<int> seen;
  for (auto& entry : entries) {
    const std::string field = "progress_" + std::to_string(entry.goal_key);
    if (std::find(goal_keys.begin(), goal_keys.end(), entry.goal_key) == goal_keys.end() ||
        !seen.insert(entry.goal_key).second) {
      AddError(errors, "progress", N_("This goal is not one of the plan's."));
      continue;
    }
    CheckText(errors, field + "_comment", entry.comment, kMaxProgressComment);
  }
  return Checked(std::move(errors));
}

std::map<int, GoalProgress> LatestProgress(const std::vector<GoalProgressEntry>& entries) {
  std::map<int, GoalProgress> latest;
  for (const auto& entry : entries) latest.insert_or_assign(entry.goal_key, entry.progress);
  return latest;
}

int GoalsMet(const std::vector<GoalProgressEntry>& entries) {
  const auto latest = LatestProgress(entries);
  return static_cast<int>(std::count_if(latest.begin(), latest.end(), [](const auto& pair) {
    return pair.second == GoalProgress::kMet;
  }));
}

}  // namespace cercle::domain
