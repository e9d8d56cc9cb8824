#include "store/calendar_token_store.hpp"

namespace cercle::store {
namespace {

constexpr const char* kDelete = R"sql(
DELETE
  FROM calendar_tokens
 WHERE organisation_id = :organisation AND volunteer_id = :volunteer
)sql";
constexpr const char* kInsert = R"sql(
INSERT INTO calendar_tokens (organisation_id, volunteer_id, token_hash, created_at)
VALUES (:organisation, :volunteer, :hash, :at)
)sql";
constexpr const char* kFind = R"sql(
SELECT organisation_id, volunteer_id
  FROM calendar_tokens
 WHERE token_hash = :hash
)sql";
constexpr const char* kHas = R"sql(
SELECT count(*)
  FROM calendar_tokens
 WHERE organisation_id = :organisation AND volunteer_id = :volunteer
)sql";

}  // namespace

void CalendarTokenStore::Replace(std::int64_t organisation_id, std::int64_t volunteer_id,
                                 const std::string& token_hash, Instant now) {
  const long long at = ToUnix(now);
  session_ << kDelete, soci::use(organisation_id, "organisation"),
      soci::use(volunteer_id, "volunteer");
  session_ << kInsert, soci::use(organisation_id, "organisation"),
      soci::use(volunteer_id, "volunteer"), soci::use(token_hash, "hash"), soci::use(at, "at");
}

std::optional<CalendarOwner> CalendarTokenStore::FindByHash(const std::string& token_hash) {
  CalendarOwner owner;
  session_ << kFind, soci::use(token_hash, "hash"), soci::into(owner.organisation_id),
      soci::into(owner.volunteer_id);
  if (!session_.got_data()) return std::nullopt;
  return owner;
}

bool CalendarTokenStore::HasToken(std::int64_t volunteer_id, std::int64_t organisation_id) {
  long long count = 0;
  session_ << kHas, soci::use(organisation_id, "organisation"),
      soci::use(volunteer_id, "volunteer"), soci::into(count);
  return count > 0;
}

}  // namespace cercle::store
