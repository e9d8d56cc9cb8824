#pragma once

#include "web/context.hpp"

namespace cercle::web::system {

// GET /healthz: 200 while the process serves.
Response Live(Context& context);
// GET /readyz: 200 when the database answers, 503 otherwise.
Response Ready(Context& context);
// GET /metrics: request counts and latencies in Prometheus text format.
Response Metrics(Context& context);
// GET /static/{file...}: an embedded static file under its content-hashed address, cached for a
// year.
Response StaticFile(Context& context);

}  // namespace cercle::web::system
