#include "store/recovery_code_store.hpp"

namespace cercle::store {
namespace {

constexpr const char* kDeleteForUser = R"sql(
  DELETE FROM recovery_codes WHERE user_id = :user
)sql";

constexpr const char* kInsert = R"sql(
  INSERT INTO recovery_codes (user_id, organisation_id, code_hash) VALUES (:user, :organisation, :hash)
)sql";

constexpr const char* kUse = R"sql(
  UPDATE recovery_codes SET used_at = :now
  WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL
)sql";

}  // namespace

void RecoveryCodeStore::Replace(std::int64_t user_id, std::optional<std::int64_t> organisation_id,
                                const std::vector<std::string>& code_hashes) {
  session_ << kDeleteForUser, soci::use(user_id, "user");
  const std::int64_t organisation = organisation_id.value_or(0);
  soci::indicator organisation_indicator = organisation_id ? soci::i_ok : soci::i_null;
  for (const auto& hash : code_hashes) {
    session_ << kInsert, soci::use(user_id, "user"),
        soci::use(organisation, organisation_indicator, "organisation"), soci::use(hash, "hash");
  }
}

bool RecoveryCodeStore::Use(std::int64_t user_id, const std::string& code_hash, Instant now) {
  const long long at = ToUnix(now);
  soci::statement statement = (session_.prepare << kUse, soci::use(at, "now"),
                               soci::use(user_id, "user"), soci::use(code_hash, "hash"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace cercle::store
