#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/reports/report_data.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"

// The network's figures: the funder's figures summed over the organisations that share theirs.
namespace cercle::app::network {

struct NetworkReportPage {
  domain::ReportPeriod period;
  // The network has no fiscal year of its own: quarters follow the default one.
  int fiscal_start_month = 1;
  std::vector<reports::ComputedFigure> totals;  // each figure and its breakdown, summed
  std::vector<std::string> sharing;             // the names of the organisations counted
  std::size_t not_sharing = 0;
};

// The network's figures for `period` (the last full quarter when none). Forbidden for actors who
// may not see them; records "report.view" of the network report.
Result<NetworkReportPage> LoadNetworkReport(const Services& services, const auth::Actor& actor,
                                            const std::optional<domain::ReportPeriod>& period);

}  // namespace cercle::app::network
