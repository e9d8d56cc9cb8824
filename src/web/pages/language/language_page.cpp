#include "web/pages/language/language_page.hpp"

#include "web/layout.hpp"

namespace cercle::web::pages::language {

// A chosen language is remembered for a year.
constexpr int kRememberSeconds = 365 * 24 * 3600;

bool IsLocalPath(std::string_view target) {
  return target.starts_with('/') && !target.starts_with("//") &&
         target.find('\\') == std::string_view::npos &&
         target.find('\r') == std::string_view::npos && target.find('\n') == std::string_view::npos;
}

Response Choose(Context& context) {
  const auto fields = context.request.FormFields();
  const auto chosen = fields.find("lang");
  if (chosen == fields.end() || (chosen->second != "fr" && chosen->second != "en")) {
    return RenderErrorPage(context, 400, {N_("Choose French or English."), {}});
  }
  // A signed-in user's choice is remembered in their account as well, for every device.
  if (context.actor && context.actor->signed_in()) {
    (void)context.services.accounts.SetLanguage(*context.actor, chosen->second, context.client());
  }
  const auto next = fields.find("next");
  Response response = Response::Redirect(
      next != fields.end() && IsLocalPath(next->second) ? next->second : std::string("/"));
  std::string cookie = "lang=" + chosen->second +
                       "; Path=/; Max-Age=" + std::to_string(kRememberSeconds) +
                       "; SameSite=Lax; HttpOnly";
  if (context.services.config.server.behind_tls_proxy) cookie += "; Secure";
  response.AddHeader("Set-Cookie", cookie);
  return response;
}

}  // namespace cercle::web::pages::language
