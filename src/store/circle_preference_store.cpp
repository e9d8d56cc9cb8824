#include "store/circle_store.hpp"
#include "store/circle_tables.hpp"
#include "store/table.hpp"

// The circle store's matching preferences: the conflicts declared between volunteers and core
// members, and the offence profiles volunteers decline.
namespace cercle::store {
namespace {

constexpr const char* kDeclined = R"sql(
SELECT volunteer_id, profile
  FROM volunteer_declined_profiles
 WHERE organisation_id = :organisation
)sql";
constexpr const char* kDeleteDeclined = R"sql(
DELETE
  FROM volunteer_declined_profiles
 WHERE organisation_id = :organisation AND volunteer_id = :volunteer
)sql";
constexpr const char* kInsertDeclined = R"sql(
INSERT INTO volunteer_declined_profiles (organisation_id, volunteer_id, profile)
VALUES (:organisation, :volunteer, :profile)
)sql";

}  // namespace

std::vector<VolunteerConflict> CircleStore::Conflicts(std::int64_t organisation_id) {
  return SelectWhere<tables::VolunteerConflicts>(session_, "ORDER BY id",
                                                 OfOrganisation(organisation_id));
}

std::vector<VolunteerConflict> CircleStore::ConflictsOf(std::int64_t volunteer_id,
                                                        std::int64_t organisation_id) {
  return SelectWhere<tables::VolunteerConflicts>(
      session_, "AND volunteer_id = :volunteer ORDER BY id",
      OfOrganisation(organisation_id, {{"volunteer", volunteer_id}}));
}

std::optional<VolunteerConflict> CircleStore::FindConflict(std::int64_t id,
                                                           std::int64_t organisation_id) {
  return store::Find<tables::VolunteerConflicts>(session_, id, organisation_id);
}

bool CircleStore::InsertConflict(const VolunteerConflict& conflict, std::int64_t organisation_id) {
  const auto existing = CountWhere<tables::VolunteerConflicts>(
      session_, "AND volunteer_id = :volunteer AND core_member_id = :core_member",
      OfOrganisation(organisation_id, {{"volunteer", conflict.volunteer_id},
                                       {"core_member", conflict.core_member_id}}));
  if (existing > 0) return false;
  store::Insert<tables::VolunteerConflicts>(session_, conflict,
                                            Params({{"organisation_id", organisation_id}}));
  return true;
}

void CircleStore::DeleteConflict(std::int64_t id, std::int64_t organisation_id) {
  store::Delete<tables::VolunteerConflicts>(session_, id, organisation_id);
}

std::map<std::int64_t, std::vector<domain::OffenceProfile>> CircleStore::DeclinedProfiles(
    std::int64_t organisation_id) {
  std::map<std::int64_t, std::vector<domain::OffenceProfile>> declined;
  for (const auto& [volunteer, profile] :
       FetchAll<TableRow<ValueRow<std::int64_t, domain::OffenceProfile>>>(
           session_, kDeclined, Params({{"organisation", organisation_id}}))) {
    declined[volunteer].push_back(profile);
  }
  return declined;
}

void CircleStore::ReplaceDeclinedProfiles(std::int64_t volunteer_id, std::int64_t organisation_id,
                                          const std::vector<domain::OffenceProfile>& profiles) {
  session_ << kDeleteDeclined, soci::use(organisation_id, "organisation"),
      soci::use(volunteer_id, "volunteer");
  for (const auto profile : profiles) {
    const std::string name(domain::NameOf(profile));
    session_ << kInsertDeclined, soci::use(organisation_id, "organisation"),
        soci::use(volunteer_id, "volunteer"), soci::use(name, "profile");
  }
}

}  // namespace cercle::store
