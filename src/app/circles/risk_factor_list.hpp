#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/risk_factors.hpp"

// The organisation's list of risk and protective factors to rate at reviews: the default list
// until an admin changes it, then its own. Admins rename, reorder, add and take factors off the
// list (a factor is never deleted, so that its ratings keep their meaning); coordinators read it.
// Every change audited. Anyone else gets Forbidden: the list is an area, not a record.
namespace cercle::app::circles {

// The list, active factors and those taken off it, in its order.
struct FactorListPage {
  std::vector<domain::RiskFactor> factors;
  bool can_adjust = false;  // the actor may change the list
};
Result<FactorListPage> LoadFactorList(const Services& services, const auth::Actor& actor);

// A factor an admin adds: its name and kind; it goes at the end of its kind's factors.
struct NewFactor {
  std::string name;
  std::optional<domain::FactorKind> kind;
};
// Adds the factor ("risk_factor.create") after domain::CheckFactorName; returns its key.
Result<std::string> AddFactor(const Services& services, const auth::Actor& actor,
                              const NewFactor& factor);

// A factor's name as typed and whether it stays on the list to rate.
struct FactorChange {
  std::string key;
  std::string name;
  bool listed = true;
};
// Renames the factor and puts it on or off the list ("risk_factor.update"); its ratings stay.
Result<std::string> ChangeFactor(const Services& services, const auth::Actor& actor,
                                 const FactorChange& change);

// Which way a factor moves in the list.
enum class MoveDirection { kUp, kDown };
// Swaps the factor with its neighbour of the same kind ("risk_factor.move"); nothing moves at the
// end of its kind.
Result<std::string> MoveFactor(const Services& services, const auth::Actor& actor,
                               const std::string& key, MoveDirection direction);

}  // namespace cercle::app::circles
