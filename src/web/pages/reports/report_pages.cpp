// The funder's report: on the page, in print, as a file, and each figure's check list.
#include "web/pages/reports/report_pages.hpp"

#include <algorithm>

#include "app/reports/report_queries.hpp"
#include "report/csv.hpp"
#include "report/xlsx.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::reports {
namespace {

using app::reports::FunderReportPage;
using app::reports::FunderUse;

// The story asked for with query parameter "story", if it reads as an id.
std::optional<std::int64_t> StoryAsked(const Context& context) {
  const std::string story = QueryValue(context, "story");
  if (story.empty() || story.size() > 18 ||
      story.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(story);
}

// The funder's report asked for by the request, for `use`.
app::reports::FunderReportQuery FunderQuery(const Context& context, const PeriodRequest& request,
                                            FunderUse use) {
  return {
      .period = request.period,
      .period_error = request.error,
      .story_id = StoryAsked(context),
      .use = use,
      .stepped_up = use == FunderUse::kCsv || use == FunderUse::kXlsx ? SteppedUp(context) : false};
}

// "rapport-bailleur-2026-10-01-2026-12-31" / "funder-report-…".
std::string ExportName(const Context& context, const std::string& french,
                       const std::string& english, const domain::ReportPeriod& period) {
  const std::string base = context.language == i18n::Language::kFrench ? french : english;
  return base + "-" + FormatIsoDate(period.from) + "-" + FormatIsoDate(period.to);
}

// The report page's template data.
mstch::map FunderView(const Context& context, const PeriodRequest& request,
                      const FunderReportPage& page) {
  mstch::map model;
  AddPeriod(context, model, request, page.period, "/reports/funder", page.fiscal_start_month);
  model["sections"] = FigureSections(context, page.figures, PeriodQuery(page.period));
  mstch::array stories;
  for (const auto& story : page.stories) {
    stories.push_back(mstch::map{{"id", std::to_string(story.id)},
                                 {"title", story.title},
                                 {"selected", page.story && page.story->id == story.id}});
  }
  model["stories"] = stories;
  model["several_stories"] = stories.size() > 1;
  if (page.story) {
    model["story"] = mstch::map{{"id", std::to_string(page.story->id)},
                                {"title", page.story->title},
                                {"text", page.story->text},
                                {"written_on", ShowDate(context, page.story->written_on)}};
  }
  model["languages"] = LanguageChoices(context);
  return model;
}

// One figure on paper: its breakdown reads inline, and an outcome's lines at zero are left out.
mstch::map PrintedFigure(const Context& context, const ComputedFigure& figure, bool outcome) {
  const auto& definition = *figure.definition;
  const std::string separator = context.language == i18n::Language::kFrench ? " : " : ": ";
  std::string inline_text;
  for (const auto& line : figure.result.breakdown) {
    if (outcome && line.value == 0) continue;
    inline_text += (inline_text.empty() ? "" : " · ") + BreakdownLabel(context, line) + separator +
                   FormatFigure(context, definition.unit, line.value);
  }
  return mstch::map{{"key", std::string(definition.key)},
                    {"label", context.Translate(definition.label)},
                    {"value", FormatFigure(context, definition.unit, figure.result.value)},
                    {"raw", std::to_string(figure.result.value)},
                    {"inline", inline_text}};
}

// The printed report's template data: each figure on one line, by section.
mstch::map PrintView(const Context& context, const FunderReportPage& page) {
  const mstch::array sections = BySection(context, page.figures, [&](const ComputedFigure& figure) {
    return PrintedFigure(context, figure,
                         std::string(figure.definition->section) == N_("Outcomes"));
  });
  mstch::map model{{"organisation", page.organisation_name},
                   {"period_text", PeriodText(context, page.period)},
                   {"printed_on", ShowDate(context, context.services.app.Today())},
                   {"sections", sections},
                   {"css", context.services.static_files.Url("css/report-print.css")},
                   {"icon", context.services.static_files.Url("img/cercle.svg")},
                   {"back", "/reports/funder?" + PeriodQuery(page.period)}};
  if (page.story) {
    model["story"] = mstch::map{{"title", page.story->title}, {"text", page.story->text}};
  }
  return model;
}

// Loads the funder's report in the language asked for as a file (`use`) and returns `write`'s
// file.
template <class Write>
Response ExportFunder(Context& context, FunderUse use, const std::string& extension,
                      const std::string& type, Write&& write) {
  const auto language = RequestedLanguage(context);
  const auto request = ReadPeriod(context);
  const auto page = app::reports::LoadFunderReport(context.services.app, context.signed_in(),
                                                   FunderQuery(context, request, use));
  if (!page) return RefusedExport(context, page.error(), "report", language);
  context.language = language;
  const auto sheets = FunderSheets(context, page->organisation_name, page->period, page->figures,
                                   page->records, page->story);
  return Download(
      write(sheets), type,
      ExportName(context, "rapport-bailleur", "funder-report", page->period) + "." + extension);
}

}  // namespace

Response ShowFunderReport(Context& context) {
  const auto request = ReadPeriod(context);
  const auto page = app::reports::LoadFunderReport(context.services.app, context.signed_in(),
                                                   FunderQuery(context, request, FunderUse::kPage));
  if (!page) return Deny(context, "report", "", 403);
  return RenderPage(context, "report_funder", context.Translate(N_("Funder report")),
                    FunderView(context, request, *page), request.error ? 422 : 200);
}

Response PrintFunderReport(Context& context) {
  const auto language = RequestedLanguage(context);
  const auto request = ReadPeriod(context);
  const auto query = FunderQuery(context, request, FunderUse::kPrint);
  const auto page =
      app::reports::LoadFunderReport(context.services.app, context.signed_in(), query);
  if (!page) return RefusedExport(context, page.error(), "report", language);
  context.language = language;
  return Response::Html(
      200, context.services.views.Render("report_funder_print", PrintView(context, *page),
                                         context.language));
}

Response ExportFunderCsv(Context& context) {
  return ExportFunder(
      context, FunderUse::kCsv, "csv", kCsvType, [](const std::vector<report::Sheet>& sheets) {
        report::Sheet combined{sheets.front().name, {}, {}};
        for (const auto& sheet : sheets) {
          if (!combined.rows.empty()) combined.rows.push_back({});
          combined.rows.insert(combined.rows.end(), sheet.rows.begin(), sheet.rows.end());
        }
        return report::WriteCsv(combined);
      });
}

Response ExportFunderXlsx(Context& context) {
  return ExportFunder(
      context, FunderUse::kXlsx, "xlsx", kXlsxType,
      [](const std::vector<report::Sheet>& sheets) { return report::WriteWorkbook(sheets); });
}

}  // namespace cercle::web::pages::reports
