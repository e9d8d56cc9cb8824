#pragma once

#include <vector>

#include "web/router.hpp"

namespace cercle::web {

// Every URL of the application, in one table.
std::vector<Route> AllRoutes();

// The routes of the metrics listener (server.metrics_listen): /metrics alone, never on the public
// socket.
std::vector<Route> MetricsRoutes();

}  // namespace cercle::web
