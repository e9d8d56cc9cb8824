#pragma once

#include <cstdint>
#include <functional>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/reports/report_data.hpp"
#include "domain/funder_report.hpp"
#include "domain/report_period.hpp"
#include "report/table.hpp"
#include "web/context.hpp"
#include "web/layout.hpp"

// What the report pages share: the period asked for, and how figures, dates and amounts read (on
// the page, in print and in the exports).
namespace cercle::web::pages::reports {

using app::reports::ComputedFigure;

// The period asked for with the query parameters "from" and "to": none when neither is given (the
// report's default applies); `error` holds the field errors of a period typed wrong (the default
// applies then too).
struct PeriodRequest {
  std::optional<domain::ReportPeriod> period;
  std::optional<Error> error;
  std::string from_text;  // as typed, to show again
  std::string to_text;
};
PeriodRequest ReadPeriod(const Context& context);
// A page of figures over the period the request asks for: `load(services, actor, period)` reads
// them (the audited 403 of `object_type` when the actor may not), and `view(context, request,
// page)` makes the data of template `name`, titled `title` (a msgid); 422 when the period asked for
// was typed wrong (the default period is shown then).
template <class Load, class View>
Response ShowPeriodPage(Context& context, std::string_view object_type, std::string_view name,
                        std::string_view title, Load&& load, View&& view) {
  const auto request = ReadPeriod(context);
  const auto page = load(context.services.app, context.signed_in(), request.period);
  if (!page) return Deny(context, object_type, "", 403);
  return RenderPage(context, name, context.Translate(title), view(context, request, *page),
                    request.error ? 422 : 200);
}

// The period form (as typed, or `shown` when nothing was), its errors, and the quarters one click
// away, for `path`.
void AddPeriod(const Context& context, mstch::map& model, const PeriodRequest& request,
               const domain::ReportPeriod& shown, const std::string& path, int start_month);
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
// "T3 2026–2027 (oct.–déc.)" / "Q3 2026–2027 (Oct.–Dec.)", or "T3 2026 (juill.–sept.)" when the
// fiscal year is the calendar year: the quarter with its months.
std::string QuarterLabel(const Context& context, const domain::FiscalQuarter& quarter,
                         int start_month);

// A civil date written out in the reader's language.
std::string ShowDate(const Context& context, CivilDate date);
// Minutes as hours in the reader's locale: "12", "1,5".
std::string FormatHours(const Context& context, std::int64_t minutes);
// Cents as money in the reader's locale: "1 234,50 $" / "$1,234.50".
std::string FormatMoney(const Context& context, std::int64_t cents);
// A whole number with the locale's grouping.
std::string FormatCount(const Context& context, std::int64_t count);
// How a chart writes its numbers (report::BarChart::number): in the reader's locale, with at most
// `max_decimals` decimals and no trailing zeros ("71,5", "1 186,75", "12").
std::function<std::string(double)> ChartNumbers(const Context& context, int max_decimals = 2);
// A figure's value as it reads, with its unit ("12,5 h").
std::string FormatFigure(const Context& context, domain::FigureUnit unit, std::int64_t value);
// The figure's value in the exports' unit: a count, hours (minutes / 60) or dollars (cents / 100).
double ExportValue(domain::FigureUnit unit, std::int64_t value);
// The month of key "YYYY-MM" written out: "novembre 2026", or "nov. 2026" when `short_form`.
std::string MonthLabel(const Context& context, const std::string& key, bool short_form);
// The label of a breakdown line: its msgid translated, or its month written out.
std::string BreakdownLabel(const Context& context, const domain::FigureBreakdown& line);

// The figures grouped by their section, in order: [{title, figures}], each figure's row made by
// `row(figure)`.
mstch::array BySection(const Context& context, const std::vector<ComputedFigure>& figures,
                       const std::function<mstch::map(const ComputedFigure&)>& row);

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

// The content types of the exports.
inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kCsvType = "text/csv; charset=utf-8";

// A file download: `body` with `content_type`, as an attachment named `filename`, never cached,
// under a policy that runs nothing.
Response Download(std::string body, const std::string& content_type, const std::string& filename);

// Sensitive exports need a password or code entered within five minutes: whether the actor did.
bool SteppedUp(const Context& context);
// The answer to an export refused by the app layer: the confirmation page for a missing step-up
// (the user comes back to the same address), the audited 403 for a refused actor, the error page
// in `language` (the one the file was asked in) otherwise.
Response RefusedExport(Context& context, const Error& error, std::string_view object_type,
                       i18n::Language language);

// The language asked for with query parameter "lang" ("fr" or "en"), or the reader's.
i18n::Language RequestedLanguage(const Context& context);
// The language choices of the print and the exports, the reader's first.
mstch::array LanguageChoices(const Context& context);

}  // namespace cercle::web::pages::reports
