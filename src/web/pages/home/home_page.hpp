#pragma once

#include "web/context.hpp"

namespace cercle::web::pages::home {

// GET /: the welcome page.
Response Show(Context& context);

}  // namespace cercle::web::pages::home
