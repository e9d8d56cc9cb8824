#include "web/application.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <soci/soci.h>
#include <chrono>
#include <typeinfo>

#include "web/context.hpp"
#include "web/layout.hpp"

namespace cercle::web {
namespace {

// The stand-in route of requests that matched none, so that error pages render like any other.
const Route kUnmatchedRoute{Method::kGet, "unmatched", nullptr};

i18n::Language LanguageOf(const Request& request, const config::Config& config) {
  const auto fallback = i18n::FromCode(config.i18n.default_language, i18n::Language::kFrench);
  const auto cookie = request.Cookie("lang");
  return cookie ? i18n::FromCode(*cookie, fallback) : fallback;
}

void ApplySecurityHeaders(Response& response, const std::string& nonce,
                          const config::Config& config) {
  response.SetHeader(
      "Content-Security-Policy",
      "default-src 'none'; script-src 'self' 'nonce-" + nonce +
          "'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Referrer-Policy", "no-referrer");
  response.SetHeader("X-Frame-Options", "DENY");
  response.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.SetHeader("Cross-Origin-Resource-Policy", "same-origin");
  response.SetHeader("Permissions-Policy",
                     "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (config.server.behind_tls_proxy) {
    response.SetHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  // Every page may hold personal data: nothing is cached unless a handler says so (static files).
  if (!response.Header("Cache-Control")) response.SetHeader("Cache-Control", "no-store");
}

// A description of an unexpected failure that carries no personal data: database errors can quote
// values, so only their category is logged.
std::string DescribeFailure(const std::exception& failure) {
  if (const auto* database = dynamic_cast<const soci::soci_error*>(&failure)) {
    return "database error (category " +
           std::to_string(static_cast<int>(database->get_error_category())) + ")";
  }
  return std::string(typeid(failure).name()) + ": " + failure.what();
}

}  // namespace

std::string RandomHex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

const std::string& Context::Parameter(std::string_view name) const {
  static const std::string kEmpty;
  const auto found = parameters.find(name);
  return found == parameters.end() ? kEmpty : found->second;
}

Response Application::Dispatch(const Request& request, const std::string& nonce,
                               i18n::Language language, std::string& route_name) {
  const auto& limits = services_.config.limits;
  Context unmatched{request, services_, kUnmatchedRoute, {}, language, nonce, {}};
  if (request.target.size() > limits.max_url_bytes) {
    return RenderErrorPage(unmatched, 414, {N_("The address is too long."), {}});
  }
  if (request.HeaderBytes() > limits.max_header_bytes) {
    return RenderErrorPage(unmatched, 431, {N_("The request headers are too large."), {}});
  }
  if (request.body.size() > limits.max_body_bytes) {
    const auto megabytes =
        std::to_string((limits.max_body_bytes + 1024 * 1024 - 1) / (1024 * 1024));
    return RenderErrorPage(
        unmatched, 413,
        {N_("The file is too large: the limit is {limit} MB."), {{"limit", megabytes}}});
  }
  auto match = router_.Match(request.method, request.path);
  if (!match.route) {
    if (match.method_mismatch) {
      return RenderErrorPage(unmatched, 405,
                             {N_("This address does not accept this kind of request."), {}});
    }
    return RenderErrorPage(unmatched, 404, {N_("The page you asked for does not exist."), {}});
  }
  route_name = match.route->pattern;
  Context context{request, services_, *match.route, std::move(match.parameters), language, nonce, {}};
  return match.route->handler(context);
}

Response Application::Handle(const Request& request) {
  const auto started = std::chrono::steady_clock::now();
  const std::string nonce = RandomHex(16);
  const auto language = LanguageOf(request, services_.config);
  std::string route_name = "unmatched";
  Response response;
  try {
    response = Dispatch(request, nonce, language, route_name);
  } catch (const std::exception& failure) {
    const std::string incident = RandomHex(6);
    spdlog::error("incident={} route={} {}", incident, route_name, DescribeFailure(failure));
    try {
      Context context{request, services_, kUnmatchedRoute, {}, language, nonce, {}};
      response =
          RenderErrorPage(context, 500,
                          {N_("An unexpected error stopped this request. If it happens again, give "
                              "this incident number to your administrator: {incident}."),
                           {{"incident", incident}}},
                          incident);
    } catch (const std::exception&) {
      response = Response::Text(500, "500 — incident " + incident + "\n");
    }
  }
  if (request.method == Method::kHead) response.body.clear();
  ApplySecurityHeaders(response, nonce, services_.config);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  services_.metrics.Observe(route_name, request.method_text, response.status, seconds);
  spdlog::info("http method={} route={} status={} ms={:.2f}", request.method_text, route_name,
               response.status, seconds * 1000);
  return response;
}

}  // namespace cercle::web
