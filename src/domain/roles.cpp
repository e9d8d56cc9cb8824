#include "domain/roles.hpp"

#include "base/result.hpp"

namespace cercle::domain {
namespace {

constexpr Role kAll[] = {Role::kNetworkAdmin, Role::kOrganisationAdmin, Role::kCoordinator,
                         Role::kVolunteer,    Role::kPartner,           Role::kEvaluator};

}  // namespace

const std::vector<Role>& OrganisationRoles() {
  static const std::vector<Role> roles = {Role::kOrganisationAdmin, Role::kCoordinator, Role::kVolunteer,
                                          Role::kPartner, Role::kEvaluator};
  return roles;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kNetworkAdmin: return "network_admin";
    case Role::kOrganisationAdmin: return "admin";
    case Role::kCoordinator: return "coordinator";
    case Role::kVolunteer: return "volunteer";
    case Role::kPartner: return "partner";
    case Role::kEvaluator: return "evaluator";
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const Role role : kAll) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

std::string_view RoleLabel(Role role) {
  switch (role) {
    case Role::kNetworkAdmin: return N_("Network administrator");
    case Role::kOrganisationAdmin: return N_("Organisation administrator");
    case Role::kCoordinator: return N_("Coordinator");
    case Role::kVolunteer: return N_("Volunteer");
    case Role::kPartner: return N_("Partner");
    case Role::kEvaluator: return N_("Evaluator");
  }
  return "";
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
