#include "app/reports/public_impact.hpp"

#include "app/reports/report_data.hpp"
#include "store/organisation_store.hpp"

namespace cercle::app::reports {

Result<ImpactPage> LoadImpactPage(const Services& services, const std::string& slug) {
  std::optional<store::Organisation> organisation;
  for (auto& candidate : store::ListOrganisations(services.database)) {
    if (candidate.slug == slug) organisation = std::move(candidate);
  }
  if (!organisation) return Error::NotFound();
  if (LoadSettings(services, organisation->id).Get(domain::SettingKey::kPublicImpactPage) != 1) {
    return Error::NotFound();
  }
  const auto basis = LoadBasis(services, organisation->id);
  return ImpactPage{
      organisation->name,
      domain::ComputeImpact(basis.records, services.Today(),
                            basis.settings.Get(domain::SettingKey::kPublicFoundingYear))};
}

}  // namespace cercle::app::reports
