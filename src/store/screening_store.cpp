#include "store/screening_store.hpp"

#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

// The live items, by volunteer and newest first.
constexpr const char* kLiveItems =
    "AND withdrawn_at IS NULL ORDER BY volunteer_id, completed_on DESC, id DESC";
constexpr const char* kExpiringBy = R"sql(
  SELECT DISTINCT volunteer_id
  FROM screening_items
  WHERE organisation_id = :organisation AND withdrawn_at IS NULL AND expires_on <= :by
  ORDER BY volunteer_id
)sql";
constexpr const char* kWithdraw = R"sql(
  UPDATE screening_items
  SET withdrawn_at = :now, withdrawn_by = :by, withdrawal_reason = :reason
  WHERE id = :id AND organisation_id = :organisation AND withdrawn_at IS NULL
)sql";

}  // namespace

std::vector<domain::ScreeningItemType> ScreeningStore::ListTypes(std::int64_t organisation_id) {
  return SelectWhere<tables::ScreeningItemTypes>(session_, "ORDER BY position, id",
                                                 OfOrganisation(organisation_id));
}

std::optional<domain::ScreeningItemType> ScreeningStore::FindType(std::int64_t id,
                                                                  std::int64_t organisation_id) {
  return Find<tables::ScreeningItemTypes>(session_, id, organisation_id);
}

std::int64_t ScreeningStore::InsertType(const domain::ScreeningItemType& type, Instant now) {
  return Insert<tables::ScreeningItemTypes>(session_, type, CreatedAt(now));
}

void ScreeningStore::UpdateType(const domain::ScreeningItemType& type) {
  Update<tables::ScreeningItemTypes>(session_, type);
}

bool ScreeningStore::AddDefaultTypes(std::int64_t organisation_id, Instant now) {
  return InsertDefaults<tables::ScreeningItemTypes>(
      session_, organisation_id, domain::DefaultScreeningItemTypes(), CreatedAt(now));
}

std::vector<domain::ScreeningItem> ScreeningStore::ListItems(std::int64_t volunteer_id,
                                                             std::int64_t organisation_id) {
  return SelectOwned<tables::ScreeningItems>(session_, "volunteer_id", volunteer_id,
                                             organisation_id, "completed_on DESC, id DESC");
}

std::vector<domain::ScreeningItem> ScreeningStore::ListLiveItems(std::int64_t organisation_id) {
  return SelectWhere<tables::ScreeningItems>(session_, kLiveItems, OfOrganisation(organisation_id));
}

std::vector<domain::ScreeningItem> ScreeningStore::ListLiveItems(
    const std::vector<std::int64_t>& volunteer_ids, std::int64_t organisation_id) {
  if (volunteer_ids.empty()) return {};
  return SelectWhere<tables::ScreeningItems>(
      session_, "AND " + AmongIds("volunteer_id", volunteer_ids) + " " + kLiveItems,
      OfOrganisation(organisation_id));
}

std::vector<std::int64_t> ScreeningStore::VolunteersWithItemsExpiringBy(
    std::int64_t organisation_id, CivilDate by) {
  std::vector<std::int64_t> ids;
  for (const auto& [id] : FetchAll<TableRow<ValueRow<std::int64_t>>>(
           session_, kExpiringBy, Values("organisation", organisation_id, "by", by))) {
    ids.push_back(id);
  }
  return ids;
}

std::optional<domain::ScreeningItem> ScreeningStore::FindItem(std::int64_t id,
                                                              std::int64_t organisation_id) {
  return Find<tables::ScreeningItems>(session_, id, organisation_id);
}

std::int64_t ScreeningStore::InsertItem(const domain::ScreeningItem& item) {
  return Insert<tables::ScreeningItems>(session_, item);
}

bool ScreeningStore::WithdrawItem(std::int64_t id, std::int64_t organisation_id, std::int64_t by,
                                  const std::string& reason, Instant now) {
  const long long at = ToUnix(now);
  soci::statement statement = (session_.prepare << kWithdraw, soci::use(at, "now"),
                               soci::use(by, "by"), soci::use(reason, "reason"),
                               soci::use(id, "id"), soci::use(organisation_id, "organisation"));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

}  // namespace cercle::store
