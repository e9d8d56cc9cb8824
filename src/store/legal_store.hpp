#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "base/dates.hpp"
#include "domain/legal.hpp"

namespace cercle::store {

// Reads and writes core members' supervision orders and their conditions, within the caller's
// transaction. Conditions come back with their victim details: only coordinators' and admins' pages
// may read them, and anything shown to others goes through domain::ProjectForVolunteers.
class LegalStore {
 public:
  explicit LegalStore(soci::session& session) : session_(session) {}

  // Stores a new order; returns its id.
  std::int64_t InsertOrder(const domain::SupervisionOrder& order);
  // Stores the type, dates and officer of an existing order.
  void UpdateOrder(const domain::SupervisionOrder& order);
  // The order `id` of `organisation_id`, if any.
  std::optional<domain::SupervisionOrder> FindOrder(std::int64_t id, std::int64_t organisation_id);
  // The orders of a file, latest start first.
  std::vector<domain::SupervisionOrder> Orders(std::int64_t core_member_id,
                                               std::int64_t organisation_id);
  // The organisation's orders of open files that end from `from` to `to` (both included).
  std::vector<domain::SupervisionOrder> OrdersEndingBetween(std::int64_t organisation_id,
                                                            CivilDate from, CivilDate to);

  // Stores a new condition (already domain::Normalised); returns its id.
  std::int64_t InsertCondition(const domain::Condition& condition);
  // Stores the kind, text, dates and victim details of an existing condition.
  void UpdateCondition(const domain::Condition& condition);
  // The condition `id` of `organisation_id`, if any.
  std::optional<domain::Condition> FindCondition(std::int64_t id, std::int64_t organisation_id);
  // The conditions of a file, by order and kind.
  std::vector<domain::Condition> Conditions(std::int64_t core_member_id,
                                            std::int64_t organisation_id);
  // The organisation's conditions of open files that end from `from` to `to` (both included).
  std::vector<domain::Condition> ConditionsEndingBetween(std::int64_t organisation_id,
                                                         CivilDate from, CivilDate to);

 private:
  soci::session& session_;
};

}  // namespace cercle::store
