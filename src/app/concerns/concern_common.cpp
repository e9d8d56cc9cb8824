#include "app/concerns/concern_common.hpp"

#include "auth/policies/concern_policy.hpp"

namespace cercle::app::concerns {

using auth::policies::ConcernPolicy;

Result<ConcernRow> FindManaged(const store::Unit& unit, const auth::Actor& actor,
                               std::int64_t concern_id) {
  if (!ConcernPolicy::CanManage(actor)) return Error::NotFound();
  auto row =
      store::ConcernStore(unit.session()).FindRow(concern_id, actor.organisation_id.value_or(0));
  if (!row || !ConcernPolicy::CanView(actor, row->concern.organisation_id)) {
    return Error::NotFound();
  }
  return std::move(*row);
}

notify::AlertServices AlertServicesOf(const Services& services) {
  return {services.translator, services.audit, services.config.server.public_url};
}

std::vector<User> StaffOf(const std::vector<User>& users) {
  std::vector<User> staff;
  for (const auto& user : users) {
    if (user.active && (user.roles.Has(domain::Role::kCoordinator) ||
                        user.roles.Has(domain::Role::kOrganisationAdmin))) {
      staff.push_back(user);
    }
  }
  return staff;
}

}  // namespace cercle::app::concerns
