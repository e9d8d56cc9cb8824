#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "app/services.hpp"
#include "domain/funder_report.hpp"
#include "domain/report_period.hpp"
#include "domain/settings.hpp"

// What every report is computed from: one organisation's records and settings, its fiscal year
// and the funder's figures. The dashboard, the funder's report, the evaluation extract, the
// network figures and the public impact page all read through these.
namespace cercle::app::reports {

// One organisation's settings and everything its reports count, read in one transaction of its
// scope.
struct ReportBasis {
  domain::Settings settings{{}};
  domain::ReportRecords records;
};
// The days whose approved hours, counted expenses and concerns a report reads, from the
// organisation's settings (a funder's quarter follows its fiscal year); none to read every day.
// The figures count those records only within the period they are given: a report reads its
// period's.
using DaysOf = std::function<std::optional<domain::ReportPeriod>(const domain::Settings&)>;
// `days` whatever the settings.
DaysOf FixedDays(const std::optional<domain::ReportPeriod>& days);
ReportBasis LoadBasis(const Services& services, std::int64_t organisation_id,
                      const DaysOf& days_of);
// The same within `unit`, a transaction of the organisation's scope.
ReportBasis ReadBasis(const Services& services, store::Unit& unit, std::int64_t organisation_id,
                      const DaysOf& days_of);
// The organisation's settings alone.
domain::Settings LoadSettings(const Services& services, std::int64_t organisation_id);

// The first month of the organisation's fiscal year.
int FiscalStartMonth(const domain::Settings& settings);
// The value of an hour, as the figures use it.
domain::ReportSettings FigureSettings(const domain::Settings& settings);
// The period a report shows: `asked`, or the last full fiscal quarter before `today` (the network's
// figures, added up once every organisation has closed its quarter).
domain::ReportPeriod PeriodOrLastQuarter(const std::optional<domain::ReportPeriod>& asked,
                                         CivilDate today, int start_month);
// The period the funder's report shows: `asked`, or the fiscal quarter holding `today` (what the
// coordinator is filling in, so far).
domain::ReportPeriod PeriodOrCurrentQuarter(const std::optional<domain::ReportPeriod>& asked,
                                            CivilDate today, int start_month);

// One figure computed for a period.
struct ComputedFigure {
  const domain::FigureDefinition* definition = nullptr;
  domain::FigureResult result;
};
// Every figure of the funder's report for `period`, in the report's order.
std::vector<ComputedFigure> ComputeFigures(const domain::ReportRecords& records,
                                           const domain::ReportPeriod& period,
                                           const domain::ReportSettings& settings);

}  // namespace cercle::app::reports
