#include "store/password_reset_store.hpp"

#include "store/table.hpp"

namespace cercle::store {
namespace {

// The requests accepted since a moment whose column {key} (the email's hash or the client's
// address) holds :key.
constexpr const char* kCountSince = R"sql(
  SELECT count(*) FROM password_reset_requests WHERE {key} = :key AND requested_at >= :since
)sql";

constexpr const char* kInsert = R"sql(
  INSERT INTO password_reset_requests (email, email_key, client_address, requested_at)
  VALUES (:email, :key, :client, :now)
)sql";

constexpr const char* kListPending = R"sql(
  SELECT id, email, client_address
  FROM password_reset_requests
  WHERE processed_at IS NULL
  ORDER BY id
  LIMIT :limit
)sql";

constexpr const char* kClaim = R"sql(
  UPDATE password_reset_requests SET processed_at = :now, email = '', client_address = ''
  WHERE id = :id AND processed_at IS NULL
)sql";

constexpr const char* kDeleteProcessedBefore = R"sql(
  DELETE FROM password_reset_requests WHERE processed_at IS NOT NULL AND requested_at < :before
)sql";

}  // namespace

int PasswordResetRequestStore::Count(const char* column, const std::string& key, Instant since) {
  long long count = 0;
  const long long at = ToUnix(since);
  session_ << Replaced(kCountSince, "{key}", column), soci::use(key, "key"), soci::use(at, "since"),
      soci::into(count);
  return static_cast<int>(count);
}

int PasswordResetRequestStore::CountForEmail(const std::string& email_key, Instant since) {
  return Count("email_key", email_key, since);
}

int PasswordResetRequestStore::CountForClient(const std::string& client_address, Instant since) {
  return Count("client_address", client_address, since);
}

void PasswordResetRequestStore::Insert(const std::string& email, const std::string& email_key,
                                       const std::string& client_address, Instant now) {
  const long long at = ToUnix(now);
  session_ << kInsert, soci::use(email, "email"), soci::use(email_key, "key"),
      soci::use(client_address, "client"), soci::use(at, "now");
}

std::vector<PendingResetRequest> PasswordResetRequestStore::ListPending(int limit) {
  PendingResetRequest row;
  soci::statement statement =
      (session_.prepare << kListPending, soci::use(limit, "limit"), soci::into(row.id),
       soci::into(row.email), soci::into(row.client_address));
  statement.execute();
  std::vector<PendingResetRequest> requests;
  while (statement.fetch()) requests.push_back(row);
  return requests;
}

bool PasswordResetRequestStore::Claim(std::int64_t id, Instant now) {
  return Change(session_, kClaim, Values("now", now, "id", id)) == 1;
}

void PasswordResetRequestStore::DeleteProcessedBefore(Instant before) {
  const long long at = ToUnix(before);
  session_ << kDeleteProcessedBefore, soci::use(at, "before");
}

}  // namespace cercle::store
