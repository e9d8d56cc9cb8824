#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"

// The circle plan: written with the core member at formation and revisited at each review. Each
// circle has numbered versions (a change is a new version; the previous ones are kept, read-only).
// A version holds the core member's goals, each with the steps agreed and who helps, and the
// warning signs of his relapse-prevention plan, in his own words, each with what the circle does
// when it sees it, who is called and the release conditions it touches. A goal keeps its key from
// version to version, so that the progress recorded at each review follows it over the circle's
// life. No I/O.
namespace cercle::domain {

// The area of life a goal is about.
enum class GoalArea { kHousing, kWork, kRelationships, kHealth, kLeisure, kOther };

template <>
struct EnumTable<GoalArea> {
  static constexpr std::array<EnumEntry<GoalArea>, 6> kEntries{{
      {GoalArea::kHousing, "housing", N_("Housing")},
      {GoalArea::kWork, "work", N_("Work")},
      {GoalArea::kRelationships, "relationships", N_("Relationships")},
      {GoalArea::kHealth, "health", N_("Health")},
      {GoalArea::kLeisure, "leisure", N_("Leisure")},
      {GoalArea::kOther, "other", N_("Other")},
  }};
};

// Where a goal stands at a review.
enum class GoalProgress { kNotStarted, kUnderWay, kMet, kDropped };

template <>
struct EnumTable<GoalProgress> {
  static constexpr std::array<EnumEntry<GoalProgress>, 4> kEntries{{
      {GoalProgress::kNotStarted, "not_started", N_("Not started")},
      {GoalProgress::kUnderWay, "under_way", N_("Under way")},
      {GoalProgress::kMet, "met", N_("Met")},
      {GoalProgress::kDropped, "dropped", N_("Dropped")},
  }};
};

// The limits of a plan's texts, in characters (as the migration checks them).
inline constexpr std::size_t kMaxPlanNote = 200;
inline constexpr std::size_t kMaxGoalText = 500;
inline constexpr std::size_t kMaxGoalSteps = 2000;
inline constexpr std::size_t kMaxPlanPeople = 300;
inline constexpr std::size_t kMaxSignText = 500;
inline constexpr std::size_t kMaxSignResponse = 2000;
inline constexpr std::size_t kMaxProgressComment = 500;

// One version of a circle's plan.
struct PlanVersion {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t circle_id = 0;
  int version = 1;
  std::string note;  // why this version: "Written at formation", "Revisited at the June review"…
  std::optional<std::int64_t> created_by;
  Instant created_at;
};

// One goal of a version.
struct PlanGoal {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t version_id = 0;
  int goal_key = 0;  // the goal's number within the circle, kept across versions; 0 for a new one
  int position = 1;
  GoalArea area = GoalArea::kOther;
  std::string goal;     // the goal in words
  std::string steps;    // the steps agreed
  std::string helpers;  // who helps
};

// One warning sign of a version.
struct WarningSign {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t version_id = 0;
  int position = 1;
  std::string sign;                         // in the core member's own words
  std::string response;                     // what the circle does when it sees it
  std::string who_is_called;                // who is called
  std::vector<std::int64_t> condition_ids;  // the release conditions it touches
};

// A version with its rows.
struct Plan {
  PlanVersion version;
  std::vector<PlanGoal> goals;     // by position
  std::vector<WarningSign> signs;  // by position
};

// The progress of one goal recorded at one review.
struct GoalProgressEntry {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t review_id = 0;
  int goal_key = 0;
  GoalProgress progress = GoalProgress::kNotStarted;
  std::string comment;
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// Checks the rows of a new version and numbers them. Each row's `position` is its row on the form
// (N below, from 1; rows left blank on the form are absent); once checked, positions are renumbered
// 1, 2, 3… in the order given. Texts are trimmed; a goal needs its words (field "goal_N_text") and
// a sign its words and what the circle does
// ("sign_N_text", "sign_N_response"); the other texts are limited ("goal_N_steps",
// "goal_N_helpers", "sign_N_called", "note"). A goal's key must be one of `known_keys` (the keys
// the circle's goals ever had) or 0, and no two goals share one ("goal_N_text"); a new goal gets
// the next key after `known_keys`. A sign may only touch `conditions` (the core member's)
// ("sign_N_conditions"). At least one goal or sign ("plan"). Positions are set from the order.
Status CheckPlan(std::string& note, std::vector<PlanGoal>& goals, std::vector<WarningSign>& signs,
                 const std::vector<int>& known_keys, const std::vector<std::int64_t>& conditions);

// The rows of a new version drafted from `previous` (none at formation): its goals and signs,
// their ids cleared, for the coordinator to amend.
Plan DraftFrom(const std::optional<Plan>& previous);

// Checks the progress recorded at a review: each key among `goal_keys` (the goals of the plan in
// force), a comment of at most kMaxProgressComment characters (field "progress_KEY_comment"),
// and at least one goal ("progress"). Trims the comments.
Status CheckProgress(std::vector<GoalProgressEntry>& entries, const std::vector<int>& goal_keys);

// The latest progress of each goal, by key, from `entries` in the order their reviews were held
// (a later review's entry replaces an earlier one's).
std::map<int, GoalProgress> LatestProgress(const std::vector<GoalProgressEntry>& entries);

// How many goals were met over the circle's life: those whose latest progress is "met".
int GoalsMet(const std::vector<GoalProgressEntry>& entries);

}  // namespace cercle::domain
