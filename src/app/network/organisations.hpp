#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "store/organisation_store.hpp"

// The network's member organisations (network admins), and their public impact pages.
namespace cercle::app::network {

using store::Organisation;

// Every organisation, by name. Forbidden for actors who may not manage organisations.
Result<std::vector<Organisation>> ListOrganisations(const Services& services,
                                                    const auth::Actor& actor);

// A new organisation as typed.
struct NewOrganisation {
  std::string name;
  std::string slug;  // its short name in addresses ("/public/{slug}")
};

// Creates an organisation ("organisation.create"); returns its id. Forbidden for actors who may
// not manage organisations; field errors for a blank name or a malformed or taken slug.
Result<std::int64_t> CreateOrganisation(const Services& services, const auth::Actor& actor,
                                        const NewOrganisation& organisation);

// The organisation `id`, when the actor may invite its first admin: Forbidden for actors who may
// not manage organisations, NotFound when there is no such organisation.
Result<Organisation> FindForInvitation(const Services& services, const auth::Actor& actor,
                                       std::int64_t id);

}  // namespace cercle::app::network
