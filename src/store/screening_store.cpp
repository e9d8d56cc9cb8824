#include "store/screening_store.hpp"

#include "store/volunteer_rows.hpp"

namespace cercle::store {
namespace {

using volunteer_rows::ByOrganisation;
using volunteer_rows::ByOrganisationAnd;
using volunteer_rows::FetchAll;
using volunteer_rows::FetchOne;

// The columns TypeRow reads, in its order.
#define CERCLE_SCREENING_TYPE_COLUMNS \
  R"sql(id, organisation_id, name, required, required_count, validity_months, position, active)sql"
// The columns ItemRow reads, in its order.
#define CERCLE_SCREENING_ITEM_COLUMNS \
  R"sql(id, organisation_id, volunteer_id, type_id, completed_on, result, expires_on, checked_by, document_id, notes, recorded_at, withdrawn_at, withdrawal_reason)sql"
constexpr const char* kListTypes = "SELECT " CERCLE_SCREENING_TYPE_COLUMNS R"sql(
    FROM screening_item_types
    WHERE organisation_id = :organisation
    ORDER BY position, id)sql";
constexpr const char* kFindType = "SELECT " CERCLE_SCREENING_TYPE_COLUMNS R"sql(
    FROM screening_item_types
    WHERE organisation_id = :organisation AND id = :id)sql";
constexpr const char* kCountTypes = R"sql(
    SELECT count(*)
    FROM screening_item_types
    WHERE organisation_id = :organisation)sql";
constexpr const char* kInsertType = R"sql(
    INSERT INTO screening_item_types (organisation_id, name, required, required_count,
      validity_months, position, active, created_at)
    VALUES (:organisation, :name, :required, :count, :validity, :position, :active, :now)
    RETURNING id)sql";
constexpr const char* kUpdateType = R"sql(
    UPDATE screening_item_types
    SET name = :name, required = :required, required_count = :count,
      validity_months = :validity, active = :active
    WHERE id = :id AND organisation_id = :organisation)sql";
constexpr const char* kListItems = "SELECT " CERCLE_SCREENING_ITEM_COLUMNS R"sql(
    FROM screening_items
    WHERE organisation_id = :organisation AND volunteer_id = :volunteer
    ORDER BY completed_on DESC, id DESC)sql";
constexpr const char* kListLiveItems = "SELECT " CERCLE_SCREENING_ITEM_COLUMNS R"sql(
    FROM screening_items
    WHERE organisation_id = :organisation AND withdrawn_at IS NULL
    ORDER BY volunteer_id, completed_on DESC, id DESC)sql";
// Followed by the ids of a page of volunteers and kLiveItemsOfEnd.
constexpr const char* kLiveItemsOf = "SELECT " CERCLE_SCREENING_ITEM_COLUMNS R"sql(
    FROM screening_items
    WHERE organisation_id = :organisation AND withdrawn_at IS NULL AND volunteer_id IN ()sql";
constexpr const char* kLiveItemsOfEnd = R"sql()
    ORDER BY volunteer_id, completed_on DESC, id DESC)sql";
constexpr const char* kFindItem = "SELECT " CERCLE_SCREENING_ITEM_COLUMNS R"sql(
    FROM screening_items
    WHERE organisation_id = :organisation AND id = :id)sql";
constexpr const char* kInsertItem = R"sql(
    INSERT INTO screening_items (organisation_id, volunteer_id, type_id, completed_on, result,
      expires_on, checked_by, document_id, notes, recorded_at)
    VALUES (:organisation, :volunteer, :type, :completed, :result, :expires, :checked_by,
      :document, :notes, :at)
    RETURNING id)sql";
constexpr const char* kWithdraw = R"sql(
    UPDATE screening_items
    SET withdrawn_at = :now, withdrawn_by = :by, withdrawal_reason = :reason
    WHERE id = :id AND organisation_id = :organisation AND withdrawn_at IS NULL)sql";

#undef CERCLE_SCREENING_TYPE_COLUMNS
#undef CERCLE_SCREENING_ITEM_COLUMNS

// A row of CERCLE_SCREENING_TYPE_COLUMNS.
struct TypeRow {
  domain::ScreeningItemType type;
  int required = 0, active = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(type.id));
    statement.exchange(soci::into(type.organisation_id));
    statement.exchange(soci::into(type.name));
    statement.exchange(soci::into(required));
    statement.exchange(soci::into(type.required_count));
    statement.exchange(soci::into(type.validity_months));
    statement.exchange(soci::into(type.position));
    statement.exchange(soci::into(active));
  }
  domain::ScreeningItemType Take() const {
    domain::ScreeningItemType result = type;
    result.required = required != 0;
    result.active = active != 0;
    return result;
  }
};

// A row of CERCLE_SCREENING_ITEM_COLUMNS.
struct ItemRow {
  domain::ScreeningItem item;
  std::string completed, result, expires;
  std::int64_t checked_by = 0, document = 0;
  long long recorded = 0, withdrawn = 0;
  soci::indicator expires_indicator = soci::i_null, checked_indicator = soci::i_null,
                  document_indicator = soci::i_null, withdrawn_indicator = soci::i_null;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(item.id));
    statement.exchange(soci::into(item.organisation_id));
    statement.exchange(soci::into(item.volunteer_id));
    statement.exchange(soci::into(item.type_id));
    statement.exchange(soci::into(completed));
    statement.exchange(soci::into(result));
    statement.exchange(soci::into(expires, expires_indicator));
    statement.exchange(soci::into(checked_by, checked_indicator));
    statement.exchange(soci::into(document, document_indicator));
    statement.exchange(soci::into(item.notes));
    statement.exchange(soci::into(recorded));
    statement.exchange(soci::into(withdrawn, withdrawn_indicator));
    statement.exchange(soci::into(item.withdrawal_reason));
  }
  domain::ScreeningItem Take() const {
    domain::ScreeningItem taken = item;
    taken.completed_on = volunteer_rows::RequiredDate(completed);
    taken.result = domain::ParseEnum<domain::ScreeningResult>(result).value_or(
        domain::ScreeningResult::kPending);
    taken.expires_on =
        expires_indicator == soci::i_ok ? ParseIsoDate(expires) : std::nullopt;
    taken.checked_by = volunteer_rows::IfPresent(checked_by, checked_indicator);
    taken.document_id = volunteer_rows::IfPresent(document, document_indicator);
    taken.recorded_at = FromUnix(recorded);
    taken.withdrawn_at =
        withdrawn_indicator == soci::i_ok ? std::optional(FromUnix(withdrawn)) : std::nullopt;
    return taken;
  }
};

}  // namespace

std::vector<domain::ScreeningItemType> ScreeningStore::ListTypes(std::int64_t organisation_id) {
  return FetchAll<TypeRow>(session_, kListTypes, ByOrganisation(organisation_id));
}

std::optional<domain::ScreeningItemType> ScreeningStore::FindType(std::int64_t id,
                                                                  std::int64_t organisation_id) {
  return FetchOne<TypeRow>(session_, kFindType, ByOrganisationAnd(organisation_id, id, "id"));
}

std::int64_t ScreeningStore::InsertType(const domain::ScreeningItemType& type, Instant now) {
  std::int64_t id = 0;
  const int required = type.required ? 1 : 0;
  const int active = type.active ? 1 : 0;
  const long long at = ToUnix(now);
  session_ << kInsertType, soci::use(type.organisation_id, "organisation"),
      soci::use(type.name, "name"), soci::use(required, "required"),
      soci::use(type.required_count, "count"), soci::use(type.validity_months, "validity"),
      soci::use(type.position, "position"), soci::use(active, "active"), soci::use(at, "now"),
      soci::into(id);
  return id;
}

void ScreeningStore::UpdateType(const domain::ScreeningItemType& type) {
  const int required = type.required ? 1 : 0;
  const int active = type.active ? 1 : 0;
  session_ << kUpdateType, soci::use(type.name, "name"), soci::use(required, "required"),
      soci::use(type.required_count, "count"), soci::use(type.validity_months, "validity"),
      soci::use(active, "active"), soci::use(type.id, "id"),
      soci::use(type.organisation_id, "organisation");
}

bool ScreeningStore::AddDefaultTypes(std::int64_t organisation_id, Instant now) {
  long long count = 0;
  session_ << kCountTypes, soci::use(organisation_id, "organisation"), soci::into(count);
  if (count > 0) return false;
  for (auto type : domain::DefaultScreeningItemTypes()) {
    type.organisation_id = organisation_id;
    InsertType(type, now);
  }
  return true;
}

std::vector<domain::ScreeningItem> ScreeningStore::ListItems(std::int64_t volunteer_id,
                                                             std::int64_t organisation_id) {
  return FetchAll<ItemRow>(session_, kListItems,
                           ByOrganisationAnd(organisation_id, volunteer_id, "volunteer"));
}

std::vector<domain::ScreeningItem> ScreeningStore::ListLiveItems(std::int64_t organisation_id) {
  return FetchAll<ItemRow>(session_, kListLiveItems, ByOrganisation(organisation_id));
}

std::vector<domain::ScreeningItem> ScreeningStore::ListLiveItems(
    const std::vector<std::int64_t>& volunteer_ids, std::int64_t organisation_id) {
  if (volunteer_ids.empty()) return {};
  return FetchAll<ItemRow>(session_,
                           std::string(kLiveItemsOf) + IdList(volunteer_ids) + kLiveItemsOfEnd,
                           ByOrganisation(organisation_id));
}

std::optional<domain::ScreeningItem> ScreeningStore::FindItem(std::int64_t id,
                                                              std::int64_t organisation_id) {
  return FetchOne<ItemRow>(session_, kFindItem, ByOrganisationAnd(organisation_id, id, "id"));
}

std::int64_t ScreeningStore::InsertItem(const domain::ScreeningItem& item) {
  std::int64_t id = 0;
  const std::string completed = FormatIsoDate(item.completed_on);
  const std::string result(domain::NameOf(item.result));
  const std::string expires = item.expires_on ? FormatIsoDate(*item.expires_on) : "";
  soci::indicator expires_indicator = item.expires_on ? soci::i_ok : soci::i_null;
  auto checked_by = volunteer_rows::NullableOf(item.checked_by);
  auto document = volunteer_rows::NullableOf(item.document_id);
  const long long at = ToUnix(item.recorded_at);
  session_ << kInsertItem, soci::use(item.organisation_id, "organisation"),
      soci::use(item.volunteer_id, "volunteer"), soci::use(item.type_id, "type"),
      soci::use(completed, "completed"), soci::use(result, "result"),
      soci::use(expires, expires_indicator, "expires"),
      soci::use(checked_by.value, checked_by.indicator, "checked_by"),
      soci::use(document.value, document.indicator, "document"), soci::use(item.notes, "notes"),
      soci::use(at, "at"), soci::into(id);
  return id;
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
