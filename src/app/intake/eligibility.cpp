#include "app/intake/eligibility.hpp"

#include "auth/policies/core_member_policy.hpp"
#include "store/referral_store.hpp"

namespace cercle::app::intake {
namespace {

using auth::policies::EligibilityCriteriaPolicy;

constexpr const char* kObjectType = "eligibility_criterion";

// The criterion `id` read in `unit`, when the actor may adjust it.
Result<domain::EligibilityCriterion> FindAdjustable(store::Unit& unit, const auth::Actor& actor,
                                                    std::int64_t id) {
  if (!EligibilityCriteriaPolicy::CanAdjust(actor)) return Error::Forbidden();
  auto criterion = store::EligibilityStore(unit.session()).Find(id, *actor.organisation_id);
  if (!criterion) return Error::NotFound();
  return *criterion;
}

}  // namespace

Result<std::vector<domain::EligibilityCriterion>> LoadCriteria(const Services& services,
                                                               const auth::Actor& actor) {
  if (!EligibilityCriteriaPolicy::CanAdjust(actor)) return Error::Forbidden();
  return Write(services, actor.scope(),
               [&](store::Unit& unit) -> Result<std::vector<domain::EligibilityCriterion>> {
                 store::EligibilityStore store(unit.session());
                 store.EnsureDefaults(*actor.organisation_id, unit.now());
                 return store.List(*actor.organisation_id);
               });
}

std::string CriterionLabel(const Services& services, i18n::Language language,
                           const domain::EligibilityCriterion& criterion) {
  if (!criterion.label.empty()) return criterion.label;
  if (const auto label = domain::DefaultCriterionLabel(criterion.default_key))
    return services.translator.Translate(language, *label);
  return criterion.default_key;
}

Result<std::int64_t> AddCriterion(const Services& services, const auth::Actor& actor,
                                  const std::string& label) {
  if (!EligibilityCriteriaPolicy::CanAdjust(actor)) return Error::Forbidden();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    TRY(domain::CheckCriterionLabel(label));
    store::EligibilityStore store(unit.session());
    store.EnsureDefaults(*actor.organisation_id, unit.now());
    const auto id = store.Insert(*actor.organisation_id, label, unit.now());
    Audit(services, unit, actor, {"eligibility.create", kObjectType, std::to_string(id)});
    return id;
  });
}

Status RenameCriterion(const Services& services, const auth::Actor& actor,
                       const CriterionRename& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const auto criterion = TRY(FindAdjustable(unit, actor, command.criterion_id));
    TRY(domain::CheckCriterionLabel(command.label));
    if (command.label == CriterionLabel(services, command.language, criterion)) return {};
    store::EligibilityStore(unit.session())
        .Rename(criterion.id, criterion.organisation_id, command.label);
    Audit(services, unit, actor, {"eligibility.update", kObjectType, std::to_string(criterion.id)});
    return {};
  });
}

Status SetCriterionRetirement(const Services& services, const auth::Actor& actor,
                              std::int64_t criterion_id, Retirement retirement) {
  const bool retire = retirement == Retirement::kRetire;
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    const auto criterion = TRY(FindAdjustable(unit, actor, criterion_id));
    if (criterion.active() != retire) return {};
    store::EligibilityStore(unit.session())
        .SetRetired(criterion.id, criterion.organisation_id,
                    retire ? std::optional(unit.now()) : std::nullopt);
    Audit(services, unit, actor,
          {retire ? "eligibility.retire" : "eligibility.restore", kObjectType,
           std::to_string(criterion.id)});
    return {};
  });
}

}  // namespace cercle::app::intake
