#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/circle_plan.hpp"

namespace cercle::store {

// Reads and writes circles' plans (circle_plan_versions with their goals, warning signs and the
// conditions each sign touches), the progress of goals recorded at reviews, and the warning signs
// concerns cite, within the caller's transaction. Every query names the organisation, on top of
// row-level security.
class CirclePlanStore {
 public:
  explicit CirclePlanStore(soci::session& session) : session_(session) {}

  // Stores `plan` as the circle's next version (its number set here) with its rows; returns the
  // version's id and sets the ids of the version and its rows.
  std::int64_t Insert(domain::Plan& plan);
  // The versions of the circle's plan, the first first.
  std::vector<domain::PlanVersion> Versions(std::int64_t circle_id, std::int64_t organisation_id);
  // `version` with its goals and signs.
  domain::Plan WithRows(const domain::PlanVersion& version);
  // The circle's current plan (its latest version, with its rows), if it has one.
  std::optional<domain::Plan> Current(std::int64_t circle_id, std::int64_t organisation_id);
  // The circles of core member `core_member_id` that have a plan, by id, with their code names,
  // the earliest first.
  std::vector<std::pair<std::int64_t, std::string>> PlannedCircles(std::int64_t core_member_id,
                                                                   std::int64_t organisation_id);
  // Every key the circle's goals ever had.
  std::vector<int> GoalKeys(std::int64_t circle_id, std::int64_t organisation_id);

  // The circle of review `review_id` of `organisation_id`, if there is such a review.
  std::optional<std::int64_t> CircleOfReview(std::int64_t review_id, std::int64_t organisation_id);
  // Replaces the progress recorded at review `review_id` by `entries`.
  void ReplaceProgress(std::int64_t review_id, std::int64_t organisation_id,
                       const std::vector<domain::GoalProgressEntry>& entries);
  // The progress recorded at review `review_id`.
  std::vector<domain::GoalProgressEntry> ProgressOfReview(std::int64_t review_id,
                                                          std::int64_t organisation_id);
  // The progress recorded at the reviews of circle `circle_id`, in the order they were held.
  std::vector<domain::GoalProgressEntry> ProgressOfCircle(std::int64_t circle_id,
                                                          std::int64_t organisation_id);

  // Records that concern `concern_id` cites the warning signs `sign_ids`.
  void Cite(std::int64_t concern_id, std::int64_t organisation_id,
            const std::vector<std::int64_t>& sign_ids);
  // The warning signs concern `concern_id` cites, by position, with their conditions.
  std::vector<domain::WarningSign> CitedBy(std::int64_t concern_id, std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
