#include "demo/volunteer_care_demo.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "app/portal/wellbeing.hpp"
#include "app/volunteers/volunteer_attention.hpp"
#include "app/volunteers/volunteer_care.hpp"
#include "app/volunteers/volunteer_pages.hpp"
#include "demo/demo_actors.hpp"

namespace cercle::demo {
namespace {

using std::chrono::hours;

// Noon in Montréal on `day`.
Instant NoonOf(CivilDate day) {
  return Instant(std::chrono::sys_days(day).time_since_epoch()) + hours(17);
}

// The debrief due first (the earliest closure), recorded held three days after its concern
// closed, by the coordinator, with a note.
Status HoldFirstDebrief(const app::Services& services, const DemoActors& actors) {
  using app::volunteers::AttentionReason;
  auto attention = app::volunteers::LoadVolunteerAttention(services, actors.coordinator);
  std::erase_if(attention,
                [](const auto& entry) { return entry.reason != AttentionReason::kDebriefDue; });
  if (attention.empty()) return Error::Invalid(N_("The demo debriefs are missing."));
  const auto first = std::min_element(attention.begin(), attention.end(),
                                      [](const auto& a, const auto& b) { return a.date < b.date; });
  const CivilDate held_on = AddDays(first->date, 3 - domain::kDebriefWithinDays);
  const Backdated at(services, NoonOf(held_on));
  TRY(app::volunteers::RecordDebrief(
      at.services(), actors.coordinator,
      {first->debrief_id,
       {held_on,
        "Rencontre d'une heure au local (démo) : la personne bénévole a pu dire ce qui "
        "l'avait inquiétée; elle garde sa place dans le cercle."}}));
  return {};
}

// One volunteer's answers: the score of each of the last three months, the oldest first, the
// note of the last one, and whether they answered this month already.
struct DemoWellbeing {
  std::array<int, 3> scores;
  const char* note;
  bool this_month;
};

constexpr std::array<DemoWellbeing, 4> kPatterns{{
    {{4, 4, 5}, "Les rencontres se passent bien (démo).", true},
    {{3, 4, 4}, "", false},
    {{5, 4, 4}, "Un peu fatiguée par le temps des fêtes (démo).", true},
    {{4, 5, 4}, "", false},
}};
// The volunteer whose wellbeing fell last month.
constexpr DemoWellbeing kFalling{
    {5, 5, 2}, "La préoccupation du cercle m'a secouée; j'aimerais en parler (démo).", false};
// Bastien Fictif: the two months before this one, not this one.
constexpr DemoWellbeing kBastien{{0, 4, 4}, "Tout va bien, merci (démo).", false};

// Noon on the 10th of the month `months` before this one.
Instant TenthOf(const app::Services& services, int months) {
  const CivilDate today = services.Today();
  return NoonOf(AddMonths(CivilDate{today.year(), today.month(), std::chrono::day{10}}, -months));
}

// The answers of `volunteer` through their own portal, on the 10th of each of the last three
// months since their file opened, and today when the pattern says so.
Status Answer(const app::Services& services, const auth::Actor& actor,
              const domain::Volunteer& volunteer, const DemoWellbeing& pattern) {
  for (int month = 0; month < 3; ++month) {
    const int score = pattern.scores[static_cast<std::size_t>(month)];
    const Instant at = TenthOf(services, 3 - month);
    if (score == 0 || at < volunteer.created_at) continue;
    const Backdated then(services, at);
    TRY(app::portal::AnswerWellbeing(then.services(), actor,
                                     {score, month == 2 ? pattern.note : ""}));
  }
  if (pattern.this_month) TRY(app::portal::AnswerWellbeing(services, actor, {4, ""}));
  return {};
}

Status AnswerWellbeingChecks(const app::Services& services, const DemoActors& actors) {
  app::volunteers::VolunteerListQuery active{.stage = domain::VolunteerStage::kActive,
                                             .page = {.page = 1, .size = 100000}};
  const auto list = TRY(app::volunteers::LoadVolunteerList(services, actors.coordinator, active));
  std::size_t index = 0;
  bool fallen = false;
  for (const auto& row : list.rows) {
    const auto& volunteer = row.volunteer;
    if (!volunteer.user_id) continue;
    const auto found = actors.volunteers.find(*volunteer.user_id);
    if (found == actors.volunteers.end()) continue;
    auth::Actor actor = found->second;
    actor.has_volunteer_file = true;
    const bool bastien = actors.bastien && actors.bastien->user_id == actor.user_id;
    // The fall needs the three months: a volunteer whose file was open then.
    const bool falls = !bastien && !fallen && volunteer.created_at < TenthOf(services, 3);
    const DemoWellbeing& pattern = bastien ? kBastien
                                   : falls ? kFalling
                                           : kPatterns[index++ % kPatterns.size()];
    fallen = fallen || falls;
    TRY(Answer(services, actor, volunteer, pattern));
  }
  return {};
}

// The exit interview of each exited volunteer, two days after the exit (today at the latest).
Status RecordExitInterviews(const app::Services& services, const DemoActors& actors) {
  app::volunteers::VolunteerListQuery exited{.stage = domain::VolunteerStage::kExited,
                                             .page = {.page = 1, .size = 100000}};
  const auto list = TRY(app::volunteers::LoadVolunteerList(services, actors.coordinator, exited));
  for (const auto& row : list.rows) {
    const auto exit_day = services.translator.LocalDate(row.volunteer.stage_changed_at);
    const CivilDate held_on = std::min(AddDays(exit_day, 2), services.Today());
    const Instant noon = std::min(NoonOf(held_on), services.clock.Now());
    const Backdated at(services, std::max(noon, row.volunteer.stage_changed_at));
    TRY(app::volunteers::RecordExitInterview(
        at.services(), actors.coordinator,
        {row.volunteer.id,
         {held_on,
          {domain::ExitReason::kTime, domain::ExitReason::kFamilyOrWork},
          false,
          "Un nouvel emploi de soir (démo); aimerait revenir dans un an, quand l'horaire le "
          "permettra."}}));
  }
  return {};
}

}  // namespace

Status LoadVolunteerCare(const app::Services& services, std::int64_t organisation_id) {
  const auto actors = TRY(FindActors(services, organisation_id));
  TRY(HoldFirstDebrief(services, actors));
  TRY(RecordExitInterviews(services, actors));
  return AnswerWellbeingChecks(services, actors);
}

}  // namespace cercle::demo
