#include "store/session_store.hpp"

#include "store/fetch.hpp"

namespace cercle::store {
namespace {

constexpr const char* kInsert = R"sql(
  INSERT INTO sessions (token_hash, user_id, organisation_id, stage, created_at, last_seen_at, expires_at,
                        idle_seconds, reauthenticated_at, client_address, user_agent)
  VALUES (:hash, :user, :organisation, :stage, :created, :seen, :expires, :idle, :reauthenticated, :address,
          :agent)
  RETURNING id
)sql";

constexpr const char* kFindByTokenHash = R"sql(
  SELECT id, user_id, organisation_id, stage, created_at, last_seen_at, expires_at, idle_seconds,
         reauthenticated_at, client_address, user_agent
  FROM sessions
  WHERE token_hash = :hash
)sql";

constexpr const char* kListForUser = R"sql(
  SELECT id, user_id, organisation_id, stage, created_at, last_seen_at, expires_at, idle_seconds,
         reauthenticated_at, client_address, user_agent
  FROM sessions
  WHERE user_id = :user
  ORDER BY last_seen_at DESC, id DESC
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

constexpr const char* kAccount = R"sql(
  SELECT organisations.name,
         (SELECT count(*) FROM volunteers
          WHERE volunteers.organisation_id = organisations.id AND volunteers.user_id = :user)
  FROM organisations
  WHERE organisations.id = :organisation
)sql";

// The columns of a session as the SELECTs above read them, and the record they make.
struct SessionRow {
  SessionRecord record;
  std::int64_t organisation = 0;
  soci::indicator organisation_indicator = soci::i_null;
  std::string stage;
  long long created = 0, seen = 0, expires = 0, reauthenticated = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(record.id));
    statement.exchange(soci::into(record.user_id));
    statement.exchange(soci::into(organisation, organisation_indicator));
    statement.exchange(soci::into(stage));
    statement.exchange(soci::into(created));
    statement.exchange(soci::into(seen));
    statement.exchange(soci::into(expires));
    statement.exchange(soci::into(record.idle_seconds));
    statement.exchange(soci::into(reauthenticated));
    statement.exchange(soci::into(record.client_address));
    statement.exchange(soci::into(record.user_agent));
  }

  SessionRecord Take() const {
    SessionRecord taken = record;
    taken.organisation_id =
        organisation_indicator == soci::i_null ? std::nullopt : std::optional(organisation);
    taken.stage = domain::ParseEnum<SessionStage>(stage).value_or(SessionStage::kFull);
    taken.created_at = FromUnix(created);
    taken.last_seen_at = FromUnix(seen);
    taken.expires_at = FromUnix(expires);
    taken.reauthenticated_at = FromUnix(reauthenticated);
    return taken;
  }
};

}  // namespace

std::int64_t SessionStore::Insert(const std::string& token_hash, const SessionRecord& record) {
  std::int64_t id = 0;
  const std::int64_t organisation = record.organisation_id.value_or(0);
  soci::indicator organisation_indicator = record.organisation_id ? soci::i_ok : soci::i_null;
  const std::string stage(domain::NameOf(record.stage));
  const long long created = ToUnix(record.created_at), seen = ToUnix(record.last_seen_at),
                  expires = ToUnix(record.expires_at),
                  reauthenticated = ToUnix(record.reauthenticated_at);
  session_ << kInsert, soci::use(token_hash, "hash"), soci::use(record.user_id, "user"),
      soci::use(organisation, organisation_indicator, "organisation"), soci::use(stage, "stage"),
      soci::use(created, "created"), soci::use(seen, "seen"), soci::use(expires, "expires"),
      soci::use(record.idle_seconds, "idle"), soci::use(reauthenticated, "reauthenticated"),
      soci::use(record.client_address, "address"), soci::use(record.user_agent, "agent"),
      soci::into(id);
  return id;
}

std::optional<SessionRecord> SessionStore::FindByTokenHash(const std::string& token_hash) {
  auto records = FetchAll<SessionRow>(session_, kFindByTokenHash, [&](soci::statement& statement) {
    statement.exchange(soci::use(token_hash, "hash"));
  });
  if (records.empty()) return std::nullopt;
  return records.front();
}

std::vector<SessionRecord> SessionStore::ListForUser(std::int64_t user_id) {
  return FetchAll<SessionRow>(session_, kListForUser, [&](soci::statement& statement) {
    statement.exchange(soci::use(user_id, "user"));
  });
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

SessionAccount SessionStore::LoadAccount(std::int64_t user_id, std::int64_t organisation_id) {
  SessionAccount account;
  long long files = 0;
  session_ << kAccount, soci::use(user_id, "user"), soci::use(organisation_id, "organisation"),
      soci::into(account.organisation_name), soci::into(files);
  account.has_volunteer_file = session_.got_data() && files > 0;
  return account;
}

}  // namespace cercle::store
