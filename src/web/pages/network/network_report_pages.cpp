#include "web/pages/network/network_report_pages.hpp"

#include "app/network/network_report.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::network {
namespace {

// The network figures' template data.
mstch::map NetworkReportView(const Context& context, const reports::PeriodRequest& request,
                             const app::network::NetworkReportPage& page) {
  mstch::array sharing;
  for (const auto& name : page.sharing) sharing.push_back(mstch::map{{"name", name}});
  mstch::map model{{"sections", reports::FigureSections(context, page.totals, "")},
                   {"sharing", sharing},
                   {"sharing_count", std::to_string(sharing.size())},
                   {"none_sharing", sharing.empty()},
                   {"not_sharing", std::to_string(page.not_sharing)},
                   {"has_not_sharing", page.not_sharing > 0}};
  reports::AddPeriod(context, model, request, page.period, "/network/reports",
                     page.fiscal_start_month);
  return model;
}

}  // namespace

Response ShowNetworkReport(Context& context) {
  return reports::ShowPeriodPage(context, "network_report", "report_network", N_("Network figures"),
                                 app::network::LoadNetworkReport, NetworkReportView);
}

}  // namespace cercle::web::pages::network
