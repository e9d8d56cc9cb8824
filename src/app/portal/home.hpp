#pragma once

#include <optional>
#include <string>

#include "app/services.hpp"

// The home page's queries that are not another area's (the attention list is composed from each
// area's own function by the web layer).
namespace cercle::app::portal {

// The name the welcome page shows to someone not signed in: the organisation's, when the server
// hosts a single one; none otherwise.
std::optional<std::string> HostedOrganisationName(const Services& services);

}  // namespace cercle::app::portal
