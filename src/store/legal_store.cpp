#include "store/legal_store.hpp"

#include <stdexcept>

#include "store/intake_columns.hpp"

namespace cercle::store {
namespace {

using intake::DateParameter;
using intake::IdParameter;
using intake::ReadDate;
using intake::ReadId;
using intake::ReadRequiredDate;

constexpr const char* kOrderColumns =
    "SELECT o.id, o.organisation_id, o.core_member_id, o.order_type, o.starts_on, o.ends_on, "
    "o.officer_user_id,"
    " o.officer_name, o.officer_contact, o.created_at, o.updated_at FROM supervision_orders o"
    " WHERE o.organisation_id = :organisation ";
constexpr const char* kInsertOrder =
    "INSERT INTO supervision_orders (organisation_id, core_member_id, order_type, starts_on, "
    "ends_on,"
    " officer_user_id, officer_name, officer_contact, created_at, updated_at) VALUES "
    "(:organisation, :core_member,"
    " :order_type, :starts_on, :ends_on, :officer, :officer_name, :officer_contact, :created_at, "
    ":updated_at)"
    " RETURNING id";
constexpr const char* kUpdateOrder =
    "UPDATE supervision_orders SET order_type = :order_type, starts_on = :starts_on, ends_on = "
    ":ends_on,"
    " officer_user_id = :officer, officer_name = :officer_name, officer_contact = :officer_contact,"
    " updated_at = :updated_at WHERE id = :id AND organisation_id = :organisation";
constexpr const char* kConditionColumns =
    "SELECT c.id, c.organisation_id, c.core_member_id, c.order_id, c.kind, c.condition_text, "
    "c.starts_on,"
    " c.ends_on, c.protects_victim, c.victim_identity, c.victim_places, c.created_at, c.updated_at"
    " FROM release_conditions c WHERE c.organisation_id = :organisation ";
constexpr const char* kInsertCondition =
    "INSERT INTO release_conditions (organisation_id, core_member_id, order_id, kind, "
    "condition_text, starts_on,"
    " ends_on, protects_victim, victim_identity, victim_places, created_at, updated_at) VALUES "
    "(:organisation,"
    " :core_member, :order_id, :kind, :text, :starts_on, :ends_on, :protects, :victim_identity, "
    ":victim_places,"
    " :created_at, :updated_at) RETURNING id";
constexpr const char* kUpdateCondition =
    "UPDATE release_conditions SET kind = :kind, condition_text = :text, starts_on = :starts_on,"
    " ends_on = :ends_on, protects_victim = :protects, victim_identity = :victim_identity,"
    " victim_places = :victim_places, updated_at = :updated_at WHERE id = :id AND organisation_id "
    "= :organisation";
// Only open files matter for key dates. A name appears once per statement: on PostgreSQL, SOCI
// binds only the first occurrence of a named parameter.
constexpr const char* kOpenFile =
    " AND EXISTS (SELECT 1 FROM core_members m WHERE m.id = core_member_id AND m.status <> "
    "'closed')"
    " AND ends_on BETWEEN :from AND :to ";

}  // namespace

std::int64_t LegalStore::InsertOrder(const domain::SupervisionOrder& order) {
  std::int64_t id = 0;
  const std::string type(domain::OrderTypeName(order.type));
  const std::string starts_on = domain::FormatIsoDate(order.starts_on);
  auto ends_on = DateParameter(order.ends_on);
  auto officer = IdParameter(order.officer_user_id);
  const long long created = ToUnix(order.created_at), updated = ToUnix(order.updated_at);
  session_ << kInsertOrder, soci::use(order.organisation_id, "organisation"),
      soci::use(order.core_member_id, "core_member"), soci::use(type, "order_type"),
      soci::use(starts_on, "starts_on"), soci::use(ends_on.value, ends_on.indicator, "ends_on"),
      soci::use(officer.value, officer.indicator, "officer"),
      soci::use(order.officer_name, "officer_name"),
      soci::use(order.officer_contact, "officer_contact"), soci::use(created, "created_at"),
      soci::use(updated, "updated_at"), soci::into(id);
  return id;
}

void LegalStore::UpdateOrder(const domain::SupervisionOrder& order) {
  const std::string type(domain::OrderTypeName(order.type));
  const std::string starts_on = domain::FormatIsoDate(order.starts_on);
  auto ends_on = DateParameter(order.ends_on);
  auto officer = IdParameter(order.officer_user_id);
  const long long updated = ToUnix(order.updated_at);
  session_ << kUpdateOrder, soci::use(type, "order_type"), soci::use(starts_on, "starts_on"),
      soci::use(ends_on.value, ends_on.indicator, "ends_on"),
      soci::use(officer.value, officer.indicator, "officer"),
      soci::use(order.officer_name, "officer_name"),
      soci::use(order.officer_contact, "officer_contact"), soci::use(updated, "updated_at"),
      soci::use(order.id, "id"), soci::use(order.organisation_id, "organisation");
}

std::vector<domain::SupervisionOrder> LegalStore::SelectOrders(const std::string& where,
                                                               std::int64_t organisation_id,
                                                               std::int64_t key,
                                                               const std::string& from,
                                                               const std::string& to) {
  domain::SupervisionOrder row;
  std::string type, starts_on, ends_on;
  soci::indicator ends_indicator, officer_indicator;
  std::int64_t officer = 0;
  long long created = 0, updated = 0;
  soci::statement statement =
      (session_.prepare << std::string(kOrderColumns) + where, soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.core_member_id), soci::into(type),
       soci::into(starts_on), soci::into(ends_on, ends_indicator),
       soci::into(officer, officer_indicator), soci::into(row.officer_name),
       soci::into(row.officer_contact), soci::into(created), soci::into(updated));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
  if (where.find(":from") != std::string::npos) {
    statement.exchange(soci::use(from, "from"));
    statement.exchange(soci::use(to, "to"));
  }
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::SupervisionOrder> orders;
  while (statement.fetch()) {
    domain::SupervisionOrder order = row;
    const auto parsed = domain::ParseOrderType(type);
    if (!parsed) throw std::runtime_error("a stored order type is unknown");
    order.type = *parsed;
    order.starts_on = ReadRequiredDate(starts_on);
    order.ends_on = ReadDate(ends_on, ends_indicator);
    order.officer_user_id = ReadId(officer, officer_indicator);
    order.created_at = FromUnix(created);
    order.updated_at = FromUnix(updated);
    orders.push_back(std::move(order));
  }
  return orders;
}

std::optional<domain::SupervisionOrder> LegalStore::FindOrder(std::int64_t id,
                                                              std::int64_t organisation_id) {
  auto orders = SelectOrders("AND o.id = :key", organisation_id, id, "", "");
  if (orders.empty()) return std::nullopt;
  return orders.front();
}

std::vector<domain::SupervisionOrder> LegalStore::Orders(std::int64_t core_member_id,
                                                         std::int64_t organisation_id) {
  return SelectOrders("AND o.core_member_id = :key ORDER BY o.starts_on DESC, o.id DESC",
                      organisation_id, core_member_id, "", "");
}

std::vector<domain::SupervisionOrder> LegalStore::OrdersEndingBetween(std::int64_t organisation_id,
                                                                      domain::CivilDate from,
                                                                      domain::CivilDate to) {
  return SelectOrders(std::string(kOpenFile) + "ORDER BY o.ends_on, o.id", organisation_id, 0,
                      domain::FormatIsoDate(from), domain::FormatIsoDate(to));
}

std::int64_t LegalStore::InsertCondition(const domain::Condition& condition) {
  std::int64_t id = 0;
  const std::string kind(domain::ConditionKindName(condition.kind));
  auto starts_on = DateParameter(condition.starts_on);
  auto ends_on = DateParameter(condition.ends_on);
  const int protects = condition.protects_victim ? 1 : 0;
  const long long created = ToUnix(condition.created_at), updated = ToUnix(condition.updated_at);
  session_ << kInsertCondition, soci::use(condition.organisation_id, "organisation"),
      soci::use(condition.core_member_id, "core_member"), soci::use(condition.order_id, "order_id"),
      soci::use(kind, "kind"), soci::use(condition.text, "text"),
      soci::use(starts_on.value, starts_on.indicator, "starts_on"),
      soci::use(ends_on.value, ends_on.indicator, "ends_on"), soci::use(protects, "protects"),
      soci::use(condition.victim_identity, "victim_identity"),
      soci::use(condition.victim_places, "victim_places"), soci::use(created, "created_at"),
      soci::use(updated, "updated_at"), soci::into(id);
  return id;
}

void LegalStore::UpdateCondition(const domain::Condition& condition) {
  const std::string kind(domain::ConditionKindName(condition.kind));
  auto starts_on = DateParameter(condition.starts_on);
  auto ends_on = DateParameter(condition.ends_on);
  const int protects = condition.protects_victim ? 1 : 0;
  const long long updated = ToUnix(condition.updated_at);
  session_ << kUpdateCondition, soci::use(kind, "kind"), soci::use(condition.text, "text"),
      soci::use(starts_on.value, starts_on.indicator, "starts_on"),
      soci::use(ends_on.value, ends_on.indicator, "ends_on"), soci::use(protects, "protects"),
      soci::use(condition.victim_identity, "victim_identity"),
      soci::use(condition.victim_places, "victim_places"), soci::use(updated, "updated_at"),
      soci::use(condition.id, "id"), soci::use(condition.organisation_id, "organisation");
}

std::vector<domain::Condition> LegalStore::SelectConditions(const std::string& where,
                                                            std::int64_t organisation_id,
                                                            std::int64_t key,
                                                            const std::string& from,
                                                            const std::string& to) {
  domain::Condition row;
  std::string kind, starts_on, ends_on;
  soci::indicator starts_indicator, ends_indicator;
  int protects = 0;
  long long created = 0, updated = 0;
  soci::statement statement =
      (session_.prepare << std::string(kConditionColumns) + where, soci::into(row.id),
       soci::into(row.organisation_id), soci::into(row.core_member_id), soci::into(row.order_id),
       soci::into(kind), soci::into(row.text), soci::into(starts_on, starts_indicator),
       soci::into(ends_on, ends_indicator), soci::into(protects), soci::into(row.victim_identity),
       soci::into(row.victim_places), soci::into(created), soci::into(updated));
  statement.exchange(soci::use(organisation_id, "organisation"));
  if (where.find(":key") != std::string::npos) statement.exchange(soci::use(key, "key"));
  if (where.find(":from") != std::string::npos) {
    statement.exchange(soci::use(from, "from"));
    statement.exchange(soci::use(to, "to"));
  }
  statement.define_and_bind();
  statement.execute();
  std::vector<domain::Condition> conditions;
  while (statement.fetch()) {
    domain::Condition condition = row;
    const auto parsed = domain::ParseConditionKind(kind);
    if (!parsed) throw std::runtime_error("a stored condition kind is unknown");
    condition.kind = *parsed;
    condition.starts_on = ReadDate(starts_on, starts_indicator);
    condition.ends_on = ReadDate(ends_on, ends_indicator);
    condition.protects_victim = protects != 0;
    condition.created_at = FromUnix(created);
    condition.updated_at = FromUnix(updated);
    conditions.push_back(std::move(condition));
  }
  return conditions;
}

std::optional<domain::Condition> LegalStore::FindCondition(std::int64_t id,
                                                           std::int64_t organisation_id) {
  auto conditions = SelectConditions("AND c.id = :key", organisation_id, id, "", "");
  if (conditions.empty()) return std::nullopt;
  return conditions.front();
}

std::vector<domain::Condition> LegalStore::Conditions(std::int64_t core_member_id,
                                                      std::int64_t organisation_id) {
  return SelectConditions("AND c.core_member_id = :key ORDER BY c.order_id, c.kind, c.id",
                          organisation_id, core_member_id, "", "");
}

std::vector<domain::Condition> LegalStore::ConditionsEndingBetween(std::int64_t organisation_id,
                                                                   domain::CivilDate from,
                                                                   domain::CivilDate to) {
  return SelectConditions(std::string(kOpenFile) + "ORDER BY c.ends_on, c.id", organisation_id, 0,
                          domain::FormatIsoDate(from), domain::FormatIsoDate(to));
}

}  // namespace cercle::store
