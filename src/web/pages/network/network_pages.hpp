#pragma once

#include "web/context.hpp"

// The network administrator's pages: member organisations and their first administrators. No
// records.
namespace cercle::web::pages::network {

// GET /network/organisations, POST /network/organisations (create one).
Response ListOrganisations(Context& context);
Response CreateOrganisation(Context& context);
// POST /network/organisations/{id}/admins: invite an organisation's administrator.
Response InviteAdmin(Context& context);

}  // namespace cercle::web::pages::network
