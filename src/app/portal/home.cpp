#include "app/portal/home.hpp"

#include "store/organisation_store.hpp"

namespace cercle::app::portal {

std::optional<std::string> HostedOrganisationName(const Services& services) {
  const auto organisations = store::ListOrganisations(services.database);
  if (organisations.size() != 1) return std::nullopt;
  return organisations.front().name;
}

}  // namespace cercle::app::portal
