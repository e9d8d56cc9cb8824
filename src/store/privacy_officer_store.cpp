#include "store/privacy_officer_store.hpp"

#include <tuple>

#include "store/table.hpp"

namespace cercle::store {
namespace {

// The persons in charge; the owner (organisation_id) is written once.
struct PrivacyOfficers {
  using Record = domain::PrivacyOfficer;
  static constexpr TableColumns kColumns{
      .table = "privacy_officers",
      .fixed = "organisation_id",
      .changing =
          "user_id, name, title, email, phone, postal_address, delegated, delegated_on, "
          "delegated_by, updated_by, updated_at"};
  static auto Fields(Record& officer) {
    return std::tie(officer.id, officer.organisation_id, officer.user_id, officer.name,
                    officer.title, officer.email, officer.phone, officer.postal_address,
                    officer.delegated, officer.delegated_on, officer.delegated_by,
                    officer.updated_by, officer.updated_at);
  }
};

// The network's row is owner 0, as in the unique index of the migration.
constexpr const char* kFind = R"sql(
  SELECT {columns} FROM privacy_officers WHERE coalesce(organisation_id, 0) = :owner
)sql";
constexpr const char* kUpdate = R"sql(
  UPDATE privacy_officers
  SET user_id = :user_id, name = :name, title = :title, email = :email, phone = :phone,
      postal_address = :postal_address, delegated = :delegated, delegated_on = :delegated_on,
      delegated_by = :delegated_by, updated_by = :updated_by, updated_at = :updated_at
  WHERE id = :id
)sql";
// An organisation's active users, then the network's (who have none): each through the index on
// the organisation and the name.
constexpr const char* kCandidates = R"sql(
  SELECT id, display_name FROM users
  WHERE organisation_id = :organisation AND active = 1
  ORDER BY display_name, id
)sql";
constexpr const char* kNetworkCandidates = R"sql(
  SELECT id, display_name FROM users
  WHERE organisation_id IS NULL AND active = 1
  ORDER BY display_name, id
)sql";

struct Candidates {
  using Record = OfficerCandidate;
  static auto Fields(Record& candidate) { return std::tie(candidate.id, candidate.display_name); }
};

}  // namespace

std::optional<domain::PrivacyOfficer> PrivacyOfficerStore::Find(
    std::optional<std::int64_t> organisation_id) {
  return SelectOne<PrivacyOfficers>(session_, kFind, Values("owner", organisation_id.value_or(0)));
}

std::int64_t PrivacyOfficerStore::Save(const domain::PrivacyOfficer& officer) {
  const auto existing = Find(officer.organisation_id);
  if (!existing) return Insert<PrivacyOfficers>(session_, officer);
  domain::PrivacyOfficer changed = officer;
  changed.id = existing->id;
  const auto& statements = StatementsOf<PrivacyOfficers>();
  TableRow<PrivacyOfficers> row(changed);
  soci::statement statement(session_);
  row.Use(statement, 0, 1);
  row.Use(statement, 1 + statements.fixed, 1 + statements.fixed + statements.changing);
  ExecuteOnce(statement, kUpdate);
  return changed.id;
}

std::vector<OfficerCandidate> PrivacyOfficerStore::ListCandidates(
    std::optional<std::int64_t> organisation_id) {
  if (!organisation_id)
    return FetchAll<TableRow<Candidates>>(session_, kNetworkCandidates, NoValues);
  return FetchAll<TableRow<Candidates>>(session_, kCandidates,
                                        Values("organisation", *organisation_id));
}

}  // namespace cercle::store
