#pragma once

#include <cstdint>

#include "auth/actor.hpp"

namespace cercle::auth::policies {

// What the policies of an area that its organisation's coordinators manage share: one record of
// the area is seen by those who may manage the area (`Policy::CanManage`) in the record's
// organisation.
template <class Policy>
struct ManagedArea {
  // One record of `organisation_id`, with everything in it.
  static bool CanView(const Actor& actor, std::int64_t organisation_id) {
    return Policy::CanManage(actor) && actor.InOrganisation(organisation_id);
  }
};

}  // namespace cercle::auth::policies
