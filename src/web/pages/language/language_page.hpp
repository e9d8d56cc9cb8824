#pragma once

#include "web/context.hpp"

namespace cercle::web::pages::language {

// POST /language: remembers the chosen language in a cookie and returns to the page the user was
// on.
Response Choose(Context& context);

}  // namespace cercle::web::pages::language
