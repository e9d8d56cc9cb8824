#include "app/reports/report_data.hpp"

#include "store/report_store.hpp"
#include "store/settings_store.hpp"

namespace cercle::app::reports {

DaysOf FixedDays(const std::optional<domain::ReportPeriod>& days) {
  return [days](const domain::Settings&) { return days; };
}

ReportBasis LoadBasis(const Services& services, std::int64_t organisation_id,
                      const DaysOf& days_of) {
  return Read(services, store::Scope::Organisation(organisation_id), [&](store::Unit& unit) {
    return ReadBasis(services, unit, organisation_id, days_of);
  });
}

ReportBasis ReadBasis(const Services& services, store::Unit& unit, std::int64_t organisation_id,
                      const DaysOf& days_of) {
  const auto local_date = [&](Instant instant) { return services.translator.LocalDate(instant); };
  auto settings = store::SettingsStore(unit.session()).Load(organisation_id);
  auto records =
      store::LoadReportRecords(unit.session(), organisation_id, local_date, days_of(settings));
  return ReportBasis{std::move(settings), std::move(records)};
}

domain::Settings LoadSettings(const Services& services, std::int64_t organisation_id) {
  return Read(services, store::Scope::Organisation(organisation_id), [&](store::Unit& unit) {
    return store::SettingsStore(unit.session()).Load(organisation_id);
  });
}

int FiscalStartMonth(const domain::Settings& settings) {
  return static_cast<int>(settings.Get(domain::SettingKey::kReportFiscalYearStartMonth));
}

domain::ReportSettings FigureSettings(const domain::Settings& settings) {
  return {settings.Get(domain::SettingKey::kVolunteerHourlyValueCents)};
}

domain::ReportPeriod PeriodOrLastQuarter(const std::optional<domain::ReportPeriod>& asked,
                                         CivilDate today, int start_month) {
  if (asked) return *asked;
  return domain::PreviousQuarter(domain::QuarterOf(today, start_month), start_month).period;
}

domain::ReportPeriod PeriodOrCurrentQuarter(const std::optional<domain::ReportPeriod>& asked,
                                            CivilDate today, int start_month) {
  if (asked) return *asked;
  return domain::QuarterOf(today, start_month).period;
}

std::vector<ComputedFigure> ComputeFigures(const domain::ReportRecords& records,
                                           const domain::ReportPeriod& period,
                                           const domain::ReportSettings& settings) {
  std::vector<ComputedFigure> figures;
  for (const auto& definition : domain::FunderFigures()) {
    figures.push_back({&definition, definition.compute(records, period, settings)});
  }
  return figures;
}

}  // namespace cercle::app::reports
