#pragma once

#include <functional>
#include <optional>
#include <string>

#include "audit/audit_log.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "config/config.hpp"
#include "config/secrets.hpp"
#include "domain/roles.hpp"
#include "i18n/translator.hpp"
#include "store/database.hpp"

namespace cercle::auth {

// How long the links sent by mail stay valid.
constexpr std::chrono::hours kInvitationLifetime{72};
constexpr std::chrono::hours kPasswordResetLifetime{1};

// Who an invitation is for, as the acceptance page shows it.
struct InvitationView {
  std::string display_name;
  std::string email;
};

// Account management: invitations, password resets, deactivation, roles, language. Every change is audited
// in the same transaction. Mail goes through the outbox and says only that something waits in Cercle.
class Accounts {
 public:
  Accounts(store::Database& database, const config::Config& config, const config::Secrets& secrets,
           const Clock& clock, const audit::AuditLog& audit, const i18n::Translator& translator,
           std::function<void()> mail_queued, std::function<void()> reset_requested = {});

  // Invites `email` to join `organisation_id` with `roles`: stores a single-use link valid 72 hours and mails
  // it. `inviter` is none when the command line invites the first admin. Returns the link (for the command
  // line; pages never show it).
  Result<std::string> Invite(const std::optional<Actor>& inviter, std::optional<std::int64_t> organisation_id,
                             const std::string& display_name, const std::string& email,
                             const domain::Roles& roles, const ClientInfo& client);
  // Creates an account with a password directly, for the command line (`cercle user add --password-stdin`)
  // and the demo data. Returns the new user's id.
  Result<std::int64_t> CreateWithPassword(std::optional<std::int64_t> organisation_id,
                                          const std::string& display_name, const std::string& email,
                                          const domain::Roles& roles, const std::string& password,
                                          bool check_password);

  // The invitation behind `token`, if it is unused and unexpired.
  Result<InvitationView> FindInvitation(const std::string& token);
  // Creates the invited account with `password`; the link is dead afterwards.
  Status AcceptInvitation(const std::string& token, const std::string& password, const std::string& language,
                          const ClientInfo& client);

  // Queues a request for a reset link to `email` (at most auth.resets_per_hour_per_email an hour for one
  // address and auth.resets_per_hour_per_client from one client; above, nothing is queued) and calls
  // `reset_requested`. Does the same work whether or not an account uses the address: the account is
  // looked up later, by ProcessPasswordResetRequests.
  void RequestPasswordReset(const std::string& email, const ClientInfo& client);
  // For each queued request whose address names an active account: ends the account's older reset links,
  // makes a single-use link valid one hour and mails it. Forgets the processed requests' addresses. Run by
  // the scheduler; returns how many mails it queued.
  int ProcessPasswordResetRequests();
  // True when `token` is an unused, unexpired reset link.
  bool ResetLinkValid(const std::string& token);
  // Sets a new password through a reset link, kills the link and ends every session of the account.
  Status ResetPassword(const std::string& token, const std::string& password, const ClientInfo& client);

  // Deactivates a user of the admin's organisation; their sessions end at once.
  Status Deactivate(const Actor& admin, std::int64_t user_id, const ClientInfo& client);
  // Reactivates a user of the admin's organisation.
  Status Reactivate(const Actor& admin, std::int64_t user_id, const ClientInfo& client);
  // Replaces the roles of a user of the admin's organisation (at least one role). An admin cannot remove
  // their own admin role, so that an organisation always keeps one.
  Status ChangeRoles(const Actor& admin, std::int64_t user_id, const domain::Roles& roles,
                     const ClientInfo& client);
  // Sets the actor's own interface language ("fr" or "en").
  Status SetLanguage(const Actor& actor, const std::string& language, const ClientInfo& client);

 private:
  // Issues and mails a reset link for `email` when it names an active account; true when a mail was queued.
  bool IssueResetLink(soci::session& session, const std::string& email, const std::string& client_address,
                      Instant now);
  void QueueMail(soci::session& session, std::optional<std::int64_t> organisation_id, const std::string& to,
                 const std::string& subject_msgid, const std::string& body_msgid, const std::string& link);

  store::Database& database_;
  const config::Config& config_;
  const config::Secrets& secrets_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const i18n::Translator& translator_;
  std::function<void()> mail_queued_;
  std::function<void()> reset_requested_;
};

// Checks a display name (1 to 120 characters once trimmed) and an e-mail address; field errors otherwise.
Status CheckNameAndEmail(const std::string& display_name, const std::string& email);

}  // namespace cercle::auth
