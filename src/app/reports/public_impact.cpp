#include "app/reports/public_impact.hpp"

#include <utility>

#include "app/reports/report_data.hpp"
#include "store/organisation_store.hpp"
#include "store/report_store.hpp"

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
  const CivilDate today = services.Today();
  // The page counts every approved hour up to today, and shows none: their minutes are summed in
  // SQL, and no hour, expense or concern is read (a period that ends before it starts).
  const domain::ReportPeriod no_day{today, AddDays(today, -1)};
  const std::int64_t id = organisation->id;
  const auto [basis, logged_minutes] =
      Read(services, store::Scope::Organisation(id), [&](store::Unit& unit) {
        return std::pair(ReadBasis(services, unit, id, FixedDays(no_day)),
                         store::ApprovedMinutesThrough(unit.session(), id, today));
      });
  return ImpactPage{
      organisation->name,
      domain::ComputeImpact(basis.records, logged_minutes, today,
                            basis.settings.Get(domain::SettingKey::kPublicFoundingYear))};
}

}  // namespace cercle::app::reports
