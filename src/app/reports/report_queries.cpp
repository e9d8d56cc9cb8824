#include "app/reports/report_queries.hpp"

#include "app/circles/endings.hpp"
#include "app/volunteers/volunteer_care.hpp"
#include "auth/crypto.hpp"
#include "auth/policies/report_policy.hpp"
#include "auth/policies/risk_factor_policy.hpp"
#include "store/organisation_store.hpp"
#include "store/outcome_store.hpp"

namespace cercle::app::reports {
namespace {

using auth::policies::ReportPolicy;

// The organisation's name, as the report's heading shows it.
std::string OrganisationName(const Services& services, const auth::Actor& actor) {
  if (!actor.organisation_name.empty()) return actor.organisation_name;
  const auto organisation =
      store::OrganisationStore(services.database).Find(*actor.organisation_id);
  return organisation ? organisation->name : std::string();
}

// How one use of a report is audited: its action, object type and object id.
template <class Use>
struct UseAudit {
  Use use;
  const char* action;
  const char* object_type;
  const char* object_id;
};

// The uses of the funder's report but a figure (whose key is the object id), the page's first.
constexpr UseAudit<FunderUse> kFunderAudits[] = {
    {FunderUse::kPage, "report.view", "report", "funder"},
    {FunderUse::kPrint, "report.print", "report", "funder"},
    {FunderUse::kCsv, "export", "funder_report", "csv"},
    {FunderUse::kXlsx, "export", "funder_report", "xlsx"},
};

// The uses of the evaluation extract, the page's first.
constexpr UseAudit<EvaluationUse> kEvaluationAudits[] = {
    {EvaluationUse::kPage, "report.view", "report", "evaluation"},
    {EvaluationUse::kDataCsv, "export", "evaluation_extract", "data.csv"},
    {EvaluationUse::kDataXlsx, "export", "evaluation_extract", "data.xlsx"},
    {EvaluationUse::kDictionaryCsv, "export", "evaluation_extract", "dictionary.csv"},
};

// The audit entry of `use` among `audits`; the first's (the page's) for a use not listed.
template <class Use, std::size_t kCount>
Audited AuditOf(const UseAudit<Use> (&audits)[kCount], Use use) {
  const auto* found = &audits[0];
  for (const auto& audit : audits) {
    if (audit.use == use) found = &audit;
  }
  return {found->action, found->object_type, found->object_id};
}

// The audit entry of one use of the funder's report.
Audited FunderAudited(const FunderReportQuery& query) {
  if (query.use == FunderUse::kFigure) {
    return {"report.figure_view", "report_figure", std::string(query.figure->key)};
  }
  return AuditOf(kFunderAudits, query.use);
}

// The audit entry of one use of the evaluation extract.
Audited EvaluationAudited(EvaluationUse use) { return AuditOf(kEvaluationAudits, use); }

// The median minutes to acknowledge the concerns raised during `period`.
std::optional<std::int64_t> AcknowledgeMedian(const domain::ReportRecords& records,
                                              const domain::ReportPeriod& period) {
  std::vector<std::int64_t> minutes;
  for (const auto& concern : records.concerns) {
    if (!period.Contains(concern.raised_on)) continue;
    if (concern.minutes_to_acknowledge) minutes.push_back(*concern.minutes_to_acknowledge);
  }
  return report::Median(std::move(minutes));
}

}  // namespace

Result<DashboardPage> LoadDashboard(const Services& services, const auth::Actor& actor,
                                    const std::optional<domain::ReportPeriod>& period) {
  if (!ReportPolicy::CanSeeReports(actor)) return Error::Forbidden();
  DashboardPage page;
  page.period = period.value_or(domain::LastTwelveMonths(services.Today()));
  const auto basis = LoadBasis(services, *actor.organisation_id, FixedDays(page.period));
  const auto figure_settings = FigureSettings(basis.settings);
  page.fiscal_start_month = FiscalStartMonth(basis.settings);
  page.hourly_cents = figure_settings.hourly_cents;
  const auto& records = basis.records;
  page.hours = domain::VolunteerHours(records, page.period, figure_settings);
  page.hours_value = domain::VolunteerHoursValue(records, page.period, figure_settings);
  page.expenses = domain::VolunteerExpenses(records, page.period, figure_settings);
  page.circle_days = domain::OpenCircleDays(records, page.period);
  page.cost_per_circle_year = domain::CostPerCircleYear(page.expenses.value, page.circle_days);
  page.referrals = report::ReferralsBySourceAndOutcome(records, page.period);
  page.events = report::EventsByKind(records, page.period);
  page.circles = report::ActiveCirclesByPhase(records, page.period);
  page.concerns = report::ConcernsByMonth(records, page.period);
  page.acknowledge_median = AcknowledgeMedian(records, page.period);
  page.outcomes = report::OutcomesStartToClosure(records, page.period);
  page.exit_reasons = volunteers::CountExitReasons(services, actor, page.period);
  if (auth::policies::RiskFactorPolicy::CanManage(actor)) {
    page.factor_changes = domain::FirstToLastChanges(records.factor_ratings, page.period);
  }
  page.endings = circles::EndingFiguresOf(services, actor, page.period);
  page.can_extract = ReportPolicy::CanExtractForEvaluation(actor);
  page.can_configure = ReportPolicy::CanConfigure(actor);
  AuditView(services, actor, {"report.view", "report", "dashboard"});
  return page;
}

Result<FunderReportPage> LoadFunderReport(const Services& services, const auth::Actor& actor,
                                          const FunderReportQuery& query) {
  if (!ReportPolicy::CanSeeReports(actor)) return Error::Forbidden();
  const bool export_file = query.use == FunderUse::kCsv || query.use == FunderUse::kXlsx;
  if (export_file && !query.stepped_up) return Error::Unauthenticated();
  const bool whole = export_file || query.use == FunderUse::kPrint;
  if (whole && query.period_error) return *query.period_error;
  if (query.use == FunderUse::kFigure && !query.figure) return Error::NotFound();
  const CivilDate today = services.Today();
  const auto period_of = [&](const domain::Settings& settings) {
    return PeriodOrCurrentQuarter(query.period, today, FiscalStartMonth(settings));
  };
  auto basis = LoadBasis(services, *actor.organisation_id, period_of);
  FunderReportPage page;
  page.fiscal_start_month = FiscalStartMonth(basis.settings);
  page.period = period_of(basis.settings);
  page.records = std::move(basis.records);
  page.figures = ComputeFigures(page.records, page.period, FigureSettings(basis.settings));
  page.stories = domain::ReviewedStoriesIn(page.records, page.period, today);
  page.story = domain::ChooseStory(page.records, page.period, today, query.story_id);
  if (whole) page.organisation_name = OrganisationName(services, actor);
  AuditView(services, actor, FunderAudited(query));
  return page;
}

Result<EvaluationPage> LoadEvaluation(const Services& services, const auth::Actor& actor,
                                      EvaluationUse use, bool stepped_up) {
  if (!ReportPolicy::CanExtractForEvaluation(actor)) return Error::Forbidden();
  // Privacy by default: evaluators take the extract only once the organisation turned it on.
  if (!ReportPolicy::EvaluatorAccessAllows(
          actor, LoadSettings(services, *actor.organisation_id)
                         .Get(domain::SettingKey::kEvaluatorAccess) == 1)) {
    return Error::Conflict(
        N_("Evaluator access is off in this organisation: the de-identified extract is not "
           "available. An administrator of the organisation can turn on \"Let evaluators take "
           "the de-identified extract\" in the settings."));
  }
  if (use != EvaluationUse::kPage && !stepped_up) return Error::Unauthenticated();
  const std::int64_t organisation = *actor.organisation_id;
  // The extract follows every file from its start: it reads every day.
  const auto basis = LoadBasis(services, organisation, FixedDays(std::nullopt));
  report::ExtractOptions options;
  options.today = services.Today();
  options.minimum_group = static_cast<std::size_t>(
      basis.settings.Get(domain::SettingKey::kReportEvaluationMinimumGroup));
  const auto& key = services.secrets.session_key;
  options.pseudonym = [&key, organisation](std::int64_t id) {
    return auth::KeyedHash(key, "evaluation-participant",
                           std::to_string(organisation) + ":" + std::to_string(id))
        .substr(0, 10);
  };
  EvaluationPage page{report::BuildEvaluationExtract(basis.records, options), {}};
  page.scales = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::OutcomeStore(unit.session()).Scales(organisation);
  });
  AuditView(services, actor, EvaluationAudited(use));
  return page;
}

}  // namespace cercle::app::reports
