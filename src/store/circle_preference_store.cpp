#include "store/circle_store.hpp"

#include "store/circle_rows.hpp"

// The circle store's matching preferences: the conflicts declared between volunteers and core
// members, and the offence profiles volunteers decline.
namespace cercle::store {
namespace {

using namespace circle_rows;

constexpr const char* kConflictColumns = R"sql(
SELECT id, volunteer_id, core_member_id, note, recorded_by, recorded_at
  FROM volunteer_conflicts
 WHERE organisation_id = :organisation
 )sql";
constexpr const char* kConflictExists = R"sql(
SELECT count(*)
  FROM volunteer_conflicts
 WHERE organisation_id = :organisation AND volunteer_id = :volunteer AND core_member_id = :core_member
)sql";
constexpr const char* kInsertConflict = R"sql(
INSERT INTO volunteer_conflicts (organisation_id, volunteer_id, core_member_id, note,
       recorded_by, recorded_at)
VALUES (:organisation, :volunteer, :core_member, :note, :by, :at)
)sql";
constexpr const char* kDeleteConflict = R"sql(
DELETE
  FROM volunteer_conflicts
 WHERE id = :id AND organisation_id = :organisation
)sql";
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

std::vector<VolunteerConflict> CircleStore::SelectConflicts(const std::string& where,
                                                            std::int64_t organisation_id,
                                                            std::int64_t key) {
  VolunteerConflict row;
  std::int64_t by = 0;
  long long at = 0;
  soci::indicator by_indicator;
  soci::statement statement =
      (session_.prepare << std::string(kConflictColumns) + where, soci::into(row.id),
       soci::into(row.volunteer_id), soci::into(row.core_member_id), soci::into(row.note),
       soci::into(by, by_indicator), soci::into(at));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
  statement.define_and_bind();
  statement.execute();
  std::vector<VolunteerConflict> conflicts;
  while (statement.fetch()) {
    VolunteerConflict conflict = row;
    conflict.recorded_by = Id(by, by_indicator);
    conflict.recorded_at = FromUnix(at);
    conflicts.push_back(std::move(conflict));
  }
  return conflicts;
}

std::vector<VolunteerConflict> CircleStore::Conflicts(std::int64_t organisation_id) {
  return SelectConflicts("ORDER BY id", organisation_id, 0);
}

std::vector<VolunteerConflict> CircleStore::ConflictsOf(std::int64_t volunteer_id,
                                                        std::int64_t organisation_id) {
  return SelectConflicts("AND volunteer_id = :key ORDER BY id", organisation_id, volunteer_id);
}

std::optional<VolunteerConflict> CircleStore::FindConflict(std::int64_t id,
                                                           std::int64_t organisation_id) {
  auto conflicts = SelectConflicts("AND id = :key", organisation_id, id);
  if (conflicts.empty()) return std::nullopt;
  return conflicts.front();
}

bool CircleStore::InsertConflict(const VolunteerConflict& conflict, std::int64_t organisation_id) {
  long long existing = 0;
  session_ << kConflictExists, soci::use(organisation_id, "organisation"),
      soci::use(conflict.volunteer_id, "volunteer"),
      soci::use(conflict.core_member_id, "core_member"), soci::into(existing);
  if (existing > 0) return false;
  auto by = Nullable(conflict.recorded_by);
  const long long at = ToUnix(conflict.recorded_at);
  session_ << kInsertConflict, soci::use(organisation_id, "organisation"),
      soci::use(conflict.volunteer_id, "volunteer"),
      soci::use(conflict.core_member_id, "core_member"), soci::use(conflict.note, "note"),
      soci::use(by.value, by.indicator, "by"), soci::use(at, "at");
  return true;
}

void CircleStore::DeleteConflict(std::int64_t id, std::int64_t organisation_id) {
  session_ << kDeleteConflict, soci::use(id, "id"), soci::use(organisation_id, "organisation");
}

std::map<std::int64_t, std::vector<domain::OffenceProfile>> CircleStore::DeclinedProfiles(
    std::int64_t organisation_id) {
  std::map<std::int64_t, std::vector<domain::OffenceProfile>> declined;
  std::int64_t volunteer = 0;
  std::string profile;
  soci::statement statement =
      (session_.prepare << kDeclined, soci::use(organisation_id, "organisation"),
       soci::into(volunteer), soci::into(profile));
  statement.execute();
  while (statement.fetch()) {
    if (const auto parsed = domain::ParseEnum<domain::OffenceProfile>(profile))
      declined[volunteer].push_back(*parsed);
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
