#include "demo/circle_plans_demo.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "app/circles/circle_page.hpp"
#include "app/circles/circle_plan.hpp"
#include "demo/demo_actors.hpp"

namespace cercle::demo {
namespace {

using domain::ConditionKind;
using domain::GoalArea;
using domain::GoalProgress;
using std::chrono::days;
using std::chrono::hours;

// A goal of the demo plans.
struct DemoGoal {
  GoalArea area;
  const char* goal;
  const char* steps;
  const char* helpers;
};

// A warning sign of the demo plans and the kinds of condition it touches, when his file has them.
struct DemoSign {
  const char* sign;
  const char* response;
  const char* called;
  std::vector<ConditionKind> touches;
};

const std::vector<DemoGoal>& Goals() {
  static const std::vector<DemoGoal> goals{
      {GoalArea::kHousing, "Avoir un logement à lui d'ici l'été (démo)",
       "Visiter deux logements par mois avec l'intervenante; monter un budget.",
       "Un bénévole pour les visites; l'intervenante de la maison de transition"},
      {GoalArea::kWork, "Garder un emploi stable (démo)",
       "Parler au cercle des difficultés avec son patron avant qu'elles grossissent.",
       "Le cercle, chaque semaine"},
      {GoalArea::kRelationships, "Renouer avec sa sœur (démo)",
       "Lui écrire une lettre, en parler d'abord au cercle.", "Sa psychologue"},
      {GoalArea::kLeisure, "Avoir une activité de loisir par semaine (démo)",
       "Essayer le club de marche du quartier.", "Un bénévole l'accompagne la première fois"},
  };
  return goals;
}

const std::vector<DemoSign>& Signs() {
  static const std::vector<DemoSign> signs{
      {"« Je passe mes fins de semaine tout seul chez nous » (démo)",
       "Un bénévole l'appelle le jour même et propose une activité; le cercle en parle à la "
       "rencontre suivante.",
       "La coordonnatrice, si rien ne change en une semaine",
       {ConditionKind::kCurfew}},
      {"« J'ai recommencé à boire un peu le soir » (démo)",
       "Le cercle en parle ouvertement avec lui et signale une préoccupation.",
       "La coordonnatrice, qui juge s'il faut aviser l'agent de libération",
       {ConditionKind::kSubstances, ConditionKind::kTreatment}},
      {"« Je prends le chemin du parc, c'est plus court » (démo)",
       "Lui rappeler sa condition sur-le-champ et signaler une préoccupation urgente.",
       "La coordonnatrice de garde, tout de suite",
       {ConditionKind::kNoContactMinors, ConditionKind::kExclusionZone}},
  };
  return signs;
}

// The conditions of `kinds` among those of the page, by id.
std::vector<std::int64_t> Touching(const app::circles::PlanPage& page,
                                   const std::vector<ConditionKind>& kinds) {
  std::vector<std::int64_t> ids;
  for (const auto& [id, condition] : page.conditions) {
    if (std::find(kinds.begin(), kinds.end(), condition.kind) != kinds.end()) ids.push_back(id);
  }
  return ids;
}

// The first version of a plan: `goal_count` goals and `sign_count` signs, from the `offset`th.
app::circles::PlanCommand FirstVersion(const app::circles::PlanPage& page, std::size_t offset,
                                       std::size_t goal_count, std::size_t sign_count) {
  app::circles::PlanCommand command{.circle_id = page.circle.id,
                                    .note = "Écrit avec lui à la formation du cercle (démo)"};
  for (std::size_t i = 0; i < goal_count; ++i) {
    const auto& demo = Goals()[(offset + i) % Goals().size()];
    domain::PlanGoal goal;
    goal.position = static_cast<int>(i) + 1;
    goal.area = demo.area;
    goal.goal = demo.goal;
    goal.steps = demo.steps;
    goal.helpers = demo.helpers;
    command.goals.push_back(std::move(goal));
  }
  for (std::size_t i = 0; i < sign_count; ++i) {
    // Every plan starts with the sign of the weekends alone, which a demo concern cites.
    const auto& demo = Signs()[i == 0 ? 0 : 1 + (offset + i) % (Signs().size() - 1)];
    domain::WarningSign sign;
    sign.position = static_cast<int>(i) + 1;
    sign.sign = demo.sign;
    sign.response = demo.response;
    sign.who_is_called = demo.called;
    sign.condition_ids = Touching(page, demo.touches);
    command.signs.push_back(std::move(sign));
  }
  return command;
}

// Noon in Montréal on `day`.
Instant NoonOf(CivilDate day) {
  return Instant(std::chrono::sys_days(day).time_since_epoch()) + hours(17);
}

// The second version of Gaston's plan, at his first review: the housing goal reworded, a leisure
// goal added, the rest as it was.
Status Revisit(const app::Services& services, const auth::Actor& coordinator,
               std::int64_t circle_id, const domain::CircleReview& review) {
  const Backdated at(services, NoonOf(review.held_on) + hours(1));
  const auto page = TRY(app::circles::LoadPlanPage(at.services(), coordinator, circle_id,
                                                   std::nullopt, app::circles::ViewAudit::kSkip));
  app::circles::PlanCommand command{.circle_id = circle_id,
                                    .note = "Revu avec lui à la revue (démo)",
                                    .goals = page.draft.goals,
                                    .signs = page.draft.signs};
  if (!command.goals.empty()) command.goals[0].goal = "Signer un bail d'un an (démo)";
  domain::PlanGoal leisure;
  leisure.area = GoalArea::kLeisure;
  leisure.goal = "Rejoindre la chorale du centre communautaire (démo)";
  leisure.steps = "Assister à une répétition avant la prochaine revue.";
  leisure.helpers = "Une bénévole qui chante aussi";
  command.goals.push_back(std::move(leisure));
  for (std::size_t i = 0; i < command.goals.size(); ++i) {
    command.goals[i].position = static_cast<int>(i) + 1;
  }
  for (std::size_t i = 0; i < command.signs.size(); ++i) {
    command.signs[i].position = static_cast<int>(i) + 1;
  }
  TRY(app::circles::SavePlan(at.services(), coordinator, command));
  return {};
}

// The progress of each goal of the plan in force at each review, the earliest first: the first
// goal under way then met, the others not started then under way; a review records nothing of a
// goal the plan did not have yet.
Status RecordProgress(const app::Services& services, const auth::Actor& coordinator,
                      const std::vector<domain::CircleReview>& reviews) {
  for (std::size_t index = 0; index < reviews.size(); ++index) {
    const auto& review = reviews[index];
    const Backdated at(services, NoonOf(review.held_on) + hours(2));
    const auto page = TRY(app::circles::LoadGoalProgress(at.services(), coordinator, review.id));
    const bool latest = index + 1 == reviews.size() && index > 0;
    app::circles::GoalProgressCommand command{.review_id = review.id};
    for (const auto& goal : page.goals) {
      domain::GoalProgressEntry entry;
      entry.goal_key = goal.goal_key;
      if (goal.goal_key == 1) {
        entry.progress = latest ? GoalProgress::kMet : GoalProgress::kUnderWay;
        entry.comment = latest ? "Atteint : il en est fier (démo)." : "Premières démarches (démo).";
      } else {
        entry.progress = index == 0 ? GoalProgress::kNotStarted : GoalProgress::kUnderWay;
      }
      command.entries.push_back(std::move(entry));
    }
    if (!command.entries.empty()) {
      TRY(app::circles::RecordGoalProgress(at.services(), coordinator, command));
    }
  }
  return {};
}

// The plan of one open circle, its revision at the first review for Gaston, and the progress of
// its goals at each review.
Status PlanCircle(const app::Services& services, const auth::Actor& coordinator,
                  const std::string& core_member, std::int64_t circle_id, std::size_t offset) {
  const auto circle_page = TRY(app::circles::LoadCirclePage(
      services, coordinator, circle_id, {.audit = app::circles::ViewAudit::kSkip}));
  if (circle_page.circle.closed()) return {};
  const Instant written = std::min(circle_page.circle.created_at + days(2), services.clock.Now());
  const Backdated at(services, written);
  const auto page = TRY(app::circles::LoadPlanPage(at.services(), coordinator, circle_id,
                                                   std::nullopt, app::circles::ViewAudit::kSkip));
  TRY(app::circles::SavePlan(at.services(), coordinator, FirstVersion(page, offset, 3, 2)));
  auto reviews = circle_page.reviews;
  std::erase_if(reviews,
                [](const auto& review) { return review.kind != domain::ReviewKind::kReview; });
  std::sort(reviews.begin(), reviews.end(),
            [](const auto& a, const auto& b) { return a.held_on < b.held_on; });
  if (core_member == "Gaston Fictif" && !reviews.empty()) {
    TRY(Revisit(services, coordinator, circle_id, reviews.front()));
  }
  return RecordProgress(services, coordinator, reviews);
}

}  // namespace

Status LoadCirclePlans(const app::Services& services, std::int64_t organisation_id,
                       const CircleIds& circles) {
  const auto actors = TRY(FindActors(services, organisation_id));
  std::size_t offset = 0;
  for (const auto& [core_member, circle_id] : circles) {
    TRY(PlanCircle(services, actors.coordinator, core_member, circle_id, offset++));
  }
  return {};
}

}  // namespace cercle::demo
