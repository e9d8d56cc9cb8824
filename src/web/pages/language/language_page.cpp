#include "web/pages/language/language_page.hpp"

#include "app/accounts/own_account.hpp"
#include "web/layout.hpp"
#include "web/redirects.hpp"

namespace cercle::web::pages::language {

// A chosen language is remembered for a year.
constexpr int kRememberSeconds = 365 * 24 * 3600;

Response Choose(Context& context) {
  const auto fields = context.request.FormFields();
  const auto chosen = fields.find("lang");
  if (chosen == fields.end() || (chosen->second != "fr" && chosen->second != "en")) {
    return RenderErrorPage(context, 400, {N_("Choose French or English."), {}});
  }
  // A signed-in user's choice is remembered in their account as well, for every device.
  if (context.actor && context.actor->signed_in()) {
    (void)app::accounts::SetLanguage(context.services.app, *context.actor, {chosen->second});
  }
  const auto next = fields.find("next");
  Response response = Response::Redirect(RedirectTarget(next != fields.end() ? next->second : ""));
  std::string cookie = "lang=" + chosen->second +
                       "; Path=/; Max-Age=" + std::to_string(kRememberSeconds) +
                       "; SameSite=Lax; HttpOnly";
  if (context.services.config.server.behind_tls_proxy) cookie += "; Secure";
  response.AddHeader("Set-Cookie", cookie);
  return response;
}

}  // namespace cercle::web::pages::language
