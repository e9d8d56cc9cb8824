#include "store/one_time_token_store.hpp"

#include "base/text.hpp"

namespace cercle::store {
namespace {

constexpr const char* kInsert = R"sql(
  INSERT INTO one_time_tokens (token_hash, purpose, organisation_id, user_id, email, display_name, roles,
                               created_by, created_at, expires_at)
  VALUES (:hash, :purpose, :organisation, :user, :email, :name, :roles, :by, :created, :expires)
  RETURNING id
)sql";

constexpr const char* kFindLive = R"sql(
  SELECT id, organisation_id, user_id, email, display_name, roles, created_by, created_at, expires_at
  FROM one_time_tokens
  WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
)sql";

constexpr const char* kUse = R"sql(
  UPDATE one_time_tokens SET used_at = :now WHERE id = :id AND used_at IS NULL
)sql";

std::string PurposeName(TokenPurpose purpose) {
  return purpose == TokenPurpose::kInvitation ? "invitation" : "password_reset";
}

// Roles as the column holds them: stored names separated by commas.
std::string RolesText(const domain::Roles& roles) {
  std::string text;
  for (const auto role : roles.List()) AppendSeparated(text, ",", domain::NameOf(role));
  return text;
}

domain::Roles ParseRolesText(const std::string& text) {
  domain::Roles roles;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto name =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (const auto role = domain::ParseEnum<domain::Role>(name)) roles.Add(*role);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return roles;
}

// An optional id as SOCI binds it: the value and whether it is null.
struct OptionalId {
  explicit OptionalId(const std::optional<std::int64_t>& id)
      : value(id.value_or(0)), indicator(id ? soci::i_ok : soci::i_null) {}
  std::int64_t value;
  soci::indicator indicator;
};

std::optional<std::int64_t> ReadId(std::int64_t value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional(value) : std::nullopt;
}

}  // namespace

std::int64_t OneTimeTokenStore::Insert(const OneTimeToken& token) {
  std::int64_t id = 0;
  OptionalId organisation(token.organisation_id), user(token.user_id), by(token.created_by);
  const std::string purpose = PurposeName(token.purpose), roles = RolesText(token.roles);
  const long long created = ToUnix(token.created_at), expires = ToUnix(token.expires_at);
  session_ << kInsert, soci::use(token.token_hash, "hash"), soci::use(purpose, "purpose"),
      soci::use(organisation.value, organisation.indicator, "organisation"),
      soci::use(user.value, user.indicator, "user"), soci::use(token.email, "email"),
      soci::use(token.display_name, "name"), soci::use(roles, "roles"),
      soci::use(by.value, by.indicator, "by"), soci::use(created, "created"),
      soci::use(expires, "expires"), soci::into(id);
  return id;
}

std::optional<OneTimeToken> OneTimeTokenStore::FindLive(const std::string& token_hash,
                                                        TokenPurpose purpose, Instant now) {
  OneTimeToken token;
  token.token_hash = token_hash;
  token.purpose = purpose;
  std::int64_t organisation = 0, user = 0, by = 0;
  long long created = 0, expires = 0;
  soci::indicator organisation_indicator, user_indicator, by_indicator;
  std::string roles;
  const std::string purpose_name = PurposeName(purpose);
  const long long at = ToUnix(now);
  session_ << kFindLive, soci::use(token_hash, "hash"), soci::use(purpose_name, "purpose"),
      soci::use(at, "now"), soci::into(token.id), soci::into(organisation, organisation_indicator),
      soci::into(user, user_indicator), soci::into(token.email), soci::into(token.display_name),
      soci::into(roles), soci::into(by, by_indicator), soci::into(created), soci::into(expires);
  if (!session_.got_data()) return std::nullopt;
  token.organisation_id = ReadId(organisation, organisation_indicator);
  token.user_id = ReadId(user, user_indicator);
  token.created_by = ReadId(by, by_indicator);
  token.roles = ParseRolesText(roles);
  token.created_at = FromUnix(created);
  token.expires_at = FromUnix(expires);
  return token;
}

bool OneTimeTokenStore::Use(std::int64_t id, Instant now) {
  const long long at = ToUnix(now);
  soci::statement statement = (session_.prepare << kUse, soci::use(at, "now"), soci::use(id, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace cercle::store
