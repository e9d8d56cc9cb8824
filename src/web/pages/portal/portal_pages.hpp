#pragma once

#include "web/context.hpp"

// The volunteer's own portal, phone-first: their profile, training, hours and the status of their
// screening items (never a refusal's reason, a coordinator's note or a supervision note). Only the
// volunteer whose account is linked to the file sees it; anyone else gets 404.
namespace cercle::web::pages::portal {

// GET /portal.
Response Show(Context& context);
// POST /portal/hours: hours the volunteer logs (travel, phone contact, events), awaiting approval.
Response LogHours(Context& context);

}  // namespace cercle::web::pages::portal
