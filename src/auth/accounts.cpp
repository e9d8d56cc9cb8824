#include "auth/accounts.hpp"

#include "base/text.hpp"

#include "auth/crypto.hpp"
#include "auth/password.hpp"
#include "notify/outbox.hpp"
#include "store/password_reset_store.hpp"
#include "store/session_store.hpp"
#include "store/user_store.hpp"

namespace cercle::auth {
namespace {

constexpr const char* kInsertToken =
    "INSERT INTO one_time_tokens (token_hash, purpose, organisation_id, user_id, email, display_name, roles,"
    " created_by, created_at, expires_at) VALUES (:hash, :purpose, :organisation, :user, :email, :name, :roles,"
    " :by, :created, :expires) RETURNING id";
constexpr const char* kFindToken =
    "SELECT id, organisation_id, user_id, email, display_name, roles FROM one_time_tokens"
    " WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now";
constexpr const char* kUseToken =
    "UPDATE one_time_tokens SET used_at = :now WHERE id = :id AND used_at IS NULL";

constexpr std::size_t kMaximumNameLength = 120;
// The hour over which password-reset requests are counted, and how many queued requests one pass takes.
constexpr std::chrono::hours kPasswordResetThrottleWindow{1};
constexpr int kResetRequestBatch = 100;

// An unused, unexpired link as stored.
struct StoredToken {
  std::int64_t id = 0;
  std::optional<std::int64_t> organisation_id;
  std::optional<std::int64_t> user_id;
  std::string email;
  std::string display_name;
  std::string roles;
};

std::optional<StoredToken> FindToken(soci::session& session, const std::string& hash, const std::string& purpose,
                                     Instant now) {
  StoredToken token;
  std::int64_t organisation = 0, user = 0;
  soci::indicator organisation_indicator, user_indicator;
  const long long at = ToUnix(now);
  session << kFindToken, soci::use(hash, "hash"), soci::use(purpose, "purpose"), soci::use(at, "now"),
      soci::into(token.id), soci::into(organisation, organisation_indicator), soci::into(user, user_indicator),
      soci::into(token.email), soci::into(token.display_name), soci::into(token.roles);
  if (!session.got_data()) return std::nullopt;
  if (organisation_indicator == soci::i_ok) token.organisation_id = organisation;
  if (user_indicator == soci::i_ok) token.user_id = user;
  return token;
}

// Marks a link used; false when another request used it first.
bool UseToken(soci::session& session, std::int64_t id, Instant now) {
  const long long at = ToUnix(now);
  soci::statement statement = (session.prepare << kUseToken, soci::use(at, "now"), soci::use(id, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

std::string Trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string RolesText(const domain::Roles& roles) {
  std::string text;
  for (const auto role : roles.List()) AppendSeparated(text, ",", domain::RoleName(role));
  return text;
}

domain::Roles ParseRolesText(const std::string& text) {
  domain::Roles roles;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto name = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (const auto role = domain::ParseRole(name)) roles.Add(*role);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return roles;
}

Error LinkDead() {
  return Error::Invalid(N_("This link has expired or was used already. Ask for a new one."));
}

}  // namespace

Status CheckNameAndEmail(const std::string& display_name, const std::string& email) {
  std::vector<FieldError> errors;
  const std::string name = Trim(display_name);
  if (name.empty() || CharacterCount(name) > kMaximumNameLength) {
    errors.push_back({"display_name", {N_("Enter a name of at most 120 characters."), {}}});
  }
  if (!store::LooksLikeEmail(store::NormaliseEmail(email))) {
    errors.push_back({"email", {N_("Enter an e-mail address such as nom@exemple.org."), {}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

Accounts::Accounts(store::Database& database, const config::Config& config, const config::Secrets& secrets,
                   const Clock& clock, const audit::AuditLog& audit, const i18n::Translator& translator,
                   std::function<void()> mail_queued, std::function<void()> reset_requested)
    : database_(database),
      config_(config),
      secrets_(secrets),
      clock_(clock),
      audit_(audit),
      translator_(translator),
      mail_queued_(std::move(mail_queued)),
      reset_requested_(std::move(reset_requested)) {}

void Accounts::QueueMail(soci::session& session, std::optional<std::int64_t> organisation_id, const std::string& to,
                         const std::string& subject_msgid, const std::string& body_msgid, const std::string& link) {
  // Bilingual, French first: the mail goes out before anyone knows the reader's language.
  const std::vector<MessageArgument> arguments = {{"link", link}};
  notify::Mail mail;
  mail.organisation_id = organisation_id;
  mail.to = to;
  mail.subject = translator_.Translate(i18n::Language::kFrench, subject_msgid) + " / " +
                 translator_.Translate(i18n::Language::kEnglish, subject_msgid);
  mail.body = translator_.Format(i18n::Language::kFrench, {body_msgid, arguments}) + "\n\n-----\n\n" +
              translator_.Format(i18n::Language::kEnglish, {body_msgid, arguments}) + "\n";
  notify::Outbox::Enqueue(session, mail, clock_.Now());
}

Result<std::string> Accounts::Invite(const std::optional<Actor>& inviter, std::optional<std::int64_t> organisation_id,
                                     const std::string& display_name, const std::string& email,
                                     const domain::Roles& roles, const ClientInfo& client) {
  TRY(CheckNameAndEmail(display_name, email));
  if (roles.Empty()) return Error::Fields({{"roles", {N_("Choose at least one role."), {}}}});
  if (roles.Has(domain::Role::kNetworkAdmin) != !organisation_id) {
    return Error::Fields({{"roles", {N_("This role does not fit this organisation."), {}}}});
  }
  const std::string normalised = store::NormaliseEmail(email);
  const std::string token = RandomToken();
  const std::string link = config_.server.public_url + "/invitations/accept?token=" + token;
  const auto invited = database_.Write(store::Scope::System(), [&](soci::session& session) -> Result<std::int64_t> {
    // One address holds one account. The command line, and an inviter about their own organisation (whose
    // users they see anyway), are told; an account anywhere else gets the same answer, link row and audit
    // entry as a new address, and its owner decides from a mail that carries no link.
    const auto existing = store::UserStore(session).FindByEmail(normalised);
    const bool inviter_sees_it = !inviter || (existing && existing->organisation_id == organisation_id &&
                                              inviter->organisation_id == organisation_id);
    if (existing && inviter_sees_it) {
      return Error::Fields({{"email", {N_("An account already uses this e-mail address."), {}}}});
    }
    std::int64_t id = 0;
    std::int64_t organisation = organisation_id.value_or(0), user = 0;
    std::int64_t by = inviter ? inviter->user_id : 0;
    soci::indicator organisation_indicator = organisation_id ? soci::i_ok : soci::i_null;
    soci::indicator user_indicator = soci::i_null;
    soci::indicator by_indicator = inviter ? soci::i_ok : soci::i_null;
    const std::string hash = KeyedHash(secrets_.session_key, "invitation", token);
    const std::string purpose = "invitation", name = Trim(display_name), roles_text = RolesText(roles);
    const long long created = ToUnix(clock_.Now()), expires = ToUnix(clock_.Now() + kInvitationLifetime);
    session << kInsertToken, soci::use(hash, "hash"), soci::use(purpose, "purpose"),
        soci::use(organisation, organisation_indicator, "organisation"), soci::use(user, user_indicator, "user"),
        soci::use(normalised, "email"), soci::use(name, "name"), soci::use(roles_text, "roles"),
        soci::use(by, by_indicator, "by"), soci::use(created, "created"), soci::use(expires, "expires"),
        soci::into(id);
    if (existing) {
      QueueMail(session, organisation_id, normalised, N_("Invitation to Cercle"),
                N_("Hello,\n\nYou are invited to use Cercle for another organisation, but this address already "
                   "has a Cercle account, and one address holds one account. If you want to accept, answer the "
                   "person who invited you with another address. Otherwise, ignore this message: nothing changes "
                   "for your account."),
                "");
    } else {
      QueueMail(session, organisation_id, normalised, N_("Invitation to Cercle"),
                N_("Hello,\n\nYou are invited to use Cercle. To create your account, open this link within 72 "
                   "hours:\n{link}\n\nIf you did not expect this invitation, ignore this message."),
                link);
    }
    audit_.Append(session, database_.dialect(),
                  {organisation_id, inviter ? std::optional(inviter->user_id) : std::nullopt, "user.invite",
                   "invitation", std::to_string(id), client.address, audit::Outcome::kSuccess, clock_.Now()});
    return id;
  });
  if (!invited) return invited.error();
  if (mail_queued_) mail_queued_();
  return link;
}

Result<std::int64_t> Accounts::CreateWithPassword(std::optional<std::int64_t> organisation_id,
                                                  const std::string& display_name, const std::string& email,
                                                  const domain::Roles& roles, const std::string& password,
                                                  bool check_password) {
  TRY(CheckNameAndEmail(display_name, email));
  if (roles.Empty()) return Error::Fields({{"roles", {N_("Choose at least one role."), {}}}});
  if (roles.Has(domain::Role::kNetworkAdmin) != !organisation_id) {
    return Error::Fields({{"roles", {N_("This role does not fit this organisation."), {}}}});
  }
  if (check_password) TRY(CheckNewPassword(password, email));
  const std::string hash = HashPassword(password);
  return database_.Write(store::Scope::System(), [&](soci::session& session) -> Result<std::int64_t> {
    store::UserStore users(session);
    if (users.EmailTaken(email)) {
      return Error::Fields({{"email", {N_("An account already uses this e-mail address."), {}}}});
    }
    store::NewUser user;
    user.organisation_id = organisation_id;
    user.email = email;
    user.display_name = Trim(display_name);
    user.password_hash = hash;
    user.roles = roles;
    const std::int64_t id = users.Insert(user, clock_.Now());
    audit_.Append(session, database_.dialect(),
                  {organisation_id, std::nullopt, "user.create", "user", std::to_string(id), "command line",
                   audit::Outcome::kSuccess, clock_.Now()});
    return id;
  });
}

Result<InvitationView> Accounts::FindInvitation(const std::string& token) {
  const auto found = database_.Read(store::Scope::System(), [&](soci::session& session) {
    return FindToken(session, KeyedHash(secrets_.session_key, "invitation", token), "invitation", clock_.Now());
  });
  if (!found) return LinkDead();
  return InvitationView{found->display_name, found->email};
}

Status Accounts::AcceptInvitation(const std::string& token, const std::string& password, const std::string& language,
                                  const ClientInfo& client) {
  const auto invitation = database_.Read(store::Scope::System(), [&](soci::session& session) {
    return FindToken(session, KeyedHash(secrets_.session_key, "invitation", token), "invitation", clock_.Now());
  });
  if (!invitation) return LinkDead();
  TRY(CheckNewPassword(password, invitation->email));
  const std::string hash = HashPassword(password);
  return database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    if (!UseToken(session, invitation->id, clock_.Now())) return LinkDead();
    store::UserStore users(session);
    if (users.EmailTaken(invitation->email)) {
      return Error::Invalid(N_("An account already uses this e-mail address."));
    }
    store::NewUser user;
    user.organisation_id = invitation->organisation_id;
    user.email = invitation->email;
    user.display_name = invitation->display_name;
    user.password_hash = hash;
    user.language = language == "en" ? "en" : "fr";
    user.roles = ParseRolesText(invitation->roles);
    const std::int64_t id = users.Insert(user, clock_.Now());
    audit_.Append(session, database_.dialect(),
                  {invitation->organisation_id, id, "user.create", "user", std::to_string(id), client.address,
                   audit::Outcome::kSuccess, clock_.Now()});
    return {};
  });
}

void Accounts::RequestPasswordReset(const std::string& email, const ClientInfo& client) {
  // The page's work is the same whether an account uses the address or not: count, queue, answer. Whatever
  // depends on the account (looking it up, making the link, queuing the mail) happens later, in
  // ProcessPasswordResetRequests on the scheduler's thread, so the answer cannot tell the two apart.
  const std::string normalised = store::NormaliseEmail(email);
  const std::string email_key = KeyedHash(secrets_.session_key, "reset-request", normalised);
  const Instant now = clock_.Now();
  bool queued = false;
  (void)database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    store::PasswordResetRequestStore requests(session);
    const Instant since = now - kPasswordResetThrottleWindow;
    if (requests.CountForEmail(email_key, since) >= config_.auth.resets_per_hour_per_email ||
        requests.CountForClient(client.address, since) >= config_.auth.resets_per_hour_per_client) {
      audit_.Append(session, database_.dialect(),
                    {std::nullopt, std::nullopt, "auth.password_reset_throttled", "user", "", client.address,
                     audit::Outcome::kDenied, now});
      return {};
    }
    // An address no account could have is counted like the others but needs no further work.
    requests.Insert(store::LooksLikeEmail(normalised) ? normalised : "", email_key, client.address, now);
    queued = true;
    return {};
  });
  if (queued && reset_requested_) reset_requested_();
}

int Accounts::ProcessPasswordResetRequests() {
  const Instant now = clock_.Now();
  const auto pending = database_.Read(store::Scope::System(), [&](soci::session& session) {
    return store::PasswordResetRequestStore(session).ListPending(kResetRequestBatch);
  });
  int mailed = 0;
  for (const auto& request : pending) {
    const auto issued = database_.Write(store::Scope::System(), [&](soci::session& session) -> Result<bool> {
      if (!store::PasswordResetRequestStore(session).Claim(request.id, now)) return false;
      return IssueResetLink(session, request.email, request.client_address, now);
    });
    if (issued && *issued) ++mailed;
  }
  (void)database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    store::PasswordResetRequestStore(session).DeleteProcessedBefore(now - kPasswordResetThrottleWindow);
    return {};
  });
  return mailed;
}

bool Accounts::IssueResetLink(soci::session& session, const std::string& email, const std::string& client_address,
                              Instant now) {
  store::UserStore users(session);
  const auto user = email.empty() ? std::nullopt : users.FindByEmail(email);
  if (!user || !user->active) {
    audit_.Append(session, database_.dialect(),
                  {std::nullopt, std::nullopt, "auth.password_reset_requested", "user", "", client_address,
                   audit::Outcome::kFailure, now});
    return false;
  }
  // Only the newest link works: an older one still in a mailbox must not replace the password later.
  users.RevokePasswordResetLinks(user->id, now);
  const std::string token = RandomToken();
  std::int64_t id = 0;
  std::int64_t organisation = user->organisation_id.value_or(0), by = 0;
  soci::indicator organisation_indicator = user->organisation_id ? soci::i_ok : soci::i_null;
  soci::indicator by_indicator = soci::i_null;
  const std::string hash = KeyedHash(secrets_.session_key, "reset", token);
  const std::string purpose = "password_reset", empty;
  const long long created = ToUnix(now), expires = ToUnix(now + kPasswordResetLifetime);
  session << kInsertToken, soci::use(hash, "hash"), soci::use(purpose, "purpose"),
      soci::use(organisation, organisation_indicator, "organisation"), soci::use(user->id, "user"),
      soci::use(user->email, "email"), soci::use(user->display_name, "name"), soci::use(empty, "roles"),
      soci::use(by, by_indicator, "by"), soci::use(created, "created"), soci::use(expires, "expires"),
      soci::into(id);
  QueueMail(session, user->organisation_id, user->email, N_("Resetting your Cercle password"),
            N_("Hello,\n\nSomeone asked to reset the password of your Cercle account. To choose a new password, "
               "open this link within one hour:\n{link}\n\nIf it was not you, ignore this message: your "
               "password stays as it is."),
            config_.server.public_url + "/password/reset?token=" + token);
  audit_.Append(session, database_.dialect(),
                {user->organisation_id, user->id, "auth.password_reset_requested", "user", std::to_string(user->id),
                 client_address, audit::Outcome::kSuccess, now});
  return true;
}

bool Accounts::ResetLinkValid(const std::string& token) {
  return database_
      .Read(store::Scope::System(),
            [&](soci::session& session) {
              return FindToken(session, KeyedHash(secrets_.session_key, "reset", token), "password_reset",
                               clock_.Now());
            })
      .has_value();
}

Status Accounts::ResetPassword(const std::string& token, const std::string& password, const ClientInfo& client) {
  const auto reset = database_.Read(store::Scope::System(), [&](soci::session& session) {
    return FindToken(session, KeyedHash(secrets_.session_key, "reset", token), "password_reset", clock_.Now());
  });
  if (!reset || !reset->user_id) return LinkDead();
  TRY(CheckNewPassword(password, reset->email));
  const std::string hash = HashPassword(password);
  return database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    if (!UseToken(session, reset->id, clock_.Now())) return LinkDead();
    store::UserStore(session).SetPassword(*reset->user_id, hash, clock_.Now());
    store::SessionStore(session).DeleteForUser(*reset->user_id);
    audit_.Append(session, database_.dialect(),
                  {reset->organisation_id, reset->user_id, "auth.password_reset", "user",
                   std::to_string(*reset->user_id), client.address, audit::Outcome::kSuccess, clock_.Now()});
    return {};
  });
}

Status Accounts::Deactivate(const Actor& admin, std::int64_t user_id, const ClientInfo& client) {
  if (user_id == admin.user_id) return Error::Invalid(N_("You cannot deactivate your own account."));
  return database_.Write(admin.scope(), [&](soci::session& session) -> Status {
    store::UserStore users(session);
    const auto user = users.Find(user_id, admin.organisation_id);
    if (!user || !admin.organisation_id) return Error::NotFound();
    users.SetActive(user_id, false, clock_.Now());
    store::SessionStore(session).DeleteForUser(user_id);
    audit_.Append(session, database_.dialect(),
                  {admin.organisation_id, admin.user_id, "user.deactivate", "user", std::to_string(user_id),
                   client.address, audit::Outcome::kSuccess, clock_.Now()});
    return {};
  });
}

Status Accounts::Reactivate(const Actor& admin, std::int64_t user_id, const ClientInfo& client) {
  return database_.Write(admin.scope(), [&](soci::session& session) -> Status {
    store::UserStore users(session);
    const auto user = users.Find(user_id, admin.organisation_id);
    if (!user || !admin.organisation_id) return Error::NotFound();
    users.SetActive(user_id, true, clock_.Now());
    audit_.Append(session, database_.dialect(),
                  {admin.organisation_id, admin.user_id, "user.reactivate", "user", std::to_string(user_id),
                   client.address, audit::Outcome::kSuccess, clock_.Now()});
    return {};
  });
}

Status Accounts::ChangeRoles(const Actor& admin, std::int64_t user_id, const domain::Roles& roles,
                             const ClientInfo& client) {
  if (roles.Empty()) return Error::Fields({{"roles", {N_("Choose at least one role."), {}}}});
  if (roles.Has(domain::Role::kNetworkAdmin)) {
    return Error::Fields({{"roles", {N_("This role does not fit this organisation."), {}}}});
  }
  if (user_id == admin.user_id && !roles.Has(domain::Role::kOrganisationAdmin)) {
    return Error::Fields({{"roles", {N_("You cannot remove your own administrator role."), {}}}});
  }
  return database_.Write(admin.scope(), [&](soci::session& session) -> Status {
    store::UserStore users(session);
    const auto user = users.Find(user_id, admin.organisation_id);
    if (!user || !admin.organisation_id) return Error::NotFound();
    users.ReplaceRoles(user_id, admin.organisation_id, roles);
    audit_.Append(session, database_.dialect(),
                  {admin.organisation_id, admin.user_id, "user.roles", "user", std::to_string(user_id),
                   client.address, audit::Outcome::kSuccess, clock_.Now()});
    return {};
  });
}

Status Accounts::SetLanguage(const Actor& actor, const std::string& language, const ClientInfo& client) {
  if (language != "fr" && language != "en") return Error::Invalid(N_("Choose French or English."));
  return database_.Write(store::Scope::System(), [&](soci::session& session) -> Status {
    store::UserStore(session).SetLanguage(actor.user_id, language);
    audit_.Append(session, database_.dialect(),
                  {actor.organisation_id, actor.user_id, "user.language", "user", std::to_string(actor.user_id),
                   client.address, audit::Outcome::kSuccess, clock_.Now()});
    return {};
  });
}

}  // namespace cercle::auth
