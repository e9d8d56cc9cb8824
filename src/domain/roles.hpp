#pragma once

#include <string>
#include <vector>

#include "base/result.hpp"
#include "domain/person_enums.hpp"

namespace cercle::domain {

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
