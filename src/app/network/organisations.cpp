#include "app/network/organisations.hpp"

#include "auth/policies/user_policy.hpp"

namespace cercle::app::network {

using auth::policies::OrganisationPolicy;

Result<std::vector<Organisation>> ListOrganisations(const Services& services,
                                                    const auth::Actor& actor) {
  if (!OrganisationPolicy::CanManage(actor)) return Error::Forbidden();
  return store::ListOrganisations(services.database);
}

Result<std::int64_t> CreateOrganisation(const Services& services, const auth::Actor& actor,
                                        const NewOrganisation& organisation) {
  if (!OrganisationPolicy::CanManage(actor)) return Error::Forbidden();
  const auto created = TRY(store::OrganisationStore(services.database)
                               .Create(organisation.name, organisation.slug, services.clock.Now()));
  // The store commits the organisation in a system transaction of its own; the entry follows in
  // the network's chain.
  AuditView(services, actor, {"organisation.create", "organisation", std::to_string(created.id)});
  return created.id;
}

Result<Organisation> FindForInvitation(const Services& services, const auth::Actor& actor,
                                       std::int64_t id) {
  if (!OrganisationPolicy::CanManage(actor)) return Error::Forbidden();
  for (auto& organisation : store::ListOrganisations(services.database)) {
    if (organisation.id == id) return std::move(organisation);
  }
  return Error::NotFound();
}

}  // namespace cercle::app::network
