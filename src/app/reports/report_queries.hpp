#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/reports/report_data.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/ending_questionnaires.hpp"
#include "domain/outcomes.hpp"
#include "domain/risk_factors.hpp"
#include "domain/volunteer_care.hpp"
#include "report/evaluation_extract.hpp"
#include "report/statistics.hpp"

// The report pages' queries: the dashboard, the funder's report (on the page, in print, as a file,
// one figure's check list) and the evaluation extract. Each checks the report policy and records
// the view or the export in the audit log.
namespace cercle::app::reports {

// The dashboard's series for a period.
struct DashboardPage {
  domain::ReportPeriod period;
  int fiscal_start_month = 1;
  std::int64_t hourly_cents = 0;
  domain::FigureResult hours;        // approved minutes, by month
  domain::FigureResult hours_value;  // their value in cents, by month
  domain::FigureResult expenses;     // approved and paid expenses in cents, by month
  std::int64_t circle_days = 0;      // domain::OpenCircleDays
  // The expenses per circle-year open in the period (domain::CostPerCircleYear); none when no
  // circle was open.
  std::optional<std::int64_t> cost_per_circle_year;
  std::vector<report::ReferralOutcomes> referrals;
  std::vector<report::EventCounts> events;
  std::vector<report::PhaseCounts> circles;
  std::vector<report::ConcernMonth> concerns;
  // The median minutes to acknowledge the concerns raised during the period; none when none was.
  std::optional<std::int64_t> acknowledge_median;
  std::vector<report::OutcomeChange> outcomes;
  // How many exit interviews held during the period name each reason (staff who manage
  // volunteers; empty otherwise).
  std::vector<std::pair<domain::ExitReason, int>> exit_reasons;
  // How each risk and protective factor moved from the first review to the last, over the circles
  // whose last rated review falls in the period (domain::FirstToLastChanges); empty for an actor
  // who may not see the ratings (auth::policies::RiskFactorPolicy).
  std::vector<domain::FactorChange> factor_changes;
  // The end-of-circle questionnaires answered during the period: answers and mean score of each
  // question by kind of respondent (staff who manage circles; empty otherwise).
  std::vector<domain::EndingFigure> endings;
  bool can_extract = false;
  bool can_configure = false;
};

// The dashboard of the actor's organisation for `period` (the last twelve months when none).
// Forbidden for actors who may not see reports; records "report.view".
Result<DashboardPage> LoadDashboard(const Services& services, const auth::Actor& actor,
                                    const std::optional<domain::ReportPeriod>& period);

// What the funder's report is loaded for; each use is recorded under its own audit action.
enum class FunderUse { kPage, kPrint, kCsv, kXlsx, kFigure };

struct FunderReportQuery {
  std::optional<domain::ReportPeriod> period;  // none: the current fiscal quarter
  // The field errors of a period typed wrong: the page falls back to the current quarter, print
  // and exports refuse.
  std::optional<Error> period_error;
  std::optional<std::int64_t> story_id;  // the story asked for
  FunderUse use = FunderUse::kPage;
  // kCsv and kXlsx: the actor confirmed their password or code within the last minutes.
  bool stepped_up = false;
  // kFigure: the figure whose check list is shown.
  const domain::FigureDefinition* figure = nullptr;
};

struct FunderReportPage {
  domain::ReportPeriod period;
  int fiscal_start_month = 1;
  std::string organisation_name;
  domain::ReportRecords records;  // approved hours, counted expenses and concerns of `period` alone
  std::vector<ComputedFigure> figures;
  // The reviewed stories of the period, newest first, and the one the report shows.
  std::vector<domain::SignificantStory> stories;
  std::optional<domain::SignificantStory> story;
};

// The funder's report of the actor's organisation. Forbidden for actors who may not see reports;
// Unauthenticated for an export without a recent step-up; the period's errors for print and
// exports of a period typed wrong. Records "report.view", "report.print", "export" or
// "report.figure_view".
Result<FunderReportPage> LoadFunderReport(const Services& services, const auth::Actor& actor,
                                          const FunderReportQuery& query);

// What the evaluation extract is loaded for.
enum class EvaluationUse { kPage, kDataCsv, kDataXlsx, kDictionaryCsv };

struct EvaluationPage {
  report::EvaluationExtract extract;
  std::vector<domain::OutcomeScale> scales;
};

// The evaluation extract of the actor's organisation, today. Forbidden for actors who may not
// extract; Unauthenticated for an export without a recent step-up (`stepped_up` false); Conflict,
// saying so, for an evaluator while the organisation keeps evaluator access off
// (ReportPolicy::EvaluatorAccessAllows). Records "report.view" or "export".
Result<EvaluationPage> LoadEvaluation(const Services& services, const auth::Actor& actor,
                                      EvaluationUse use, bool stepped_up);

}  // namespace cercle::app::reports
