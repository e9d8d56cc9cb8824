#pragma once

#include "auth/actor.hpp"
#include "auth/policies/managed_area.hpp"

namespace cercle::auth::policies {

// Who may see and change the organisation's register of meeting places, and who may plan a meeting
// despite a clash with the core member's conditions. Coordinators and organisation admins manage
// the register and may override a clash (with a reason, audited). Volunteers see only the name of
// the place of their own circles' meetings (through the circle policy, never the register);
// partners and evaluators see nothing of it.
struct VenuePolicy : ManagedArea<VenuePolicy> {
  // The register's pages and every change to it.
  static bool CanManage(const Actor& actor);
  // Planning a meeting despite a clash with a condition in force.
  static bool CanOverrideClash(const Actor& actor);
};

}  // namespace cercle::auth::policies
