#pragma once

#include "web/context.hpp"

// The network administrator's view of the funder figures: the same figures as an organisation's
// funder report, summed over the organisations that chose to share them (setting
// "network.share_figures"). Totals only: no check lists, no record.
namespace cercle::web::pages::network {

// GET /network/reports.
Response ShowNetworkReport(Context& context);

}  // namespace cercle::web::pages::network
