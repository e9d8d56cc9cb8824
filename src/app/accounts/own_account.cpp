#include "app/accounts/own_account.hpp"

#include "store/session_store.hpp"
#include "store/user_store.hpp"

namespace cercle::app::accounts {

Status SetLanguage(const Services& services, const auth::Actor& actor,
                   const LanguageChoice& choice) {
  if (choice.language != "fr" && choice.language != "en") {
    return Error::Invalid(N_("Choose French or English."));
  }
  return Write(services, store::Scope::System(), [&](store::Unit& unit) -> Status {
    store::UserStore(unit.session()).SetLanguage(actor.user_id, choice.language);
    Audit(services, unit, actor, {"user.language", "user", std::to_string(actor.user_id)});
    return {};
  });
}

SessionsPage LoadSessionsPage(const Services& services, const auth::Actor& actor) {
  const auto records = Read(services, store::Scope::System(), [&](store::Unit& unit) {
    return store::SessionStore(unit.session()).ListForUser(actor.user_id);
  });
  SessionsPage page;
  for (const auto& record : records) {
    page.sessions.push_back({record.id, record.id == actor.session_id, record.created_at,
                             record.last_seen_at, record.client_address, record.user_agent});
  }
  return page;
}

}  // namespace cercle::app::accounts
