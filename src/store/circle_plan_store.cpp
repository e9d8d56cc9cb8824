#include "store/circle_plan_store.hpp"

#include <map>

#include "store/fetch.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

// The numbered versions of circles' plans, written once.
struct PlanVersions {
  using Record = domain::PlanVersion;
  static constexpr TableColumns kColumns{
      .table = "circle_plan_versions",
      .fixed = "organisation_id, circle_id, version, note, created_by, created_at"};
  static auto Fields(Record& version) {
    return std::tie(version.id, version.organisation_id, version.circle_id, version.version,
                    version.note, version.created_by, version.created_at);
  }
};

// The goals of a version, written with it.
struct PlanGoals {
  using Record = domain::PlanGoal;
  static constexpr TableColumns kColumns{
      .table = "circle_plan_goals",
      .fixed = "organisation_id, version_id, goal_key, position, area, goal, steps, helpers"};
  static auto Fields(Record& goal) {
    return std::tie(goal.id, goal.organisation_id, goal.version_id, goal.goal_key, goal.position,
                    goal.area, goal.goal, goal.steps, goal.helpers);
  }
};

// The warning signs of a version, written with it (their conditions are in
// circle_plan_sign_conditions).
struct PlanSigns {
  using Record = domain::WarningSign;
  static constexpr TableColumns kColumns{
      .table = "circle_plan_warning_signs",
      .fixed = "organisation_id, version_id, position, sign, response, who_is_called"};
  static auto Fields(Record& sign) {
    return std::tie(sign.id, sign.organisation_id, sign.version_id, sign.position, sign.sign,
                    sign.response, sign.who_is_called);
  }
};

// The progress of goals recorded at reviews.
struct GoalProgressRows {
  using Record = domain::GoalProgressEntry;
  static constexpr TableColumns kColumns{
      .table = "circle_review_goal_progress",
      .fixed = "organisation_id, review_id, goal_key, progress, comment, recorded_by, recorded_at"};
  static auto Fields(Record& entry) {
    return std::tie(entry.id, entry.organisation_id, entry.review_id, entry.goal_key,
                    entry.progress, entry.comment, entry.recorded_by, entry.recorded_at);
  }
};

constexpr const char* kLastVersion = R"sql(
SELECT coalesce(max(version), 0)
  FROM circle_plan_versions
 WHERE organisation_id = :organisation AND circle_id = :circle
)sql";
constexpr const char* kInsertCondition = R"sql(
INSERT INTO circle_plan_sign_conditions (organisation_id, sign_id, condition_id)
VALUES (:organisation, :sign, :condition)
)sql";
// The conditions the signs of one version touch, as pairs of a sign and a condition.
constexpr const char* kConditionsOfVersion = R"sql(
SELECT sc.sign_id, sc.condition_id
  FROM circle_plan_sign_conditions sc
  JOIN circle_plan_warning_signs s ON s.id = sc.sign_id
 WHERE sc.organisation_id = :organisation AND s.organisation_id = :organisation
   AND s.version_id = :version
 ORDER BY sc.sign_id, sc.condition_id
)sql";
constexpr const char* kGoalKeys = R"sql(
SELECT DISTINCT g.goal_key
  FROM circle_plan_goals g
  JOIN circle_plan_versions v ON v.id = g.version_id
 WHERE g.organisation_id = :organisation AND v.circle_id = :circle
 ORDER BY g.goal_key
)sql";
constexpr const char* kPlannedCircles = R"sql(
SELECT c.id, c.code_name
  FROM circles c
 WHERE c.organisation_id = :organisation AND c.core_member_id = :core_member
   AND EXISTS (SELECT 1 FROM circle_plan_versions v WHERE v.circle_id = c.id)
 ORDER BY c.id
)sql";
constexpr const char* kCircleOfReview = R"sql(
SELECT circle_id
  FROM circle_reviews
 WHERE organisation_id = :organisation AND id = :review
)sql";
constexpr const char* kDeleteProgress = R"sql(
DELETE FROM circle_review_goal_progress
 WHERE organisation_id = :organisation AND review_id = :review
)sql";
constexpr const char* kProgressOfCircle = R"sql(
AND review_id IN (SELECT id FROM circle_reviews
                   WHERE organisation_id = :organisation AND circle_id = :circle)
ORDER BY (SELECT r.held_on FROM circle_reviews r WHERE r.id = review_id), review_id, goal_key
)sql";
constexpr const char* kCite = R"sql(
INSERT INTO concern_warning_signs (organisation_id, concern_id, sign_id)
VALUES (:organisation, :concern, :sign)
)sql";
// Read from the concern's citations: filtered by organisation first, SQLite would read every sign
// of the organisation in position order to keep the few cited.
constexpr const char* kCited = R"sql(
SELECT {signs}
  FROM concern_warning_signs w
  JOIN {table} s ON s.id = w.sign_id AND s.organisation_id = w.organisation_id
 WHERE w.organisation_id = :organisation AND w.concern_id = :concern
 ORDER BY s.position
)sql";
// The conditions of the signs a concern cites.
constexpr const char* kConditionsOfCited = R"sql(
SELECT sc.sign_id, sc.condition_id
  FROM circle_plan_sign_conditions sc
  JOIN concern_warning_signs cw ON cw.sign_id = sc.sign_id
 WHERE sc.organisation_id = :organisation AND cw.concern_id = :concern
 ORDER BY sc.sign_id, sc.condition_id
)sql";

// Gives each of `signs` the conditions `pairs` (sign, condition) name.
void AttachConditions(std::vector<domain::WarningSign>& signs,
                      const std::vector<std::tuple<std::int64_t, std::int64_t>>& pairs) {
  std::map<std::int64_t, std::vector<std::int64_t>> by_sign;
  for (const auto& [sign, condition] : pairs) by_sign[sign].push_back(condition);
  for (auto& sign : signs) sign.condition_ids = by_sign[sign.id];
}

using Pair = TableRow<ValueRow<std::int64_t, std::int64_t>>;

}  // namespace

std::int64_t CirclePlanStore::Insert(domain::Plan& plan) {
  auto& version = plan.version;
  version.version =
      FetchValue<int>(
          session_, kLastVersion,
          Params({{"organisation", version.organisation_id}, {"circle", version.circle_id}}))
          .value_or(0) +
      1;
  version.id = store::Insert<PlanVersions>(session_, version);
  for (auto& goal : plan.goals) {
    goal.organisation_id = version.organisation_id;
    goal.version_id = version.id;
    goal.id = store::Insert<PlanGoals>(session_, goal);
  }
  for (auto& sign : plan.signs) {
    sign.organisation_id = version.organisation_id;
    sign.version_id = version.id;
    sign.id = store::Insert<PlanSigns>(session_, sign);
    for (std::int64_t condition : sign.condition_ids) {
      session_ << kInsertCondition, soci::use(version.organisation_id, "organisation"),
          soci::use(sign.id, "sign"), soci::use(condition, "condition");
    }
  }
  return version.id;
}

std::vector<domain::PlanVersion> CirclePlanStore::Versions(std::int64_t circle_id,
                                                           std::int64_t organisation_id) {
  return SelectWhere<PlanVersions>(session_, "AND circle_id = :circle ORDER BY version",
                                   OfOrganisation(organisation_id, {{"circle", circle_id}}));
}

domain::Plan CirclePlanStore::WithRows(const domain::PlanVersion& version) {
  domain::Plan plan{version, {}, {}};
  const auto bindings = OfOrganisation(version.organisation_id, {{"version", version.id}});
  plan.goals =
      SelectWhere<PlanGoals>(session_, "AND version_id = :version ORDER BY position", bindings);
  plan.signs =
      SelectWhere<PlanSigns>(session_, "AND version_id = :version ORDER BY position", bindings);
  AttachConditions(plan.signs, FetchAll<Pair>(session_, kConditionsOfVersion, bindings));
  return plan;
}

std::optional<domain::Plan> CirclePlanStore::Current(std::int64_t circle_id,
                                                     std::int64_t organisation_id) {
  const auto versions = Versions(circle_id, organisation_id);
  if (versions.empty()) return std::nullopt;
  return WithRows(versions.back());
}

std::vector<std::pair<std::int64_t, std::string>> CirclePlanStore::PlannedCircles(
    std::int64_t core_member_id, std::int64_t organisation_id) {
  std::vector<std::pair<std::int64_t, std::string>> circles;
  for (auto& [id, code_name] : FetchAll<TableRow<ValueRow<std::int64_t, std::string>>>(
           session_, kPlannedCircles,
           OfOrganisation(organisation_id, {{"core_member", core_member_id}}))) {
    circles.emplace_back(id, std::move(code_name));
  }
  return circles;
}

std::vector<int> CirclePlanStore::GoalKeys(std::int64_t circle_id, std::int64_t organisation_id) {
  std::vector<int> keys;
  for (const auto& [key] : FetchAll<TableRow<ValueRow<int>>>(
           session_, kGoalKeys, OfOrganisation(organisation_id, {{"circle", circle_id}}))) {
    keys.push_back(key);
  }
  return keys;
}

std::optional<std::int64_t> CirclePlanStore::CircleOfReview(std::int64_t review_id,
                                                            std::int64_t organisation_id) {
  return FetchValue<std::int64_t>(session_, kCircleOfReview,
                                  OfOrganisation(organisation_id, {{"review", review_id}}));
}

void CirclePlanStore::ReplaceProgress(std::int64_t review_id, std::int64_t organisation_id,
                                      const std::vector<domain::GoalProgressEntry>& entries) {
  session_ << kDeleteProgress, soci::use(organisation_id, "organisation"),
      soci::use(review_id, "review");
  for (const auto& entry : entries) store::Insert<GoalProgressRows>(session_, entry);
}

std::vector<domain::GoalProgressEntry> CirclePlanStore::ProgressOfReview(
    std::int64_t review_id, std::int64_t organisation_id) {
  return SelectWhere<GoalProgressRows>(session_, "AND review_id = :review ORDER BY goal_key",
                                       OfOrganisation(organisation_id, {{"review", review_id}}));
}

std::vector<domain::GoalProgressEntry> CirclePlanStore::ProgressOfCircle(
    std::int64_t circle_id, std::int64_t organisation_id) {
  return SelectWhere<GoalProgressRows>(session_, kProgressOfCircle,
                                       OfOrganisation(organisation_id, {{"circle", circle_id}}));
}

void CirclePlanStore::Cite(std::int64_t concern_id, std::int64_t organisation_id,
                           const std::vector<std::int64_t>& sign_ids) {
  for (std::int64_t sign : sign_ids) {
    session_ << kCite, soci::use(organisation_id, "organisation"), soci::use(concern_id, "concern"),
        soci::use(sign, "sign");
  }
}

std::vector<domain::WarningSign> CirclePlanStore::CitedBy(std::int64_t concern_id,
                                                          std::int64_t organisation_id) {
  const auto bindings = OfOrganisation(organisation_id, {{"concern", concern_id}});
  auto signs = SelectAll<PlanSigns>(
      session_, Replaced(kCited, "{signs}", ColumnsOf<PlanSigns>("s")), bindings);
  AttachConditions(signs, FetchAll<Pair>(session_, kConditionsOfCited, bindings));
  return signs;
}

}  // namespace cercle::store
