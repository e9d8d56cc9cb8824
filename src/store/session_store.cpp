#include "store/session_store.hpp"

#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

constexpr const char* kFindByTokenHash = R"sql(
  SELECT {columns} FROM sessions WHERE token_hash = :hash
)sql";
constexpr const char* kListForUser = R"sql(
  SELECT {columns} FROM sessions WHERE user_id = :user ORDER BY last_seen_at DESC, id DESC
)sql";
constexpr const char* kTouch = R"sql(UPDATE sessions SET last_seen_at = :now WHERE id = :id)sql";
constexpr const char* kSetStage = R"sql(UPDATE sessions SET stage = :stage WHERE id = :id)sql";
constexpr const char* kReauthenticated =
    R"sql(UPDATE sessions SET reauthenticated_at = :now WHERE id = :id)sql";
constexpr const char* kRotate = R"sql(UPDATE sessions SET token_hash = :hash WHERE id = :id)sql";
constexpr const char* kDelete = R"sql(DELETE FROM sessions WHERE id = :id)sql";
constexpr const char* kDeleteForUser = R"sql(DELETE FROM sessions WHERE user_id = :user)sql";
constexpr const char* kDeleteOthersForUser =
    R"sql(DELETE FROM sessions WHERE user_id = :user AND id <> :keep)sql";

// One row whatever exists: the owner is the organisation, or 0 for the network (whose person in
// charge is keyed 0 too, as in the privacy_officers index).
constexpr const char* kAccount = R"sql(
  SELECT coalesce(organisations.name, ''), coalesce(organisations.slug, ''),
         (SELECT count(*) FROM volunteers
          WHERE volunteers.organisation_id = :owner AND volunteers.user_id = :user),
         CASE WHEN privacy_officers.id IS NULL THEN 0 ELSE 1 END,
         coalesce(privacy_officers.user_id, 0), coalesce(privacy_officers.title, ''),
         coalesce(privacy_officers.email, ''), coalesce(privacy_officers.phone, '')
  FROM (SELECT 1 AS one) AS account
  LEFT JOIN organisations ON organisations.id = :owner
  LEFT JOIN privacy_officers ON coalesce(privacy_officers.organisation_id, 0) = :owner
)sql";

}  // namespace

std::int64_t SessionStore::Insert(const std::string& token_hash, const SessionRecord& record) {
  return store::Insert<tables::Sessions>(session_, record, Values("token_hash", token_hash));
}

std::optional<SessionRecord> SessionStore::FindByTokenHash(const std::string& token_hash) {
  return SelectOne<tables::Sessions>(session_, kFindByTokenHash, Values("hash", token_hash));
}

std::vector<SessionRecord> SessionStore::ListForUser(std::int64_t user_id) {
  return SelectAll<tables::Sessions>(session_, kListForUser, Values("user", user_id));
}

void SessionStore::Touch(std::int64_t id, Instant now) {
  const long long at = ToUnix(now);
  session_ << kTouch, soci::use(at, "now"), soci::use(id, "id");
}

void SessionStore::SetStage(std::int64_t id, SessionStage stage) {
  const std::string name(domain::NameOf(stage));
  session_ << kSetStage, soci::use(name, "stage"), soci::use(id, "id");
}

void SessionStore::SetReauthenticated(std::int64_t id, Instant now) {
  const long long at = ToUnix(now);
  session_ << kReauthenticated, soci::use(at, "now"), soci::use(id, "id");
}

void SessionStore::Rotate(std::int64_t id, const std::string& new_token_hash) {
  session_ << kRotate, soci::use(new_token_hash, "hash"), soci::use(id, "id");
}

void SessionStore::Delete(std::int64_t id) { session_ << kDelete, soci::use(id, "id"); }

void SessionStore::DeleteForUser(std::int64_t user_id, std::optional<std::int64_t> keep) {
  if (keep) {
    session_ << kDeleteOthersForUser, soci::use(user_id, "user"), soci::use(*keep, "keep");
  } else {
    session_ << kDeleteForUser, soci::use(user_id, "user");
  }
}

SessionAccount SessionStore::LoadAccount(std::int64_t user_id,
                                         std::optional<std::int64_t> organisation_id) {
  SessionAccount account;
  const std::int64_t owner = organisation_id.value_or(0);
  long long files = 0;
  int named = 0;
  long long officer_user = 0;
  auto& contact = account.privacy_contact;
  session_ << kAccount, soci::use(user_id, "user"), soci::use(owner, "owner"),
      soci::into(account.organisation_name), soci::into(account.organisation_slug),
      soci::into(files), soci::into(named), soci::into(officer_user), soci::into(contact.title),
      soci::into(contact.email), soci::into(contact.phone);
  if (!session_.got_data()) return {};
  account.has_volunteer_file = files > 0;
  contact.named = named != 0;
  account.privacy_officer = contact.named && officer_user == user_id;
  return account;
}

}  // namespace cercle::store
