#pragma once

#include <cstdint>
#include <string>
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

// One session of the actor's account, as their sessions page lists it.
struct SessionRow {
  std::int64_t id = 0;
  bool current = false;  // the session of this request
  Instant started;
  Instant last_seen;
  std::string client_address;
  std::string user_agent;  // "" when the browser sent none
};

// The actor's sessions, newest first.
struct SessionsPage {
  std::vector<SessionRow> sessions;
};

SessionsPage LoadSessionsPage(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::accounts
