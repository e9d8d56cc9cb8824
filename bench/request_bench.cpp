// In-process costs of the request pipeline, without a socket: what a page costs before the network.
#include <benchmark/benchmark.h>

#include <spdlog/spdlog.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "bench_runtime.hpp"
#include "domain/report_period.hpp"
#include "report/statistics.hpp"
#include "report/svg_chart.hpp"
#include "store/organisation_store.hpp"
#include "store/report_store.hpp"

namespace cercle {
namespace {

// How many copies of the demo organisation the database holds ($BENCH_SCALE, 1 by default).
const int kScale = [] {
  const char* text = std::getenv("BENCH_SCALE");
  return text ? std::max(1, std::atoi(text)) : 1;
}();

bench::DemoRuntime& Shared() {
  static bench::DemoRuntime runtime("bench", "", kScale, config::Config().database.pool_size);
  return runtime;
}

void BM_HandleHealthz(benchmark::State& state) {
  auto& application = Shared().get().application();
  web::Request request;
  request.path = request.target = "/healthz";
  for (auto _ : state) benchmark::DoNotOptimize(application.Handle(request));
}
BENCHMARK(BM_HandleHealthz);

void BM_HandleHomePage(benchmark::State& state) {
  auto& application = Shared().get().application();
  web::Request request;
  request.path = request.target = "/";
  for (auto _ : state) benchmark::DoNotOptimize(application.Handle(request));
}
BENCHMARK(BM_HandleHomePage);

void BM_SqlitePointRead(benchmark::State& state) {
  auto& database = Shared().get().database();
  const auto organisations = store::ListOrganisations(database);
  store::OrganisationStore store(database);
  for (auto _ : state) benchmark::DoNotOptimize(store.Find(organisations.front().id));
}
BENCHMARK(BM_SqlitePointRead);

// The demo organisation's report records, read as the report pages read them (a handful of
// queries), and the funder figures and dashboard series computed from them for the last twelve
// months: what a report costs besides rendering.
domain::ReportRecords DemoRecords() {
  auto& runtime = Shared().get();
  const auto organisation = store::ListOrganisations(runtime.database()).front().id;
  return runtime.database().Read(
      store::Scope::Organisation(organisation), [&](soci::session& session) {
        return store::LoadReportRecords(session, organisation, [&](Instant instant) {
          return runtime.translator().LocalDate(instant);
        });
      });
}

domain::ReportPeriod LastYear() {
  return domain::LastTwelveMonths(Shared().get().translator().LocalDate(SystemClock().Now()));
}

void BM_LoadReportRecords(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(DemoRecords());
}
BENCHMARK(BM_LoadReportRecords);

void BM_ComputeFunderFigures(benchmark::State& state) {
  const auto records = DemoRecords();
  const auto period = LastYear();
  for (auto _ : state) {
    for (const auto& definition : domain::FunderFigures()) {
      benchmark::DoNotOptimize(definition.compute(records, period, {2750}));
    }
  }
}
BENCHMARK(BM_ComputeFunderFigures);

void BM_DashboardSeries(benchmark::State& state) {
  const auto records = DemoRecords();
  const auto period = LastYear();
  for (auto _ : state) {
    benchmark::DoNotOptimize(report::ActiveCirclesByPhase(records, period));
    benchmark::DoNotOptimize(report::ConcernsByMonth(records, period));
    benchmark::DoNotOptimize(report::OutcomesStartToClosure(records, period));
    benchmark::DoNotOptimize(report::ReferralsBySourceAndOutcome(records, period));
  }
}
BENCHMARK(BM_DashboardSeries);

void BM_RenderBarChart(benchmark::State& state) {
  report::BarChart chart;
  chart.title = "Heures de bénévolat par mois";
  chart.description = "Douze mois";
  for (int month = 1; month <= 12; ++month) chart.categories.push_back("m" + std::to_string(month));
  for (int series = 0; series < 6; ++series) {
    chart.series.push_back({"Série " + std::to_string(series), std::vector<double>(12, 3.5)});
  }
  for (auto _ : state) benchmark::DoNotOptimize(report::RenderBarChart(chart, "bench"));
}
BENCHMARK(BM_RenderBarChart);

}  // namespace
}  // namespace cercle
