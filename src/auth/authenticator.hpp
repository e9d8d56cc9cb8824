#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "config/config.hpp"
#include "config/secrets.hpp"
#include "store/database.hpp"

namespace cercle::auth {

// What comes after a correct password.
enum class SignInNext { kSecondFactor, kEnrolment, kDone };

// A session begun: its token (for the cookie only) and what the user must do next.
struct SignInResult {
  std::string token;
  SignInNext next = SignInNext::kDone;
};

// A two-factor set-up in progress: the secret to show, sealed for the confirmation form.
struct Enrolment {
  std::string secret_base32;
  std::string provisioning_uri;
  std::string sealed;  // goes back with the confirmation; only this server can open it
};

// Seconds within which a password or code entry counts as recent for step-up (exports, role
// changes, deactivations).
constexpr std::int64_t kStepUpSeconds = 5 * 60;

// Sign-in, sessions and two-factor authentication. Every outcome is audited. Thread-safe.
class Authenticator {
 public:
  Authenticator(store::Database& database, const config::Config& config,
                const config::Secrets& secrets, const Clock& clock, const audit::AuditLog& audit);

  // Checks an e-mail address and password. Every failure — unknown address, wrong password,
  // deactivated account — gives the same error and takes about the same time. Refuses
  // (TooManyRequests) once the address has failed max_failures_per_hour times in the hour, and
  // slows down a client address that keeps failing.
  Result<SignInResult> SignIn(const std::string& email, const std::string& password,
                              const ClientInfo& client);

  // The actor of the session behind `token`, if it is alive: not past its absolute limit, not idle
  // too long, and its user still active. A dead session is deleted.
  std::optional<Actor> Resume(const std::string& token, const ClientInfo& client);

  // Completes a sign-in with a TOTP code (one step of drift; never the same code twice) or, failing
  // that, a recovery code. Returns the session's new token.
  Result<std::string> CompleteSecondFactor(const Actor& actor, const std::string& code,
                                           const ClientInfo& client);

  // Starts a two-factor set-up for the actor: a fresh secret, its QR content, and a sealed copy.
  Enrolment BeginEnrolment(const Actor& actor) const;
  // Confirms a set-up with a code from the app: stores the secret, replaces the recovery codes,
  // completes the session. Returns the session's new token and the ten recovery codes to show once.
  Result<std::pair<std::string, std::vector<std::string>>> ConfirmEnrolment(
      const Actor& actor, const std::string& sealed, const std::string& code,
      const ClientInfo& client);

  // Step-up: a password or a TOTP code entered now makes the session's authentication recent.
  Status Reauthenticate(const Actor& actor, const std::string& password_or_code,
                        const ClientInfo& client);
  // True when the actor entered a password or code within the last kStepUpSeconds.
  bool RecentlyAuthenticated(const Actor& actor) const;

  // Ends the actor's session.
  void SignOut(const Actor& actor, const ClientInfo& client);
  // Ends one of the actor's own sessions (not found when it is someone else's).
  Status EndOwnSession(const Actor& actor, std::int64_t session_id, const ClientInfo& client);

  // Changes the actor's password after checking the current one; ends every other session of the
  // actor.
  Status ChangePassword(const Actor& actor, const std::string& current,
                        const std::string& replacement, const ClientInfo& client);

  // The keyed hash a session token is stored under.
  std::string SessionTokenHash(const std::string& token) const;
  // The CSRF token for a browser's CSRF cookie value.
  std::string CsrfToken(const std::string& csrf_cookie) const;

 private:
  // Creates a session for `user_id` and returns its token.
  std::string StartSession(soci::session& session, const std::int64_t user_id,
                           std::optional<std::int64_t> organisation_id, bool admin,
                           store::SessionStage stage, const ClientInfo& client);
  std::optional<std::int64_t> VerifyTotp(const Actor& actor, const std::string& code);
  // Ends the actor's session when their account has entered too many wrong codes or passwords this
  // hour; true when it did.
  bool EndIfGuessing(const Actor& actor, const ClientInfo& client);
  void Audit(soci::session& session, std::optional<std::int64_t> organisation_id,
             std::optional<std::int64_t> actor_user_id, const std::string& action,
             const std::string& object_type, const std::string& object_id, const ClientInfo& client,
             audit::Outcome outcome);

  store::Database& database_;
  const config::Config& config_;
  const config::Secrets& secrets_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
};

// True when `actor` entered a password or code within the last kStepUpSeconds before `now`.
bool RecentlyAuthenticated(const Actor& actor, Instant now);

// Ten fresh recovery codes such as "k3m9-x2pq-7hwd".
std::vector<std::string> NewRecoveryCodes();

}  // namespace cercle::auth
