#pragma once

#include <vector>

#include "web/router.hpp"

namespace cercle::web {

// Every URL of the application, in one table.
std::vector<Route> AllRoutes();

}  // namespace cercle::web
