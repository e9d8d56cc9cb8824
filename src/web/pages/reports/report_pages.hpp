#pragma once

#include "web/context.hpp"

// Reports that keep the program funded: the dashboard, the funder's report with its check lists,
// print and exports, the evaluation extract, and the report settings.
namespace cercle::web::pages::reports {

// GET /reports: the organisation's figures over time, as charts with their tables.
Response ShowDashboard(Context& context);
// GET /reports/funder: the funder's report for a period.
Response ShowFunderReport(Context& context);
// GET /reports/funder/print: the report on one printed page, in the language asked for.
Response PrintFunderReport(Context& context);
// GET /reports/funder/export.csv and export.xlsx: the report as a file (after a step-up; audited).
Response ExportFunderCsv(Context& context);
Response ExportFunderXlsx(Context& context);
// GET /reports/funder/figures/{figure}: the records one figure counts.
Response ShowFigure(Context& context);

// GET /reports/evaluation: the evaluation extract's description and data dictionary.
Response ShowEvaluation(Context& context);
// GET /reports/evaluation/export.csv, export.xlsx, dictionary.csv (after a step-up; audited).
Response ExportEvaluationCsv(Context& context);
Response ExportEvaluationXlsx(Context& context);
Response ExportDictionaryCsv(Context& context);

// GET /reports/settings, POST /reports/settings/scales and /reports/settings/publication: the
// outcome scales, the public impact page and sharing with the network (organisation admins).
Response ShowSettings(Context& context);
Response SaveScales(Context& context);
Response SavePublication(Context& context);

}  // namespace cercle::web::pages::reports
