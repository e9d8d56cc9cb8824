#include "store/legal_store.hpp"

#include <stdexcept>

#include "store/intake_columns.hpp"

namespace cercle::store {
namespace {

using intake::DateParameter;
using intake::IdParameter;
using intake::Keys;
using intake::ReadDate;
using intake::ReadId;
using intake::ReadRequiredDate;

constexpr const char* kFindOrder = R"sql(
SELECT o.id, o.organisation_id, o.core_member_id, o.order_type, o.starts_on, o.ends_on,
       o.officer_user_id, o.officer_name, o.officer_contact, o.created_at, o.updated_at
  FROM supervision_orders o
 WHERE o.organisation_id = :organisation AND o.id = :key
)sql";

constexpr const char* kOrdersOfFile = R"sql(
SELECT o.id, o.organisation_id, o.core_member_id, o.order_type, o.starts_on, o.ends_on,
       o.officer_user_id, o.officer_name, o.officer_contact, o.created_at, o.updated_at
  FROM supervision_orders o
 WHERE o.organisation_id = :organisation AND o.core_member_id = :key
 ORDER BY o.starts_on DESC, o.id DESC
)sql";

// Only open files matter for key dates. A name appears once per statement: on PostgreSQL, SOCI
// binds only the first occurrence of a named parameter.
constexpr const char* kOrdersEnding = R"sql(
SELECT o.id, o.organisation_id, o.core_member_id, o.order_type, o.starts_on, o.ends_on,
       o.officer_user_id, o.officer_name, o.officer_contact, o.created_at, o.updated_at
  FROM supervision_orders o
 WHERE o.organisation_id = :organisation
   AND EXISTS (SELECT 1 FROM core_members m WHERE m.id = o.core_member_id AND m.status <> 'closed')
   AND o.ends_on BETWEEN :from AND :to
 ORDER BY o.ends_on, o.id
)sql";

constexpr const char* kInsertOrder = R"sql(
INSERT INTO supervision_orders (organisation_id, core_member_id, order_type, starts_on, ends_on,
                                officer_user_id, officer_name, officer_contact, created_at,
                                updated_at)
VALUES (:organisation, :core_member, :order_type, :starts_on, :ends_on, :officer, :officer_name,
        :officer_contact, :created_at, :updated_at)
RETURNING id
)sql";

constexpr const char* kUpdateOrder = R"sql(
UPDATE supervision_orders
   SET order_type = :order_type, starts_on = :starts_on, ends_on = :ends_on,
       officer_user_id = :officer, officer_name = :officer_name, officer_contact = :officer_contact,
       updated_at = :updated_at
 WHERE id = :id AND organisation_id = :organisation
)sql";

constexpr const char* kFindCondition = R"sql(
SELECT c.id, c.organisation_id, c.core_member_id, c.order_id, c.kind, c.condition_text,
       c.starts_on, c.ends_on, c.protects_victim, c.victim_identity, c.victim_places,
       c.created_at, c.updated_at
  FROM release_conditions c
 WHERE c.organisation_id = :organisation AND c.id = :key
)sql";

constexpr const char* kConditionsOfFile = R"sql(
SELECT c.id, c.organisation_id, c.core_member_id, c.order_id, c.kind, c.condition_text,
       c.starts_on, c.ends_on, c.protects_victim, c.victim_identity, c.victim_places,
       c.created_at, c.updated_at
  FROM release_conditions c
 WHERE c.organisation_id = :organisation AND c.core_member_id = :key
 ORDER BY c.order_id, c.kind, c.id
)sql";

constexpr const char* kConditionsEnding = R"sql(
SELECT c.id, c.organisation_id, c.core_member_id, c.order_id, c.kind, c.condition_text,
       c.starts_on, c.ends_on, c.protects_victim, c.victim_identity, c.victim_places,
       c.created_at, c.updated_at
  FROM release_conditions c
 WHERE c.organisation_id = :organisation
   AND EXISTS (SELECT 1 FROM core_members m WHERE m.id = c.core_member_id AND m.status <> 'closed')
   AND c.ends_on BETWEEN :from AND :to
 ORDER BY c.ends_on, c.id
)sql";

constexpr const char* kInsertCondition = R"sql(
INSERT INTO release_conditions (organisation_id, core_member_id, order_id, kind, condition_text,
                                starts_on, ends_on, protects_victim, victim_identity,
                                victim_places, created_at, updated_at)
VALUES (:organisation, :core_member, :order_id, :kind, :text, :starts_on, :ends_on, :protects,
        :victim_identity, :victim_places, :created_at, :updated_at)
RETURNING id
)sql";

constexpr const char* kUpdateCondition = R"sql(
UPDATE release_conditions
   SET kind = :kind, condition_text = :text, starts_on = :starts_on, ends_on = :ends_on,
       protects_victim = :protects, victim_identity = :victim_identity,
       victim_places = :victim_places, updated_at = :updated_at
 WHERE id = :id AND organisation_id = :organisation
)sql";

// One row of supervision_orders, in the column order of the SELECTs above.
struct OrderRow {
  domain::SupervisionOrder order;
  std::string type, starts_on, ends_on;
  soci::indicator ends_indicator = soci::i_ok, officer_indicator = soci::i_ok;
  std::int64_t officer = 0;
  long long created = 0, updated = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(order.id));
    statement.exchange(soci::into(order.organisation_id));
    statement.exchange(soci::into(order.core_member_id));
    statement.exchange(soci::into(type));
    statement.exchange(soci::into(starts_on));
    statement.exchange(soci::into(ends_on, ends_indicator));
    statement.exchange(soci::into(officer, officer_indicator));
    statement.exchange(soci::into(order.officer_name));
    statement.exchange(soci::into(order.officer_contact));
    statement.exchange(soci::into(created));
    statement.exchange(soci::into(updated));
  }

  domain::SupervisionOrder Take() const {
    domain::SupervisionOrder read = order;
    const auto parsed = domain::ParseEnum<domain::OrderType>(type);
    if (!parsed) throw std::runtime_error("a stored order type is unknown");
    read.type = *parsed;
    read.starts_on = ReadRequiredDate(starts_on);
    read.ends_on = ReadDate(ends_on, ends_indicator);
    read.officer_user_id = ReadId(officer, officer_indicator);
    read.created_at = FromUnix(created);
    read.updated_at = FromUnix(updated);
    return read;
  }
};

// One row of release_conditions, in the column order of the SELECTs above.
struct ConditionRow {
  domain::Condition condition;
  std::string kind, starts_on, ends_on;
  soci::indicator starts_indicator = soci::i_ok, ends_indicator = soci::i_ok;
  int protects = 0;
  long long created = 0, updated = 0;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(condition.id));
    statement.exchange(soci::into(condition.organisation_id));
    statement.exchange(soci::into(condition.core_member_id));
    statement.exchange(soci::into(condition.order_id));
    statement.exchange(soci::into(kind));
    statement.exchange(soci::into(condition.text));
    statement.exchange(soci::into(starts_on, starts_indicator));
    statement.exchange(soci::into(ends_on, ends_indicator));
    statement.exchange(soci::into(protects));
    statement.exchange(soci::into(condition.victim_identity));
    statement.exchange(soci::into(condition.victim_places));
    statement.exchange(soci::into(created));
    statement.exchange(soci::into(updated));
  }

  domain::Condition Take() const {
    domain::Condition read = condition;
    const auto parsed = domain::ParseEnum<domain::ConditionKind>(kind);
    if (!parsed) throw std::runtime_error("a stored condition kind is unknown");
    read.kind = *parsed;
    read.starts_on = ReadDate(starts_on, starts_indicator);
    read.ends_on = ReadDate(ends_on, ends_indicator);
    read.protects_victim = protects != 0;
    read.created_at = FromUnix(created);
    read.updated_at = FromUnix(updated);
    return read;
  }
};

// The first of `rows`, if any.
template <class T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

// The range of dates of a key-dates query.
Keys Between(std::int64_t organisation_id, CivilDate from, CivilDate to) {
  return {organisation_id, std::nullopt, FormatIsoDate(from), FormatIsoDate(to)};
}

}  // namespace

std::int64_t LegalStore::InsertOrder(const domain::SupervisionOrder& order) {
  std::int64_t id = 0;
  const std::string type(domain::NameOf(order.type));
  const std::string starts_on = FormatIsoDate(order.starts_on);
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
  const std::string type(domain::NameOf(order.type));
  const std::string starts_on = FormatIsoDate(order.starts_on);
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

std::optional<domain::SupervisionOrder> LegalStore::FindOrder(std::int64_t id,
                                                              std::int64_t organisation_id) {
  return First(intake::FetchAll<OrderRow>(session_, kFindOrder, {organisation_id, id}));
}

std::vector<domain::SupervisionOrder> LegalStore::Orders(std::int64_t core_member_id,
                                                         std::int64_t organisation_id) {
  return intake::FetchAll<OrderRow>(session_, kOrdersOfFile, {organisation_id, core_member_id});
}

std::vector<domain::SupervisionOrder> LegalStore::OrdersEndingBetween(std::int64_t organisation_id,
                                                                      CivilDate from,
                                                                      CivilDate to) {
  return intake::FetchAll<OrderRow>(session_, kOrdersEnding, Between(organisation_id, from, to));
}

std::int64_t LegalStore::InsertCondition(const domain::Condition& condition) {
  std::int64_t id = 0;
  const std::string kind(domain::NameOf(condition.kind));
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
  const std::string kind(domain::NameOf(condition.kind));
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

std::optional<domain::Condition> LegalStore::FindCondition(std::int64_t id,
                                                           std::int64_t organisation_id) {
  return First(intake::FetchAll<ConditionRow>(session_, kFindCondition, {organisation_id, id}));
}

std::vector<domain::Condition> LegalStore::Conditions(std::int64_t core_member_id,
                                                      std::int64_t organisation_id) {
  return intake::FetchAll<ConditionRow>(session_, kConditionsOfFile,
                                        {organisation_id, core_member_id});
}

std::vector<domain::Condition> LegalStore::ConditionsEndingBetween(std::int64_t organisation_id,
                                                                   CivilDate from,
                                                                   CivilDate to) {
  return intake::FetchAll<ConditionRow>(session_, kConditionsEnding,
                                        Between(organisation_id, from, to));
}

}  // namespace cercle::store
