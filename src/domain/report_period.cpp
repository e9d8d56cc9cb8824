#include "domain/report_period.hpp"
#include "domain/field_checks.hpp"

#include <algorithm>

namespace cercle::domain {

using namespace std::chrono;

Result<ReportPeriod> ParseReportPeriod(std::string_view from, std::string_view to) {
  std::vector<FieldError> errors;
  const auto first = ParseIsoDate(from);
  const auto last = ParseIsoDate(to);
  if (!first) AddError(errors, "from", N_("Enter a real date, such as 1980-05-31."));
  if (!last) AddError(errors, "to", N_("Enter a real date, such as 1980-05-31."));
  if (first && last) {
    if (*last < *first) {
      AddError(errors, "to", N_("The end of the period comes before its start."));
    } else if (DaysBetween(*first, *last) >= kMaxReportDays) {
      AddError(errors, "to", N_("A report covers at most ten years."));
    }
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return ReportPeriod{*first, *last};
}

namespace {

// The first day of the fiscal year holding `day`.
CivilDate FiscalYearStart(CivilDate day, int start_month) {
  const unsigned start = static_cast<unsigned>(std::clamp(start_month, 1, 12));
  int year_started = static_cast<int>(day.year());
  if (static_cast<unsigned>(day.month()) < start) --year_started;
  return CivilDate{year{year_started}, month{start}, std::chrono::day{1}};
}

}  // namespace

FiscalQuarter QuarterOf(CivilDate day, int start_month) {
  const CivilDate year_start = FiscalYearStart(day, start_month);
  const int months_in = (static_cast<int>(day.year()) - static_cast<int>(year_start.year())) * 12 +
                        static_cast<int>(static_cast<unsigned>(day.month())) -
                        static_cast<int>(static_cast<unsigned>(year_start.month()));
  const int quarter = months_in / 3 + 1;
  const CivilDate first = AddMonths(year_start, (quarter - 1) * 3);
  const CivilDate last = AddDays(AddMonths(first, 3), -1);
  return {static_cast<int>(year_start.year()), quarter, {first, last}};
}

FiscalQuarter PreviousQuarter(const FiscalQuarter& quarter, int start_month) {
  return QuarterOf(AddDays(quarter.period.from, -1), start_month);
}

ReportPeriod FiscalYearOf(CivilDate day, int start_month) {
  const CivilDate first = FiscalYearStart(day, start_month);
  return {first, AddDays(AddMonths(first, 12), -1)};
}

std::vector<FiscalQuarter> RecentQuarters(CivilDate day, int start_month, int count) {
  std::vector<FiscalQuarter> quarters;
  if (count <= 0) return quarters;
  quarters.push_back(QuarterOf(day, start_month));
  while (static_cast<int>(quarters.size()) < count) {
    quarters.push_back(PreviousQuarter(quarters.back(), start_month));
  }
  return quarters;
}

std::vector<YearMonth> MonthsOf(const ReportPeriod& period) {
  std::vector<YearMonth> months;
  YearMonth month{static_cast<int>(period.from.year()), static_cast<unsigned>(period.from.month())};
  const YearMonth last{static_cast<int>(period.to.year()),
                       static_cast<unsigned>(period.to.month())};
  while (month <= last) {
    months.push_back(month);
    if (++month.month > 12) {
      month.month = 1;
      ++month.year;
    }
  }
  return months;
}

ReportPeriod LastTwelveMonths(CivilDate today) {
  const CivilDate month_start = today.year() / today.month() / std::chrono::day{1};
  const CivilDate first = AddMonths(month_start, -11);
  const CivilDate last = AddDays(AddMonths(month_start, 1), -1);
  return {first, last};
}

int MonthsSince(CivilDate start, CivilDate day) {
  if (day < start) return 0;
  int months = (static_cast<int>(day.year()) - static_cast<int>(start.year())) * 12 +
               static_cast<int>(static_cast<unsigned>(day.month())) -
               static_cast<int>(static_cast<unsigned>(start.month()));
  if (day.day() < start.day()) --months;
  return std::max(0, months);
}

}  // namespace cercle::domain
