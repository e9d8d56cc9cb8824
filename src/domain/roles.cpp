#include "domain/roles.hpp"

#include "base/result.hpp"

namespace cercle::domain {
namespace {

constexpr Role kAll[] = {Role::kNetworkAdmin, Role::kOrganisationAdmin, Role::kCoordinator,
                         Role::kVolunteer,    Role::kPartner,           Role::kEvaluator};

}  // namespace

const std::vector<Role>& OrganisationRoles() {
  static const std::vector<Role> roles = {Role::kOrganisationAdmin, Role::kCoordinator,
                                          Role::kVolunteer, Role::kPartner, Role::kEvaluator};
  return roles;
}

Roles::Roles(std::initializer_list<Role> roles) {
  for (const Role role : roles) Add(role);
}

bool Roles::RequireTwoFactor() const {
  return Has(Role::kNetworkAdmin) || Has(Role::kOrganisationAdmin) || Has(Role::kCoordinator) ||
         Has(Role::kPartner);
}

std::vector<Role> Roles::List() const {
  std::vector<Role> roles;
  for (const Role role : kAll) {
    if (Has(role)) roles.push_back(role);
  }
  return roles;
}

}  // namespace cercle::domain
