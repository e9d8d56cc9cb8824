#include "store/session_store.hpp"

namespace cercle::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, organisation_id, stage, created_at, last_seen_at, expires_at, idle_seconds,"
    " reauthenticated_at, client_address, user_agent FROM sessions ";
constexpr const char* kInsert =
    "INSERT INTO sessions (token_hash, user_id, organisation_id, stage, created_at, last_seen_at, expires_at,"
    " idle_seconds, reauthenticated_at, client_address, user_agent) VALUES (:hash, :user, :organisation,"
    " :stage, :created, :seen, :expires, :idle, :reauthenticated, :address, :agent) RETURNING id";
constexpr const char* kTouch = "UPDATE sessions SET last_seen_at = :now WHERE id = :id";
constexpr const char* kSetStage = "UPDATE sessions SET stage = :stage WHERE id = :id";
constexpr const char* kReauthenticated = "UPDATE sessions SET reauthenticated_at = :now WHERE id = :id";
constexpr const char* kRotate = "UPDATE sessions SET token_hash = :hash WHERE id = :id";
constexpr const char* kDelete = "DELETE FROM sessions WHERE id = :id";
constexpr const char* kDeleteForUser = "DELETE FROM sessions WHERE user_id = :user";
constexpr const char* kDeleteOthersForUser = "DELETE FROM sessions WHERE user_id = :user AND id <> :keep";

SessionStage ParseStage(const std::string& name) {
  if (name == "second_factor") return SessionStage::kSecondFactor;
  if (name == "enrolment") return SessionStage::kEnrolment;
  return SessionStage::kFull;
}

std::vector<SessionRecord> Select(soci::session& session, const std::string& where, const std::string& text_key,
                                  std::int64_t key) {
  SessionRecord row;
  std::int64_t organisation = 0;
  soci::indicator organisation_indicator;
  std::string stage;
  long long created = 0, seen = 0, expires = 0, reauthenticated = 0;
  soci::statement statement =
      (session.prepare << std::string(kColumns) + where, soci::into(row.id), soci::into(row.user_id),
       soci::into(organisation, organisation_indicator), soci::into(stage), soci::into(created), soci::into(seen),
       soci::into(expires), soci::into(row.idle_seconds), soci::into(reauthenticated),
       soci::into(row.client_address), soci::into(row.user_agent));
  if (text_key.empty()) {
    statement.exchange(soci::use(key, "key"));
  } else {
    statement.exchange(soci::use(text_key, "key"));
  }
  statement.define_and_bind();
  statement.execute();
  std::vector<SessionRecord> records;
  while (statement.fetch()) {
    SessionRecord record = row;
    record.organisation_id =
        organisation_indicator == soci::i_null ? std::nullopt : std::optional(organisation);
    record.stage = ParseStage(stage);
    record.created_at = FromUnix(created);
    record.last_seen_at = FromUnix(seen);
    record.expires_at = FromUnix(expires);
    record.reauthenticated_at = FromUnix(reauthenticated);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

std::string_view StageName(SessionStage stage) {
  switch (stage) {
    case SessionStage::kSecondFactor: return "second_factor";
    case SessionStage::kEnrolment: return "enrolment";
    case SessionStage::kFull: return "full";
  }
  return "full";
}

std::int64_t SessionStore::Insert(const std::string& token_hash, const SessionRecord& record) {
  std::int64_t id = 0;
  const std::int64_t organisation = record.organisation_id.value_or(0);
  soci::indicator organisation_indicator = record.organisation_id ? soci::i_ok : soci::i_null;
  const std::string stage(StageName(record.stage));
  const long long created = ToUnix(record.created_at), seen = ToUnix(record.last_seen_at),
                  expires = ToUnix(record.expires_at), reauthenticated = ToUnix(record.reauthenticated_at);
  session_ << kInsert, soci::use(token_hash, "hash"), soci::use(record.user_id, "user"),
      soci::use(organisation, organisation_indicator, "organisation"), soci::use(stage, "stage"),
      soci::use(created, "created"), soci::use(seen, "seen"), soci::use(expires, "expires"),
      soci::use(record.idle_seconds, "idle"), soci::use(reauthenticated, "reauthenticated"),
      soci::use(record.client_address, "address"), soci::use(record.user_agent, "agent"), soci::into(id);
  return id;
}

std::optional<SessionRecord> SessionStore::FindByTokenHash(const std::string& token_hash) {
  auto records = Select(session_, "WHERE token_hash = :key", token_hash, 0);
  if (records.empty()) return std::nullopt;
  return records.front();
}

std::vector<SessionRecord> SessionStore::ListForUser(std::int64_t user_id) {
  return Select(session_, "WHERE user_id = :key ORDER BY last_seen_at DESC, id DESC", "", user_id);
}

void SessionStore::Touch(std::int64_t id, Instant now) {
  const long long at = ToUnix(now);
  session_ << kTouch, soci::use(at, "now"), soci::use(id, "id");
}

void SessionStore::SetStage(std::int64_t id, SessionStage stage) {
  const std::string name(StageName(stage));
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

}  // namespace cercle::store
