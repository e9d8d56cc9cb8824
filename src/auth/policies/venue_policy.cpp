#include "auth/policies/venue_policy.hpp"

namespace cercle::auth::policies {

bool VenuePolicy::CanManage(const Actor& actor) { return actor.IsStaff(); }

bool VenuePolicy::CanOverrideClash(const Actor& actor) { return actor.IsStaff(); }

}  // namespace cercle::auth::policies
