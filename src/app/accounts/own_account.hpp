#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/services.hpp"

namespace cercle::app::accounts {

// The interface language an actor chooses for their account.
struct LanguageChoice {
  std::string language;  // "fr" or "en"
};

// Sets the actor's own interface language (entry "user.language"); Invalid unless "fr" or "en".
Status SetLanguage(const Services& services, const auth::Actor& actor,
                   const LanguageChoice& choice);

// The browser and the system a user agent names, as a person recognises their device ("Chrome" on
// "Linux", "Safari" on "iPhone"): each "" when the user agent does not say it in a way Cercle
// knows.
struct Device {
  std::string browser;  // Chrome, Firefox, Safari, Edge, Opera, Samsung Internet
  std::string system;   // Windows, macOS, Linux, ChromeOS, Android, iPhone, iPad
};

// The device of the User-Agent header `user_agent`.
Device DeviceOf(std::string_view user_agent);

// One session of the actor's account, as their sessions page lists it.
struct SessionRow {
  std::int64_t id = 0;
  bool current = false;  // the session of this request
  Instant started;
  Instant last_seen;
  std::string client_address;
  Device device;  // from the session's user agent
};

// The actor's sessions, newest first.
struct SessionsPage {
  std::vector<SessionRow> sessions;
};

SessionsPage LoadSessionsPage(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::accounts
