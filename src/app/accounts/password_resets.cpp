#include "app/accounts/password_resets.hpp"

#include "app/accounts/account_common.hpp"
#include "app/accounts/invitations.hpp"
#include "auth/crypto.hpp"
#include "auth/password.hpp"
#include "store/one_time_token_store.hpp"
#include "store/password_reset_store.hpp"
#include "store/session_store.hpp"
#include "store/user_store.hpp"

namespace cercle::app::accounts {
namespace {

// The hour over which password-reset requests are counted, and how many queued requests one pass
// takes.
constexpr std::chrono::hours kPasswordResetThrottleWindow{1};
constexpr int kResetRequestBatch = 100;

constexpr const char* kResetMail =
    N_("Hello,\n\nSomeone asked to reset the password of your Cercle account. To choose a new "
       "password, open this link within one hour:\n{link}\n\nIf it was not you, ignore this "
       "message: your password stays as it is.");

std::optional<store::OneTimeToken> FindResetLink(const Services& services,
                                                 const std::string& token) {
  return FindLiveLink(services, store::TokenPurpose::kPasswordReset, token);
}

// Issues and mails a reset link for `email` when it names an active account; true when a mail was
// queued.
bool IssueResetLink(const Services& services, const store::Unit& unit, const std::string& email,
                    const std::string& client_address) {
  store::UserStore users(unit.session());
  const auto user = email.empty() ? std::nullopt : users.FindByEmail(email);
  if (!user || !user->active) {
    services.audit.Append(unit, {std::nullopt, std::nullopt, "auth.password_reset_requested",
                                 "user", "", client_address, audit::Outcome::kFailure, unit.now()});
    return false;
  }
  // Only the newest link works: an older one still in a mailbox must not replace the password
  // later.
  users.RevokePasswordResetLinks(user->id, unit.now());
  const std::string token = auth::RandomToken();
  store::OneTimeTokenStore(unit.session())
      .Insert({.token_hash = LinkHash(services, store::TokenPurpose::kPasswordReset, token),
               .purpose = store::TokenPurpose::kPasswordReset,
               .organisation_id = user->organisation_id,
               .user_id = user->id,
               .email = user->email,
               .display_name = user->display_name,
               .created_at = unit.now(),
               .expires_at = unit.now() + kPasswordResetLifetime});
  QueueAccountMail(services, unit, user->organisation_id, user->email,
                   N_("Resetting your Cercle password"), kResetMail,
                   services.config.server.public_url + "/password/reset?token=" + token);
  services.audit.Append(
      unit, {user->organisation_id, user->id, "auth.password_reset_requested", "user",
             std::to_string(user->id), client_address, audit::Outcome::kSuccess, unit.now()});
  return true;
}

}  // namespace

Status RequestPasswordReset(const Services& services, const auth::ClientInfo& client,
                            const std::string& email) {
  const std::string normalised = store::NormaliseEmail(email);
  if (!store::LooksLikeEmail(normalised)) {
    return Error::Fields({{"email", {N_("Enter an e-mail address such as nom@exemple.org."), {}}}});
  }
  // The work is the same whether an account uses the address or not: count, queue, answer.
  // Whatever depends on the account (looking it up, making the link, queuing the mail) happens
  // later, in ProcessPasswordResetRequests on the scheduler's thread, so the answer cannot tell
  // the two apart.
  const std::string email_key =
      auth::KeyedHash(services.secrets.session_key, "reset-request", normalised);
  const auto& limits = services.config.auth;
  const auto queued =
      Write(services, store::Scope::System(), [&](store::Unit& unit) -> Result<bool> {
        store::PasswordResetRequestStore requests(unit.session());
        const Instant since = unit.now() - kPasswordResetThrottleWindow;
        if (requests.CountForEmail(email_key, since) >= limits.resets_per_hour_per_email ||
            requests.CountForClient(client.address, since) >= limits.resets_per_hour_per_client) {
          services.audit.Append(
              unit, {std::nullopt, std::nullopt, "auth.password_reset_throttled", "user", "",
                     client.address, audit::Outcome::kDenied, unit.now()});
          return false;
        }
        requests.Insert(normalised, email_key, client.address, unit.now());
        return true;
      });
  if (queued && *queued && services.reset_requested) services.reset_requested();
  return {};
}

int ProcessPasswordResetRequests(const Services& services) {
  const Instant now = services.clock.Now();
  const auto pending = Read(services, store::Scope::System(), [&](store::Unit& unit) {
    return store::PasswordResetRequestStore(unit.session()).ListPending(kResetRequestBatch);
  });
  int mailed = 0;
  for (const auto& request : pending) {
    const auto issued =
        Write(services, store::Scope::System(), [&](store::Unit& unit) -> Result<bool> {
          if (!store::PasswordResetRequestStore(unit.session()).Claim(request.id, unit.now()))
            return false;
          return IssueResetLink(services, unit, request.email, request.client_address);
        });
    if (issued && *issued) ++mailed;
  }
  (void)Write(services, store::Scope::System(), [&](store::Unit& unit) -> Status {
    store::PasswordResetRequestStore(unit.session())
        .DeleteProcessedBefore(now - kPasswordResetThrottleWindow);
    return {};
  });
  return mailed;
}

bool ResetLinkValid(const Services& services, const std::string& token) {
  return FindResetLink(services, token).has_value();
}

Result<std::int64_t> ResetPassword(const Services& services, const auth::ClientInfo& client,
                                   const PasswordReset& reset) {
  const auto link = FindResetLink(services, reset.token);
  if (!link || !link->user_id) return LinkDead();
  TRY(auth::CheckNewPassword(reset.password, link->email));
  const std::string hash = auth::HashPassword(reset.password);
  const std::int64_t user_id = *link->user_id;
  return Write(services, store::Scope::System(), [&](store::Unit& unit) -> Result<std::int64_t> {
    if (!store::OneTimeTokenStore(unit.session()).Use(link->id, unit.now())) return LinkDead();
    store::UserStore(unit.session()).SetPassword(user_id, hash, unit.now());
    store::SessionStore(unit.session()).DeleteForUser(user_id);
    services.audit.Append(
        unit, {link->organisation_id, user_id, "auth.password_reset", "user",
               std::to_string(user_id), client.address, audit::Outcome::kSuccess, unit.now()});
    return user_id;
  });
}

}  // namespace cercle::app::accounts
