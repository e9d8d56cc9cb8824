#include "app/portal/portal.hpp"

#include "app/portal/wellbeing.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "store/screening_store.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::portal {

using auth::policies::VolunteerPolicy;

Result<domain::Volunteer> FindOwnFile(const Services& services, const auth::Actor& actor) {
  if (!VolunteerPolicy::MayHavePortal(actor)) return Error::NotFound();
  auto volunteer = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::VolunteerStore(unit.session())
        .FindByUser(actor.user_id, actor.organisation_id.value_or(0));
  });
  if (!volunteer || !VolunteerPolicy::CanSeePortal(actor, *volunteer)) return Error::NotFound();
  return std::move(*volunteer);
}

Result<PortalHome> LoadPortalHome(const Services& services, const auth::Actor& actor,
                                  const PageRequest& hours_page, circles::ViewAudit audit) {
  auto volunteer = TRY(FindOwnFile(services, actor));
  PortalHome home{.volunteer = std::move(volunteer),
                  .setup = volunteers::LoadProgramSetup(services, actor),
                  .today = services.Today()};
  Read(services, actor.scope(), [&](store::Unit& unit) {
    const std::int64_t id = home.volunteer.id;
    const std::int64_t organisation = home.volunteer.organisation_id;
    home.items = store::ScreeningStore(unit.session()).ListItems(id, organisation);
    home.attendance = store::TrainingStore(unit.session()).VolunteerAttendance(id, organisation);
    home.logged = volunteers::ReadLoggedHours(unit, id, hours_page);
    home.circles = circles::ReadPortalCircles(services, unit, actor, home.volunteer);
  });
  home.can_log_hours = VolunteerPolicy::CanLogOwnHours(actor, home.volunteer);
  home.wellbeing_due = WellbeingDue(services, actor, home.volunteer);
  home.endings_open = OpenEndingsOf(services, actor, home.volunteer);
  if (audit == circles::ViewAudit::kRecord) {
    AuditView(services, actor,
              {"volunteer.view_own", "volunteer", std::to_string(home.volunteer.id)});
  }
  return home;
}

Result<std::int64_t> LogHours(const Services& services, const auth::Actor& actor,
                              const LogHoursCommand& command) {
  const auto volunteer = TRY(FindOwnFile(services, actor));
  if (!VolunteerPolicy::CanLogOwnHours(actor, volunteer)) {
    return Error::Invalid(N_("Your file is closed: hours can no longer be logged."));
  }
  TRY(command.read);
  return volunteers::LogOwnHours(services, actor, command.hours);
}

}  // namespace cercle::app::portal
