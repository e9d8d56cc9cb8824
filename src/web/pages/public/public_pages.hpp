#pragma once

#include "web/context.hpp"

// The public impact page an organisation may publish: totals only, small figures hidden, reviewed
// stories only, nothing that identifies anyone. Off unless the organisation turns it on.
namespace cercle::web::pages::public_pages {

// GET /public/{slug}: the page of the organisation `slug`; 404 when there is none or it is off.
Response ShowImpact(Context& context);

}  // namespace cercle::web::pages::public_pages
