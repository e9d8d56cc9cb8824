#pragma once

#include "web/context.hpp"

// The public privacy pages (Law 25, s. 3.2 and 8), in plain French and English, for anyone: an
// organisation's (/privacy/{slug}) and the network's (/privacy). Always published.
namespace cercle::web::pages::privacy {

// GET /privacy/{slug}: the organisation's privacy page; 404 for an unknown slug.
Response ShowOrganisationNotice(Context& context);
// GET /privacy: the network's privacy page, with links to its organisations' pages.
Response ShowNetworkNotice(Context& context);

}  // namespace cercle::web::pages::privacy
