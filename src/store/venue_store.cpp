#include "store/venue_store.hpp"

#include "store/circle_tables.hpp"
#include "store/table.hpp"

namespace cercle::store {
namespace {

constexpr const char* kList = R"sql(
SELECT {columns}
  FROM venues
 WHERE organisation_id = :organisation AND (archived_at IS NULL OR :archived = 1)
 ORDER BY name, id
)sql";
constexpr const char* kNameTaken = R"sql(
SELECT count(*)
  FROM venues
 WHERE organisation_id = :organisation AND name = :name AND id <> :id
)sql";
constexpr const char* kRenameMeetings = R"sql(
UPDATE circle_meetings
   SET place = :name
 WHERE organisation_id = :organisation AND venue_id = :id
)sql";
constexpr const char* kArchive = R"sql(
UPDATE venues
   SET archived_at = :now, updated_at = :updated
 WHERE id = :id AND organisation_id = :organisation AND archived_at IS NULL
)sql";

}  // namespace

std::vector<domain::Venue> VenueStore::List(std::int64_t organisation_id,
                                            IncludeArchived archived) {
  const int every = archived == IncludeArchived::kYes ? 1 : 0;
  return SelectAll<tables::Venues>(session_, kList,
                                   Values("organisation", organisation_id, "archived", every));
}

std::optional<domain::Venue> VenueStore::Find(std::int64_t id, std::int64_t organisation_id) {
  return store::Find<tables::Venues>(session_, id, organisation_id);
}

bool VenueStore::NameTaken(std::int64_t organisation_id, const std::string& name,
                           std::int64_t except_id) {
  long long count = 0;
  session_ << kNameTaken, soci::use(organisation_id, "organisation"), soci::use(name, "name"),
      soci::use(except_id, "id"), soci::into(count);
  return count > 0;
}

std::int64_t VenueStore::Insert(const domain::Venue& venue) {
  return store::Insert<tables::Venues>(session_, venue);
}

void VenueStore::Update(const domain::Venue& venue) {
  store::Update<tables::Venues>(session_, venue);
  Change(session_, kRenameMeetings,
         Values("name", venue.name, "organisation", venue.organisation_id, "id", venue.id));
}

bool VenueStore::Archive(std::int64_t id, std::int64_t organisation_id, Instant now) {
  return Change(session_, kArchive,
                Values("now", now, "updated", now, "id", id, "organisation", organisation_id)) == 1;
}

}  // namespace cercle::store
