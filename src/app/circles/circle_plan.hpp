#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/circles/circle_meetings.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/circle_plan.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"
#include "domain/core_member_projection.hpp"
#include "domain/legal.hpp"
#include "store/unit.hpp"

// The circle plan (domain/circle_plan): coordinators write its versions and record at each review
// how each goal went; the volunteers of the circle read the plan in force on their phone (never
// the core member's risk assessments, which no query here reads); partners and evaluators see
// none of it. Changes are audited in their transaction, views of the plan by AuditView.
namespace cercle::app::circles {

// The coordinators' plan page: one version of the plan (the current one unless another is asked
// for), the list of versions, and what the form of a new version offers.
struct PlanPage {
  domain::Circle circle;
  std::string core_member;                    // the name he goes by
  std::vector<domain::PlanVersion> versions;  // the first first
  std::optional<domain::Plan> shown;          // none before the first version
  bool shown_is_current = true;
  domain::Plan draft;  // the current version's rows, copied for the form (empty at formation)
  // The core member's conditions (a sign may touch any of them), by id.
  std::map<std::int64_t, domain::Condition> conditions;
};

// The plan page of circle `circle_id` showing version `version` (the current one when none or
// unknown), audited "circle.plan_view" with ViewAudit::kRecord; NotFound when the actor may not
// manage the circle.
Result<PlanPage> LoadPlanPage(const Services& services, const auth::Actor& actor,
                              std::int64_t circle_id, std::optional<int> version = std::nullopt,
                              ViewAudit audit = ViewAudit::kRecord);

// A new version of the plan, as the coordinator's form gives it: every row, in order.
struct PlanCommand {
  std::int64_t circle_id = 0;
  std::string
      note;  // "Amendment" in the actor's language when empty ("Written at formation" first)
  // Each row's position is its row on the form (domain::CheckPlan names field errors by it).
  std::vector<domain::PlanGoal> goals;
  std::vector<domain::WarningSign> signs;
  std::vector<int> unreadable_areas;  // the goal rows whose area is none of the list
};

// Stores the command as the circle's next version after domain::CheckPlan (the conditions being
// the core member's), audited "circle.plan_save"; the previous versions are kept. Conflict on a
// closed circle. Returns the new version's number.
Result<int> SavePlan(const Services& services, const auth::Actor& actor,
                     const PlanCommand& command);

// The volunteers' view of the plan in force.
struct PortalPlanPage {
  domain::Circle circle;
  std::optional<domain::Plan> plan;
  // The conditions the signs touch, as volunteers may read them (domain::ProjectForVolunteers), by
  // id; ended ones are absent.
  std::map<std::int64_t, domain::VolunteerCondition> conditions;
};

// The plan in force of circle `circle_id` for the actor's own volunteer file, audited
// "circle.plan_view"; NotFound when the actor may not read the circle on their portal.
Result<PortalPlanPage> LoadPortalPlan(const Services& services, const auth::Actor& actor,
                                      std::int64_t circle_id);

// The progress page of one review: the goals of the plan in force, what this review recorded and
// each goal's latest progress before it.
struct GoalProgressPage {
  domain::Circle circle;
  domain::CircleReview review;
  std::vector<domain::PlanGoal> goals;
  std::map<int, domain::GoalProgressEntry> recorded;  // by goal key
  std::map<int, domain::GoalProgress> before;         // by goal key
};

// The progress page of review `review_id`; NotFound when there is no such review or the actor may
// not manage its circle.
Result<GoalProgressPage> LoadGoalProgress(const Services& services, const auth::Actor& actor,
                                          std::int64_t review_id);

// The progress of the goals at one review, as the form gives it.
struct GoalProgressCommand {
  std::int64_t review_id = 0;
  std::vector<domain::GoalProgressEntry> entries;  // goal key, progress, comment
  bool unreadable = false;                         // a progress that is none of the list
};

// Replaces what review `review_id` recorded of the goals after domain::CheckProgress against the
// plan in force, audited "circle.plan_progress". NotFound as LoadGoalProgress; Conflict on a
// closed circle. Returns how many goals were recorded.
Result<int> RecordGoalProgress(const Services& services, const auth::Actor& actor,
                               const GoalProgressCommand& command);

// The warning signs of the plan in force of circle `circle_id` read in `unit` (none without a
// plan), which a concern about the circle may cite.
std::vector<domain::WarningSign> CitableSigns(const store::Unit& unit, std::int64_t circle_id,
                                              std::int64_t organisation_id);

// Records that concern `concern_id` of circle `circle_id` cites the signs `sign_ids`, read and
// written in `unit`: each must be a sign of the circle's plan in force, or Invalid (field "signs")
// and nothing is written.
Status CiteSigns(const store::Unit& unit, std::int64_t circle_id, std::int64_t concern_id,
                 std::int64_t organisation_id, const std::vector<std::int64_t>& sign_ids);

// The goals of a core member's circles for his outcomes page: each goal as its latest version
// words it, with its latest progress, and how many were met over the circles' lives.
struct PlanGoalOutcome {
  std::int64_t circle_id = 0;
  std::string circle;  // its code name
  domain::PlanGoal goal;
  std::optional<domain::GoalProgress> progress;  // none before any review recorded it
};
struct PlanOutcomes {
  std::vector<PlanGoalOutcome> goals;
  int met = 0;
};

// The plan outcomes of the circles of core member `core_member_id`, read in `unit`: the goals of
// each circle's plan in force, and the goals met over each circle's life (a goal met then left out
// of a later version still counts).
PlanOutcomes ReadPlanOutcomes(const store::Unit& unit, std::int64_t core_member_id,
                              std::int64_t organisation_id);

}  // namespace cercle::app::circles
