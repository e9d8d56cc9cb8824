#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/roles.hpp"

namespace cercle::store {

// A user account as stored.
struct User {
  std::int64_t id = 0;
  std::optional<std::int64_t> organisation_id;  // none for a network admin
  std::string email;                            // lower case
  std::string display_name;
  std::string password_hash;  // "" until a password is set
  std::string language = "fr";
  bool active = true;
  std::string totp_secret_sealed;  // "" when not enrolled
  std::optional<Instant> totp_enrolled_at;
  std::int64_t totp_last_step = 0;
  Instant created_at;
  std::optional<Instant> deactivated_at;
  domain::Roles roles;
};

// What creating a user needs.
struct NewUser {
  std::optional<std::int64_t> organisation_id;
  std::string email;
  std::string display_name;
  std::string password_hash;
  std::string language = "fr";
  domain::Roles roles;
};

// Reads and writes users and their roles within the caller's transaction (whose scope limits what
// it sees).
class UserStore {
 public:
  explicit UserStore(soci::session& session) : session_(session) {}

  // The user with e-mail `email` (compared in lower case), if any.
  std::optional<User> FindByEmail(const std::string& email);
  // The user `id`, if visible in the transaction's scope and, when given, of `organisation_id`.
  std::optional<User> Find(std::int64_t id, std::optional<std::int64_t> organisation_id);
  // The users of an organisation, by name.
  std::vector<User> ListOrganisation(std::int64_t organisation_id);
  // Inserts a user and their roles; returns the new id. The caller checks that the address is free.
  std::int64_t Insert(const NewUser& user, Instant now);
  // True when an account uses `email` already.
  bool EmailTaken(const std::string& email);

  // Replaces the password hash; every unused password-reset link of the user dies with the old one.
  void SetPassword(std::int64_t id, const std::string& password_hash, Instant now);
  // Ends every unused password-reset link of user `id` (a newer one is about to be issued).
  void RevokePasswordResetLinks(std::int64_t id, Instant now);
  void SetLanguage(std::int64_t id, const std::string& language);
  void SetActive(std::int64_t id, bool active, Instant now);
  void ReplaceRoles(std::int64_t id, std::optional<std::int64_t> organisation_id,
                    const domain::Roles& roles);
  void SetTotp(std::int64_t id, const std::string& sealed_secret,
               std::optional<Instant> enrolled_at);
  // Records the last TOTP step used, only if it is later than the stored one; false when it is not
  // (a replay racing another request).
  bool AdvanceTotpStep(std::int64_t id, std::int64_t step);

 private:
  // Reads the roles of `user` into it.
  void AddRoles(User& user);
  soci::session& session_;
};

// An e-mail address trimmed and in lower case.
std::string NormaliseEmail(std::string_view email);
// True when `email` looks like an address (something@something.tld, no spaces, at most 254
// characters).
bool LooksLikeEmail(std::string_view email);

}  // namespace cercle::store
