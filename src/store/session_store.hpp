#pragma once

#include <soci/soci.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "domain/enum_names.hpp"

namespace cercle::store {

// How far a sign-in has gone.
enum class SessionStage {
  kSecondFactor,  // password accepted; the TOTP code (or a recovery code) is next
  kEnrolment,     // password accepted; two-factor sign-in must be set up first
  kFull,          // signed in
};

}  // namespace cercle::store

namespace cercle::domain {

// The stored names of the stages of sign-in.
template <>
struct EnumTable<store::SessionStage> {
  static constexpr std::array<EnumEntry<store::SessionStage>, 3> kEntries{{
      {store::SessionStage::kSecondFactor, "second_factor", ""},
      {store::SessionStage::kEnrolment, "enrolment", ""},
      {store::SessionStage::kFull, "full", ""},
  }};
};

}  // namespace cercle::domain

namespace cercle::store {

// A server-side session as stored. The token itself is never stored, only its keyed hash.
struct SessionRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::optional<std::int64_t> organisation_id;
  SessionStage stage = SessionStage::kFull;
  Instant created_at;
  Instant last_seen_at;
  Instant expires_at;  // the absolute limit
  std::int64_t idle_seconds = 0;
  Instant reauthenticated_at;
  std::string client_address;
  std::string user_agent;
};

// How to reach the person in charge of the protection of personal information of a session's
// organisation (or of the network), as the foot of every page shows it.
struct PrivacyContact {
  bool named = false;  // false until the administrators name one
  std::string title;
  std::string email;
  std::string phone;
};

// What the page layout shows about a session's account besides the account itself, read with the
// session so that no page reads it again.
struct SessionAccount {
  std::string organisation_name;
  // The organisation's short name, for its public privacy page ("" for the network).
  std::string organisation_slug;
  // True when a volunteer file of the organisation is linked to the account (its portal).
  bool has_volunteer_file = false;
  // True when the account is the one linked to its owner's person in charge.
  bool privacy_officer = false;
  PrivacyContact privacy_contact;
};

// Reads and writes sessions within the caller's transaction.
class SessionStore {
 public:
  explicit SessionStore(soci::session& session) : session_(session) {}

  // Stores a new session under `token_hash`; returns its id.
  std::int64_t Insert(const std::string& token_hash, const SessionRecord& record);
  // The session stored under `token_hash`, if any.
  std::optional<SessionRecord> FindByTokenHash(const std::string& token_hash);
  // The sessions of a user, newest first.
  std::vector<SessionRecord> ListForUser(std::int64_t user_id);
  void Touch(std::int64_t id, Instant now);
  void SetStage(std::int64_t id, SessionStage stage);
  void SetReauthenticated(std::int64_t id, Instant now);
  // Gives the session a new token (after a privilege change), keeping everything else.
  void Rotate(std::int64_t id, const std::string& new_token_hash);
  void Delete(std::int64_t id);
  // The organisation's name and short name, the volunteer file link of user `user_id` of
  // `organisation_id`, and its person in charge (the network's when there is no organisation), in
  // one query.
  SessionAccount LoadAccount(std::int64_t user_id, std::optional<std::int64_t> organisation_id);
  // Ends every session of a user, or all but `keep`.
  void DeleteForUser(std::int64_t user_id, std::optional<std::int64_t> keep = std::nullopt);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
