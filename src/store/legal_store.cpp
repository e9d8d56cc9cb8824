#include "store/legal_store.hpp"

#include "store/table.hpp"
#include "store/tables.hpp"

namespace cercle::store {
namespace {

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
  return Insert<tables::SupervisionOrders>(session_, order);
}

void LegalStore::UpdateOrder(const domain::SupervisionOrder& order) {
  Update<tables::SupervisionOrders>(session_, order);
}

std::optional<domain::SupervisionOrder> LegalStore::FindOrder(std::int64_t id,
                                                              std::int64_t organisation_id) {
  return Find<tables::SupervisionOrders>(session_, id, organisation_id);
}

std::vector<domain::SupervisionOrder> LegalStore::Orders(std::int64_t core_member_id,
                                                         std::int64_t organisation_id) {
  return SelectOwned<tables::SupervisionOrders>(session_, "core_member_id", core_member_id,
                                                organisation_id, "starts_on DESC, id DESC");
}

std::vector<domain::SupervisionOrder> LegalStore::OrdersEndingBetween(std::int64_t organisation_id,
                                                                      CivilDate from,
                                                                      CivilDate to) {
  return EndingBetween<tables::SupervisionOrders>(session_, organisation_id, from, to);
}

std::int64_t LegalStore::InsertCondition(const domain::Condition& condition) {
  return Insert<tables::ReleaseConditions>(session_, condition);
}

void LegalStore::UpdateCondition(const domain::Condition& condition) {
  Update<tables::ReleaseConditions>(session_, condition);
}

std::optional<domain::Condition> LegalStore::FindCondition(std::int64_t id,
                                                           std::int64_t organisation_id) {
  return Find<tables::ReleaseConditions>(session_, id, organisation_id);
}

std::vector<domain::Condition> LegalStore::Conditions(std::int64_t core_member_id,
                                                      std::int64_t organisation_id) {
  return SelectOwned<tables::ReleaseConditions>(session_, "core_member_id", core_member_id,
                                                organisation_id, "order_id, kind, id");
}

std::vector<domain::Condition> LegalStore::ConditionsEndingBetween(std::int64_t organisation_id,
                                                                   CivilDate from, CivilDate to) {
  return EndingBetween<tables::ReleaseConditions>(session_, organisation_id, from, to);
}

}  // namespace cercle::store
