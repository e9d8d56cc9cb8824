#include "app/circles/risk_factor_list.hpp"

#include <algorithm>

#include "base/text.hpp"

#include "app/circles/circles.hpp"
#include "auth/policies/risk_factor_policy.hpp"
#include "store/risk_factor_store.hpp"

namespace cercle::app::circles {
namespace {

using auth::policies::RiskFactorPolicy;

// Runs `change(store, factors)` on the organisation's stored list (the default list written first
// when it has none), in one transaction, for an admin; its audit entry `action` names the factor
// whose key `change` returns.
template <class Change>
Result<std::string> ChangeList(const Services& services, const auth::Actor& actor,
                               const char* action, Change&& change) {
  if (!RiskFactorPolicy::CanAdjustList(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::string> {
    store::RiskFactorStore store(unit.session());
    store.AddDefaultFactors(unit.organisation_id());
    auto factors = store.Factors(unit.organisation_id());
    const auto key = TRY(change(store, factors));
    Audit(services, unit, actor, {action, "risk_factor", key});
    return key;
  });
}

// The factor of `factors` whose key is `key`: Invalid when no factor is named, NotFound when none
// has that key.
Result<domain::RiskFactor*> Find(std::vector<domain::RiskFactor>& factors, const std::string& key) {
  if (key.empty()) return Error::Invalid(N_("Choose a factor."));
  const auto found = std::find_if(factors.begin(), factors.end(),
                                  [&](const auto& factor) { return factor.key == key; });
  if (found == factors.end()) return Error::NotFound();
  return &*found;
}

}  // namespace

Result<FactorListPage> LoadFactorList(const Services& services, const auth::Actor& actor) {
  if (!RiskFactorPolicy::CanManage(actor)) return Error::Forbidden();
  auto factors = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::RiskFactorStore(unit.session()).Factors(unit.organisation_id());
  });
  if (factors.empty()) factors = domain::DefaultRiskFactors();
  return FactorListPage{std::move(factors), RiskFactorPolicy::CanAdjustList(actor)};
}

Result<std::string> AddFactor(const Services& services, const auth::Actor& actor,
                              const NewFactor& factor) {
  return ChangeList(services, actor, "risk_factor.create",
                    [&](store::RiskFactorStore& store,
                        std::vector<domain::RiskFactor>& factors) -> Result<std::string> {
                      domain::RiskFactor added{
                          .organisation_id = actor.organisation_id.value_or(0),
                          .key = domain::NextCustomKey(factors),
                          .name = factor.name,
                          .kind = factor.kind.value_or(domain::FactorKind::kDynamicRisk)};
                      auto checked = domain::CheckFactorName(added.name, factors, added.key);
                      if (!factor.kind) {
                        std::vector<FieldError> fields =
                            checked ? std::vector<FieldError>{} : checked.error().fields;
                        fields.push_back({"kind", {N_("Choose the kind of factor."), {}}});
                        return Error::Fields(std::move(fields));
                      }
                      TRY(std::move(checked));
                      for (const auto& other : factors)
                        added.position = std::max(added.position, other.position);
                      ++added.position;
                      store.InsertFactor(added);
                      return added.key;
                    });
}

Result<std::string> ChangeFactor(const Services& services, const auth::Actor& actor,
                                 const FactorChange& change) {
  return ChangeList(services, actor, "risk_factor.update",
                    [&](store::RiskFactorStore& store,
                        std::vector<domain::RiskFactor>& factors) -> Result<std::string> {
                      auto* factor = TRY(Find(factors, change.key));
                      auto name = Trimmed(change.name);
                      // A default name sent back as the form showed it, translated, stays the
                      // msgid, so that each reader keeps seeing it in their own language.
                      if (name == services.translator.Translate(LanguageOf(actor), factor->name)) {
                        name = factor->name;
                      }
                      TRY(domain::CheckFactorName(name, factors, factor->key));
                      factor->name = std::move(name);
                      factor->active = change.listed;
                      store.UpdateFactor(*factor);
                      return factor->key;
                    });
}

Result<std::string> MoveFactor(const Services& services, const auth::Actor& actor,
                               const std::string& key, MoveDirection direction) {
  return ChangeList(services, actor, "risk_factor.move",
                    [&](store::RiskFactorStore& store,
                        std::vector<domain::RiskFactor>& factors) -> Result<std::string> {
                      auto* factor = TRY(Find(factors, key));
                      // The nearest factor of the same kind above or below it in the list.
                      domain::RiskFactor* neighbour = nullptr;
                      for (auto& other : factors) {
                        if (other.kind != factor->kind || other.key == factor->key) continue;
                        const bool beyond = direction == MoveDirection::kUp
                                                ? other.position < factor->position
                                                : other.position > factor->position;
                        if (!beyond) continue;
                        if (!neighbour || (direction == MoveDirection::kUp
                                               ? other.position > neighbour->position
                                               : other.position < neighbour->position)) {
                          neighbour = &other;
                        }
                      }
                      if (!neighbour) return factor->key;
                      std::swap(factor->position, neighbour->position);
                      store.UpdateFactor(*factor);
                      store.UpdateFactor(*neighbour);
                      return factor->key;
                    });
}

}  // namespace cercle::app::circles
