#include "store/screening_store.hpp"

#include "store/table.hpp"

namespace cercle::store {
namespace {

struct TypeTable {
  using Record = domain::ScreeningItemType;
  static constexpr TableColumns kColumns{
      .table = "screening_item_types",
      .fixed = "organisation_id, position",
      .changing = "name, required, required_count, validity_months, active",
      .created = "created_at"};
  static auto Fields(Record& type) {
    return std::tie(type.id, type.organisation_id, type.position, type.name, type.required,
                    type.required_count, type.validity_months, type.active);
  }
};

struct ItemTable {
  using Record = domain::ScreeningItem;
  static constexpr TableColumns kColumns{
      .table = "screening_items",
      .fixed =
          "organisation_id, volunteer_id, type_id, completed_on, result, expires_on, "
          "checked_by, document_id, notes, recorded_at",
      .read_only = "withdrawn_at, withdrawal_reason"};
  static auto Fields(Record& item) {
    return std::tie(item.id, item.organisation_id, item.volunteer_id, item.type_id,
                    item.completed_on, item.result, item.expires_on, item.checked_by,
                    item.document_id, item.notes, item.recorded_at, item.withdrawn_at,
                    item.withdrawal_reason);
  }
};

constexpr const char* kListTypes = R"sql(
  SELECT {columns} FROM screening_item_types
  WHERE organisation_id = :organisation
  ORDER BY position, id
)sql";
constexpr const char* kListItems = R"sql(
  SELECT {columns} FROM screening_items
  WHERE organisation_id = :organisation AND volunteer_id = :volunteer
  ORDER BY completed_on DESC, id DESC
)sql";
// {volunteers} stands for every volunteer, or for a condition on volunteer_id.
constexpr const char* kListLiveItems = R"sql(
  SELECT {columns} FROM screening_items
  WHERE organisation_id = :organisation AND withdrawn_at IS NULL AND {volunteers}
  ORDER BY volunteer_id, completed_on DESC, id DESC
)sql";
constexpr const char* kWithdraw = R"sql(
  UPDATE screening_items
  SET withdrawn_at = :now, withdrawn_by = :by, withdrawal_reason = :reason
  WHERE id = :id AND organisation_id = :organisation AND withdrawn_at IS NULL
)sql";

}  // namespace

std::vector<domain::ScreeningItemType> ScreeningStore::ListTypes(std::int64_t organisation_id) {
  return SelectAll<TypeTable>(session_, kListTypes, Params({{"organisation", organisation_id}}));
}

std::optional<domain::ScreeningItemType> ScreeningStore::FindType(std::int64_t id,
                                                                  std::int64_t organisation_id) {
  return Find<TypeTable>(session_, id, organisation_id);
}

std::int64_t ScreeningStore::InsertType(const domain::ScreeningItemType& type, Instant now) {
  return Insert<TypeTable>(session_, type, CreatedAt(now));
}

void ScreeningStore::UpdateType(const domain::ScreeningItemType& type) {
  Update<TypeTable>(session_, type);
}

bool ScreeningStore::AddDefaultTypes(std::int64_t organisation_id, Instant now) {
  return InsertDefaults<TypeTable>(session_, organisation_id, domain::DefaultScreeningItemTypes(),
                                   CreatedAt(now));
}

std::vector<domain::ScreeningItem> ScreeningStore::ListItems(std::int64_t volunteer_id,
                                                             std::int64_t organisation_id) {
  return SelectAll<ItemTable>(
      session_, kListItems,
      Params({{"organisation", organisation_id}, {"volunteer", volunteer_id}}));
}

std::vector<domain::ScreeningItem> ScreeningStore::ListLiveItems(std::int64_t organisation_id) {
  return SelectAll<ItemTable>(
      session_, Replaced(kListLiveItems, "{volunteers}", AmongIds("volunteer_id", std::nullopt)),
      Params({{"organisation", organisation_id}}));
}

std::vector<domain::ScreeningItem> ScreeningStore::ListLiveItems(
    const std::vector<std::int64_t>& volunteer_ids, std::int64_t organisation_id) {
  if (volunteer_ids.empty()) return {};
  return SelectAll<ItemTable>(
      session_, Replaced(kListLiveItems, "{volunteers}", AmongIds("volunteer_id", volunteer_ids)),
      Params({{"organisation", organisation_id}}));
}

std::optional<domain::ScreeningItem> ScreeningStore::FindItem(std::int64_t id,
                                                              std::int64_t organisation_id) {
  return Find<ItemTable>(session_, id, organisation_id);
}

std::int64_t ScreeningStore::InsertItem(const domain::ScreeningItem& item) {
  return Insert<ItemTable>(session_, item);
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
