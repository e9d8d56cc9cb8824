#include "store/user_store.hpp"

#include "base/text.hpp"
#include "store/fetch.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace cercle::store {
namespace {

std::optional<std::int64_t> Optional(std::int64_t value, soci::indicator indicator) {
  return indicator == soci::i_null ? std::nullopt : std::optional(value);
}

// One account, by id or by address (the other parameter matches nothing: 0, '').
constexpr const char* kFind = R"sql(
  SELECT id, organisation_id, email, display_name, password_hash, language, active, totp_secret_sealed,
         totp_enrolled_at, totp_last_step, created_at, deactivated_at
  FROM users
  WHERE id = :id OR email = :email
)sql";

constexpr const char* kListOrganisation = R"sql(
  SELECT id, organisation_id, email, display_name, password_hash, language, active, totp_secret_sealed,
         totp_enrolled_at, totp_last_step, created_at, deactivated_at
  FROM users
  WHERE organisation_id = :organisation
  ORDER BY display_name, id
)sql";

constexpr const char* kRolesOfUser = R"sql(SELECT role FROM user_roles WHERE user_id = :id)sql";

constexpr const char* kRolesOfOrganisation = R"sql(
  SELECT user_id, role FROM user_roles WHERE organisation_id = :organisation
)sql";

constexpr const char* kInsert = R"sql(
  INSERT INTO users (organisation_id, email, display_name, password_hash, language, active, created_at,
                     password_changed_at)
  VALUES (:organisation, :email, :name, :hash, :language, 1, :now, :changed)
  RETURNING id
)sql";

constexpr const char* kInsertRole = R"sql(
  INSERT INTO user_roles (user_id, organisation_id, role) VALUES (:user, :organisation, :role)
)sql";

constexpr const char* kDeleteRoles = R"sql(DELETE FROM user_roles WHERE user_id = :id)sql";
constexpr const char* kEmailTaken = R"sql(SELECT count(*) FROM users WHERE email = :email)sql";

constexpr const char* kSetPassword = R"sql(
  UPDATE users SET password_hash = :hash, password_changed_at = :now WHERE id = :id
)sql";

constexpr const char* kRevokeResetLinks = R"sql(
  UPDATE one_time_tokens SET used_at = :now
  WHERE user_id = :id AND purpose = 'password_reset' AND used_at IS NULL
)sql";

constexpr const char* kSetLanguage =
    R"sql(UPDATE users SET language = :language WHERE id = :id)sql";

constexpr const char* kSetActive = R"sql(
  UPDATE users SET active = :active, deactivated_at = :deactivated WHERE id = :id
)sql";

constexpr const char* kSetTotp = R"sql(
  UPDATE users SET totp_secret_sealed = :secret, totp_enrolled_at = :enrolled, totp_last_step = 0
  WHERE id = :id
)sql";

constexpr const char* kAdvanceTotp = R"sql(
  UPDATE users SET totp_last_step = :step WHERE id = :id AND totp_last_step < :later_than
)sql";

// The columns of a user as the SELECTs above read them, and the account they make (without its
// roles).
struct UserRow {
  User user;
  std::int64_t organisation = 0, enrolled = 0, deactivated = 0, created = 0;
  int active = 0;
  soci::indicator organisation_indicator = soci::i_null, hash_indicator = soci::i_null,
                  secret_indicator = soci::i_null, enrolled_indicator = soci::i_null,
                  deactivated_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(user.id));
    statement.exchange(soci::into(organisation, organisation_indicator));
    statement.exchange(soci::into(user.email));
    statement.exchange(soci::into(user.display_name));
    statement.exchange(soci::into(user.password_hash, hash_indicator));
    statement.exchange(soci::into(user.language));
    statement.exchange(soci::into(active));
    statement.exchange(soci::into(user.totp_secret_sealed, secret_indicator));
    statement.exchange(soci::into(enrolled, enrolled_indicator));
    statement.exchange(soci::into(user.totp_last_step));
    statement.exchange(soci::into(created));
    statement.exchange(soci::into(deactivated, deactivated_indicator));
  }

  User Take() const {
    User taken = user;
    taken.organisation_id = Optional(organisation, organisation_indicator);
    if (hash_indicator == soci::i_null) taken.password_hash.clear();
    if (secret_indicator == soci::i_null) taken.totp_secret_sealed.clear();
    taken.active = active != 0;
    taken.totp_enrolled_at =
        enrolled_indicator == soci::i_null ? std::nullopt : std::optional(FromUnix(enrolled));
    taken.created_at = FromUnix(created);
    taken.deactivated_at =
        deactivated_indicator == soci::i_null ? std::nullopt : std::optional(FromUnix(deactivated));
    return taken;
  }
};

// The account with id `id` or address `email` (without its roles), if any.
std::optional<User> FindUser(soci::session& session, std::int64_t id, const std::string& email) {
  auto users = FetchAll<UserRow>(session, kFind, [&](soci::statement& statement) {
    statement.exchange(soci::use(id, "id"));
    statement.exchange(soci::use(email, "email"));
  });
  if (users.empty()) return std::nullopt;
  return users.front();
}

}  // namespace

std::string NormaliseEmail(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front())))
    email.remove_prefix(1);
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back())))
    email.remove_suffix(1);
  std::string lower(email);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool LooksLikeEmail(std::string_view email) {
  return email.size() <= 254 && cercle::LooksLikeEmail(email);
}

void UserStore::AddRoles(User& user) {
  std::string role;
  soci::statement roles =
      (session_.prepare << kRolesOfUser, soci::use(user.id, "id"), soci::into(role));
  roles.execute();
  while (roles.fetch()) {
    if (const auto parsed = domain::ParseEnum<domain::Role>(role)) user.roles.Add(*parsed);
  }
}

std::optional<User> UserStore::FindByEmail(const std::string& email) {
  auto user = FindUser(session_, 0, NormaliseEmail(email));
  if (user) AddRoles(*user);
  return user;
}

std::optional<User> UserStore::Find(std::int64_t id, std::optional<std::int64_t> organisation_id) {
  auto user = FindUser(session_, id, "");
  if (!user || user->organisation_id != organisation_id) return std::nullopt;
  AddRoles(*user);
  return user;
}

std::vector<User> UserStore::ListOrganisation(std::int64_t organisation_id) {
  // Two queries: the users, then every role of the organisation, rather than one query per user.
  auto users = FetchAll<UserRow>(session_, kListOrganisation, [&](soci::statement& statement) {
    statement.exchange(soci::use(organisation_id, "organisation"));
  });
  std::map<std::int64_t, User*> by_id;
  for (auto& user : users) by_id[user.id] = &user;
  std::int64_t user_id = 0;
  std::string role;
  soci::statement roles =
      (session_.prepare << kRolesOfOrganisation, soci::use(organisation_id, "organisation"),
       soci::into(user_id), soci::into(role));
  roles.execute();
  while (roles.fetch()) {
    const auto found = by_id.find(user_id);
    const auto parsed = domain::ParseEnum<domain::Role>(role);
    if (found != by_id.end() && parsed) found->second->roles.Add(*parsed);
  }
  return users;
}

bool UserStore::EmailTaken(const std::string& email) {
  long long count = 0;
  const std::string normalised = NormaliseEmail(email);
  session_ << kEmailTaken, soci::use(normalised, "email"), soci::into(count);
  return count > 0;
}

std::int64_t UserStore::Insert(const NewUser& user, Instant now) {
  std::int64_t id = 0;
  const std::int64_t organisation = user.organisation_id.value_or(0);
  soci::indicator organisation_indicator = user.organisation_id ? soci::i_ok : soci::i_null;
  const std::string email = NormaliseEmail(user.email);
  soci::indicator hash_indicator = user.password_hash.empty() ? soci::i_null : soci::i_ok;
  const long long at = ToUnix(now);
  session_ << kInsert, soci::use(organisation, organisation_indicator, "organisation"),
      soci::use(email, "email"), soci::use(user.display_name, "name"),
      soci::use(user.password_hash, hash_indicator, "hash"), soci::use(user.language, "language"),
      soci::use(at, "now"), soci::use(at, "changed"), soci::into(id);
  ReplaceRoles(id, user.organisation_id, user.roles);
  return id;
}

void UserStore::ReplaceRoles(std::int64_t id, std::optional<std::int64_t> organisation_id,
                             const domain::Roles& roles) {
  session_ << kDeleteRoles, soci::use(id, "id");
  const std::int64_t organisation = organisation_id.value_or(0);
  soci::indicator organisation_indicator = organisation_id ? soci::i_ok : soci::i_null;
  for (const auto role : roles.List()) {
    const std::string name(domain::NameOf(role));
    session_ << kInsertRole, soci::use(id, "user"),
        soci::use(organisation, organisation_indicator, "organisation"), soci::use(name, "role");
  }
}

void UserStore::SetPassword(std::int64_t id, const std::string& password_hash, Instant now) {
  const long long at = ToUnix(now);
  session_ << kSetPassword, soci::use(password_hash, "hash"), soci::use(at, "now"),
      soci::use(id, "id");
  // A reset link asked for before the change would otherwise still replace the new password.
  RevokePasswordResetLinks(id, now);
}

void UserStore::RevokePasswordResetLinks(std::int64_t id, Instant now) {
  const long long at = ToUnix(now);
  session_ << kRevokeResetLinks, soci::use(at, "now"), soci::use(id, "id");
}

void UserStore::SetLanguage(std::int64_t id, const std::string& language) {
  session_ << kSetLanguage, soci::use(language, "language"), soci::use(id, "id");
}

void UserStore::SetActive(std::int64_t id, bool active, Instant now) {
  const int flag = active ? 1 : 0;
  const long long at = ToUnix(now);
  soci::indicator deactivated_indicator = active ? soci::i_null : soci::i_ok;
  session_ << kSetActive, soci::use(flag, "active"),
      soci::use(at, deactivated_indicator, "deactivated"), soci::use(id, "id");
}

void UserStore::SetTotp(std::int64_t id, const std::string& sealed_secret,
                        std::optional<Instant> enrolled_at) {
  const long long at = enrolled_at ? ToUnix(*enrolled_at) : 0;
  soci::indicator secret_indicator = sealed_secret.empty() ? soci::i_null : soci::i_ok;
  soci::indicator enrolled_indicator = enrolled_at ? soci::i_ok : soci::i_null;
  session_ << kSetTotp, soci::use(sealed_secret, secret_indicator, "secret"),
      soci::use(at, enrolled_indicator, "enrolled"), soci::use(id, "id");
}

bool UserStore::AdvanceTotpStep(std::int64_t id, std::int64_t step) {
  soci::statement statement = (session_.prepare << kAdvanceTotp, soci::use(step, "step"),
                               soci::use(id, "id"), soci::use(step, "later_than"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace cercle::store
