// The reports dashboard: the organisation's figures over time, one chart with its table per
// section.
#include <map>

#include "domain/concern.hpp"

#include "app/reports/report_queries.hpp"
#include "report/svg_chart.hpp"
#include "web/badges.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_pages.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::reports {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// The header cells of a chart's table: [{text}].
mstch::array HeaderCells(const std::vector<std::string>& header) {
  mstch::array head;
  for (const auto& cell : header) head.push_back(mstch::map{{"text", cell}});
  return head;
}

// A table of a chart's numbers: a header row ([{text}], or [{badge}] for a severity's column)
// and one row per category.
mstch::map ChartTable(mstch::array head, const Rows& rows) {
  mstch::array body;
  for (const auto& row : rows) {
    mstch::array cells;
    for (std::size_t i = 1; i < row.size(); ++i) cells.push_back(mstch::map{{"text", row[i]}});
    body.push_back(
        mstch::map{{"heading", row.empty() ? std::string() : row.front()}, {"cells", cells}});
  }
  return mstch::map{{"header", head}, {"rows", body}};
}

// Puts a section's chart, its description and its table in the model as `name`_chart,
// `name`_description and `name`_table.
void AddChartWithHeader(mstch::map& model, const std::string& name, const report::BarChart& chart,
                        mstch::array header, const Rows& rows) {
  model[name + "_chart"] = report::RenderBarChart(chart, name + "-chart");
  model[name + "_description"] = chart.description;
  model[name + "_table"] = ChartTable(std::move(header), rows);
}
void AddChart(mstch::map& model, const std::string& name, const report::BarChart& chart,
              const std::vector<std::string>& header, const Rows& rows) {
  AddChartWithHeader(model, name, chart, HeaderCells(header), rows);
}

// The count found under `key` in `counts`, 0 when absent.
template <class Key>
std::int64_t CountOf(const std::map<Key, std::int64_t>& counts, Key key) {
  const auto found = counts.find(key);
  return found == counts.end() ? 0 : found->second;
}

// Fills `chart` with one stacked series per value of `values` (named by its label) and one bar per
// entry of `entries` (named `label(entry, true)`), `count(entry, value)` high; returns its table,
// whose `header` gets a column per value and the total: a row per entry with `label(entry, false)`,
// each count and the entry's total.
template <class Entry, class Value, class Label, class Count>
Rows FillByValue(const Context& context, const std::vector<Entry>& entries,
                 const std::vector<Value>& values, Label&& label, Count&& count,
                 report::BarChart& chart, std::vector<std::string>& header) {
  for (const auto value : values) {
    report::ChartSeries series{context.Translate(domain::LabelOf(value)), {}};
    for (const auto& entry : entries) {
      series.values.push_back(static_cast<double>(count(entry, value)));
    }
    header.push_back(series.name);
    chart.series.push_back(std::move(series));
  }
  header.push_back(context.Translate(N_("Total")));
  Rows rows;
  for (const auto& entry : entries) {
    chart.categories.push_back(label(entry, true));
    std::vector<std::string> row{label(entry, false)};
    for (const auto value : values) row.push_back(FormatCount(context, count(entry, value)));
    row.push_back(FormatCount(context, entry.total));
    rows.push_back(std::move(row));
  }
  return rows;
}

// The label of the month of an entry of a monthly chart: "nov. 2026" when `short_form`.
template <class Entry>
std::string MonthOf(const Context& context, const Entry& entry, bool short_form) {
  return MonthLabel(context, domain::MonthKey(entry.month), short_form);
}

// A chart titled `title` (a msgid), with `description` in the reader's language, and its numbers
// written in the reader's locale.
report::BarChart TitledChart(const Context& context, const char* title,
                             const Message& description) {
  report::BarChart chart;
  chart.title = context.Translate(title);
  chart.description = context.Format(description);
  chart.number = ChartNumbers(context);
  return chart;
}

// The sum of `count(entry)` over `entries`.
template <class Entries, class Count>
std::int64_t Total(const Entries& entries, Count&& count) {
  std::int64_t total = 0;
  for (const auto& entry : entries) total += count(entry);
  return total;
}

// Volunteer hours by month, and their value.
void AddHours(const Context& context, const app::reports::DashboardPage& page, mstch::map& model) {
  const auto& hours = page.hours;
  const auto& value = page.hours_value;
  report::BarChart chart = TitledChart(
      context, N_("Approved volunteer hours by month"),
      {N_("Approved volunteer hours by month, {period}: {hours} hours in all, valued at "
          "{value}."),
       {{"period", PeriodText(context, page.period)},
        {"hours", FormatHours(context, hours.value)},
        {"value", FormatMoney(context, value.value)}}});
  report::ChartSeries series{context.Translate(N_("Approved hours")), {}};
  Rows rows;
  for (std::size_t i = 0; i < hours.breakdown.size(); ++i) {
    const auto& line = hours.breakdown[i];
    chart.categories.push_back(MonthLabel(context, line.key, true));
    series.values.push_back(static_cast<double>(line.value) / 60.0);
    rows.push_back({MonthLabel(context, line.key, false), FormatHours(context, line.value),
                    FormatMoney(context, value.breakdown[i].value)});
  }
  chart.series.push_back(std::move(series));
  AddChart(model, "hours", chart,
           {context.Translate(N_("Month")), context.Translate(N_("Approved hours")),
            context.Translate(N_("Value"))},
           rows);
  model["hours_total"] = FormatHours(context, hours.value);
  model["hours_value"] = FormatMoney(context, value.value);
  model["hourly_rate"] = FormatMoney(context, page.hourly_cents);
  // Volunteers' expenses, and what they cost per circle-year open in the period.
  model["expenses_total"] = FormatMoney(context, page.expenses.value);
  model["circle_years"] = context.services.translator.FormatNumber(
      context.language, static_cast<double>(page.circle_days) / 365.0, 1);
  model["cost_per_circle_year"] =
      page.cost_per_circle_year ? FormatMoney(context, *page.cost_per_circle_year) : "—";
}

// Referrals by source and where they stand.
void AddReferrals(const Context& context, const app::reports::DashboardPage& page,
                  mstch::map& model) {
  const auto total = Total(page.referrals, [](const auto& entry) { return entry.total; });
  report::BarChart chart = TitledChart(
      context, N_("Referrals received by source and outcome"),
      {N_("Referrals received {period}, by source, each by where it stood at the end of the "
          "period: {count} in all."),
       {{"period", PeriodText(context, page.period)}, {"count", FormatCount(context, total)}}});
  std::vector<std::string> header{context.Translate(N_("Source"))};
  const Rows rows = FillByValue(
      context, page.referrals, domain::ReferralStatuses(),
      [&](const auto& entry, bool) { return context.Translate(domain::LabelOf(entry.source)); },
      [](const auto& entry, auto status) { return CountOf(entry.by_status, status); }, chart,
      header);
  AddChart(model, "referrals", chart, header, rows);
}

// New charges, convictions, breaches and returns to custody.
void AddEvents(const Context& context, const app::reports::DashboardPage& page, mstch::map& model) {
  const auto total =
      Total(page.events, [](const auto& entry) { return entry.during + entry.after; });
  report::BarChart chart = TitledChart(
      context, N_("Recidivism events during and after the circle"),
      {N_("New charges, convictions, breaches of conditions and returns to custody recorded "
          "{period}, during and after the circle: {count} in all."),
       {{"period", PeriodText(context, page.period)}, {"count", FormatCount(context, total)}}});
  report::ChartSeries during{context.Translate(N_("During the circle")), {}};
  report::ChartSeries after{context.Translate(N_("After the circle")), {}};
  std::vector<std::string> header{context.Translate(N_("Event"))};
  for (const auto category : domain::EnumValues<domain::OffenceCategory>()) {
    for (const auto when : domain::EnumValues<domain::CirclePeriod>()) {
      header.push_back(context.Translate(domain::LabelOf(category)) + " — " +
                       context.Translate(domain::LabelOf(when)));
    }
  }
  header.push_back(context.Translate(N_("Total")));
  Rows rows;
  for (const auto& entry : page.events) {
    chart.categories.push_back(context.Translate(domain::LabelOf(entry.kind)));
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
  AddChart(model, "events", chart, header, rows);
}

// Active circles by phase, at the end of each month.
void AddCircles(const Context& context, const app::reports::DashboardPage& page,
                mstch::map& model) {
  const auto& months = page.circles;
  std::vector<domain::CirclePhase> phases;
  for (const auto phase : domain::AllPhases()) {
    if (domain::IsActivePhase(phase)) phases.push_back(phase);
  }
  const std::int64_t latest = months.empty() ? 0 : months.back().total;
  report::BarChart chart = TitledChart(
      context, N_("Active circles by phase"),
      {N_("Circles in each active phase at the end of each month, {period}: {count} at the end "
          "of the period."),
       {{"period", PeriodText(context, page.period)}, {"count", FormatCount(context, latest)}}});
  std::vector<std::string> header{context.Translate(N_("Month"))};
  const Rows rows = FillByValue(
      context, months, phases,
      [&](const auto& month, bool short_form) { return MonthOf(context, month, short_form); },
      [](const auto& month, auto phase) { return CountOf(month.by_phase, phase); }, chart, header);
  AddChart(model, "circles", chart, header, rows);
  model["circles_now"] = FormatCount(context, latest);
}

// Concerns raised by severity, by month.
void AddConcerns(const Context& context, const app::reports::DashboardPage& page,
                 mstch::map& model) {
  const auto total = Total(page.concerns, [](const auto& month) { return month.total; });
  report::BarChart chart = TitledChart(
      context, N_("Concerns raised by severity"),
      {N_("Concerns raised each month by severity, {period}: {count} in all."),
       {{"period", PeriodText(context, page.period)}, {"count", FormatCount(context, total)}}});
  const auto severities = domain::Severities();
  std::vector<std::string> header{context.Translate(N_("Month"))};
  const Rows rows = FillByValue(
      context, page.concerns, severities,
      [&](const auto& month, bool short_form) { return MonthOf(context, month, short_form); },
      [](const auto& month, domain::Severity severity) {
        return month.by_severity[static_cast<std::size_t>(severity)];
      },
      chart, header);
  // Each severity in the colour and with the icon of its badge, in the chart and in its table.
  mstch::array head = HeaderCells(header);
  for (std::size_t i = 0; i < severities.size(); ++i) {
    const auto& look = LookOf(severities[i]);
    chart.series[i].colour = std::string(look.colour);
    chart.series[i].icon = std::string(look.icon);
    head[i + 1] = mstch::map{{"badge", SeverityBadge(context, severities[i])}};
  }
  AddChartWithHeader(model, "concerns", chart, std::move(head), rows);
  model["concerns_total"] = FormatCount(context, total);
}

// Minutes as the dashboard shows a median: "—" for none.
std::string MedianText(const Context& context, const std::optional<std::int64_t>& minutes) {
  return minutes ? FormatCount(context, *minutes) : std::string("—");
}

// The time to acknowledge a concern, by the month it was raised.
void AddAcknowledgement(const Context& context, const app::reports::DashboardPage& page,
                        mstch::map& model) {
  const auto waiting = Total(page.concerns, [](const auto& month) { return month.waiting; });
  report::BarChart chart = TitledChart(
      context, N_("Time to acknowledge a concern"),
      {N_("Median minutes between raising a concern and a coordinator acknowledging it, by the "
          "month it was raised, {period}: {minutes} minutes over the period; {waiting} not "
          "acknowledged yet."),
       {{"period", PeriodText(context, page.period)},
        {"minutes", MedianText(context, page.acknowledge_median)},
        {"waiting", FormatCount(context, waiting)}}});
  report::ChartSeries median{context.Translate(N_("Median minutes")), {}};
  Rows rows;
  for (const auto& month : page.concerns) {
    chart.categories.push_back(MonthOf(context, month, true));
    median.values.push_back(static_cast<double>(month.median_minutes.value_or(0)));
    rows.push_back({MonthOf(context, month, false), FormatCount(context, month.acknowledged),
                    MedianText(context, month.median_minutes),
                    FormatCount(context, month.waiting)});
  }
  chart.series.push_back(std::move(median));
  AddChart(model, "acknowledge", chart,
           {context.Translate(N_("Month")), context.Translate(C_("concerns", "Acknowledged")),
            context.Translate(N_("Median minutes")), context.Translate(N_("Not acknowledged yet"))},
           rows);
  model["acknowledge_median"] = MedianText(context, page.acknowledge_median);
}

// Outcomes from the start of the circle to its closure.
void AddOutcomes(const Context& context, const app::reports::DashboardPage& page,
                 mstch::map& model) {
  const std::int64_t files = page.outcomes.empty() ? 0 : page.outcomes.front().files;
  report::BarChart chart = TitledChart(
      context, N_("Outcomes from start to closure"),
      {N_("Mean level on each outcome scale (1 = the lowest level) at the start of the circle "
          "and at its closure, for the {count} files measured at closure {period} and at the "
          "start."),
       {{"period", PeriodText(context, page.period)}, {"count", FormatCount(context, files)}}});
  chart.stacked = false;
  chart.number = ChartNumbers(context, 1);
  report::ChartSeries start{context.Translate(N_("At the start")), {}};
  report::ChartSeries closure{context.Translate(N_("At closure")), {}};
  Rows rows;
  const auto& translator = context.services.translator;
  for (const auto& change : page.outcomes) {
    const std::string dimension = context.Translate(domain::LabelOf(change.dimension));
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
  AddChart(model, "outcomes", chart,
           {context.Translate(N_("Outcome")), context.Translate(N_("Files")),
            context.Translate(N_("Mean at the start")), context.Translate(N_("Mean at closure")),
            context.Translate(N_("Improved")), context.Translate(N_("Unchanged")),
            context.Translate(N_("Worse"))},
           rows);
}

// Why volunteers left: each reason's count among the exit interviews of the period.
void AddExitReasons(const Context& context, const app::reports::DashboardPage& page,
                    mstch::map& model) {
  mstch::array rows;
  int total = 0;
  for (const auto& [reason, count] : page.exit_reasons) {
    rows.push_back(mstch::map{{"reason", context.Translate(domain::LabelOf(reason))},
                              {"count", FormatCount(context, count)}});
    total += count;
  }
  model["shows_exits"] = !page.exit_reasons.empty();
  model["has_exits"] = total > 0;
  model["exit_reasons"] = rows;
}

// Each risk and protective factor's change from the first review to the last, over circles; a
// factor's mean change is signed in points of its scale, read by its kind.
void AddFactorChanges(const Context& context, const app::reports::DashboardPage& page,
                      mstch::map& model) {
  mstch::array rows;
  const auto& translator = context.services.translator;
  for (const auto& change : page.factor_changes) {
    const std::string mean = translator.FormatNumber(context.language, change.mean_change, 1);
    rows.push_back(mstch::map{{"factor", context.Translate(change.factor_name)},
                              {"kind", context.Translate(domain::LabelOf(change.kind))},
                              {"circles", FormatCount(context, change.circles)},
                              {"improved", FormatCount(context, change.improved)},
                              {"same", FormatCount(context, change.same)},
                              {"worse", FormatCount(context, change.worse)},
                              {"mean", change.mean_change > 0 ? "+" + mean : mean}});
  }
  model["has_factor_changes"] = !rows.empty();
  model["factor_changes"] = rows;
}

// The end-of-circle questionnaires: each question's answers and mean score, by respondent.
void AddEndings(const Context& context, const app::reports::DashboardPage& page,
                mstch::map& model) {
  mstch::array rows;
  int total = 0;
  for (const auto& figure : page.endings) {
    mstch::map row{{"respondent", context.Translate(domain::LabelOf(figure.respondent))},
                   {"question", context.Translate(figure.text)},
                   {"answers", FormatCount(context, figure.answers)},
                   {"mean", figure.answers > 0 ? context.services.translator.FormatNumber(
                                                     context.language, figure.mean, 1)
                                               : "—"}};
    rows.push_back(std::move(row));
    total += figure.answers;
  }
  model["shows_endings"] = !page.endings.empty();
  model["has_endings"] = total > 0;
  model["endings"] = rows;
}

// The dashboard's template data.
mstch::map DashboardView(const Context& context, const PeriodRequest& request,
                         const app::reports::DashboardPage& page) {
  mstch::map model;
  AddPeriod(context, model, request, page.period, "/reports", page.fiscal_start_month);
  AddHours(context, page, model);
  AddReferrals(context, page, model);
  AddEvents(context, page, model);
  AddCircles(context, page, model);
  AddConcerns(context, page, model);
  AddAcknowledgement(context, page, model);
  AddOutcomes(context, page, model);
  AddExitReasons(context, page, model);
  AddFactorChanges(context, page, model);
  AddEndings(context, page, model);
  model["can_extract"] = page.can_extract;
  model["can_configure"] = page.can_configure;
  return model;
}

}  // namespace

Response ShowDashboard(Context& context) {
  return ShowPeriodPage(context, "report", "report_dashboard", N_("Reports"),
                        app::reports::LoadDashboard, DashboardView);
}

}  // namespace cercle::web::pages::reports
