#include "app/circles/circle_plan.hpp"

#include <algorithm>

#include "app/circles/circles.hpp"
#include "app/circles/own_circle.hpp"
#include "app/record_change.hpp"
#include "base/text.hpp"
#include "store/circle_plan_store.hpp"
#include "store/circle_review_store.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"

namespace cercle::app::circles {
namespace {

// The core member's conditions, by id.
std::map<std::int64_t, domain::Condition> ConditionsOf(const store::Unit& unit,
                                                       const domain::Circle& circle) {
  std::map<std::int64_t, domain::Condition> conditions;
  for (auto& condition : store::LegalStore(unit.session())
                             .Conditions(circle.core_member_id, circle.organisation_id)) {
    conditions.emplace(condition.id, std::move(condition));
  }
  return conditions;
}

// The version `number` among `versions` (the last when none or unknown), if any.
std::optional<domain::PlanVersion> VersionOf(const std::vector<domain::PlanVersion>& versions,
                                             std::optional<int> number) {
  if (versions.empty()) return std::nullopt;
  const auto found = std::find_if(versions.begin(), versions.end(),
                                  [&](const auto& version) { return version.version == number; });
  return found == versions.end() ? versions.back() : *found;
}

// The circle of review `review_id` when the actor may manage it (`find`: FindManagedCircle or
// FindOpenCircle), with the review; NotFound otherwise.
struct ManagedReview {
  domain::Circle circle;
  domain::CircleReview review;
};
template <class Find>
Result<ManagedReview> FindReview(const store::Unit& unit, const auth::Actor& actor,
                                 std::int64_t review_id, Find&& find) {
  if (!actor.organisation_id) return Error::NotFound();
  const auto circle_id =
      store::CirclePlanStore(unit.session()).CircleOfReview(review_id, *actor.organisation_id);
  if (!circle_id) return Error::NotFound();
  auto circle = TRY(find(unit, actor, *circle_id));
  for (auto& review :
       store::CircleReviewStore(unit.session()).OfCircle(circle.id, circle.organisation_id)) {
    if (review.id == review_id) return ManagedReview{std::move(circle), std::move(review)};
  }
  return Error::NotFound();
}

// The keys of the goals of the plan in force (none without a plan).
std::vector<int> CurrentKeys(const std::optional<domain::Plan>& plan) {
  std::vector<int> keys;
  if (plan) {
    for (const auto& goal : plan->goals) keys.push_back(goal.goal_key);
  }
  return keys;
}

// The field errors of the goal rows whose area the form could not read.
std::vector<FieldError> AreaErrors(const std::vector<int>& rows) {
  std::vector<FieldError> errors;
  for (const auto row : rows) {
    errors.push_back(
        {"goal_" + std::to_string(row) + "_area", {N_("Choose the area of the goal."), {}}});
  }
  return errors;
}

}  // namespace

Result<PlanPage> LoadPlanPage(const Services& services, const auth::Actor& actor,
                              std::int64_t circle_id, std::optional<int> version, ViewAudit audit) {
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<PlanPage> {
    PlanPage page;
    page.circle = TRY(FindManagedCircle(unit, actor, circle_id));
    const auto& circle = page.circle;
    if (const auto core_member = store::CoreMemberStore(unit.session())
                                     .Find(circle.core_member_id, circle.organisation_id)) {
      page.core_member = core_member->name_used();
    }
    store::CirclePlanStore plans(unit.session());
    page.versions = plans.Versions(circle.id, circle.organisation_id);
    if (const auto shown = VersionOf(page.versions, version)) {
      page.shown = plans.WithRows(*shown);
      page.shown_is_current = shown->id == page.versions.back().id;
      page.draft = domain::DraftFrom(page.shown_is_current ? page.shown
                                                           : plans.WithRows(page.versions.back()));
    }
    page.conditions = ConditionsOf(unit, circle);
    return page;
  }));
  if (audit == ViewAudit::kRecord) {
    AuditView(services, actor, {"circle.plan_view", "circle", std::to_string(page.circle.id)});
  }
  return page;
}

Result<int> SavePlan(const Services& services, const auth::Actor& actor,
                     const PlanCommand& command) {
  return ChangeRecord(
      services, actor, {"circle.plan_save", "circle"}, FindOpenCircle, command.circle_id,
      [&](store::Unit& unit, const domain::Circle& circle) -> Result<int> {
        if (!command.unreadable_areas.empty()) {
          return Error::Fields(AreaErrors(command.unreadable_areas));
        }
        store::CirclePlanStore plans(unit.session());
        domain::Plan plan{{}, command.goals, command.signs};
        auto& version = plan.version;
        version.note = command.note;
        std::vector<std::int64_t> conditions;
        for (const auto& [id, condition] : ConditionsOf(unit, circle)) conditions.push_back(id);
        TRY(domain::CheckPlan(version.note, plan.goals, plan.signs,
                              plans.GoalKeys(circle.id, circle.organisation_id), conditions));
        const bool first = plans.Versions(circle.id, circle.organisation_id).empty();
        if (version.note.empty()) {
          version.note = services.translator.Translate(
              LanguageOf(actor), first ? N_("Written at formation") : N_("Amendment"));
        }
        version.organisation_id = circle.organisation_id;
        version.circle_id = circle.id;
        version.created_by = actor.user_id;
        version.created_at = unit.now();
        plans.Insert(plan);
        return version.version;
      });
}

Result<PortalPlanPage> LoadPortalPlan(const Services& services, const auth::Actor& actor,
                                      std::int64_t circle_id) {
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<PortalPlanPage> {
    auto own = TRY(FindOwnCircle(services, unit, actor, circle_id));
    PortalPlanPage page;
    page.circle = std::move(own.circle);
    const auto& circle = page.circle;
    page.plan = store::CirclePlanStore(unit.session()).Current(circle.id, circle.organisation_id);
    const auto core_member =
        store::CoreMemberStore(unit.session()).Find(circle.core_member_id, circle.organisation_id);
    if (!page.plan || !core_member) return page;
    // Each condition is projected on its own, so that volunteers read exactly what their
    // circle page shows of it: a protected condition keeps only its fixed wording.
    for (const auto& [id, condition] : ConditionsOf(unit, circle)) {
      auto view = domain::ProjectForVolunteers(*core_member, {condition}, services.Today());
      if (!view.conditions.empty()) page.conditions.emplace(id, view.conditions.front());
    }
    return page;
  }));
  AuditView(services, actor, {"circle.plan_view", "circle", std::to_string(page.circle.id)});
  return page;
}

Result<GoalProgressPage> LoadGoalProgress(const Services& services, const auth::Actor& actor,
                                          std::int64_t review_id) {
  return Read(services, actor.scope(), [&](store::Unit& unit) -> Result<GoalProgressPage> {
    auto found = TRY(FindReview(unit, actor, review_id, FindManagedCircle));
    GoalProgressPage page{std::move(found.circle), std::move(found.review), {}, {}, {}};
    store::CirclePlanStore plans(unit.session());
    const auto circle_id = page.circle.id;
    const auto organisation = page.circle.organisation_id;
    if (auto plan = plans.Current(circle_id, organisation)) page.goals = std::move(plan->goals);
    std::vector<domain::GoalProgressEntry> earlier;
    for (auto& entry : plans.ProgressOfCircle(circle_id, organisation)) {
      if (entry.review_id == review_id) {
        page.recorded.emplace(entry.goal_key, std::move(entry));
      } else {
        earlier.push_back(std::move(entry));
      }
    }
    page.before = domain::LatestProgress(earlier);
    return page;
  });
}

Result<int> RecordGoalProgress(const Services& services, const auth::Actor& actor,
                               const GoalProgressCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<int> {
    const auto found = TRY(FindReview(unit, actor, command.review_id, FindOpenCircle));
    const auto& circle = found.circle;
    if (command.unreadable) {
      return Error::Fields({{"progress", {N_("Choose where each goal stands."), {}}}});
    }
    store::CirclePlanStore plans(unit.session());
    auto entries = command.entries;
    TRY(domain::CheckProgress(entries,
                              CurrentKeys(plans.Current(circle.id, circle.organisation_id))));
    for (auto& entry : entries) {
      entry.organisation_id = circle.organisation_id;
      entry.review_id = command.review_id;
      entry.recorded_by = actor.user_id;
      entry.recorded_at = unit.now();
    }
    plans.ReplaceProgress(command.review_id, circle.organisation_id, entries);
    Audit(services, unit, actor, {"circle.plan_progress", "circle", std::to_string(circle.id)});
    return static_cast<int>(entries.size());
  });
}

std::vector<domain::WarningSign> CitableSigns(const store::Unit& unit, std::int64_t circle_id,
                                              std::int64_t organisation_id) {
  auto plan = store::CirclePlanStore(unit.session()).Current(circle_id, organisation_id);
  if (!plan) return {};
  return std::move(plan->signs);
}

Status CiteSigns(const store::Unit& unit, std::int64_t circle_id, std::int64_t concern_id,
                 std::int64_t organisation_id, const std::vector<std::int64_t>& sign_ids) {
  if (sign_ids.empty()) return {};
  const auto citable = CitableSigns(unit, circle_id, organisation_id);
  for (const auto id : sign_ids) {
    const bool known = std::any_of(citable.begin(), citable.end(),
                                   [&](const domain::WarningSign& sign) { return sign.id == id; });
    if (!known) {
      return Error::Fields({{"signs", {N_("Choose among the warning signs of the plan."), {}}}});
    }
  }
  store::CirclePlanStore(unit.session()).Cite(concern_id, organisation_id, sign_ids);
  return {};
}

PlanOutcomes ReadPlanOutcomes(const store::Unit& unit, std::int64_t core_member_id,
                              std::int64_t organisation_id) {
  PlanOutcomes outcomes;
  store::CirclePlanStore plans(unit.session());
  for (const auto& [circle_id, code_name] : plans.PlannedCircles(core_member_id, organisation_id)) {
    const auto plan = plans.Current(circle_id, organisation_id);
    if (!plan) continue;
    const auto entries = plans.ProgressOfCircle(circle_id, organisation_id);
    const auto latest = domain::LatestProgress(entries);
    for (const auto& goal : plan->goals) {
      PlanGoalOutcome row{circle_id, code_name, goal, std::nullopt};
      if (const auto found = latest.find(goal.goal_key); found != latest.end()) {
        row.progress = found->second;
      }
      outcomes.goals.push_back(std::move(row));
    }
    outcomes.met += domain::GoalsMet(entries);
  }
  return outcomes;
}

}  // namespace cercle::app::circles
