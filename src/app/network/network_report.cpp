#include "app/network/network_report.hpp"

#include <algorithm>

#include "auth/policies/report_policy.hpp"
#include "store/organisation_store.hpp"

namespace cercle::app::network {
namespace {

// Adds `figure` to `total`: its value, and each line of its breakdown to the line of the same key.
void AddTo(domain::FigureResult& total, const domain::FigureResult& figure) {
  total.value += figure.value;
  for (const auto& line : figure.breakdown) {
    auto found = std::find_if(total.breakdown.begin(), total.breakdown.end(),
                              [&](const domain::FigureBreakdown& b) { return b.key == line.key; });
    if (found == total.breakdown.end()) {
      total.breakdown.push_back(line);
    } else {
      found->value += line.value;
    }
  }
}

}  // namespace

Result<NetworkReportPage> LoadNetworkReport(const Services& services, const auth::Actor& actor,
                                            const std::optional<domain::ReportPeriod>& period) {
  if (!auth::policies::ReportPolicy::CanSeeNetworkFigures(actor)) return Error::Forbidden();
  NetworkReportPage page;
  page.fiscal_start_month = static_cast<int>(
      domain::Setting(domain::SettingKey::kReportFiscalYearStartMonth).default_value);
  page.period = reports::PeriodOrLastQuarter(period, services.Today(), page.fiscal_start_month);
  for (const auto& definition : domain::FunderFigures()) page.totals.push_back({&definition, {}});
  for (const auto& organisation : store::ListOrganisations(services.database)) {
    const auto settings = reports::LoadSettings(services, organisation.id);
    if (settings.Get(domain::SettingKey::kNetworkShareFigures) != 1) {
      ++page.not_sharing;
      continue;
    }
    page.sharing.push_back(organisation.name);
    const auto basis =
        reports::LoadBasis(services, organisation.id, reports::FixedDays(page.period));
    const auto figures = reports::ComputeFigures(basis.records, page.period,
                                                 reports::FigureSettings(basis.settings));
    for (std::size_t i = 0; i < figures.size(); ++i)
      AddTo(page.totals[i].result, figures[i].result);
  }
  AuditView(services, actor, {"report.view", "network_report", ""});
  return page;
}

}  // namespace cercle::app::network
