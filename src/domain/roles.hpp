#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "domain/enum_names.hpp"

namespace cercle::domain {

// What a user may be in Cercle (DESIGN.md, "Who uses it"). A user of an organisation holds one or
// more of the organisation roles; a network admin belongs to no organisation and holds only that
// role.
enum class Role {
  kNetworkAdmin,       // runs a shared server: organisations and their admins; aggregates only
  kOrganisationAdmin,  // users, roles, settings, retention; everything in the organisation
  kCoordinator,        // staff: intake, circles, supervision, escalation, reports
  kVolunteer,          // their own circles only, while active
  kPartner,            // parole officer, police liaison: a minimal view of their circles
  kEvaluator,          // outcome research: de-identified extracts only
};
template <>
struct EnumTable<Role> {
  static constexpr std::array<EnumEntry<Role>, 6> kEntries{{
      {Role::kNetworkAdmin, "network_admin", N_("Network administrator")},
      {Role::kOrganisationAdmin, "admin", N_("Organisation administrator")},
      {Role::kCoordinator, "coordinator", N_("Coordinator")},
      {Role::kVolunteer, "volunteer", N_("Volunteer")},
      {Role::kPartner, "partner", N_("Partner")},
      {Role::kEvaluator, "evaluator", N_("Evaluator")},
  }};
};

// Every organisation role, in display order (the network admin is not one).
const std::vector<Role>& OrganisationRoles();

// A set of roles, as held by one user.
class Roles {
 public:
  Roles() = default;
  Roles(std::initializer_list<Role> roles);
  void Add(Role role) { bits_ |= Bit(role); }
  bool Has(Role role) const { return (bits_ & Bit(role)) != 0; }
  bool Empty() const { return bits_ == 0; }
  // True when any of the roles is an administrator role (organisation or network).
  bool AnyAdmin() const { return Has(Role::kOrganisationAdmin) || Has(Role::kNetworkAdmin); }
  // Two-factor sign-in is required for admins, coordinators and partners, and offered to the
  // others.
  bool RequireTwoFactor() const;
  // The roles held, in the order of the enum.
  std::vector<Role> List() const;
  bool operator==(const Roles&) const = default;

 private:
  static unsigned Bit(Role role) { return 1u << static_cast<unsigned>(role); }
  unsigned bits_ = 0;
};

}  // namespace cercle::domain
