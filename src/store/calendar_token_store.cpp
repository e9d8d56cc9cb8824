#include "store/calendar_token_store.hpp"

#include "store/circle_tables.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

using Tokens = tables::CalendarTokens;

constexpr const char* kDeleteOfVolunteer = R"sql(
DELETE
  FROM calendar_tokens
 WHERE organisation_id = :organisation AND volunteer_id = :volunteer
)sql";
constexpr const char* kFindByHash = R"sql(
SELECT {columns}
  FROM calendar_tokens
 WHERE token_hash = :hash
)sql";

}  // namespace

void CalendarTokenStore::Replace(std::int64_t organisation_id, std::int64_t volunteer_id,
                                 const std::string& token_hash, Instant now) {
  session_ << kDeleteOfVolunteer, soci::use(organisation_id, "organisation"),
      soci::use(volunteer_id, "volunteer");
  Insert<Tokens>(session_, {.organisation_id = organisation_id,
                            .volunteer_id = volunteer_id,
                            .token_hash = token_hash,
                            .created_at = now});
}

std::optional<CalendarOwner> CalendarTokenStore::FindByHash(const std::string& token_hash) {
  const auto token = SelectOne<Tokens>(session_, kFindByHash, Bindings{{}, {{"hash", token_hash}}});
  if (!token) return std::nullopt;
  return CalendarOwner{token->organisation_id, token->volunteer_id};
}

bool CalendarTokenStore::HasToken(std::int64_t volunteer_id, std::int64_t organisation_id) {
  return CountWhere<Tokens>(session_, "AND volunteer_id = :volunteer",
                            OfOrganisation(organisation_id, {{"volunteer", volunteer_id}})) > 0;
}

}  // namespace cercle::store
