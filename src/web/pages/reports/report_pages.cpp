#include "web/pages/reports/report_pages.hpp"

#include <algorithm>
#include <map>

#include "auth/crypto.hpp"
#include "auth/policies/report_policy.hpp"
#include "report/csv.hpp"
#include "report/evaluation_extract.hpp"
#include "report/statistics.hpp"
#include "report/svg_chart.hpp"
#include "report/xlsx.hpp"
#include "store/organisation_store.hpp"
#include "store/outcome_store.hpp"
#include "store/settings_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::reports {
namespace {

using auth::policies::ReportPolicy;

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kCsvType = "text/csv; charset=utf-8";

// The period form and the quarters one click away, for `path`.
void AddPeriod(const Context& context, mstch::map& model, const PeriodRequest& request,
               const std::string& path, int start_month) {
  model["from"] = mstch::map{{"value", request.from_text}};
  model["to"] = mstch::map{{"value", request.to_text}};
  if (request.error) AddErrors(context, *request.error, model);
  model["period_text"] = PeriodText(context, request.period);
  model["period_query"] = PeriodQuery(request.period);
  model["period_from"] = domain::FormatIsoDate(request.period.from);
  model["period_to"] = domain::FormatIsoDate(request.period.to);
  model["quarters"] = QuarterLinks(context, path, request.period, start_month);
  model["action"] = path;
}

// The language choices of the print and the exports, the reader's first.
mstch::array LanguageChoices(const Context& context) {
  const bool french = context.language == i18n::Language::kFrench;
  return mstch::array{
      mstch::map{
          {"value", std::string("fr")}, {"label", std::string("Français")}, {"selected", french}},
      mstch::map{
          {"value", std::string("en")}, {"label", std::string("English")}, {"selected", !french}}};
}

// The organisation's name, as the report's heading shows it.
std::string OrganisationName(Context& context, std::int64_t organisation_id) {
  if (!context.organisation_name.empty()) return context.organisation_name;
  const auto organisation =
      store::OrganisationStore(context.services.database).Find(organisation_id);
  return organisation ? organisation->name : std::string();
}

// A table of a chart's numbers: a header row and one row per category.
mstch::map ChartTable(const std::vector<std::string>& header,
                      const std::vector<std::vector<std::string>>& rows) {
  mstch::array head;
  for (const auto& cell : header) head.push_back(mstch::map{{"text", cell}});
  mstch::array body;
  for (const auto& row : rows) {
    mstch::array cells;
    for (std::size_t i = 1; i < row.size(); ++i) cells.push_back(mstch::map{{"text", row[i]}});
    body.push_back(
        mstch::map{{"heading", row.empty() ? std::string() : row.front()}, {"cells", cells}});
  }
  return mstch::map{{"header", head}, {"rows", body}};
}

// The funder's report of the actor's organisation for the period asked for (the last full
// quarter by default).
struct FunderReport {
  PeriodRequest request;
  domain::Settings settings{{}};
  domain::ReportRecords records;
  std::vector<ComputedFigure> figures;
  std::optional<domain::SignificantStory> story;
};

FunderReport BuildFunderReport(Context& context) {
  const std::int64_t organisation = *context.signed_in().organisation_id;
  FunderReport report;
  report.settings = LoadSettings(context, organisation);
  const int start_month = FiscalStartMonth(report.settings);
  const auto current = domain::QuarterOf(Today(context), start_month);
  report.request = ReadPeriod(context, domain::PreviousQuarter(current, start_month).period);
  report.records = LoadRecords(context, organisation);
  report.figures =
      ComputeFigures(report.records, report.request.period, FigureSettings(report.settings));
  std::optional<std::int64_t> wanted;
  const std::string story = QueryValue(context, "story");
  if (!story.empty() && story.size() <= 18 &&
      story.find_first_not_of("0123456789") == std::string::npos) {
    wanted = std::stoll(story);
  }
  report.story = domain::ChooseStory(report.records, report.request.period, wanted);
  return report;
}

// "rapport-bailleur-2026-10-01-2026-12-31" / "funder-report-…".
std::string ExportName(const Context& context, const std::string& french,
                       const std::string& english, const domain::ReportPeriod& period) {
  const std::string base = context.language == i18n::Language::kFrench ? french : english;
  return base + "-" + domain::FormatIsoDate(period.from) + "-" + domain::FormatIsoDate(period.to);
}

}  // namespace

Response ShowDashboard(Context& context) {
  const auto& actor = context.signed_in();
  if (!ReportPolicy::CanSeeReports(actor)) return Deny(context, "report", "", 403);
  const std::int64_t organisation = *actor.organisation_id;
  const auto settings = LoadSettings(context, organisation);
  const auto request = ReadPeriod(context, domain::LastTwelveMonths(Today(context)));
  const auto& period = request.period;
  const auto records = LoadRecords(context, organisation);
  const auto figure_settings = FigureSettings(settings);
  RecordEvent(context, "report.view", "report", "dashboard");

  mstch::map model;
  AddPeriod(context, model, request, "/reports", FiscalStartMonth(settings));

  // Volunteer hours by month, and their value.
  const auto hours = domain::VolunteerHours(records, period, figure_settings);
  const auto value = domain::VolunteerHoursValue(records, period, figure_settings);
  {
    report::BarChart chart;
    chart.title = context.Translate(N_("Approved volunteer hours by month"));
    chart.description = context.Format(
        {N_("Approved volunteer hours by month, {period}: {hours} hours in all, valued at "
            "{value}."),
         {{"period", PeriodText(context, period)},
          {"hours", FormatHours(context, hours.value)},
          {"value", FormatMoney(context, value.value)}}});
    report::ChartSeries series{context.Translate(N_("Approved hours")), {}};
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < hours.breakdown.size(); ++i) {
      const auto& line = hours.breakdown[i];
      chart.categories.push_back(MonthLabel(context, line.key, true));
      series.values.push_back(static_cast<double>(line.value) / 60.0);
      rows.push_back({MonthLabel(context, line.key, false), FormatHours(context, line.value),
                      FormatMoney(context, value.breakdown[i].value)});
    }
    chart.series.push_back(std::move(series));
    model["hours_chart"] = report::RenderBarChart(chart, "hours-chart");
    model["hours_description"] = chart.description;
    model["hours_table"] =
        ChartTable({context.Translate(N_("Month")), context.Translate(N_("Approved hours")),
                    context.Translate(N_("Value"))},
                   rows);
    model["hours_total"] = FormatHours(context, hours.value);
    model["hours_value"] = FormatMoney(context, value.value);
    model["hourly_rate"] = FormatMoney(context, figure_settings.hourly_cents);
  }

  // Referrals by source and where they stand.
  {
    const auto outcomes = report::ReferralsBySourceAndOutcome(records, period);
    report::BarChart chart;
    chart.title = context.Translate(N_("Referrals received by source and outcome"));
    std::int64_t total = 0;
    for (const auto& entry : outcomes) total += entry.total;
    chart.description = context.Format(
        {N_("Referrals received {period}, by source, each by where it stood at the end of the "
            "period: {count} in all."),
         {{"period", PeriodText(context, period)}, {"count", FormatCount(context, total)}}});
    std::vector<std::string> header{context.Translate(N_("Source"))};
    for (const auto status : domain::ReferralStatuses()) {
      report::ChartSeries series{context.Translate(domain::ReferralStatusLabel(status)), {}};
      for (const auto& entry : outcomes) {
        const auto found = entry.by_status.find(status);
        series.values.push_back(
            found == entry.by_status.end() ? 0.0 : static_cast<double>(found->second));
      }
      header.push_back(series.name);
      chart.series.push_back(std::move(series));
    }
    header.push_back(context.Translate(N_("Total")));
    std::vector<std::vector<std::string>> rows;
    for (const auto& entry : outcomes) {
      chart.categories.push_back(context.Translate(domain::ReferralSourceLabel(entry.source)));
      std::vector<std::string> row{chart.categories.back()};
      for (const auto status : domain::ReferralStatuses()) {
        const auto found = entry.by_status.find(status);
        row.push_back(FormatCount(context, found == entry.by_status.end() ? 0 : found->second));
      }
      row.push_back(FormatCount(context, entry.total));
      rows.push_back(std::move(row));
    }
    model["referrals_chart"] = report::RenderBarChart(chart, "referrals-chart");
    model["referrals_description"] = chart.description;
    model["referrals_table"] = ChartTable(header, rows);
  }

  // New charges, convictions, breaches and returns to custody.
  {
    const auto events = report::EventsByKind(records, period);
    report::BarChart chart;
    chart.title = context.Translate(N_("Recidivism events during and after the circle"));
    std::int64_t total = 0;
    for (const auto& entry : events) total += entry.during + entry.after;
    chart.description = context.Format(
        {N_("New charges, convictions, breaches of conditions and returns to custody recorded "
            "{period}, during and after the circle: {count} in all."),
         {{"period", PeriodText(context, period)}, {"count", FormatCount(context, total)}}});
    report::ChartSeries during{context.Translate(N_("During the circle")), {}};
    report::ChartSeries after{context.Translate(N_("After the circle")), {}};
    std::vector<std::string> header{context.Translate(N_("Event"))};
    for (const auto category : domain::OffenceCategories()) {
      for (const auto when : domain::CirclePeriods()) {
        header.push_back(context.Translate(domain::OffenceCategoryLabel(category)) + " — " +
                         context.Translate(domain::CirclePeriodLabel(when)));
      }
    }
    header.push_back(context.Translate(N_("Total")));
    std::vector<std::vector<std::string>> rows;
    for (const auto& entry : events) {
      chart.categories.push_back(context.Translate(domain::RecidivismKindLabel(entry.kind)));
      during.values.push_back(static_cast<double>(entry.during));
      after.values.push_back(static_cast<double>(entry.after));
      std::vector<std::string> row{chart.categories.back()};
      for (const auto& category : entry.counts) {
        row.push_back(FormatCount(context, category[0]));
        row.push_back(FormatCount(context, category[1]));
      }
      row.push_back(FormatCount(context, entry.during + entry.after));
      rows.push_back(std::move(row));
    }
    chart.series = {during, after};
    model["events_chart"] = report::RenderBarChart(chart, "events-chart");
    model["events_description"] = chart.description;
    model["events_table"] = ChartTable(header, rows);
  }
  // Active circles by phase, at the end of each month.
  {
    const auto months = report::ActiveCirclesByPhase(records, period);
    std::vector<domain::CirclePhase> phases;
    for (const auto phase : domain::AllPhases()) {
      if (domain::IsActivePhase(phase)) phases.push_back(phase);
    }
    report::BarChart chart;
    chart.title = context.Translate(N_("Active circles by phase"));
    const std::int64_t latest = months.empty() ? 0 : months.back().total;
    chart.description = context.Format(
        {N_("Circles in each active phase at the end of each month, {period}: {count} at the end "
            "of the period."),
         {{"period", PeriodText(context, period)}, {"count", FormatCount(context, latest)}}});
    std::vector<std::string> header{context.Translate(N_("Month"))};
    for (const auto phase : phases) {
      report::ChartSeries series{context.Translate(domain::PhaseLabel(phase)), {}};
      for (const auto& month : months) {
        const auto found = month.by_phase.find(phase);
        series.values.push_back(found == month.by_phase.end() ? 0.0
                                                              : static_cast<double>(found->second));
      }
      header.push_back(series.name);
      chart.series.push_back(std::move(series));
    }
    header.push_back(context.Translate(N_("Total")));
    std::vector<std::vector<std::string>> rows;
    for (const auto& month : months) {
      const auto key = domain::MonthKey(month.month);
      chart.categories.push_back(MonthLabel(context, key, true));
      std::vector<std::string> row{MonthLabel(context, key, false)};
      for (const auto phase : phases) {
        const auto found = month.by_phase.find(phase);
        row.push_back(FormatCount(context, found == month.by_phase.end() ? 0 : found->second));
      }
      row.push_back(FormatCount(context, month.total));
      rows.push_back(std::move(row));
    }
    model["circles_chart"] = report::RenderBarChart(chart, "circles-chart");
    model["circles_description"] = chart.description;
    model["circles_table"] = ChartTable(header, rows);
    model["circles_now"] = FormatCount(context, latest);
  }

  // Concerns raised by severity, and the time to acknowledge them, by month.
  {
    const auto months = report::ConcernsByMonth(records, period);
    std::int64_t total = 0, waiting = 0;
    std::vector<std::int64_t> all_minutes;
    for (const auto& concern : records.concerns) {
      if (!period.Contains(concern.raised_on)) continue;
      if (concern.minutes_to_acknowledge) all_minutes.push_back(*concern.minutes_to_acknowledge);
    }
    for (const auto& month : months) {
      total += month.total;
      waiting += month.waiting;
    }
    report::BarChart severity_chart;
    severity_chart.title = context.Translate(N_("Concerns raised by severity"));
    severity_chart.description = context.Format(
        {N_("Concerns raised each month by severity, {period}: {count} in all."),
         {{"period", PeriodText(context, period)}, {"count", FormatCount(context, total)}}});
    std::vector<std::string> header{context.Translate(N_("Month"))};
    for (const auto severity : domain::Severities()) {
      // Grey, blue, orange and red, from information to emergency.
      static const std::map<domain::Severity, std::string> kColours = {
          {domain::Severity::kInformation, "#4a5263"},
          {domain::Severity::kConcern, "#1f4e79"},
          {domain::Severity::kUrgent, "#b34700"},
          {domain::Severity::kEmergency, "#a3171b"}};
      report::ChartSeries series{
          context.Translate(domain::SeverityLabel(severity)), {}, kColours.at(severity)};
      for (const auto& month : months) {
        series.values.push_back(
            static_cast<double>(month.by_severity[static_cast<std::size_t>(severity)]));
      }
      header.push_back(series.name);
      severity_chart.series.push_back(std::move(series));
    }
    header.push_back(context.Translate(N_("Total")));
    report::BarChart time_chart;
    time_chart.title = context.Translate(N_("Time to acknowledge a concern"));
    const auto overall = report::Median(all_minutes);
    time_chart.description = context.Format(
        {N_("Median minutes between raising a concern and a coordinator acknowledging it, by the "
            "month it was raised, {period}: {minutes} minutes over the period; {waiting} not "
            "acknowledged yet."),
         {{"period", PeriodText(context, period)},
          {"minutes", overall ? FormatCount(context, *overall) : std::string("—")},
          {"waiting", FormatCount(context, waiting)}}});
    report::ChartSeries median{context.Translate(N_("Median minutes")), {}};
    std::vector<std::vector<std::string>> severity_rows, time_rows;
    for (const auto& month : months) {
      const auto key = domain::MonthKey(month.month);
      severity_chart.categories.push_back(MonthLabel(context, key, true));
      time_chart.categories.push_back(MonthLabel(context, key, true));
      median.values.push_back(static_cast<double>(month.median_minutes.value_or(0)));
      std::vector<std::string> row{MonthLabel(context, key, false)};
      for (const auto count : month.by_severity) row.push_back(FormatCount(context, count));
      row.push_back(FormatCount(context, month.total));
      severity_rows.push_back(std::move(row));
      time_rows.push_back(
          {MonthLabel(context, key, false), FormatCount(context, month.acknowledged),
           month.median_minutes ? FormatCount(context, *month.median_minutes) : std::string("—"),
           FormatCount(context, month.waiting)});
    }
    time_chart.series.push_back(std::move(median));
    model["concerns_chart"] = report::RenderBarChart(severity_chart, "concerns-chart");
    model["concerns_description"] = severity_chart.description;
    model["concerns_table"] = ChartTable(header, severity_rows);
    model["concerns_total"] = FormatCount(context, total);
    model["acknowledge_chart"] = report::RenderBarChart(time_chart, "acknowledge-chart");
    model["acknowledge_description"] = time_chart.description;
    model["acknowledge_table"] = ChartTable(
        {context.Translate(N_("Month")), context.Translate(N_("Acknowledged")),
         context.Translate(N_("Median minutes")), context.Translate(N_("Not acknowledged yet"))},
        time_rows);
    model["acknowledge_median"] = overall ? FormatCount(context, *overall) : std::string("—");
  }

  // Outcomes from the start of the circle to its closure.
  {
    const auto changes = report::OutcomesStartToClosure(records, period);
    report::BarChart chart;
    chart.title = context.Translate(N_("Outcomes from start to closure"));
    const std::int64_t files = changes.empty() ? 0 : changes.front().files;
    chart.description = context.Format(
        {N_("Mean level on each outcome scale (1 = the lowest level) at the start of the circle "
            "and at its closure, for the {count} files measured at closure {period} and at the "
            "start."),
         {{"period", PeriodText(context, period)}, {"count", FormatCount(context, files)}}});
    chart.stacked = false;
    report::ChartSeries start{context.Translate(N_("At the start")), {}};
    report::ChartSeries closure{context.Translate(N_("At closure")), {}};
    std::vector<std::vector<std::string>> rows;
    const auto& translator = context.services.translator;
    for (const auto& change : changes) {
      const std::string dimension =
          context.Translate(domain::OutcomeDimensionLabel(change.dimension));
      chart.categories.push_back(dimension);
      start.values.push_back(change.start_average);
      closure.values.push_back(change.closure_average);
      rows.push_back({dimension, FormatCount(context, change.files),
                      translator.FormatNumber(context.language, change.start_average, 1),
                      translator.FormatNumber(context.language, change.closure_average, 1),
                      FormatCount(context, change.improved), FormatCount(context, change.unchanged),
                      FormatCount(context, change.worse)});
    }
    chart.series = {std::move(start), std::move(closure)};
    model["outcomes_chart"] = report::RenderBarChart(chart, "outcomes-chart");
    model["outcomes_description"] = chart.description;
    model["outcomes_table"] =
        ChartTable({context.Translate(N_("Outcome")), context.Translate(N_("Files")),
                    context.Translate(N_("Mean at the start")),
                    context.Translate(N_("Mean at closure")), context.Translate(N_("Improved")),
                    context.Translate(N_("Unchanged")), context.Translate(N_("Worse"))},
                   rows);
  }
  model["can_extract"] = ReportPolicy::CanExtractForEvaluation(actor);
  model["can_configure"] = ReportPolicy::CanConfigure(actor);
  return RenderPage(context, "report_dashboard", context.Translate(N_("Reports")), std::move(model),
                    request.error ? 422 : 200);
}

Response ShowFunderReport(Context& context) {
  const auto& actor = context.signed_in();
  if (!ReportPolicy::CanSeeReports(actor)) return Deny(context, "report", "", 403);
  auto report = BuildFunderReport(context);
  RecordEvent(context, "report.view", "report", "funder");
  mstch::map model;
  AddPeriod(context, model, report.request, "/reports/funder", FiscalStartMonth(report.settings));
  model["sections"] = FigureSections(context, report.figures, PeriodQuery(report.request.period));
  mstch::array stories;
  for (const auto& story : domain::ReviewedStoriesIn(report.records, report.request.period)) {
    stories.push_back(mstch::map{{"id", std::to_string(story.id)},
                                 {"title", story.title},
                                 {"selected", report.story && report.story->id == story.id}});
  }
  model["stories"] = stories;
  model["several_stories"] = stories.size() > 1;
  if (report.story) {
    model["story"] = mstch::map{{"id", std::to_string(report.story->id)},
                                {"title", report.story->title},
                                {"text", report.story->text},
                                {"written_on", ShowDate(context, report.story->written_on)}};
  }
  model["languages"] = LanguageChoices(context);
  return RenderPage(context, "report_funder", context.Translate(N_("Funder report")),
                    std::move(model), report.request.error ? 422 : 200);
}

Response PrintFunderReport(Context& context) {
  const auto& actor = context.signed_in();
  if (!ReportPolicy::CanSeeReports(actor)) return Deny(context, "report", "", 403);
  context.language = RequestedLanguage(context);
  auto report = BuildFunderReport(context);
  if (report.request.error) return RenderError(context, *report.request.error);
  RecordEvent(context, "report.print", "report", "funder");
  // On paper, each figure takes one line: its breakdown reads inline, and an outcome's lines at
  // zero are left out.
  mstch::array sections;
  std::string current;
  mstch::array rows;
  const auto flush = [&] {
    if (!current.empty()) {
      sections.push_back(mstch::map{{"title", context.Translate(current)}, {"figures", rows}});
    }
    rows = mstch::array();
  };
  const std::string separator = context.language == i18n::Language::kFrench ? " : " : ": ";
  for (const auto& figure : report.figures) {
    const auto& definition = *figure.definition;
    if (std::string(definition.section) != current) {
      flush();
      current = std::string(definition.section);
    }
    const bool outcome = current == N_("Outcomes");
    std::string inline_text;
    for (const auto& line : figure.result.breakdown) {
      if (outcome && line.value == 0) continue;
      inline_text += (inline_text.empty() ? "" : " · ") + BreakdownLabel(context, line) +
                     separator + FormatFigure(context, definition.unit, line.value);
    }
    rows.push_back(
        mstch::map{{"key", std::string(definition.key)},
                   {"label", context.Translate(definition.label)},
                   {"value", FormatFigure(context, definition.unit, figure.result.value)},
                   {"raw", std::to_string(figure.result.value)},
                   {"inline", inline_text}});
  }
  flush();
  const std::int64_t organisation = *actor.organisation_id;
  mstch::map model{{"organisation", OrganisationName(context, organisation)},
                   {"period_text", PeriodText(context, report.request.period)},
                   {"printed_on", ShowDate(context, Today(context))},
                   {"sections", sections},
                   {"css", context.services.static_files.Url("css/report-print.css")},
                   {"icon", context.services.static_files.Url("img/cercle.svg")},
                   {"back", "/reports/funder?" + PeriodQuery(report.request.period)}};
  if (report.story) {
    model["story"] = mstch::map{{"title", report.story->title}, {"text", report.story->text}};
  }
  return Response::Html(200, context.services.views.Render("report_funder_print", std::move(model),
                                                           context.language));
}

namespace {

// Builds the funder's report in the language asked for, records the export and returns `write`'s
// file.
template <class Write>
Response ExportFunder(Context& context, const std::string& extension, const std::string& type,
                      Write&& write) {
  const auto& actor = context.signed_in();
  if (!ReportPolicy::CanSeeReports(actor)) return Deny(context, "report", "", 403);
  if (auto step_up = RequireStepUp(context)) return *step_up;
  context.language = RequestedLanguage(context);
  auto report = BuildFunderReport(context);
  if (report.request.error) return RenderError(context, *report.request.error);
  const auto sheets =
      FunderSheets(context, OrganisationName(context, *actor.organisation_id),
                   report.request.period, report.figures, report.records, report.story);
  RecordEvent(context, "export", "funder_report", extension);
  return Download(write(sheets), type,
                  ExportName(context, "rapport-bailleur", "funder-report", report.request.period) +
                      "." + extension);
}

}  // namespace

Response ExportFunderCsv(Context& context) {
  return ExportFunder(context, "csv", kCsvType, [](const std::vector<report::Sheet>& sheets) {
    report::Sheet combined{sheets.front().name, {}, {}};
    for (const auto& sheet : sheets) {
      if (!combined.rows.empty()) combined.rows.push_back({});
      combined.rows.insert(combined.rows.end(), sheet.rows.begin(), sheet.rows.end());
    }
    return report::WriteCsv(combined);
  });
}

Response ExportFunderXlsx(Context& context) {
  return ExportFunder(context, "xlsx", kXlsxType, [](const std::vector<report::Sheet>& sheets) {
    return report::WriteWorkbook(sheets);
  });
}

Response ShowFigure(Context& context) {
  const auto& actor = context.signed_in();
  if (!ReportPolicy::CanSeeReports(actor)) return Deny(context, "report", "", 403);
  const auto* definition = domain::FindFunderFigure(context.Parameter("figure"));
  if (!definition) {
    return RenderErrorPage(context, 404, {N_("The page you asked for does not exist."), {}});
  }
  auto report = BuildFunderReport(context);
  RecordEvent(context, "report.figure_view", "report_figure", std::string(definition->key));
  // BuildFunderReport computed every figure already: take this one from them.
  const auto computed =
      std::find_if(report.figures.begin(), report.figures.end(),
                   [&](const ComputedFigure& figure) { return figure.definition == definition; });
  const auto& figure = computed->result;
  const auto& records = report.records;
  mstch::array rows;
  for (const auto& counted : figure.records) {
    std::string label, href, secondary_label, secondary_href;
    switch (counted.kind) {
      case domain::RecordKind::kVolunteer:
        if (const auto* volunteer = records.FindVolunteer(counted.id)) label = volunteer->name;
        href = "/volunteers/" + std::to_string(counted.id);
        break;
      case domain::RecordKind::kTrainingAttendance:
        if (const auto* volunteer = records.FindVolunteer(counted.id)) label = volunteer->name;
        href = "/volunteers/" + std::to_string(counted.id);
        secondary_label = context.Translate(N_("Training session"));
        secondary_href = "/volunteers/training/" + std::to_string(counted.secondary_id);
        break;
      case domain::RecordKind::kLoggedHours:
        for (const auto& hours : records.logged_hours) {
          if (hours.id != counted.id) continue;
          if (const auto* volunteer = records.FindVolunteer(hours.volunteer_id)) {
            label = volunteer->name;
          }
          href = "/volunteers/" + std::to_string(hours.volunteer_id) + "#hours";
        }
        break;
      case domain::RecordKind::kReferral:
        if (const auto* referral = records.FindReferral(counted.id)) label = referral->person_name;
        href = "/referrals/" + std::to_string(counted.id);
        break;
      case domain::RecordKind::kCoreMember:
        if (const auto* core_member = records.FindCoreMember(counted.id)) {
          label = core_member->file_number + " — " + core_member->name;
        }
        href = "/core-members/" + std::to_string(counted.id);
        break;
      case domain::RecordKind::kOutreach:
        for (const auto& activity : records.outreach) {
          if (activity.id == counted.id) label = activity.title;
        }
        href = "/outreach/" + std::to_string(counted.id) + "/edit";
        break;
      case domain::RecordKind::kEvent:
        for (const auto& event : records.events) {
          if (event.id != counted.id) continue;
          if (const auto* core_member = records.FindCoreMember(event.core_member_id)) {
            label = core_member->file_number + " — " +
                    context.Translate(domain::RecidivismKindLabel(event.kind));
          }
          href = "/core-members/" + std::to_string(event.core_member_id) + "/outcomes";
        }
        break;
      case domain::RecordKind::kCircle:
        for (const auto& circle : records.circles) {
          if (circle.id == counted.id) label = circle.code_name;
        }
        href = "/circles/" + std::to_string(counted.id);
        break;
    }
    mstch::map row{
        {"date", ShowDate(context, counted.date)},
        {"label", label},
        {"href", href},
        {"note", counted.note.empty() ? std::string() : context.Translate(counted.note)}};
    if (definition->unit == domain::FigureUnit::kMinutes ||
        definition->unit == domain::FigureUnit::kCents) {
      row["amount"] = FormatHours(context, counted.amount) + " h";
    } else if (counted.amount != 1) {
      row["amount"] = FormatCount(context, counted.amount);
    }
    if (!secondary_href.empty()) {
      row["secondary_label"] = secondary_label;
      row["secondary_href"] = secondary_href;
    }
    rows.push_back(std::move(row));
  }
  mstch::array breakdown;
  for (const auto& line : figure.breakdown) {
    breakdown.push_back(mstch::map{{"label", BreakdownLabel(context, line)},
                                   {"value", FormatFigure(context, definition->unit, line.value)}});
  }
  mstch::map model{{"label", context.Translate(definition->label)},
                   {"definition", context.Translate(definition->definition)},
                   {"value", FormatFigure(context, definition->unit, figure.value)},
                   {"raw", std::to_string(figure.value)},
                   {"key", std::string(definition->key)},
                   {"period_text", PeriodText(context, report.request.period)},
                   {"back", "/reports/funder?" + PeriodQuery(report.request.period)},
                   {"rows", rows},
                   {"empty", rows.empty()},
                   {"breakdown", breakdown},
                   {"has_breakdown", !breakdown.empty()},
                   {"has_amount", definition->unit != domain::FigureUnit::kCount ||
                                      definition->key == "people_reached"}};
  return RenderPage(context, "report_figure", context.Translate(definition->label),
                    std::move(model));
}

namespace {

// The evaluation extract of the actor's organisation, today.
report::EvaluationExtract BuildExtract(Context& context) {
  const std::int64_t organisation = *context.signed_in().organisation_id;
  const auto records = LoadRecords(context, organisation);
  report::ExtractOptions options;
  options.today = Today(context);
  options.minimum_group = static_cast<std::size_t>(
      LoadSettings(context, organisation).Get("report.evaluation_minimum_group"));
  const auto& key = context.services.secrets.session_key;
  options.pseudonym = [&key, organisation](std::int64_t id) {
    return auth::KeyedHash(key, "evaluation-participant",
                           std::to_string(organisation) + ":" + std::to_string(id))
        .substr(0, 10);
  };
  return report::BuildEvaluationExtract(records, options);
}

// The organisation's outcome scales.
std::vector<domain::OutcomeScale> LoadScales(Context& context, std::int64_t organisation_id) {
  return context.services.database.Read(
      store::Scope::Organisation(organisation_id),
      [&](soci::session& session) { return store::OutcomeStore(session).Scales(organisation_id); });
}

// A level's label as it reads: a default's msgid translated, an organisation's own as written.
std::string LevelLabel(const Context& context, const domain::OutcomeScale& scale,
                       std::size_t index) {
  return scale.is_default ? context.Translate(scale.labels[index]) : scale.labels[index];
}

// `message` with each argument (a msgid) translated, then formatted.
std::string FormatTranslated(const Context& context, Message message) {
  for (auto& argument : message.arguments) argument.value = context.Translate(argument.value);
  return context.Format(message);
}

// The data dictionary: one row per column (name, description, values), the scales' levels
// spelled out.
std::vector<std::vector<std::string>> Dictionary(Context& context,
                                                 const report::EvaluationExtract& extract) {
  const auto scales = LoadScales(context, *context.signed_in().organisation_id);
  std::vector<std::vector<std::string>> rows;
  for (const auto& column : extract.columns) {
    std::string values = context.Format(column.values);
    if (column.scale) {
      const auto& scale = scales[static_cast<std::size_t>(*column.scale)];
      for (std::size_t i = 0; i < scale.labels.size(); ++i) {
        values += " " + std::to_string(i + 1) + " = " + LevelLabel(context, scale, i) + ";";
      }
      if (!values.empty() && values.back() == ';') values.pop_back();
    }
    rows.push_back({column.name, FormatTranslated(context, column.description), values});
  }
  return rows;
}

// What was coarsened or left out to protect the people in the extract, one sentence per step.
std::vector<std::string> CoarseningLines(const Context& context,
                                         const report::EvaluationExtract& extract) {
  std::vector<std::string> lines;
  for (const auto& step : extract.coarsening.steps) {
    lines.push_back(
        context.Format(report::CoarseningMessage(step, extract.coarsening.minimum_group)));
  }
  return lines;
}

report::Sheet DictionarySheet(Context& context, const report::EvaluationExtract& extract) {
  report::Sheet sheet{context.Translate(N_("Dictionary")), {28, 70, 60}, {}};
  sheet.rows.push_back({report::Cell(context.Translate(N_("Column")), true),
                        report::Cell(context.Translate(N_("Description")), true),
                        report::Cell(context.Translate(N_("Values")), true)});
  for (const auto& row : Dictionary(context, extract)) {
    sheet.rows.push_back({report::Cell(row[0]), report::Cell(row[1]), report::Cell(row[2])});
  }
  sheet.rows.push_back({});
  sheet.rows.push_back({report::Cell(context.Translate(N_("Note"))),
                        report::Cell(context.Translate(report::StartNote()))});
  for (const auto& line : CoarseningLines(context, extract)) {
    sheet.rows.push_back({report::Cell(context.Translate(N_("Coarsened"))), report::Cell(line)});
  }
  return sheet;
}

report::Sheet DataSheet(Context& context, const report::EvaluationExtract& extract) {
  report::Sheet sheet{context.Translate(N_("Data")), {}, {}};
  report::Row header;
  for (const auto& column : extract.columns) header.push_back(report::Cell(column.name, true));
  sheet.rows.push_back(std::move(header));
  sheet.rows.insert(sheet.rows.end(), extract.rows.begin(), extract.rows.end());
  return sheet;
}

// Checks the actor and the step-up, builds the extract in the language asked for, records the
// export and returns `write`'s file.
template <class Write>
Response ExportExtract(Context& context, const std::string& what, const std::string& extension,
                       const std::string& type, Write&& write) {
  const auto& actor = context.signed_in();
  if (!ReportPolicy::CanExtractForEvaluation(actor)) return Deny(context, "evaluation", "", 403);
  if (auto step_up = RequireStepUp(context)) return *step_up;
  context.language = RequestedLanguage(context);
  const auto extract = BuildExtract(context);
  RecordEvent(context, "export", "evaluation_extract", what + "." + extension);
  const std::string today = domain::FormatIsoDate(Today(context));
  const std::string base =
      what == "dictionary"
          ? (context.language == i18n::Language::kFrench ? "dictionnaire-evaluation"
                                                         : "evaluation-dictionary")
          : (context.language == i18n::Language::kFrench ? "extrait-evaluation"
                                                         : "evaluation-extract");
  return Download(write(extract), type, base + "-" + today + "." + extension);
}

}  // namespace

Response ShowEvaluation(Context& context) {
  const auto& actor = context.signed_in();
  if (!ReportPolicy::CanExtractForEvaluation(actor)) return Deny(context, "evaluation", "", 403);
  const auto extract = BuildExtract(context);
  RecordEvent(context, "report.view", "report", "evaluation");
  mstch::array dictionary;
  for (const auto& row : Dictionary(context, extract)) {
    dictionary.push_back(mstch::map{{"name", row[0]}, {"description", row[1]}, {"values", row[2]}});
  }
  mstch::array coarsening;
  for (const auto& line : CoarseningLines(context, extract)) coarsening.push_back(line);
  mstch::map model{{"count", FormatCount(context, static_cast<std::int64_t>(extract.rows.size()))},
                   {"raw_count", std::to_string(extract.rows.size())},
                   {"empty", extract.rows.empty() && coarsening.empty()},
                   {"withheld", extract.rows.empty() && !coarsening.empty()},
                   {"coarsening", coarsening},
                   {"coarsened", !coarsening.empty()},
                   {"coarsening_intro",
                    context.Format(
                        {N_("So that no row can single anyone out, every combination of age band, "
                            "region and referral source is shared by at least {minimum} core "
                            "members. To reach that, the extract was coarsened:"),
                         {{"minimum", std::to_string(extract.coarsening.minimum_group)}}})},
                   {"dictionary", dictionary},
                   {"start_note", context.Translate(report::StartNote())},
                   {"minimum_group", std::to_string(extract.coarsening.minimum_group)},
                   {"languages", LanguageChoices(context)}};
  return RenderPage(context, "report_evaluation", context.Translate(N_("Evaluation extract")),
                    std::move(model));
}

Response ExportEvaluationCsv(Context& context) {
  return ExportExtract(context, "data", "csv", kCsvType,
                       [&](const report::EvaluationExtract& extract) {
                         return report::WriteCsv(DataSheet(context, extract));
                       });
}

Response ExportEvaluationXlsx(Context& context) {
  return ExportExtract(context, "data", "xlsx", kXlsxType,
                       [&](const report::EvaluationExtract& extract) {
                         return report::WriteWorkbook(
                             {DataSheet(context, extract), DictionarySheet(context, extract)});
                       });
}

Response ExportDictionaryCsv(Context& context) {
  return ExportExtract(context, "dictionary", "csv", kCsvType,
                       [&](const report::EvaluationExtract& extract) {
                         return report::WriteCsv(DictionarySheet(context, extract));
                       });
}

namespace {

// The settings page: each scale's levels (as typed when `form` is given), and the publication
// choices.
Response RenderSettings(Context& context, const Form* form, const Error* error, int status) {
  const std::int64_t organisation = *context.signed_in().organisation_id;
  const auto scales = LoadScales(context, organisation);
  const auto settings = LoadSettings(context, organisation);
  mstch::array scale_rows;
  for (const auto& scale : scales) {
    const std::string name(domain::OutcomeDimensionName(scale.dimension));
    std::string levels;
    for (std::size_t i = 0; i < scale.labels.size(); ++i) {
      levels += (levels.empty() ? "" : "\n") + LevelLabel(context, scale, i);
    }
    const bool scales_form = form && form->Get("form") == "scales";
    mstch::map row{{"name", name},
                   {"label", context.Translate(domain::OutcomeDimensionLabel(scale.dimension))},
                   {"levels", scales_form ? form->Get(name) : levels}};
    if (error) {
      for (const auto& field : error->fields) {
        if (field.field == name) row["error"] = context.Format(field.message);
      }
    }
    scale_rows.push_back(std::move(row));
  }
  const auto organisation_record =
      store::OrganisationStore(context.services.database).Find(organisation);
  // A publication form that failed keeps what was typed.
  const bool publication_form = form && form->Get("form") == "publication";
  mstch::map model{
      {"scales", scale_rows},
      {"published",
       publication_form ? form->Get("published") == "1" : settings.Get("public.impact_page") == 1},
      {"shared",
       publication_form ? form->Get("shared") == "1" : settings.Get("network.share_figures") == 1},
      {"founding_year", publication_form ? form->Get("founding_year")
                                         : std::to_string(settings.Get("public.founding_year"))}};
  if (error) {
    for (const auto& field : error->fields) {
      if (field.field == "founding_year")
        model["founding_year_error"] = context.Format(field.message);
    }
  }
  if (organisation_record) model["public_href"] = "/public/" + organisation_record->slug;
  if (error) model["form_error"] = context.Format(error->message);
  const std::string saved = QueryValue(context, "saved");
  if (saved == "scales") model["notice"] = context.Translate(N_("The scales are saved."));
  if (saved == "publication") model["notice"] = context.Translate(N_("The settings are saved."));
  return RenderPage(context, "report_settings", context.Translate(N_("Report settings")),
                    std::move(model), status);
}

}  // namespace

Response ShowSettings(Context& context) {
  if (!ReportPolicy::CanConfigure(context.signed_in())) {
    return Deny(context, "report_settings", "", 403);
  }
  return RenderSettings(context, nullptr, nullptr, 200);
}

Response SaveScales(Context& context) {
  const auto& actor = context.signed_in();
  if (!ReportPolicy::CanConfigure(actor)) return Deny(context, "report_settings", "", 403);
  const std::int64_t organisation = *actor.organisation_id;
  const Form form(context.request);
  const auto saved =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        store::OutcomeStore store(session);
        const auto current = store.Scales(organisation);
        std::vector<FieldError> errors;
        std::vector<std::pair<domain::OutcomeDimension, std::vector<std::string>>> changed;
        for (const auto dimension : domain::OutcomeDimensions()) {
          const std::string name(domain::OutcomeDimensionName(dimension));
          const auto highest =
              static_cast<std::size_t>(store.HighestLevelInUse(organisation, dimension));
          auto levels = domain::ParseScaleLevels(form.Get(name), highest, name);
          if (!levels) {
            for (const auto& field : levels.error().fields) errors.push_back(field);
            continue;
          }
          // A default scale shown in the reader's language and sent back unchanged stays the
          // default.
          const auto& scale = current[static_cast<std::size_t>(dimension)];
          std::vector<std::string> shown;
          for (std::size_t i = 0; i < scale.labels.size(); ++i) {
            shown.push_back(LevelLabel(context, scale, i));
          }
          if (*levels != shown) changed.emplace_back(dimension, std::move(*levels));
        }
        if (!errors.empty()) return Error::Fields(std::move(errors));
        for (const auto& [dimension, levels] : changed) {
          store.SetScale(organisation, dimension, levels, actor.user_id,
                         context.services.clock.Now());
          context.services.audit.Append(
              session, context.services.database.dialect(),
              {actor.organisation_id, actor.user_id, "outcome_scale.update", "outcome_scale",
               std::string(domain::OutcomeDimensionName(dimension)), context.request.client_address,
               audit::Outcome::kSuccess, context.services.clock.Now()});
        }
        return {};
      });
  if (!saved) return RenderSettings(context, &form, &saved.error(), StatusFor(saved.error().kind));
  return Response::Redirect("/reports/settings?saved=scales");
}

Response SavePublication(Context& context) {
  const auto& actor = context.signed_in();
  if (!ReportPolicy::CanConfigure(actor)) return Deny(context, "report_settings", "", 403);
  const std::int64_t organisation = *actor.organisation_id;
  const Form form(context.request);
  const std::string year_text = form.Get("founding_year");
  std::int64_t year = 0;
  const bool number = !year_text.empty() && year_text.size() <= 4 &&
                      year_text.find_first_not_of("0123456789") == std::string::npos;
  if (number) year = std::stoll(year_text);
  const int this_year = static_cast<int>(Today(context).year());
  if (!number || (year != 0 && (year < 1950 || year > this_year))) {
    const Error error = Error::Fields(
        {{"founding_year",
          {N_("Enter a year from 1950 to {year}, or 0."), {{"year", std::to_string(this_year)}}}}});
    return RenderSettings(context, &form, &error, 422);
  }
  const std::vector<std::pair<std::string, std::int64_t>> values = {
      {"public.impact_page", form.Get("published") == "1" ? 1 : 0},
      {"network.share_figures", form.Get("shared") == "1" ? 1 : 0},
      {"public.founding_year", year}};
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::SettingsStore settings(session);
    const auto before = settings.Load(organisation);
    for (const auto& [key, value] : values) {
      if (before.Get(key) == value) continue;
      settings.Set(organisation, key, value);
      context.services.audit.Append(
          session, context.services.database.dialect(),
          {actor.organisation_id, actor.user_id, "settings.change", "setting", key,
           context.request.client_address, audit::Outcome::kSuccess, context.services.clock.Now()});
    }
    return {};
  });
  return Response::Redirect("/reports/settings?saved=publication");
}

}  // namespace cercle::web::pages::reports
