#include "store/legal_store.hpp"

#include "store/table.hpp"

namespace cercle::store {
namespace {

struct OrderTable {
  using Record = domain::SupervisionOrder;
  static constexpr TableColumns kColumns{
      .table = "supervision_orders",
      .fixed = "organisation_id, core_member_id, created_at",
      .changing =
          "order_type, starts_on, ends_on, officer_user_id, officer_name, officer_contact, "
          "updated_at"};
  static auto Fields(Record& order) {
    return std::tie(order.id, order.organisation_id, order.core_member_id, order.created_at,
                    order.type, order.starts_on, order.ends_on, order.officer_user_id,
                    order.officer_name, order.officer_contact, order.updated_at);
  }
};

struct ConditionTable {
  using Record = domain::Condition;
  static constexpr TableColumns kColumns{
      .table = "release_conditions",
      .fixed = "organisation_id, core_member_id, order_id, created_at",
      .changing =
          "kind, condition_text, starts_on, ends_on, protects_victim, victim_identity, "
          "victim_places, updated_at"};
  static auto Fields(Record& condition) {
    return std::tie(condition.id, condition.organisation_id, condition.core_member_id,
                    condition.order_id, condition.created_at, condition.kind, condition.text,
                    condition.starts_on, condition.ends_on, condition.protects_victim,
                    condition.victim_identity, condition.victim_places, condition.updated_at);
  }
};

constexpr const char* kOrdersOfFile = R"sql(
  SELECT {columns} FROM supervision_orders
  WHERE organisation_id = :organisation AND core_member_id = :core_member
  ORDER BY starts_on DESC, id DESC
)sql";
constexpr const char* kConditionsOfFile = R"sql(
  SELECT {columns} FROM release_conditions
  WHERE organisation_id = :organisation AND core_member_id = :core_member
  ORDER BY order_id, kind, id
)sql";
// The orders or conditions ({table}) that end in a range of days. Only open files matter for key
// dates. A name appears once per statement: on PostgreSQL, SOCI binds only the first occurrence of
// a named parameter.
constexpr const char* kEndingBetween = R"sql(
  SELECT {columns} FROM {table} t
  WHERE t.organisation_id = :organisation
    AND EXISTS (SELECT 1 FROM core_members m WHERE m.id = t.core_member_id AND m.status <> 'closed')
    AND t.ends_on BETWEEN :from AND :to
  ORDER BY t.ends_on, t.id
)sql";

// The rows of `Table` of one file.
template <class Table>
std::vector<typename Table::Record> OfFile(soci::session& session, const char* query,
                                           std::int64_t core_member_id,
                                           std::int64_t organisation_id) {
  return SelectAll<Table>(
      session, query, Params({{"organisation", organisation_id}, {"core_member", core_member_id}}));
}

// The rows of `Table` of open files that end from `from` to `to`.
template <class Table>
std::vector<typename Table::Record> EndingBetween(soci::session& session,
                                                  std::int64_t organisation_id, CivilDate from,
                                                  CivilDate to) {
  const std::string first = FormatIsoDate(from), last = FormatIsoDate(to);
  return SelectAll<Table>(session, kEndingBetween, [&](soci::statement& statement) {
    statement.exchange(soci::use(organisation_id, "organisation"));
    statement.exchange(soci::use(first, "from"));
    statement.exchange(soci::use(last, "to"));
  });
}

}  // namespace

std::int64_t LegalStore::InsertOrder(const domain::SupervisionOrder& order) {
  return Insert<OrderTable>(session_, order);
}

void LegalStore::UpdateOrder(const domain::SupervisionOrder& order) {
  Update<OrderTable>(session_, order);
}

std::optional<domain::SupervisionOrder> LegalStore::FindOrder(std::int64_t id,
                                                              std::int64_t organisation_id) {
  return Find<OrderTable>(session_, id, organisation_id);
}

std::vector<domain::SupervisionOrder> LegalStore::Orders(std::int64_t core_member_id,
                                                         std::int64_t organisation_id) {
  return OfFile<OrderTable>(session_, kOrdersOfFile, core_member_id, organisation_id);
}

std::vector<domain::SupervisionOrder> LegalStore::OrdersEndingBetween(std::int64_t organisation_id,
                                                                      CivilDate from,
                                                                      CivilDate to) {
  return EndingBetween<OrderTable>(session_, organisation_id, from, to);
}

std::int64_t LegalStore::InsertCondition(const domain::Condition& condition) {
  return Insert<ConditionTable>(session_, condition);
}

void LegalStore::UpdateCondition(const domain::Condition& condition) {
  Update<ConditionTable>(session_, condition);
}

std::optional<domain::Condition> LegalStore::FindCondition(std::int64_t id,
                                                           std::int64_t organisation_id) {
  return Find<ConditionTable>(session_, id, organisation_id);
}

std::vector<domain::Condition> LegalStore::Conditions(std::int64_t core_member_id,
                                                      std::int64_t organisation_id) {
  return OfFile<ConditionTable>(session_, kConditionsOfFile, core_member_id, organisation_id);
}

std::vector<domain::Condition> LegalStore::ConditionsEndingBetween(std::int64_t organisation_id,
                                                                   CivilDate from, CivilDate to) {
  return EndingBetween<ConditionTable>(session_, organisation_id, from, to);
}

}  // namespace cercle::store
