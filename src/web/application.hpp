#pragma once

#include "web/http.hpp"
#include "web/router.hpp"
#include "web/services.hpp"

namespace cercle::web {

// The whole request pipeline behind the socket: limits, routing, language, the handler, error
// pages, security headers, metrics and the access log. The server adapter calls Handle for every
// request; tests may call it directly.
class Application {
 public:
  Application(Services& services, Router router)
      : services_(services), router_(std::move(router)) {}

  // Answers `request`. Never throws: an unexpected failure becomes a 500 page with an incident id
  // that the log carries too.
  Response Handle(const Request& request);

  const Router& router() const { return router_; }
  // What the handlers use, for another Application on the same services (the metrics listener).
  Services& services() const { return services_; }

 private:
  Response Dispatch(const Request& request, const std::string& nonce, i18n::Language language,
                    std::string& route_name);

  Services& services_;
  Router router_;
};

}  // namespace cercle::web
