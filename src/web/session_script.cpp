#include "web/session_script.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace cercle::web {

std::string SessionScriptSettings(const Context& context) {
  if (!context.actor || !context.actor->signed_in()) return "{}";
  const auto left = context.actor->session_idle_ends_at - context.services.clock.Now();
  const nlohmann::json settings = {
      {"idle_seconds", std::max<std::int64_t>(0, left.count())},
      {"csrf", context.csrf_token},
      {"idle_title", context.Translate(N_("Are you still there?"))},
      {"idle_text", context.Translate(N_("For your safety, you will be signed out in two minutes. "
                                         "What you typed in a form is kept as a draft."))},
      {"stay", context.Translate(N_("Stay signed in"))},
      {"stayed", context.Translate(N_("You are still signed in."))},
      {"ended", context.Translate(N_("Your session has ended. What you typed until its last "
                                     "save is kept as a draft."))},
      {"sign_in_again", context.Translate(N_("Sign in again"))},
      {"save_failed", context.Translate(N_("The draft could not be saved. Keep this page open "
                                           "and try again in a moment."))}};
  return settings.dump();
}

}  // namespace cercle::web
