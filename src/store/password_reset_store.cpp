#include "store/password_reset_store.hpp"

namespace cercle::store {
namespace {

constexpr const char* kCountForEmail = R"sql(
  SELECT count(*) FROM password_reset_requests WHERE email_key = :key AND requested_at >= :since
)sql";

constexpr const char* kCountForClient = R"sql(
  SELECT count(*) FROM password_reset_requests WHERE client_address = :key AND requested_at >= :since
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

int PasswordResetRequestStore::Count(const char* query, const std::string& key, Instant since) {
  long long count = 0;
  const long long at = ToUnix(since);
  session_ << query, soci::use(key, "key"), soci::use(at, "since"), soci::into(count);
  return static_cast<int>(count);
}

int PasswordResetRequestStore::CountForEmail(const std::string& email_key, Instant since) {
  return Count(kCountForEmail, email_key, since);
}

int PasswordResetRequestStore::CountForClient(const std::string& client_address, Instant since) {
  return Count(kCountForClient, client_address, since);
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
  const long long at = ToUnix(now);
  soci::statement statement =
      (session_.prepare << kClaim, soci::use(at, "now"), soci::use(id, "id"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

void PasswordResetRequestStore::DeleteProcessedBefore(Instant before) {
  const long long at = ToUnix(before);
  session_ << kDeleteProcessedBefore, soci::use(at, "before");
}

}  // namespace cercle::store
