#pragma once

#include <string>

#include "web/context.hpp"

namespace cercle::web {

// What static/js/drafts.js needs on every page, as the JSON of its script tag's data-session
// attribute: for a signed-in user, the seconds before the session ends unless a request comes, the
// CSRF token of its posts, the sign-in address that returns here, and the words of the idle notice
// in the user's language; "{}" otherwise (no idle notice).
std::string SessionScriptSettings(const Context& context);

}  // namespace cercle::web
