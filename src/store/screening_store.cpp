#include "store/screening_store.hpp"

namespace cercle::store {
namespace {

constexpr const char* kTypeColumns =
    "SELECT id, organisation_id, name, required, required_count, validity_months, position, active"
    " FROM screening_item_types WHERE organisation_id = :organisation ";
constexpr const char* kCountTypes =
    "SELECT count(*) FROM screening_item_types WHERE organisation_id = :organisation";
constexpr const char* kInsertType =
    "INSERT INTO screening_item_types (organisation_id, name, required, required_count, "
    "validity_months,"
    " position, active, created_at) VALUES (:organisation, :name, :required, :count, :validity, "
    ":position,"
    " :active, :now) RETURNING id";
constexpr const char* kUpdateType =
    "UPDATE screening_item_types SET name = :name, required = :required, required_count = :count,"
    " validity_months = :validity, active = :active WHERE id = :id AND organisation_id = "
    ":organisation";
constexpr const char* kItemColumns =
    "SELECT id, organisation_id, volunteer_id, type_id, completed_on, result, expires_on, "
    "checked_by,"
    " document_id, notes, recorded_at, withdrawn_at, withdrawal_reason FROM screening_items"
    " WHERE organisation_id = :organisation ";
constexpr const char* kInsertItem =
    "INSERT INTO screening_items (organisation_id, volunteer_id, type_id, completed_on, result, "
    "expires_on,"
    " checked_by, document_id, notes, recorded_at) VALUES (:organisation, :volunteer, :type, "
    ":completed,"
    " :result, :expires, :checked_by, :document, :notes, :at) RETURNING id";
constexpr const char* kWithdraw =
    "UPDATE screening_items SET withdrawn_at = :now, withdrawn_by = :by, withdrawal_reason = "
    ":reason"
    " WHERE id = :id AND organisation_id = :organisation AND withdrawn_at IS NULL";

// Runs `sql` for types with the parameters `bind` adds.
template <class Bind>
std::vector<domain::ScreeningItemType> SelectTypes(soci::session& session, const std::string& sql,
                                                   Bind&& bind) {
  domain::ScreeningItemType row;
  int required = 0, active = 0;
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(row.name));
  statement.exchange(soci::into(required));
  statement.exchange(soci::into(row.required_count));
  statement.exchange(soci::into(row.validity_months));
  statement.exchange(soci::into(row.position));
  statement.exchange(soci::into(active));
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::ScreeningItemType> types;
  while (statement.fetch()) {
    domain::ScreeningItemType type = row;
    type.required = required != 0;
    type.active = active != 0;
    types.push_back(std::move(type));
  }
  return types;
}

// Runs `sql` for items with the parameters `bind` adds.
template <class Bind>
std::vector<domain::ScreeningItem> SelectItems(soci::session& session, const std::string& sql,
                                               Bind&& bind) {
  domain::ScreeningItem row;
  std::string completed, result, expires;
  std::int64_t checked_by = 0, document = 0;
  long long recorded = 0, withdrawn = 0;
  soci::indicator expires_indicator = soci::i_null, checked_indicator = soci::i_null,
                  document_indicator = soci::i_null, withdrawn_indicator = soci::i_null;
  soci::statement statement(session);
  statement.exchange(soci::into(row.id));
  statement.exchange(soci::into(row.organisation_id));
  statement.exchange(soci::into(row.volunteer_id));
  statement.exchange(soci::into(row.type_id));
  statement.exchange(soci::into(completed));
  statement.exchange(soci::into(result));
  statement.exchange(soci::into(expires, expires_indicator));
  statement.exchange(soci::into(checked_by, checked_indicator));
  statement.exchange(soci::into(document, document_indicator));
  statement.exchange(soci::into(row.notes));
  statement.exchange(soci::into(recorded));
  statement.exchange(soci::into(withdrawn, withdrawn_indicator));
  statement.exchange(soci::into(row.withdrawal_reason));
  bind(statement);
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::ScreeningItem> items;
  while (statement.fetch()) {
    domain::ScreeningItem item = row;
    item.completed_on = domain::ParseIsoDate(completed).value_or(domain::CivilDate{});
    item.result = domain::ParseScreeningResult(result).value_or(domain::ScreeningResult::kPending);
    item.expires_on =
        expires_indicator == soci::i_ok ? domain::ParseIsoDate(expires) : std::nullopt;
    item.checked_by = checked_indicator == soci::i_ok ? std::optional(checked_by) : std::nullopt;
    item.document_id = document_indicator == soci::i_ok ? std::optional(document) : std::nullopt;
    item.recorded_at = FromUnix(recorded);
    item.withdrawn_at =
        withdrawn_indicator == soci::i_ok ? std::optional(FromUnix(withdrawn)) : std::nullopt;
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

std::vector<domain::ScreeningItemType> ScreeningStore::ListTypes(std::int64_t organisation_id) {
  return SelectTypes(session_, std::string(kTypeColumns) + "ORDER BY position, id",
                     [&](soci::statement& statement) {
                       statement.exchange(soci::use(organisation_id, "organisation"));
                     });
}

std::optional<domain::ScreeningItemType> ScreeningStore::FindType(std::int64_t id,
                                                                  std::int64_t organisation_id) {
  auto found = SelectTypes(session_, std::string(kTypeColumns) + "AND id = :id",
                           [&](soci::statement& statement) {
                             statement.exchange(soci::use(organisation_id, "organisation"));
                             statement.exchange(soci::use(id, "id"));
                           });
  if (found.empty()) return std::nullopt;
  return found.front();
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
  return SelectItems(session_,
                     std::string(kItemColumns) +
                         "AND volunteer_id = :volunteer ORDER BY completed_on DESC, id DESC",
                     [&](soci::statement& statement) {
                       statement.exchange(soci::use(organisation_id, "organisation"));
                       statement.exchange(soci::use(volunteer_id, "volunteer"));
                     });
}

std::vector<domain::ScreeningItem> ScreeningStore::ListLiveItems(std::int64_t organisation_id) {
  return SelectItems(
      session_,
      std::string(kItemColumns) +
          "AND withdrawn_at IS NULL ORDER BY volunteer_id, completed_on DESC, id DESC",
      [&](soci::statement& statement) {
        statement.exchange(soci::use(organisation_id, "organisation"));
      });
}

std::vector<domain::ScreeningItem> ScreeningStore::ListLiveItems(
    const std::vector<std::int64_t>& volunteer_ids, std::int64_t organisation_id) {
  if (volunteer_ids.empty()) return {};
  return SelectItems(session_,
                     std::string(kItemColumns) + "AND withdrawn_at IS NULL AND volunteer_id IN (" +
                         IdList(volunteer_ids) +
                         ") ORDER BY volunteer_id, completed_on DESC, id DESC",
                     [&](soci::statement& statement) {
                       statement.exchange(soci::use(organisation_id, "organisation"));
                     });
}

std::optional<domain::ScreeningItem> ScreeningStore::FindItem(std::int64_t id,
                                                              std::int64_t organisation_id) {
  auto found = SelectItems(session_, std::string(kItemColumns) + "AND id = :id",
                           [&](soci::statement& statement) {
                             statement.exchange(soci::use(organisation_id, "organisation"));
                             statement.exchange(soci::use(id, "id"));
                           });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::int64_t ScreeningStore::InsertItem(const domain::ScreeningItem& item) {
  std::int64_t id = 0;
  const std::string completed = domain::FormatIsoDate(item.completed_on);
  const std::string result(domain::ScreeningResultName(item.result));
  const std::string expires = item.expires_on ? domain::FormatIsoDate(*item.expires_on) : "";
  soci::indicator expires_indicator = item.expires_on ? soci::i_ok : soci::i_null;
  const std::int64_t checked_by = item.checked_by.value_or(0);
  soci::indicator checked_indicator = item.checked_by ? soci::i_ok : soci::i_null;
  const std::int64_t document = item.document_id.value_or(0);
  soci::indicator document_indicator = item.document_id ? soci::i_ok : soci::i_null;
  const long long at = ToUnix(item.recorded_at);
  session_ << kInsertItem, soci::use(item.organisation_id, "organisation"),
      soci::use(item.volunteer_id, "volunteer"), soci::use(item.type_id, "type"),
      soci::use(completed, "completed"), soci::use(result, "result"),
      soci::use(expires, expires_indicator, "expires"),
      soci::use(checked_by, checked_indicator, "checked_by"),
      soci::use(document, document_indicator, "document"), soci::use(item.notes, "notes"),
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
