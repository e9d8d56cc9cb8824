// The evaluation extract: its description and data dictionary, and the files.
#include "app/reports/report_queries.hpp"
#include "app/reports/report_settings.hpp"
#include "report/csv.hpp"
#include "report/xlsx.hpp"
#include "web/layout.hpp"
#include "web/pages/reports/report_pages.hpp"
#include "web/pages/reports/report_views.hpp"

namespace cercle::web::pages::reports {
namespace {

using app::reports::EvaluationPage;
using app::reports::EvaluationUse;

// `message` with each argument (a msgid) translated, then formatted.
std::string FormatTranslated(const Context& context, Message message) {
  for (auto& argument : message.arguments) argument.value = context.Translate(argument.value);
  return context.Format(message);
}

// The data dictionary: one row per column (name, description, values), the scales' levels
// spelled out.
std::vector<std::vector<std::string>> Dictionary(const Context& context,
                                                 const EvaluationPage& page) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& column : page.extract.columns) {
    std::string values = context.Format(column.values);
    if (column.scale) {
      const auto& scale = page.scales[static_cast<std::size_t>(*column.scale)];
      for (std::size_t i = 0; i < scale.labels.size(); ++i) {
        values +=
            " " + std::to_string(i + 1) + " = " +
            app::reports::LevelLabel(context.services.translator, context.language, scale, i) + ";";
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

report::Sheet DictionarySheet(const Context& context, const EvaluationPage& page) {
  report::Sheet sheet{context.Translate(N_("Dictionary")), {28, 70, 60}, {}};
  sheet.rows.push_back({report::Cell(context.Translate(N_("Column")), true),
                        report::Cell(context.Translate(N_("Description")), true),
                        report::Cell(context.Translate(N_("Values")), true)});
  for (const auto& row : Dictionary(context, page)) {
    sheet.rows.push_back({report::Cell(row[0]), report::Cell(row[1]), report::Cell(row[2])});
  }
  sheet.rows.push_back({});
  sheet.rows.push_back({report::Cell(context.Translate(N_("Note"))),
                        report::Cell(context.Translate(report::StartNote()))});
  for (const auto& line : CoarseningLines(context, page.extract)) {
    sheet.rows.push_back({report::Cell(context.Translate(N_("Coarsened"))), report::Cell(line)});
  }
  return sheet;
}

report::Sheet DataSheet(const Context& context, const report::EvaluationExtract& extract) {
  report::Sheet sheet{context.Translate(N_("Data")), {}, {}};
  report::Row header;
  for (const auto& column : extract.columns) header.push_back(report::Cell(column.name, true));
  sheet.rows.push_back(std::move(header));
  sheet.rows.insert(sheet.rows.end(), extract.rows.begin(), extract.rows.end());
  return sheet;
}

// The refusal of the extract: an evaluator while the organisation keeps evaluator access off gets
// the audited 403 saying so (Conflict from the app); anything else as every export refuses.
Response RefusedEvaluation(Context& context, const Error& error, i18n::Language language) {
  if (error.kind == ErrorKind::kConflict)
    return Deny(context, "evaluation", "", 403, &error.message);
  return RefusedExport(context, error, "evaluation", language);
}

// Loads the extract in the language asked for, for `use`, and returns `write`'s file, named after
// `what` ("data" or "dictionary").
template <class Write>
Response ExportExtract(Context& context, EvaluationUse use, const std::string& what,
                       const std::string& extension, const std::string& type, Write&& write) {
  const auto language = RequestedLanguage(context);
  const auto page = app::reports::LoadEvaluation(context.services.app, context.signed_in(), use,
                                                 SteppedUp(context));
  if (!page) return RefusedEvaluation(context, page.error(), language);
  context.language = language;
  const std::string today = FormatIsoDate(context.services.app.Today());
  const bool french = context.language == i18n::Language::kFrench;
  const std::string base = what == "dictionary"
                               ? (french ? "dictionnaire-evaluation" : "evaluation-dictionary")
                               : (french ? "extrait-evaluation" : "evaluation-extract");
  return Download(write(*page), type, base + "-" + today + "." + extension);
}

// The evaluation page's template data.
mstch::map EvaluationView(const Context& context, const EvaluationPage& page) {
  const auto& extract = page.extract;
  mstch::array dictionary;
  for (const auto& row : Dictionary(context, page)) {
    dictionary.push_back(mstch::map{{"name", row[0]}, {"description", row[1]}, {"values", row[2]}});
  }
  mstch::array coarsening;
  for (const auto& line : CoarseningLines(context, extract)) coarsening.push_back(line);
  return mstch::map{
      {"count", FormatCount(context, static_cast<std::int64_t>(extract.rows.size()))},
      {"raw_count", std::to_string(extract.rows.size())},
      {"empty", extract.rows.empty() && coarsening.empty()},
      {"withheld", extract.rows.empty() && !coarsening.empty()},
      {"coarsening", coarsening},
      {"coarsened", !coarsening.empty()},
      {"coarsening_intro",
       context.Format({N_("So that no row can single anyone out, every combination of age band, "
                          "region and referral source is shared by at least {minimum} core "
                          "members. To reach that, the extract was coarsened:"),
                       {{"minimum", std::to_string(extract.coarsening.minimum_group)}}})},
      {"dictionary", dictionary},
      {"start_note", context.Translate(report::StartNote())},
      {"minimum_group", std::to_string(extract.coarsening.minimum_group)},
      {"languages", LanguageChoices(context)}};
}

}  // namespace

Response ShowEvaluation(Context& context) {
  const auto page = app::reports::LoadEvaluation(context.services.app, context.signed_in(),
                                                 EvaluationUse::kPage, false);
  if (!page) return RefusedEvaluation(context, page.error(), context.language);
  return RenderPage(context, "report_evaluation", context.Translate(N_("Evaluation extract")),
                    EvaluationView(context, *page));
}

Response ExportEvaluationCsv(Context& context) {
  return ExportExtract(context, EvaluationUse::kDataCsv, "data", "csv", kCsvType,
                       [&](const EvaluationPage& page) {
                         return report::WriteCsv(DataSheet(context, page.extract));
                       });
}

Response ExportEvaluationXlsx(Context& context) {
  return ExportExtract(context, EvaluationUse::kDataXlsx, "data", "xlsx", kXlsxType,
                       [&](const EvaluationPage& page) {
                         return report::WriteWorkbook(
                             {DataSheet(context, page.extract), DictionarySheet(context, page)});
                       });
}

Response ExportDictionaryCsv(Context& context) {
  return ExportExtract(
      context, EvaluationUse::kDictionaryCsv, "dictionary", "csv", kCsvType,
      [&](const EvaluationPage& page) { return report::WriteCsv(DictionarySheet(context, page)); });
}

}  // namespace cercle::web::pages::reports
