#include "app/volunteers/volunteer_care.hpp"

#include <set>

#include "auth/policies/volunteer_policy.hpp"
#include "store/circle_store.hpp"
#include "store/volunteer_care_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::volunteers {
namespace {

using auth::policies::VolunteerPolicy;

// The debrief `debrief_id` with its volunteer's file, when the actor may manage it.
Result<std::pair<domain::VolunteerDebrief, domain::Volunteer>> FindDebrief(
    const store::Unit& unit, const auth::Actor& actor, std::int64_t debrief_id) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::NotFound();
  const std::int64_t organisation = actor.organisation_id.value_or(0);
  auto debrief = store::VolunteerCareStore(unit.session()).FindDebrief(debrief_id, organisation);
  if (!debrief) return Error::NotFound();
  auto volunteer = store::VolunteerStore(unit.session()).Find(debrief->volunteer_id, organisation);
  if (!volunteer || !VolunteerPolicy::CanView(actor, *volunteer)) return Error::NotFound();
  return std::pair{std::move(*debrief), std::move(*volunteer)};
}

}  // namespace

int ScheduleDebriefs(const Services& services, const store::Unit& unit, const auth::Actor& actor,
                     const domain::Concern& concern, CivilDate closed_on) {
  if (!domain::NeedsDebrief(concern.severity)) return 0;
  const std::int64_t organisation = concern.organisation_id;
  store::VolunteerCareStore care(unit.session());
  std::set<std::int64_t> owed;
  for (const auto& debrief : care.DebriefsOfConcern(concern.id, organisation)) {
    owed.insert(debrief.volunteer_id);
  }
  int scheduled = 0;
  for (const auto& member :
       store::CircleStore(unit.session()).Members(concern.circle_id, organisation)) {
    if (!member.current() || !owed.insert(member.volunteer_id).second) continue;
    domain::VolunteerDebrief debrief;
    debrief.organisation_id = organisation;
    debrief.volunteer_id = member.volunteer_id;
    debrief.concern_id = concern.id;
    debrief.circle_id = concern.circle_id;
    debrief.due_on = domain::DebriefDueOn(closed_on);
    debrief.created_at = unit.now();
    const auto id = care.InsertDebrief(debrief);
    Audit(services, unit, actor,
          {"volunteer.debrief_schedule", "volunteer_debrief", std::to_string(id)});
    ++scheduled;
  }
  return scheduled;
}

Result<DebriefPage> LoadDebrief(const Services& services, const auth::Actor& actor,
                                std::int64_t debrief_id) {
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<DebriefPage> {
    auto [debrief, volunteer] = TRY(FindDebrief(unit, actor, debrief_id));
    const auto circle =
        store::CircleStore(unit.session()).Find(debrief.circle_id, debrief.organisation_id);
    return DebriefPage{std::move(debrief), std::move(volunteer),
                       circle ? circle->code_name : std::string(), services.Today()};
  }));
  AuditView(services, actor,
            {"volunteer.debrief_view", "volunteer_debrief", std::to_string(debrief_id)});
  return page;
}

Result<std::int64_t> RecordDebrief(const Services& services, const auth::Actor& actor,
                                   const RecordDebriefCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    auto [debrief, volunteer] = TRY(FindDebrief(unit, actor, command.debrief_id));
    if (debrief.held()) return Error::Conflict(N_("This debrief is recorded already."));
    auto held = command.held;
    TRY(domain::CheckDebriefHeld(held, services.translator.LocalDate(debrief.created_at),
                                 services.Today()));
    debrief.held_on = held.held_on;
    debrief.held_by = actor.user_id;
    debrief.note = held.note;
    if (!store::VolunteerCareStore(unit.session()).MarkDebriefHeld(debrief)) {
      return Error::Conflict(N_("This debrief is recorded already."));
    }
    Audit(services, unit, actor,
          {"volunteer.debrief_held", "volunteer_debrief", std::to_string(debrief.id)});
    return debrief.id;
  });
}

Result<WellbeingHistory> LoadWellbeingHistory(const Services& services, const auth::Actor& actor,
                                              std::int64_t volunteer_id) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::NotFound();
  const CivilDate today = services.Today();
  auto history =
      TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<WellbeingHistory> {
        const std::int64_t organisation = actor.organisation_id.value_or(0);
        auto volunteer = store::VolunteerStore(unit.session()).Find(volunteer_id, organisation);
        if (!volunteer || !VolunteerPolicy::CanView(actor, *volunteer)) return Error::NotFound();
        store::VolunteerCareStore care(unit.session());
        WellbeingHistory history{std::move(*volunteer),
                                 care.WellbeingOf(volunteer_id, organisation), std::nullopt};
        const auto since = care.InCircleSince(organisation);
        const auto found = since.find(volunteer_id);
        history.flag = domain::WellbeingFlagOf(
            history.answers, today,
            found == since.end() ? std::nullopt : std::optional<CivilDate>(found->second));
        return history;
      }));
  AuditView(services, actor,
            {"volunteer.wellbeing_view", "volunteer", std::to_string(volunteer_id)});
  return history;
}

Result<ExitInterviewPage> LoadExitInterview(const Services& services, const auth::Actor& actor,
                                            std::int64_t volunteer_id) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::NotFound();
  auto page =
      TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<ExitInterviewPage> {
        const std::int64_t organisation = actor.organisation_id.value_or(0);
        auto volunteer = store::VolunteerStore(unit.session()).Find(volunteer_id, organisation);
        if (!volunteer || !VolunteerPolicy::CanView(actor, *volunteer)) return Error::NotFound();
        ExitInterviewPage page{.volunteer = std::move(*volunteer), .today = services.Today()};
        page.interview =
            store::VolunteerCareStore(unit.session()).ExitInterviewOf(volunteer_id, organisation);
        page.exited_on = services.translator.LocalDate(page.volunteer.stage_changed_at);
        page.can_record =
            !page.interview && page.volunteer.stage == domain::VolunteerStage::kExited;
        return page;
      }));
  AuditView(services, actor,
            {"volunteer.exit_interview_view", "volunteer", std::to_string(volunteer_id)});
  return page;
}

Result<std::int64_t> RecordExitInterview(const Services& services, const auth::Actor& actor,
                                         const RecordExitInterviewCommand& command) {
  if (!VolunteerPolicy::CanManage(actor)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const std::int64_t organisation = actor.organisation_id.value_or(0);
    const auto volunteer =
        store::VolunteerStore(unit.session()).Find(command.volunteer_id, organisation);
    if (!volunteer || !VolunteerPolicy::CanChange(actor, *volunteer)) return Error::NotFound();
    if (volunteer->stage != domain::VolunteerStage::kExited) {
      return Error::Conflict(N_("Record the exit interview once the file is closed as exited."));
    }
    store::VolunteerCareStore care(unit.session());
    if (care.ExitInterviewOf(volunteer->id, organisation)) {
      return Error::Conflict(N_("The exit interview is recorded already."));
    }
    auto draft = command.draft;
    TRY(domain::CheckExitInterview(
        draft, services.translator.LocalDate(volunteer->stage_changed_at), services.Today()));
    domain::ExitInterview interview{.organisation_id = organisation,
                                    .volunteer_id = volunteer->id,
                                    .held_on = *draft.held_on,
                                    .reasons = draft.reasons,
                                    .note = draft.note,
                                    .recorded_by = actor.user_id,
                                    .recorded_at = unit.now()};
    const auto id = care.InsertExitInterview(interview);
    Audit(services, unit, actor,
          {"volunteer.exit_interview", "volunteer", std::to_string(volunteer->id)});
    return id;
  });
}

std::vector<std::pair<domain::ExitReason, int>> CountExitReasons(
    const Services& services, const auth::Actor& actor, const domain::ReportPeriod& period) {
  if (!VolunteerPolicy::CanManage(actor)) return {};
  const auto interviews = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::VolunteerCareStore(unit.session())
        .ExitInterviewsBetween(period.from, period.to, unit.organisation_id());
  });
  return domain::CountExitReasons(interviews, period);
}

CareAttention ReadCareAttention(const store::Unit& unit, CivilDate today) {
  const std::int64_t organisation = unit.organisation_id();
  store::VolunteerCareStore care(unit.session());
  CareAttention attention;
  attention.debriefs_due = care.DebriefsDue(organisation);
  // The flag rule reads this month and the two before it.
  const CivilDate first{today.year(), today.month(), std::chrono::day{1}};
  std::map<std::int64_t, std::vector<domain::WellbeingAnswer>> answers;
  for (auto& answer : care.WellbeingSince(domain::MonthOf(AddMonths(first, -2)), organisation)) {
    answers[answer.volunteer_id].push_back(std::move(answer));
  }
  const auto in_circle = care.InCircleSince(organisation);
  // Without an answer nor a circle, the rule flags nothing.
  std::set<std::int64_t> concerned;
  for (const auto& [id, _] : answers) concerned.insert(id);
  for (const auto& [id, _] : in_circle) concerned.insert(id);
  for (const auto id : concerned) {
    const auto since = in_circle.find(id);
    const auto flag = domain::WellbeingFlagOf(
        answers[id], today,
        since == in_circle.end() ? std::nullopt : std::optional<CivilDate>(since->second));
    if (flag) attention.flags.emplace_back(id, *flag);
  }
  return attention;
}

}  // namespace cercle::app::volunteers
