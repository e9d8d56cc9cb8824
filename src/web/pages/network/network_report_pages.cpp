#include "web/pages/network/network_report_pages.hpp"

#include <algorithm>

#include "auth/policies/report_policy.hpp"
#include "store/organisation_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::network {

Response ShowNetworkReport(Context& context) {
  const auto& actor = context.signed_in();
  if (!auth::policies::ReportPolicy::CanSeeNetworkFigures(actor)) {
    return Deny(context, "network_report", "", 403);
  }
  // The network has no fiscal year of its own: quarters follow the default one (April).
  const int start_month =
      static_cast<int>(domain::Setting("report.fiscal_year_start_month").default_value);
  const auto current = domain::QuarterOf(reports::Today(context), start_month);
  const auto request =
      reports::ReadPeriod(context, domain::PreviousQuarter(current, start_month).period);

  std::vector<reports::ComputedFigure> totals;
  for (const auto& definition : domain::FunderFigures()) totals.push_back({&definition, {}});
  mstch::array sharing;
  std::size_t not_sharing = 0;
  for (const auto& organisation : store::ListOrganisations(context.services.database)) {
    const auto settings = reports::LoadSettings(context, organisation.id);
    if (settings.Get("network.share_figures") != 1) {
      ++not_sharing;
      continue;
    }
    sharing.push_back(mstch::map{{"name", organisation.name}});
    const auto records = reports::LoadRecords(context, organisation.id);
    const auto figures =
        reports::ComputeFigures(records, request.period, reports::FigureSettings(settings));
    for (std::size_t i = 0; i < figures.size(); ++i) {
      auto& total = totals[i].result;
      total.value += figures[i].result.value;
      for (const auto& line : figures[i].result.breakdown) {
        auto found =
            std::find_if(total.breakdown.begin(), total.breakdown.end(),
                         [&](const domain::FigureBreakdown& b) { return b.key == line.key; });
        if (found == total.breakdown.end()) {
          total.breakdown.push_back(line);
        } else {
          found->value += line.value;
        }
      }
    }
  }
  context.services.audit.Record(
      context.services.database,
      {std::nullopt, actor.user_id, "report.view", "network_report", "",
       context.request.client_address, audit::Outcome::kSuccess, context.services.clock.Now()});
  mstch::map model{{"sections", reports::FigureSections(context, totals, "")},
                   {"sharing", sharing},
                   {"sharing_count", std::to_string(sharing.size())},
                   {"none_sharing", sharing.empty()},
                   {"not_sharing", std::to_string(not_sharing)},
                   {"has_not_sharing", not_sharing > 0}};
  model["from"] = mstch::map{{"value", request.from_text}};
  model["to"] = mstch::map{{"value", request.to_text}};
  if (request.error) AddErrors(context, *request.error, model);
  model["period_text"] = reports::PeriodText(context, request.period);
  model["quarters"] =
      reports::QuarterLinks(context, "/network/reports", request.period, start_month);
  model["action"] = std::string("/network/reports");
  return RenderPage(context, "report_network", context.Translate(N_("Network figures")),
                    std::move(model), request.error ? 422 : 200);
}

}  // namespace cercle::web::pages::network
