#include "web/routes.hpp"

#include "web/pages/home/home_page.hpp"
#include "web/pages/language/language_page.hpp"
#include "web/system/system_endpoints.hpp"

namespace cercle::web {

std::vector<Route> AllRoutes() {
  return {
      // Operations
      {Method::kGet, "/healthz", system::Live},
      {Method::kGet, "/readyz", system::Ready},
      {Method::kGet, "/metrics", system::Metrics},
      {Method::kGet, "/static/{file...}", system::StaticFile},
      // Shell
      {Method::kGet, "/", pages::home::Show},
      {Method::kPost, "/language", pages::language::Choose},
  };
}

}  // namespace cercle::web
