#include "auth/authenticator.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>

#include "auth/crypto.hpp"
#include "auth/password.hpp"
#include "auth/totp.hpp"
#include "store/recovery_code_store.hpp"
#include "store/session_store.hpp"
#include "store/throttle_store.hpp"
#include "store/user_store.hpp"

namespace cercle::auth {
namespace {

constexpr std::int64_t kThrottleWindowSeconds = 3600;
// A client address may fail this many times freely; then it waits 1, 2, 4… seconds (at most
// kMaximumAddressDelaySeconds) between attempts.
constexpr int kFreeAddressFailures = 5;
constexpr std::int64_t kMaximumAddressDelaySeconds = 300;
// Sessions are touched at most once a minute, to spare the database a write per request.
constexpr std::int64_t kTouchEverySeconds = 60;
constexpr std::size_t kRecoveryCodeCount = 10;
// Wrong codes or passwords an account may enter per hour once signed in or half signed in (second
// factor, step-up, current password): with a million possible codes, ten tries an hour make
// guessing hopeless.
constexpr int kMaximumSecretFailuresPerHour = 10;
constexpr std::size_t kMaximumUserAgent = 200;

Error SignInFailed() {
  return {
      ErrorKind::kUnauthenticated,
      {N_("The e-mail address or the password is not right, or the account is not active."), {}},
      {}};
}

Error CodeRefused() {
  return Error::Fields(
      {{"code", {N_("This code is not right, or it was used already. Try the next one."), {}}}});
}

store::ThrottleStore Throttle(soci::session& session) {
  return store::ThrottleStore(session, kThrottleWindowSeconds);
}

std::string SecretThrottleKey(std::int64_t user_id) { return "secret:" + std::to_string(user_id); }

// True when the account has used up its wrong codes and passwords for the hour.
bool SecretGuessesExhausted(soci::session& session, std::int64_t user_id, std::int64_t now) {
  return Throttle(session).Read(SecretThrottleKey(user_id), now).failures >=
         kMaximumSecretFailuresPerHour;
}

Error TooManySecretFailures() {
  return {
      ErrorKind::kTooManyRequests,
      {N_("Too many wrong codes or passwords. This session has ended; sign in again later."), {}},
      {}};
}

std::string RecoveryCodeHash(const config::Key& key, std::string code) {
  code.erase(std::remove(code.begin(), code.end(), '-'), code.end());
  code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return KeyedHash(key, "recovery", code);
}

}  // namespace

std::vector<std::string> NewRecoveryCodes() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  std::vector<std::string> codes;
  for (std::size_t n = 0; n < kRecoveryCodeCount; ++n) {
    std::string code;
    for (int i = 0; i < 12; ++i) {
      if (i > 0 && i % 4 == 0) code += '-';
      code += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
    }
    codes.push_back(code);
  }
  return codes;
}

Authenticator::Authenticator(store::Database& database, const config::Config& config,
                             const config::Secrets& secrets, const Clock& clock,
                             const audit::AuditLog& audit)
    : database_(database), config_(config), secrets_(secrets), clock_(clock), audit_(audit) {}

std::string Authenticator::SessionTokenHash(const std::string& token) const {
  return KeyedHash(secrets_.session_key, "session", token);
}

std::string Authenticator::CsrfToken(const std::string& csrf_cookie) const {
  return KeyedHash(secrets_.session_key, "csrf", csrf_cookie);
}

void Authenticator::Audit(soci::session& session, std::optional<std::int64_t> organisation_id,
                          std::optional<std::int64_t> actor_user_id, const std::string& action,
                          const std::string& object_type, const std::string& object_id,
                          const ClientInfo& client, audit::Outcome outcome) {
  audit_.Append(session, database_.dialect(),
                {organisation_id, actor_user_id, action, object_type, object_id, client.address,
                 outcome, clock_.Now()});
}

std::string Authenticator::StartSession(soci::session& session, const std::int64_t user_id,
                                        std::optional<std::int64_t> organisation_id, bool admin,
                                        store::SessionStage stage, const ClientInfo& client) {
  const Instant now = clock_.Now();
  store::SessionRecord record;
  record.user_id = user_id;
  record.organisation_id = organisation_id;
  record.stage = stage;
  record.created_at = record.last_seen_at = record.reauthenticated_at = now;
  record.expires_at = now + std::chrono::hours(config_.auth.absolute_hours);
  record.idle_seconds =
      60LL * (admin ? config_.auth.admin_idle_minutes : config_.auth.idle_minutes);
  record.client_address = client.address;
  record.user_agent = client.user_agent.substr(0, kMaximumUserAgent);
  const std::string token = RandomToken();
  store::SessionStore(session).Insert(SessionTokenHash(token), record);
  return token;
}

Result<SignInResult> Authenticator::SignIn(const std::string& email, const std::string& password,
                                           const ClientInfo& client) {
  const std::int64_t now = ToUnix(clock_.Now());
  const std::string normalised = store::NormaliseEmail(email);
  const std::string email_key = "email:" + KeyedHash(secrets_.session_key, "throttle", normalised);
  const std::string address_key = "address:" + client.address;

  // Throttling first, so that a refused attempt costs no password check.
  const auto [email_state, address_state] =
      database_.Read(store::Scope::System(), [&](soci::session& session) {
        auto throttle = Throttle(session);
        return std::make_pair(throttle.Read(email_key, now), throttle.Read(address_key, now));
      });
  const int extra = address_state.failures - kFreeAddressFailures;
  const std::int64_t address_delay =
      extra < 0 ? 0
                : std::min<std::int64_t>(1LL << std::min(extra, 20), kMaximumAddressDelaySeconds);
  const bool throttled = email_state.failures >= config_.auth.max_failures_per_hour ||
                         (address_delay > 0 && now < address_state.last_failure_at + address_delay);
  const auto user = database_.Read(store::Scope::System(), [&](soci::session& session) {
    return store::UserStore(session).FindByEmail(normalised);
  });
  if (throttled) {
    (void)database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
      Audit(session, user ? user->organisation_id : std::nullopt,
            user ? std::optional(user->id) : std::nullopt, "auth.login_throttled", "user",
            user ? std::to_string(user->id) : "", client, audit::Outcome::kDenied);
      return {};
    });
    return Error::TooManyRequests();
  }

  // The same work whether or not the account exists.
  const bool usable = user && user->active && !user->password_hash.empty();
  const bool matches = VerifyPassword(usable ? user->password_hash : DecoyHash(), password);
  if (!usable || !matches) {
    (void)database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
      Throttle(session).RecordFailure(email_key, now);
      Throttle(session).RecordFailure(address_key, now);
      Audit(session, user ? user->organisation_id : std::nullopt,
            user ? std::optional(user->id) : std::nullopt, "auth.login_failed", "user",
            user ? std::to_string(user->id) : "", client, audit::Outcome::kFailure);
      return {};
    });
    return SignInFailed();
  }

  const bool enrolled = user->totp_enrolled_at.has_value();
  const auto stage = enrolled                         ? store::SessionStage::kSecondFactor
                     : user->roles.RequireTwoFactor() ? store::SessionStage::kEnrolment
                                                      : store::SessionStage::kFull;
  const std::string rehashed = NeedsRehash(user->password_hash) ? HashPassword(password) : "";
  return database_.Write(
      store::Scope::System(), [&](soci::session& session) -> Result<SignInResult> {
        Throttle(session).Clear(address_key);
        if (!rehashed.empty())
          store::UserStore(session).SetPassword(user->id, rehashed, clock_.Now());
        const std::string token = StartSession(session, user->id, user->organisation_id,
                                               user->roles.AnyAdmin(), stage, client);
        Audit(session, user->organisation_id, user->id,
              stage == store::SessionStage::kFull ? "auth.login" : "auth.password_accepted", "user",
              std::to_string(user->id), client, audit::Outcome::kSuccess);
        return SignInResult{token, enrolled ? SignInNext::kSecondFactor
                                   : stage == store::SessionStage::kEnrolment
                                       ? SignInNext::kEnrolment
                                       : SignInNext::kDone};
      });
}

std::optional<Actor> Authenticator::Resume(const std::string& token, const ClientInfo&) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const Instant now = clock_.Now();
  const std::string hash = SessionTokenHash(token);
  struct Found {
    store::SessionRecord session;
    store::User user;
    store::SessionAccount account;
  };
  const auto found =
      database_.Read(store::Scope::System(), [&](soci::session& session) -> std::optional<Found> {
        auto record = store::SessionStore(session).FindByTokenHash(hash);
        if (!record) return std::nullopt;
        auto user = store::UserStore(session).Find(record->user_id, record->organisation_id);
        if (!user) return std::nullopt;
        auto account = store::SessionStore(session).LoadAccount(user->id, user->organisation_id);
        return Found{*record, *user, std::move(account)};
      });
  if (!found) return std::nullopt;
  const auto& record = found->session;
  const bool expired = now >= record.expires_at ||
                       now - record.last_seen_at >= std::chrono::seconds(record.idle_seconds) ||
                       !found->user.active;
  if (expired) {
    (void)database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
      store::SessionStore(session).Delete(record.id);
      return {};
    });
    return std::nullopt;
  }
  Instant last_seen = record.last_seen_at;
  if (now - record.last_seen_at >= std::chrono::seconds(kTouchEverySeconds)) {
    // Best effort: while the database cannot take writes (disk full…), pages that only read must
    // still load. One line per outage says so; the idle limit counts from the last update that
    // succeeded.
    static std::atomic<bool> touch_failing = false;
    try {
      (void)database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
        store::SessionStore(session).Touch(record.id, now);
        return {};
      });
      last_seen = now;
      touch_failing.store(false);
    } catch (const store::StorageUnavailable& unavailable) {
      if (!touch_failing.exchange(true)) {
        spdlog::warn("session: last-seen update skipped: {}",
                     store::StorageFaultName(unavailable.fault()));
      }
    }
  }
  Actor actor;
  actor.user_id = found->user.id;
  actor.organisation_id = found->user.organisation_id;
  actor.organisation_name = found->account.organisation_name;
  actor.has_volunteer_file = found->account.has_volunteer_file;
  actor.privacy_officer = found->account.privacy_officer;
  actor.organisation_slug = found->account.organisation_slug;
  actor.privacy_contact = found->account.privacy_contact;
  actor.display_name = found->user.display_name;
  actor.email = found->user.email;
  actor.language = found->user.language;
  actor.roles = found->user.roles;
  actor.totp_enrolled = found->user.totp_enrolled_at.has_value();
  actor.session_id = record.id;
  actor.stage = record.stage;
  actor.reauthenticated_at = record.reauthenticated_at;
  actor.session_idle_ends_at =
      std::min(last_seen + std::chrono::seconds(record.idle_seconds), record.expires_at);
  actor.session_idle_seconds = record.idle_seconds;
  actor.session_expires_at = record.expires_at;
  return actor;
}

std::optional<std::int64_t> Authenticator::VerifyTotp(const Actor& actor, const std::string& code) {
  const auto user = database_.Read(store::Scope::System(), [&](soci::session& session) {
    return store::UserStore(session).Find(actor.user_id, actor.organisation_id);
  });
  if (!user || user->totp_secret_sealed.empty()) return std::nullopt;
  const auto secret = Open(secrets_.file_key, "totp", user->totp_secret_sealed);
  if (!secret) return std::nullopt;
  return totp::Verify(*secret, code, clock_.Now(), user->totp_last_step);
}

Result<std::string> Authenticator::CompleteSecondFactor(const Actor& actor, const std::string& code,
                                                        const ClientInfo& client) {
  if (actor.stage != store::SessionStage::kSecondFactor) return Error::NotFound();
  const std::int64_t now_seconds = ToUnix(clock_.Now());
  if (EndIfGuessing(actor, client)) return TooManySecretFailures();
  const auto step = VerifyTotp(actor, code);
  // A refusal is audited and committed too, so the transaction yields "no token" rather than an
  // error.
  const auto token = database_.Write(
      store::Scope::System(), [&](soci::session& session) -> Result<std::optional<std::string>> {
        bool accepted = step && store::UserStore(session).AdvanceTotpStep(actor.user_id, *step);
        const char* action = "auth.login";
        if (!accepted && !step) {
          // Not a current TOTP code: perhaps a recovery code.
          accepted = store::RecoveryCodeStore(session).Use(
              actor.user_id, RecoveryCodeHash(secrets_.session_key, code), clock_.Now());
          action = "auth.login_recovery_code";
        }
        if (!accepted) {
          Throttle(session).RecordFailure(SecretThrottleKey(actor.user_id), now_seconds);
          Audit(session, actor.organisation_id, actor.user_id, "auth.second_factor_failed", "user",
                std::to_string(actor.user_id), client, audit::Outcome::kFailure);
          return std::optional<std::string>();
        }
        store::SessionStore sessions(session);
        const std::string token = RandomToken();
        sessions.Rotate(actor.session_id, SessionTokenHash(token));
        sessions.SetStage(actor.session_id, store::SessionStage::kFull);
        sessions.SetReauthenticated(actor.session_id, clock_.Now());
        Audit(session, actor.organisation_id, actor.user_id, action, "user",
              std::to_string(actor.user_id), client, audit::Outcome::kSuccess);
        return std::optional(token);
      });
  if (!token) return token.error();
  if (!*token) return EndIfGuessing(actor, client) ? TooManySecretFailures() : CodeRefused();
  return **token;
}

bool Authenticator::EndIfGuessing(const Actor& actor, const ClientInfo& client) {
  const std::int64_t now = ToUnix(clock_.Now());
  const bool exhausted = database_.Read(store::Scope::System(), [&](soci::session& session) {
    return SecretGuessesExhausted(session, actor.user_id, now);
  });
  if (!exhausted) return false;
  (void)database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    store::SessionStore(session).Delete(actor.session_id);
    Audit(session, actor.organisation_id, actor.user_id, "auth.session_ended_guessing", "user",
          std::to_string(actor.user_id), client, audit::Outcome::kDenied);
    return {};
  });
  return true;
}

Enrolment Authenticator::BeginEnrolment(const Actor& actor) const {
  const std::string secret = totp::NewSecret();
  Enrolment enrolment;
  enrolment.secret_base32 = totp::Base32(secret);
  enrolment.provisioning_uri = totp::ProvisioningUri("Cercle", actor.email, secret);
  // The user id is sealed with the secret, so that a form cannot carry someone else's set-up.
  enrolment.sealed =
      Seal(secrets_.file_key, "totpenrol", std::to_string(actor.user_id) + ":" + secret);
  return enrolment;
}

Result<std::pair<std::string, std::vector<std::string>>> Authenticator::ConfirmEnrolment(
    const Actor& actor, const std::string& sealed, const std::string& code,
    const ClientInfo& client) {
  const auto opened = Open(secrets_.file_key, "totpenrol", sealed);
  const std::string prefix = std::to_string(actor.user_id) + ":";
  if (!opened || !opened->starts_with(prefix)) {
    return Error::Invalid(N_("This set-up has expired. Scan the new code and try again."));
  }
  const std::string secret = opened->substr(prefix.size());
  const auto step = totp::Verify(secret, code, clock_.Now(), 0);
  if (!step) return CodeRefused();
  const auto codes = NewRecoveryCodes();
  return database_.Write(
      store::Scope::System(),
      [&](soci::session& session) -> Result<std::pair<std::string, std::vector<std::string>>> {
        store::UserStore users(session);
        users.SetTotp(actor.user_id, Seal(secrets_.file_key, "totp", secret), clock_.Now());
        users.AdvanceTotpStep(actor.user_id, *step);
        std::vector<std::string> hashes;
        for (const auto& recovery : codes)
          hashes.push_back(RecoveryCodeHash(secrets_.session_key, recovery));
        store::RecoveryCodeStore(session).Replace(actor.user_id, actor.organisation_id, hashes);
        store::SessionStore sessions(session);
        const std::string token = RandomToken();
        sessions.Rotate(actor.session_id, SessionTokenHash(token));
        sessions.SetStage(actor.session_id, store::SessionStage::kFull);
        sessions.SetReauthenticated(actor.session_id, clock_.Now());
        Audit(session, actor.organisation_id, actor.user_id, "auth.two_factor_enrolled", "user",
              std::to_string(actor.user_id), client, audit::Outcome::kSuccess);
        return std::make_pair(token, codes);
      });
}

Status Authenticator::Reauthenticate(const Actor& actor, const std::string& password_or_code,
                                     const ClientInfo& client) {
  if (EndIfGuessing(actor, client)) return TooManySecretFailures();
  bool accepted = false;
  std::optional<std::int64_t> step;
  if (actor.totp_enrolled) step = VerifyTotp(actor, password_or_code);
  if (!step) {
    const auto user = database_.Read(store::Scope::System(), [&](soci::session& session) {
      return store::UserStore(session).Find(actor.user_id, actor.organisation_id);
    });
    accepted = user && !user->password_hash.empty() &&
               VerifyPassword(user->password_hash, password_or_code);
  }
  const auto done =
      database_.Write(store::Scope::System(), [&](soci::session& session) -> Result<bool> {
        if (step) accepted = store::UserStore(session).AdvanceTotpStep(actor.user_id, *step);
        if (accepted)
          store::SessionStore(session).SetReauthenticated(actor.session_id, clock_.Now());
        if (!accepted)
          Throttle(session).RecordFailure(SecretThrottleKey(actor.user_id), ToUnix(clock_.Now()));
        Audit(session, actor.organisation_id, actor.user_id, "auth.reauthenticate", "user",
              std::to_string(actor.user_id), client,
              accepted ? audit::Outcome::kSuccess : audit::Outcome::kFailure);
        return accepted;
      });
  if (!done || !*done) {
    if (EndIfGuessing(actor, client)) return TooManySecretFailures();
    return Error::Fields({{"secret", {N_("This password or code is not right."), {}}}});
  }
  return {};
}

bool RecentlyAuthenticated(const Actor& actor, Instant now) {
  return now - actor.reauthenticated_at <= std::chrono::seconds(kStepUpSeconds);
}

bool Authenticator::RecentlyAuthenticated(const Actor& actor) const {
  return auth::RecentlyAuthenticated(actor, clock_.Now());
}

void Authenticator::SignOut(const Actor& actor, const ClientInfo& client) {
  (void)database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    store::SessionStore(session).Delete(actor.session_id);
    Audit(session, actor.organisation_id, actor.user_id, "auth.logout", "user",
          std::to_string(actor.user_id), client, audit::Outcome::kSuccess);
    return {};
  });
}

Status Authenticator::EndOwnSession(const Actor& actor, std::int64_t session_id,
                                    const ClientInfo& client) {
  return database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    store::SessionStore sessions(session);
    const auto own = sessions.ListForUser(actor.user_id);
    if (std::none_of(own.begin(), own.end(), [&](const auto& s) { return s.id == session_id; })) {
      return Error::NotFound();
    }
    sessions.Delete(session_id);
    Audit(session, actor.organisation_id, actor.user_id, "auth.session_ended", "session",
          std::to_string(session_id), client, audit::Outcome::kSuccess);
    return {};
  });
}

Status Authenticator::ChangePassword(const Actor& actor, const std::string& current,
                                     const std::string& replacement, const ClientInfo& client) {
  const auto user = database_.Read(store::Scope::System(), [&](soci::session& session) {
    return store::UserStore(session).Find(actor.user_id, actor.organisation_id);
  });
  if (!user) return Error::NotFound();
  if (EndIfGuessing(actor, client)) return TooManySecretFailures();
  if (user->password_hash.empty() || !VerifyPassword(user->password_hash, current)) {
    (void)database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
      Throttle(session).RecordFailure(SecretThrottleKey(actor.user_id), ToUnix(clock_.Now()));
      return {};
    });
    if (EndIfGuessing(actor, client)) return TooManySecretFailures();
    return Error::Fields({{"current", {N_("This is not your current password."), {}}}});
  }
  TRY(CheckNewPassword(replacement, user->email));
  const std::string hash = HashPassword(replacement);
  return database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    store::UserStore(session).SetPassword(actor.user_id, hash, clock_.Now());
    store::SessionStore(session).DeleteForUser(actor.user_id, actor.session_id);
    Audit(session, actor.organisation_id, actor.user_id, "user.password_changed", "user",
          std::to_string(actor.user_id), client, audit::Outcome::kSuccess);
    return {};
  });
}

}  // namespace cercle::auth
