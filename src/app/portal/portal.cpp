#include "app/portal/portal.hpp"

#include "auth/policies/volunteer_policy.hpp"
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
