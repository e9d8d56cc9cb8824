#include "web/pages/reports/report_views.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "web/forms.hpp"
#include "web/http.hpp"
#include "web/layout.hpp"

namespace cercle::web::pages::reports {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
    N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December")};

constexpr std::array<const char*, 12> kShortMonthNames = {
    N_("Jan."), N_("Feb."), N_("Mar."), N_("Apr."), N_("May"),  N_("Jun."),
    N_("Jul."), N_("Aug."), N_("Sep."), N_("Oct."), N_("Nov."), N_("Dec.")};

// The unit a figure's value has in the exports, as a msgid ("" for a count).
std::string_view UnitLabel(domain::FigureUnit unit) {
  switch (unit) {
    case domain::FigureUnit::kCount:
      return "";
    case domain::FigureUnit::kMinutes:
      return N_("hours");
    case domain::FigureUnit::kCents:
      return N_("dollars");
  }
  return "";
}

}  // namespace

std::string QueryValue(const Context& context, const std::string& name) {
  const auto query = context.request.QueryParameters();
  const auto found = query.find(name);
  return found == query.end() ? std::string() : found->second;
}

PeriodRequest ReadPeriod(const Context& context) {
  PeriodRequest request{std::nullopt, std::nullopt, QueryValue(context, "from"),
                        QueryValue(context, "to")};
  if (request.from_text.empty() && request.to_text.empty()) return request;
  auto parsed = domain::ParseReportPeriod(request.from_text, request.to_text);
  if (parsed) {
    request.period = *parsed;
  } else {
    request.error = parsed.error();
  }
  return request;
}

void AddPeriod(const Context& context, mstch::map& model, const PeriodRequest& request,
               const domain::ReportPeriod& shown, const std::string& path, int start_month) {
  const bool typed = !request.from_text.empty() || !request.to_text.empty();
  model["from"] = mstch::map{{"value", typed ? request.from_text : FormatIsoDate(shown.from)}};
  model["to"] = mstch::map{{"value", typed ? request.to_text : FormatIsoDate(shown.to)}};
  if (request.error) AddErrors(context, *request.error, model);
  model["period_text"] = PeriodText(context, shown);
  model["period_query"] = PeriodQuery(shown);
  model["period_from"] = FormatIsoDate(shown.from);
  model["period_to"] = FormatIsoDate(shown.to);
  model["quarters"] = QuarterLinks(context, path, shown, start_month);
  model["action"] = path;
}

std::string PeriodQuery(const domain::ReportPeriod& period) {
  return "from=" + FormatIsoDate(period.from) + "&to=" + FormatIsoDate(period.to);
}

std::string PeriodText(const Context& context, const domain::ReportPeriod& period) {
  return context.Format(
      {N_("{from} to {to}"),
       {{"from", ShowDate(context, period.from)}, {"to", ShowDate(context, period.to)}}});
}

std::string QuarterLabel(const Context& context, const domain::FiscalQuarter& quarter,
                         int start_month) {
  const auto short_month = [&](CivilDate day) {
    return context.Translate(kShortMonthNames.at(static_cast<unsigned>(day.month()) - 1));
  };
  const MessageArgument first_month{"first_month", short_month(quarter.period.from)};
  const MessageArgument last_month{"last_month", short_month(quarter.period.to)};
  if (start_month == 1) {
    return context.Format({N_("Q{quarter} {year} ({first_month}–{last_month})"),
                           {{"quarter", std::to_string(quarter.quarter)},
                            {"year", std::to_string(quarter.fiscal_year)},
                            first_month,
                            last_month}});
  }
  return context.Format({N_("Q{quarter} {first_year}–{second_year} ({first_month}–{last_month})"),
                         {{"quarter", std::to_string(quarter.quarter)},
                          {"first_year", std::to_string(quarter.fiscal_year)},
                          {"second_year", std::to_string(quarter.fiscal_year + 1)},
                          first_month,
                          last_month}});
}

mstch::array QuarterLinks(const Context& context, const std::string& path,
                          const domain::ReportPeriod& current, int start_month) {
  const auto today = context.services.app.Today();
  mstch::array links;
  const auto add = [&](const std::string& label, const domain::ReportPeriod& period) {
    links.push_back(mstch::map{{"label", label},
                               {"href", path + "?" + PeriodQuery(period)},
                               {"current", period == current}});
  };
  for (const auto& quarter : domain::RecentQuarters(today, start_month, 6)) {
    add(QuarterLabel(context, quarter, start_month), quarter.period);
  }
  const auto this_year = domain::FiscalYearOf(today, start_month);
  const auto last_year = domain::FiscalYearOf(AddDays(this_year.from, -1), start_month);
  for (const auto& year : {this_year, last_year}) {
    const int first = static_cast<int>(year.from.year());
    if (start_month == 1) {
      add(context.Format({N_("Year {year}"), {{"year", std::to_string(first)}}}), year);
    } else {
      add(context.Format({N_("Fiscal year {first_year}–{second_year}"),
                          {{"first_year", std::to_string(first)},
                           {"second_year", std::to_string(first + 1)}}}),
          year);
    }
  }
  return links;
}

std::string ShowDate(const Context& context, CivilDate date) {
  return context.services.translator.FormatCivilDate(context.language, FormatIsoDate(date));
}

std::string FormatHours(const Context& context, std::int64_t minutes) {
  const int decimals = minutes % 60 == 0 ? 0 : (minutes * 10) % 60 == 0 ? 1 : 2;
  return context.services.translator.FormatNumber(context.language,
                                                  static_cast<double>(minutes) / 60.0, decimals);
}

std::string FormatMoney(const Context& context, std::int64_t cents) {
  const std::string amount = context.services.translator.FormatNumber(
      context.language, static_cast<double>(cents) / 100.0, 2);
  return context.language == i18n::Language::kFrench ? amount + " $" : "$" + amount;
}

std::string FormatCount(const Context& context, std::int64_t count) {
  return context.services.translator.FormatNumber(context.language, static_cast<double>(count), 0);
}

std::function<std::string(double)> ChartNumbers(const Context& context, int max_decimals) {
  return [&context, max_decimals](double value) {
    // The fewest decimals that write the value rounded to `max_decimals`, so that 71.5 reads
    // "71,5" and not "71,50".
    const double scale = std::pow(10.0, max_decimals);
    const double rounded = std::round(value * scale) / scale;
    int decimals = 0;
    for (double shifted = rounded; decimals < max_decimals; ++decimals, shifted *= 10) {
      if (std::abs(shifted - std::round(shifted)) < 1e-6) break;
    }
    return context.services.translator.FormatNumber(context.language, rounded, decimals);
  };
}

std::string FormatFigure(const Context& context, domain::FigureUnit unit, std::int64_t value) {
  switch (unit) {
    case domain::FigureUnit::kCount:
      return FormatCount(context, value);
    case domain::FigureUnit::kMinutes:
      return FormatHours(context, value) + " h";
    case domain::FigureUnit::kCents:
      return FormatMoney(context, value);
  }
  return FormatCount(context, value);
}

double ExportValue(domain::FigureUnit unit, std::int64_t value) {
  switch (unit) {
    case domain::FigureUnit::kCount:
      return static_cast<double>(value);
    case domain::FigureUnit::kMinutes:
      return static_cast<double>(value) / 60.0;
    case domain::FigureUnit::kCents:
      return static_cast<double>(value) / 100.0;
  }
  return static_cast<double>(value);
}

std::string MonthLabel(const Context& context, const std::string& key, bool short_form) {
  if (key.size() != 7) return key;
  const int month = std::stoi(key.substr(5, 2));
  if (month < 1 || month > 12) return key;
  const auto& names = short_form ? kShortMonthNames : kMonthNames;
  const std::string year = short_form ? key.substr(2, 2) : key.substr(0, 4);
  return context.Format(
      {N_("{month} {year}"), {{"month", context.Translate(names[month - 1])}, {"year", year}}});
}

std::string BreakdownLabel(const Context& context, const domain::FigureBreakdown& line) {
  return line.label.empty() ? MonthLabel(context, line.key, false) : context.Translate(line.label);
}

mstch::array BySection(const Context& context, const std::vector<ComputedFigure>& figures,
                       const std::function<mstch::map(const ComputedFigure&)>& row) {
  mstch::array sections;
  std::string current;
  mstch::array rows;
  const auto flush = [&] {
    if (!current.empty()) {
      sections.push_back(mstch::map{{"title", context.Translate(current)}, {"figures", rows}});
    }
    rows = mstch::array();
  };
  for (const auto& figure : figures) {
    if (std::string(figure.definition->section) != current) {
      flush();
      current = std::string(figure.definition->section);
    }
    rows.push_back(row(figure));
  }
  flush();
  return sections;
}

mstch::array FigureSections(const Context& context, const std::vector<ComputedFigure>& figures,
                            const std::string& href_query) {
  return BySection(context, figures, [&](const ComputedFigure& figure) {
    const auto& definition = *figure.definition;
    mstch::array breakdown;
    for (const auto& line : figure.result.breakdown) {
      breakdown.push_back(mstch::map{{"key", line.key},
                                     {"label", BreakdownLabel(context, line)},
                                     {"value", FormatFigure(context, definition.unit, line.value)},
                                     {"raw", std::to_string(line.value)}});
    }
    mstch::map row{{"key", std::string(definition.key)},
                   {"label", context.Translate(definition.label)},
                   {"definition", context.Translate(definition.definition)},
                   {"value", FormatFigure(context, definition.unit, figure.result.value)},
                   {"raw", std::to_string(figure.result.value)},
                   {"breakdown", breakdown},
                   {"has_breakdown", !breakdown.empty()}};
    if (!href_query.empty()) {
      row["href"] = "/reports/funder/figures/" + std::string(definition.key) + "?" + href_query;
    }
    return row;
  });
}

std::vector<report::Sheet> FunderSheets(const Context& context,
                                        const std::string& organisation_name,
                                        const domain::ReportPeriod& period,
                                        const std::vector<ComputedFigure>& figures,
                                        const domain::ReportRecords& records,
                                        const std::optional<domain::SignificantStory>& story) {
  using report::Cell;
  report::Sheet summary{context.Translate(N_("Figures")), {22, 42, 42, 14, 10}, {}};
  summary.rows.push_back(
      {Cell(context.Translate(N_("Funder report")), true), Cell(organisation_name, true)});
  summary.rows.push_back({Cell(context.Translate(N_("Period"))), Cell(PeriodText(context, period)),
                          Cell(FormatIsoDate(period.from)), Cell(FormatIsoDate(period.to))});
  summary.rows.push_back({});
  summary.rows.push_back(
      {Cell(context.Translate(N_("Section")), true), Cell(context.Translate(N_("Figure")), true),
       Cell(context.Translate(N_("Detail")), true), Cell(context.Translate(N_("Value")), true),
       Cell(context.Translate(N_("Unit")), true)});
  for (const auto& figure : figures) {
    const auto& definition = *figure.definition;
    const std::string section = context.Translate(definition.section);
    const std::string label = context.Translate(definition.label);
    const std::string unit =
        UnitLabel(definition.unit).empty() ? "" : context.Translate(UnitLabel(definition.unit));
    summary.rows.push_back({Cell(section), Cell(label), Cell(),
                            Cell(ExportValue(definition.unit, figure.result.value)), Cell(unit)});
    for (const auto& line : figure.result.breakdown) {
      summary.rows.push_back({Cell(section), Cell(label), Cell(BreakdownLabel(context, line)),
                              Cell(ExportValue(definition.unit, line.value)), Cell(unit)});
    }
  }
  summary.rows.push_back({});
  summary.rows.push_back({Cell(context.Translate(N_("Significant story")), true)});
  if (story) {
    summary.rows.push_back({Cell(story->title, true)});
    summary.rows.push_back({Cell(story->text)});
  } else {
    summary.rows.push_back({Cell(context.Translate(N_("No reviewed story in this period.")))});
  }

  report::Sheet outreach{context.Translate(N_("Outreach")), {12, 22, 40, 30, 10, 18}, {}};
  outreach.rows.push_back(
      {Cell(context.Translate(N_("Date")), true), Cell(context.Translate(N_("Kind")), true),
       Cell(context.Translate(N_("Subject")), true), Cell(context.Translate(N_("Audience")), true),
       Cell(context.Translate(N_("Reach")), true), Cell(context.Translate(N_("Language")), true)});
  std::vector<domain::OutreachActivity> activities;
  for (const auto& activity : records.outreach) {
    if (period.Contains(activity.held_on)) activities.push_back(activity);
  }
  std::sort(activities.begin(), activities.end(), [](const auto& a, const auto& b) {
    return std::tie(a.held_on, a.id) < std::tie(b.held_on, b.id);
  });
  for (const auto& activity : activities) {
    outreach.rows.push_back({Cell(FormatIsoDate(activity.held_on)),
                             Cell(context.Translate(domain::LabelOf(activity.kind))),
                             Cell(activity.title), Cell(activity.audience),
                             activity.reach ? Cell(*activity.reach) : Cell(),
                             Cell(context.Translate(domain::LabelOf(activity.language)))});
  }
  return {summary, outreach};
}

Response Download(std::string body, const std::string& content_type, const std::string& filename) {
  Response response;
  response.body = std::move(body);
  response.SetHeader("Content-Type", content_type);
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  response.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

bool SteppedUp(const Context& context) {
  return context.services.authenticator.RecentlyAuthenticated(context.signed_in());
}

Response RefusedExport(Context& context, const Error& error, std::string_view object_type,
                       i18n::Language language) {
  if (error.kind == ErrorKind::kUnauthenticated) {
    return Response::Redirect("/reauth?next=" + PercentEncode(context.request.target));
  }
  if (error.kind == ErrorKind::kForbidden) return Deny(context, object_type, "", 403);
  context.language = language;
  return RenderError(context, error);
}

i18n::Language RequestedLanguage(const Context& context) {
  const std::string lang = QueryValue(context, "lang");
  if (lang == "fr") return i18n::Language::kFrench;
  if (lang == "en") return i18n::Language::kEnglish;
  return context.language;
}

mstch::array LanguageChoices(const Context& context) {
  const bool french = context.language == i18n::Language::kFrench;
  return mstch::array{
      mstch::map{
          {"value", std::string("fr")}, {"label", std::string("Français")}, {"selected", french}},
      mstch::map{
          {"value", std::string("en")}, {"label", std::string("English")}, {"selected", !french}}};
}

}  // namespace cercle::web::pages::reports
