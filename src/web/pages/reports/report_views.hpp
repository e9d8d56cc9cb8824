#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/funder_report.hpp"
#include "domain/report_period.hpp"
#include "domain/settings.hpp"
#include "report/table.hpp"
#include "web/context.hpp"

// What the report pages share: reading an organisation's records and settings, the period asked
// for, the computed figures and how they read (on the page, in print and in the exports).
namespace cercle::web::pages::reports {

// Today in the organisation's time zone.
domain::CivilDate Today(const Context& context);

// Everything one organisation's reports count, read in one transaction of its scope.
domain::ReportRecords LoadRecords(Context& context, std::int64_t organisation_id);
// The organisation's settings.
domain::Settings LoadSettings(Context& context, std::int64_t organisation_id);
// The first month of the organisation's fiscal year.
int FiscalStartMonth(const domain::Settings& settings);

// The period asked for with the query parameters "from" and "to", or `fallback` when neither is
// given; `error` holds the field errors of a period typed wrong (the fallback applies then).
struct PeriodRequest {
  domain::ReportPeriod period;
  std::optional<Error> error;
  std::string from_text;  // as typed, to show again
  std::string to_text;
};
PeriodRequest ReadPeriod(const Context& context, const domain::ReportPeriod& fallback);
// "from=YYYY-MM-DD&to=YYYY-MM-DD".
std::string PeriodQuery(const domain::ReportPeriod& period);
// The period written out: "1 octobre 2026 au 31 décembre 2026".
std::string PeriodText(const Context& context, const domain::ReportPeriod& period);
// The value of query parameter `name`, or "".
std::string QueryValue(const Context& context, const std::string& name);

// The quarters one click away: the current one and the five before it, and the current and previous
// fiscal years, as links to `path` ([{label, href, current}]).
mstch::array QuarterLinks(const Context& context, const std::string& path,
                          const domain::ReportPeriod& current, int start_month);
// "T3 2026-2027" / "Q3 2026–27", or "T3 2026" when the fiscal year is the calendar year.
std::string QuarterLabel(const Context& context, const domain::FiscalQuarter& quarter,
                         int start_month);

// A civil date written out in the reader's language.
std::string ShowDate(const Context& context, domain::CivilDate date);
// Minutes as hours in the reader's locale: "12", "1,5".
std::string FormatHours(const Context& context, std::int64_t minutes);
// Cents as money in the reader's locale: "1 234,50 $" / "$1,234.50".
std::string FormatMoney(const Context& context, std::int64_t cents);
// A whole number with the locale's grouping.
std::string FormatCount(const Context& context, std::int64_t count);
// A figure's value as it reads, with its unit ("12,5 h").
std::string FormatFigure(const Context& context, domain::FigureUnit unit, std::int64_t value);
// The figure's value in the exports' unit: a count, hours (minutes / 60) or dollars (cents / 100).
double ExportValue(domain::FigureUnit unit, std::int64_t value);
// The month of key "YYYY-MM" written out: "novembre 2026", or "nov. 2026" when `short_form`.
std::string MonthLabel(const Context& context, const std::string& key, bool short_form);
// The label of a breakdown line: its msgid translated, or its month written out.
std::string BreakdownLabel(const Context& context, const domain::FigureBreakdown& line);

// One figure computed for a period.
struct ComputedFigure {
  const domain::FigureDefinition* definition = nullptr;
  domain::FigureResult result;
};
// Every figure of the funder's report for `period`.
std::vector<ComputedFigure> ComputeFigures(const domain::ReportRecords& records,
                                           const domain::ReportPeriod& period,
                                           const domain::ReportSettings& settings);
// The report settings (the value of an hour) of an organisation.
domain::ReportSettings FigureSettings(const domain::Settings& settings);

// The figures grouped by section for a page: [{title, figures: [{key, label, definition, value,
// raw, href, breakdown: [{label, value, raw, key}], has_breakdown}]}]. `href_query` (a period
// query) makes each figure link to its check list; empty, the figures link nowhere.
mstch::array FigureSections(const Context& context, const std::vector<ComputedFigure>& figures,
                            const std::string& href_query);

// The funder's report as sheets, in the context's language: the figures (one row per figure and
// per line of its breakdown), the outreach activities of the period, and the story.
std::vector<report::Sheet> FunderSheets(const Context& context,
                                        const std::string& organisation_name,
                                        const domain::ReportPeriod& period,
                                        const std::vector<ComputedFigure>& figures,
                                        const domain::ReportRecords& records,
                                        const std::optional<domain::SignificantStory>& story);

// A file download: `body` with `content_type`, as an attachment named `filename`, never cached,
// under a policy that runs nothing.
Response Download(std::string body, const std::string& content_type, const std::string& filename);

// Sensitive exports need a password or code entered within five minutes; otherwise the user
// confirms first and comes back to the same address.
std::optional<Response> RequireStepUp(Context& context);

// Appends `action` on `object_type` `object_id` by the actor, in a transaction of its own.
void RecordEvent(Context& context, const std::string& action, const std::string& object_type,
                 const std::string& object_id);

// The language asked for with query parameter "lang" ("fr" or "en"), or the reader's.
i18n::Language RequestedLanguage(const Context& context);

}  // namespace cercle::web::pages::reports
