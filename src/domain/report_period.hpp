#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/hours.hpp"

// The period a report covers: any range of days, with the funder's quarters one click away. The
// quarters follow the organisation's fiscal year (setting "report.fiscal_year_start_month"; April
// for the Government of Canada). No I/O.
namespace cercle::domain {

// Days from `from` to `to`, both included.
struct ReportPeriod {
  CivilDate from{};
  CivilDate to{};

  // True when `day` falls within the period.
  bool Contains(CivilDate day) const { return from <= day && day <= to; }
  bool operator==(const ReportPeriod&) const = default;
};

// The longest period a report covers, in days (ten years).
inline constexpr int kMaxReportDays = 3660;

// Reads a period typed as two "YYYY-MM-DD" dates. Field errors "from" and "to" for an unreadable
// date, "to" when it comes before `from` or the period is longer than kMaxReportDays.
Result<ReportPeriod> ParseReportPeriod(std::string_view from, std::string_view to);

// One quarter of a fiscal year that starts in month `start_month` (1 to 12).
struct FiscalQuarter {
  int fiscal_year = 0;  // the calendar year in which the fiscal year starts
  int quarter = 1;      // 1 to 4
  ReportPeriod period;
};

// The quarter holding `day`.
FiscalQuarter QuarterOf(CivilDate day, int start_month);
// The quarter before `quarter`.
FiscalQuarter PreviousQuarter(const FiscalQuarter& quarter, int start_month);
// The fiscal year holding `day`, as a period.
ReportPeriod FiscalYearOf(CivilDate day, int start_month);
// The quarter holding `day` and the `count - 1` before it, newest first.
std::vector<FiscalQuarter> RecentQuarters(CivilDate day, int start_month, int count);

// The calendar months the period touches, in order.
std::vector<YearMonth> MonthsOf(const ReportPeriod& period);

// The twelve whole months ending with the month of `today` (the dashboard's default).
ReportPeriod LastTwelveMonths(CivilDate today);

// Whole months from `start` to `day`: 0 within the first month, never negative (a day before
// `start` counts 0).
int MonthsSince(CivilDate start, CivilDate day);

}  // namespace cercle::domain
