#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>

#include "base/clock.hpp"
#include "domain/roles.hpp"

namespace cercle::store {

// What a single-use link sent by mail is for.
enum class TokenPurpose { kInvitation, kPasswordReset };

// A single-use link as stored: only the keyed hash of its token, never the token.
struct OneTimeToken {
  std::int64_t id = 0;
  std::string token_hash;
  TokenPurpose purpose = TokenPurpose::kInvitation;
  std::optional<std::int64_t> organisation_id;
  std::optional<std::int64_t> user_id;  // the account a reset link is for
  std::string email;
  std::string display_name;
  domain::Roles roles;  // the roles an invitation gives
  std::optional<std::int64_t> created_by;
  Instant created_at;
  Instant expires_at;
};

// Reads and writes the single-use links (invitations, password resets) within the caller's
// (system-scope) transaction.
class OneTimeTokenStore {
 public:
  explicit OneTimeTokenStore(soci::session& session) : session_(session) {}

  // Stores a link; returns its id.
  std::int64_t Insert(const OneTimeToken& token);
  // The unused link for `purpose` stored under `token_hash`, if it has not expired at `now`.
  std::optional<OneTimeToken> FindLive(const std::string& token_hash, TokenPurpose purpose,
                                       Instant now);
  // Marks link `id` used; false when another request used it first.
  bool Use(std::int64_t id, Instant now);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
