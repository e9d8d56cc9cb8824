#include "app/accounts/own_account.hpp"

#include <array>
#include <utility>

#include "store/session_store.hpp"
#include "store/user_store.hpp"

namespace cercle::app::accounts {
namespace {

// Each name a user agent gives, and what people call it, first match first: a browser built on
// another names both (Edge and Opera say Chrome and Safari; Chrome says Safari; Android says
// Linux; an iPad may say "like Mac OS X").
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kBrowsers = {{
    {"Edg", "Edge"},
    {"OPR/", "Opera"},
    {"Opera", "Opera"},
    {"SamsungBrowser/", "Samsung Internet"},
    {"Firefox/", "Firefox"},
    {"FxiOS/", "Firefox"},
    {"CriOS/", "Chrome"},
    {"Chrome/", "Chrome"},
    {"Chromium/", "Chrome"},
    {"Safari/", "Safari"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kSystems = {{
    {"iPhone", "iPhone"},
    {"iPad", "iPad"},
    {"Android", "Android"},
    {"CrOS", "ChromeOS"},
    {"Windows", "Windows"},
    {"Macintosh", "macOS"},
    {"Mac OS X", "macOS"},
    {"Linux", "Linux"},
}};

// The name of the first of `names` that `user_agent` contains, or "".
template <std::size_t N>
std::string FirstNamed(std::string_view user_agent,
                       const std::array<std::pair<std::string_view, std::string_view>, N>& names) {
  for (const auto& [token, name] : names) {
    if (user_agent.find(token) != std::string_view::npos) return std::string(name);
  }
  return {};
}

}  // namespace

Device DeviceOf(std::string_view user_agent) {
  return {FirstNamed(user_agent, kBrowsers), FirstNamed(user_agent, kSystems)};
}

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
                             record.last_seen_at, record.client_address,
                             DeviceOf(record.user_agent)});
  }
  return page;
}

}  // namespace cercle::app::accounts
