#pragma once

#include <mstch/mstch.hpp>
#include <optional>

#include "app/privacy/person_in_charge.hpp"
#include "domain/privacy_officer.hpp"
#include "web/context.hpp"

// The privacy hub (Law 25): the person in charge of the protection of personal information,
// named by the organisation's administrators (/admin/privacy) or, for the network, by the network
// admin (/network/privacy), with the ways to the privacy registers.
namespace cercle::web::pages::privacy {

// GET /admin/privacy: the organisation's hub, for its person in charge and its administrators
// (who alone edit it); 404 for everyone else. POST /admin/privacy: names the person in charge.
Response ShowHub(Context& context);
Response SaveHub(Context& context);
// GET /network/privacy and POST /network/privacy: the same for the network's own person in
// charge, for the network admin only; 404 for everyone else.
Response ShowNetworkHub(Context& context);
Response SaveNetworkHub(Context& context);

// The person in charge as the pages show it (templates/privacy_officer_card.mustache): name,
// title, contact, and who holds the function (the highest authority, or by whose written
// delegation) of `owner`. `officer` none: not named yet, the highest authority holds it.
mstch::map OfficerModel(const Context& context,
                        const std::optional<domain::PrivacyOfficer>& officer,
                        app::privacy::Owner owner);

}  // namespace cercle::web::pages::privacy
