#include "web/system/system_endpoints.hpp"

#include "app/services.hpp"
#include "web/layout.hpp"

namespace cercle::web::system {

Response Live(Context&) { return Response::Text(200, "ok\n"); }

Response Ready(Context& context) {
  // Ready means a write can succeed: after disk full or a read-only database, reads alone are not
  // enough for a load balancer to send people here.
  if (app::Writable(context.services.app)) return Response::Text(200, "ready\n");
  return Response::Text(503, "database cannot take writes\n");
}

Response Metrics(Context& context) {
  return Response::Document(200, context.services.metrics.Render(),
                            "text/plain; version=0.0.4; charset=utf-8");
}

Response StaticFile(Context& context) {
  const auto* file = context.services.static_files.Find(context.request.path);
  if (!file)
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  Response response;
  response.body = std::string(file->bytes);
  response.SetHeader("Content-Type", file->content_type);
  response.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  return response;
}

}  // namespace cercle::web::system
