#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "base/clock.hpp"

namespace cercle::store {

// Whose calendar feed a token opens.
struct CalendarOwner {
  std::int64_t organisation_id = 0;
  std::int64_t volunteer_id = 0;
};

// A volunteer's calendar-feed token as stored: only its keyed hash.
struct CalendarToken {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t volunteer_id = 0;
  std::string token_hash;
  Instant created_at;
};

// Reads and writes the keyed hashes of volunteers' calendar-feed tokens, within the caller's
// transaction.
class CalendarTokenStore {
 public:
  explicit CalendarTokenStore(soci::session& session) : session_(session) {}

  // Gives the volunteer's feed the token whose keyed hash is `token_hash`, replacing any earlier
  // one (whose address then stops working).
  void Replace(std::int64_t organisation_id, std::int64_t volunteer_id,
               const std::string& token_hash, Instant now);
  // The owner of the feed whose token hashes to `token_hash`. Runs in the system scope: the request
  // carries no session, the token is the credential.
  std::optional<CalendarOwner> FindByHash(const std::string& token_hash);
  // True when the volunteer has a feed.
  bool HasToken(std::int64_t volunteer_id, std::int64_t organisation_id);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
