#pragma once

#include <cstdint>
#include <string>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"

namespace cercle::demo {

// Names the fictional person in charge of the protection of personal information of one demo
// organisation `organisation_id`, through its administrator: the executive director, the highest
// authority, delegated the function in writing to the coordinator "Céleste Coordo", whose account
// acts as the person in charge. `email` is the function's address.
Status LoadPrivacyOfficer(const app::Services& services, std::int64_t organisation_id,
                          const std::string& email);

// Names the network's person in charge, `network_admin` himself, as the network admin.
Status LoadNetworkPrivacyOfficer(const app::Services& services, const auth::Actor& network_admin);

}  // namespace cercle::demo
