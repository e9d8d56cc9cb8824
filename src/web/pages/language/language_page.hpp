#pragma once

#include "web/context.hpp"

namespace cercle::web::pages::language {

// POST /language: remembers the chosen language in a cookie and returns to the page the user was
// on.
Response Choose(Context& context);

// True when `target` is a path of this site ("/…" but not "//…"), safe to redirect to.
bool IsLocalPath(std::string_view target);

}  // namespace cercle::web::pages::language
