#include "web/application.hpp"

#include <chrono>

#include "app/failure.hpp"
#include "auth/crypto.hpp"
#include "base/log.hpp"
#include "config/secrets.hpp"
#include "web/context.hpp"
#include "web/cookies.hpp"
#include "web/input_check.hpp"
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
  // A download sets its own, stricter policy (sandbox); everything else gets the page policy.
  if (!response.Header("Content-Security-Policy")) {
    response.SetHeader(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self' 'nonce-" + nonce +
            "'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  }
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

// True when a state-changing request comes from this site: its Origin (when sent) is the configured
// public address or the Host it was sent to, and Sec-Fetch-Site (when sent) does not say another
// site sent it.
bool SameOrigin(const Request& request, const config::Config& config) {
  if (const auto site = request.Header("sec-fetch-site")) {
    if (*site != "same-origin" && *site != "none") return false;
  }
  const auto origin = request.Header("origin");
  // Under Referrer-Policy: no-referrer, browsers send "Origin: null" with same-site form posts;
  // Sec-Fetch-Site above and the CSRF token carry the check then.
  if (!origin || *origin == "null") return true;
  const std::string& public_url = config.server.public_url;
  const auto host = request.Header("host").value_or("");
  return *origin == public_url.substr(0, public_url.find('/', public_url.find("//") + 2)) ||
         (!host.empty() &&
          (*origin == "http://" + std::string(host) || *origin == "https://" + std::string(host)));
}

// The CSRF token a request sent: the form field "csrf", or the X-CSRF-Token header (htmx).
std::string SentCsrfToken(const Request& request) {
  if (const auto header = request.Header("x-csrf-token")) return std::string(*header);
  const auto fields = request.FormFields();
  const auto found = fields.find("csrf");
  return found == fields.end() ? "" : found->second;
}

// Where a request that its session cannot make yet must go instead: the next step of sign-in, or
// the sign-in page. Empty when the route is open to the request as it is.
std::string RedirectForAccess(const Route& route, const std::optional<auth::Actor>& actor,
                              const Request& request) {
  using store::SessionStage;
  // A plain pointer rather than std::optional: GCC 12 at -O3 warns, wrongly, that an optional enum
  // may be read uninitialised here.
  const SessionStage* const stage = actor ? &actor->stage : nullptr;
  const auto at = [stage](SessionStage wanted) { return stage && *stage == wanted; };
  const std::string sign_in = "/login" + (request.method == Method::kGet && request.path != "/"
                                              ? "?next=" + PercentEncode(request.path)
                                              : std::string());
  switch (route.access) {
    case Access::kPublic:
    case Access::kOperations:
      return "";
    case Access::kSignedOut:
      return at(SessionStage::kFull) ? "/" : "";
    case Access::kSecondFactor:
      if (at(SessionStage::kSecondFactor)) return "";
      return at(SessionStage::kFull) ? "/" : "/login";
    case Access::kEnrolment:
      if (at(SessionStage::kEnrolment) || at(SessionStage::kFull)) return "";
      return "/login";
    case Access::kSignedIn:
      if (at(SessionStage::kFull)) return "";
      if (at(SessionStage::kSecondFactor)) return "/login/two-factor";
      if (at(SessionStage::kEnrolment)) return "/account/two-factor";
      return sign_in;
  }
  return sign_in;
}

// The answer to a request the door refused (CheckInput): a 400 page in the user's language, and for
// a signed-in user an audit entry naming the route and the fault, never the bytes themselves.
Response RenderInputRefusal(Context& context, const InputRefusal& refusal) {
  const auto& actor = context.actor;
  if (actor && actor->signed_in()) {
    app::RecordEvent(
        context.services.app,
        {actor->organisation_id, actor->user_id, "request.refused",
         std::string(PartName(refusal.part)),
         context.request.method_text + " " + context.route.pattern + " " +
             std::string(FaultName(refusal.fault)),
         context.request.client_address, audit::Outcome::kDenied, context.services.clock.Now()});
  }
  if (refusal.fault == InputFault::kMalformed) {
    return RenderErrorPage(
        context, 400,
        {N_("The address or the form sent could not be read. Nothing was saved. Reload the "
            "page and try again."),
         {}});
  }
  if (refusal.fault == InputFault::kInvalidUtf8) {
    return RenderErrorPage(
        context, 400,
        {N_("The request holds characters that are not valid text (UTF-8). Nothing was "
            "saved. Check what you typed or pasted and try again."),
         {}});
  }
  return RenderErrorPage(
      context, 400,
      {N_("The request holds a control character (such as a null byte) that text cannot "
          "hold. Nothing was saved. Check what you typed or pasted and try again."),
       {}});
}

}  // namespace

auth::ClientInfo Context::client() const {
  return {request.client_address, std::string(request.Header("user-agent").value_or(""))};
}

const std::string& Context::Parameter(std::string_view name) const {
  static const std::string kEmpty;
  const auto found = parameters.find(name);
  return found == parameters.end() ? kEmpty : found->second;
}

namespace {

// The answer to a request whose address, headers or body exceed `limits`, if it does.
std::optional<Response> RefuseOverLimits(Context& unmatched, const config::Config::Limits& limits) {
  const Request& request = unmatched.request;
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
  return std::nullopt;
}

}  // namespace

Response Application::Dispatch(const Request& request, const std::string& nonce,
                               i18n::Language language, std::string& route_name) {
  Context unmatched{request, services_, kUnmatchedRoute, {}, language, nonce, {}};
  if (auto too_large = RefuseOverLimits(unmatched, services_.config.limits)) return *too_large;
  // The door: bytes no handler should ever see are refused before anything else runs.
  const auto refusal = CheckInput(request);
  auto match = router_.Match(request.method, request.path);
  if (refusal && !match.route) return RenderInputRefusal(unmatched, *refusal);
  if (!match.route) {
    if (match.method_mismatch) {
      return RenderErrorPage(unmatched, 405,
                             {N_("This address does not accept this kind of request."), {}});
    }
    return RenderErrorPage(unmatched, 404, {N_("The page you asked for does not exist."), {}});
  }
  route_name = match.route->pattern;
  Context context{request, services_, *match.route, std::move(match.parameters), language,
                  nonce,   {}};
  // Probes, metrics and static files answer without a session or a cookie: a load balancer
  // polling /healthz costs no session look-up, no CSRF token and no Set-Cookie.
  if (match.route->access == Access::kOperations && !refusal) return match.route->handler(context);
  const auth::ClientInfo client = context.client();

  if (const auto token = request.Cookie(kSessionCookie)) {
    context.actor = services_.authenticator.Resume(*token, client);
    if (context.actor) {
      context.actor->client_address = client.address;
      context.language = i18n::FromCode(context.actor->language, language);
      context.organisation_name = context.actor->organisation_name;
    } else {
      context.cookies.push_back(ClearedSessionCookie());
    }
  }
  auto csrf_cookie = request.Cookie(kCsrfCookie);
  const bool had_csrf_cookie =
      csrf_cookie && csrf_cookie->size() >= 32 && csrf_cookie->size() <= 64;
  if (!had_csrf_cookie) {
    csrf_cookie = auth::RandomToken();
    context.cookies.push_back(CsrfCookie(*csrf_cookie));
  }
  context.csrf_token = services_.authenticator.CsrfToken(*csrf_cookie);

  Response response;
  if (refusal) {
    response = RenderInputRefusal(context, *refusal);
  } else if (request.method == Method::kPost &&
             (!SameOrigin(request, services_.config) || !had_csrf_cookie ||
              !auth::ConstantTimeEquals(SentCsrfToken(request), context.csrf_token))) {
    // Nothing runs for a forged or stale form.
    response = RenderErrorPage(
        context, 403,
        {N_("This form has expired or was sent from another site. Reload the page and try "
            "again."),
         {}});
  } else if (const auto redirect = RedirectForAccess(*match.route, context.actor, request);
             !redirect.empty()) {
    // A form posted without the session it needs is answered, not redirected, so that nothing is
    // replayed.
    const bool already_signed_in = redirect == "/";
    response = request.method == Method::kGet || already_signed_in
                   ? Response::Redirect(redirect)
                   : RenderErrorPage(context, 401, {N_("Please sign in."), {}});
  } else {
    response = match.route->handler(context);
  }
  // The pipeline's cookies (a dead session removed, a first CSRF cookie) go before the handler's,
  // so that a cookie the handler sets — a new session at sign-in — is the one the browser keeps.
  std::vector<std::pair<std::string, std::string>> cookies;
  for (auto& cookie : context.cookies) cookies.emplace_back("Set-Cookie", std::move(cookie));
  response.headers.insert(response.headers.begin(), cookies.begin(), cookies.end());
  return response;
}

Response Application::Handle(const Request& request) {
  const auto started = std::chrono::steady_clock::now();
  const std::string nonce = config::RandomHex(16);
  const auto language = LanguageOf(request, services_.config);
  std::string route_name = "unmatched";
  std::string incident;
  Response response;
  try {
    response = Dispatch(request, nonce, language, route_name);
  } catch (const store::StorageUnavailable& unavailable) {
    // Not a bug: the storage cannot take writes (or was unreachable). One line names the cause;
    // the page says whether the work was saved.
    log::Event(log::Level::kError, "storage unavailable",
               {{"cause", store::StorageFaultName(unavailable.fault())},
                {"route", route_name},
                {"outcome", unavailable.outcome() == store::WriteOutcome::kUnknown ? "unknown"
                                                                                   : "not saved"}});
    Context context{request, services_, kUnmatchedRoute, {}, language, nonce, {}};
    response = RenderStorageUnavailable(
        context, unavailable.outcome() == store::WriteOutcome::kUnknown ? SaveState::kUnknown
                                                                        : SaveState::kNotSaved);
  } catch (const std::exception& failure) {
    incident = config::RandomHex(6);
    log::Event(log::Level::kError, "request failed",
               {{"incident", incident},
                {"route", route_name},
                {"failure", app::DescribeFailure(failure)}});
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
  // The route's pattern, never the path or query the client sent: they can hold names and ids.
  std::vector<log::Field> fields = {{"method", request.method_text},
                                    {"route", route_name},
                                    {"status", response.status},
                                    {"duration_ms", seconds * 1000}};
  if (!incident.empty()) fields.emplace_back("incident", incident);
  log::Event(log::Level::kInfo, "http", fields);
  return response;
}

}  // namespace cercle::web
