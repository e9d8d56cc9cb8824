// The report's arithmetic on hand-made records: which circles count as formal or informal in a
// period, the volunteers of each kind, circles by phase at month ends, concerns and the time to
// acknowledge them, outcomes from start to closure; the SVG charts and the exports' neutralised
// cells.
#include <gtest/gtest.h>

#include <string>

#include "domain/funder_report.hpp"
#include "report/csv.hpp"
#include "report/statistics.hpp"
#include "report/svg_chart.hpp"

namespace cercle::report {
namespace {

using domain::CirclePhase;
using std::chrono::month;
using std::chrono::year;

CivilDate Day(int y, unsigned m, unsigned d) { return year(y) / month(m) / std::chrono::day(d); }

// July to September 2026.
const domain::ReportPeriod kQuarter{Day(2026, 7, 1), Day(2026, 9, 30)};

domain::CircleRecord Circle(std::int64_t id, std::vector<domain::DatedStatus<CirclePhase>> phases) {
  domain::CircleRecord circle;
  circle.id = id;
  circle.code_name = "Cercle " + std::to_string(id);
  circle.core_member_id = 100 + id;
  circle.phases = std::move(phases);
  return circle;
}

TEST(CircleKind, TheLastActivePhaseOfThePeriodDecides) {
  // Monthly at the start of the quarter, informal from August: informal.
  const auto tapering = Circle(1, {{Day(2025, 1, 10), CirclePhase::kForming},
                                   {Day(2025, 2, 1), CirclePhase::kMonthly},
                                   {Day(2026, 8, 15), CirclePhase::kInformal}});
  EXPECT_EQ(domain::KindDuring(tapering, kQuarter), domain::CircleKind::kInformal);
  // The quarter before, it was formal.
  EXPECT_EQ(domain::KindDuring(tapering, {Day(2026, 4, 1), Day(2026, 6, 30)}),
            domain::CircleKind::kFormal);
  // Weekly, then suspended within the quarter: it ran, formally.
  const auto suspended = Circle(2, {{Day(2026, 1, 5), CirclePhase::kForming},
                                    {Day(2026, 2, 1), CirclePhase::kWeekly},
                                    {Day(2026, 7, 20), CirclePhase::kSuspended}});
  EXPECT_EQ(domain::KindDuring(suspended, kQuarter), domain::CircleKind::kFormal);
  // Still forming, closed before the quarter, or opened after it: not counted.
  const auto forming = Circle(3, {{Day(2026, 6, 1), CirclePhase::kForming}});
  const auto closed = Circle(4, {{Day(2025, 1, 1), CirclePhase::kForming},
                                 {Day(2025, 2, 1), CirclePhase::kIntensive},
                                 {Day(2026, 6, 30), CirclePhase::kClosed}});
  const auto later = Circle(
      5, {{Day(2026, 10, 1), CirclePhase::kForming}, {Day(2026, 10, 2), CirclePhase::kIntensive}});
  EXPECT_FALSE(domain::KindDuring(forming, kQuarter));
  EXPECT_FALSE(domain::KindDuring(closed, kQuarter));
  EXPECT_FALSE(domain::KindDuring(later, kQuarter));
  // Closed on the first day of the quarter: it ran until then, not during it.
  const auto closed_first_day = Circle(6, {{Day(2025, 1, 1), CirclePhase::kForming},
                                           {Day(2025, 2, 1), CirclePhase::kWeekly},
                                           {Day(2026, 7, 1), CirclePhase::kClosed}});
  EXPECT_FALSE(domain::KindDuring(closed_first_day, kQuarter));
  // Starting its intensive phase on the last day counts.
  const auto last_day = Circle(
      7, {{Day(2026, 9, 1), CirclePhase::kForming}, {Day(2026, 9, 30), CirclePhase::kIntensive}});
  EXPECT_EQ(domain::KindDuring(last_day, kQuarter), domain::CircleKind::kFormal);
}

TEST(CircleFigures, CirclesAndTheirVolunteersAreCountedOnceByKind) {
  domain::ReportRecords records;
  auto formal = Circle(
      1, {{Day(2026, 1, 1), CirclePhase::kForming}, {Day(2026, 2, 1), CirclePhase::kWeekly}});
  formal.stays = {{11, Day(2026, 1, 5), std::nullopt},
                  {12, Day(2026, 1, 5), Day(2026, 6, 30)},  // left before the quarter
                  {13, Day(2026, 1, 5), Day(2026, 7, 1)}};  // left on its first day
  auto informal = Circle(2, {{Day(2024, 1, 1), CirclePhase::kForming},
                             {Day(2024, 2, 1), CirclePhase::kMonthly},
                             {Day(2026, 5, 1), CirclePhase::kInformal}});
  informal.stays = {{11, Day(2024, 1, 5), std::nullopt},    // in both kinds
                    {14, Day(2026, 10, 1), std::nullopt}};  // joined after the quarter
  auto forming = Circle(3, {{Day(2026, 8, 1), CirclePhase::kForming}});
  forming.stays = {{15, Day(2026, 8, 2), std::nullopt}};
  records.circles = {formal, informal, forming};

  const auto circles = domain::Circles(records, kQuarter, {});
  EXPECT_EQ(circles.value, 2);
  ASSERT_EQ(circles.breakdown.size(), 2u);
  EXPECT_EQ(circles.breakdown[0].key, "formal");
  EXPECT_EQ(circles.breakdown[0].value, 1);
  EXPECT_EQ(circles.breakdown[1].key, "informal");
  EXPECT_EQ(circles.breakdown[1].value, 1);
  ASSERT_EQ(circles.records.size(), 2u);
  EXPECT_EQ(circles.records[0].kind, domain::RecordKind::kCircle);

  const auto in_formal = domain::VolunteersInFormalCircles(records, kQuarter, {});
  EXPECT_EQ(in_formal.value, 2);  // 11 and 13
  const auto in_other = domain::VolunteersInOtherCircles(records, kQuarter, {});
  EXPECT_EQ(in_other.value, 1);  // 11
  ASSERT_EQ(in_other.records.size(), 1u);
  EXPECT_EQ(in_other.records[0].id, 11);
  EXPECT_EQ(in_other.records[0].date, kQuarter.from);
}

TEST(Dashboard, ActiveCirclesByPhaseAtEachMonthsEnd) {
  domain::ReportRecords records;
  records.circles = {Circle(1, {{Day(2026, 1, 1), CirclePhase::kForming},
                                {Day(2026, 7, 10), CirclePhase::kIntensive},
                                {Day(2026, 8, 31), CirclePhase::kWeekly},
                                {Day(2026, 9, 15), CirclePhase::kClosed}}),
                     Circle(2, {{Day(2026, 1, 1), CirclePhase::kForming},
                                {Day(2026, 2, 1), CirclePhase::kInformal}})};
  const auto months = ActiveCirclesByPhase(records, kQuarter);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].by_phase.at(CirclePhase::kIntensive), 1);
  EXPECT_EQ(months[0].by_phase.at(CirclePhase::kInformal), 1);
  EXPECT_EQ(months[0].total, 2);
  EXPECT_EQ(months[1].by_phase.at(CirclePhase::kWeekly), 1);  // changed on the month's last day
  EXPECT_EQ(months[1].by_phase.count(CirclePhase::kIntensive), 0u);
  EXPECT_EQ(months[2].total, 1);  // closed in September
}

TEST(Dashboard, ConcernsByMonthWithTheMedianTimeToAcknowledge) {
  domain::ReportRecords records;
  using domain::Severity;
  records.concerns = {{1, 1, Severity::kUrgent, Day(2026, 7, 3), 30},
                      {2, 1, Severity::kEmergency, Day(2026, 7, 9), 10},
                      {3, 1, Severity::kConcern, Day(2026, 7, 20), 600},
                      {4, 1, Severity::kInformation, Day(2026, 9, 1), std::nullopt},
                      {5, 1, Severity::kUrgent, Day(2026, 10, 1), 5}};  // after the quarter
  const auto months = ConcernsByMonth(records, kQuarter);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].total, 3);
  EXPECT_EQ(months[0].by_severity[static_cast<std::size_t>(Severity::kUrgent)], 1);
  EXPECT_EQ(months[0].by_severity[static_cast<std::size_t>(Severity::kEmergency)], 1);
  EXPECT_EQ(months[0].acknowledged, 3);
  EXPECT_EQ(months[0].median_minutes, 30);
  EXPECT_EQ(months[1].total, 0);
  EXPECT_FALSE(months[1].median_minutes);
  EXPECT_EQ(months[2].waiting, 1);
  EXPECT_FALSE(months[2].median_minutes);

  EXPECT_EQ(Median({}), std::nullopt);
  EXPECT_EQ(Median({7}), 7);
  EXPECT_EQ(Median({9, 1, 5, 3}), 3);  // the lower middle value
}

TEST(Dashboard, OutcomesFromStartToClosure) {
  domain::ReportRecords records;
  const auto measure = [](std::int64_t core_member, CivilDate on, domain::MeasureOccasion occasion,
                          std::array<int, 3> levels) {
    domain::OutcomeMeasure m;
    m.core_member_id = core_member;
    m.measured_on = on;
    m.occasion = occasion;
    m.levels = levels;
    return m;
  };
  using domain::MeasureOccasion;
  records.measures = {
      measure(1, Day(2025, 1, 1), MeasureOccasion::kStart, {1, 1, 1}),
      measure(1, Day(2025, 6, 1), MeasureOccasion::kReview, {2, 2, 2}),
      measure(1, Day(2026, 8, 1), MeasureOccasion::kClosure, {3, 2, 1}),
      measure(2, Day(2025, 3, 1), MeasureOccasion::kStart, {2, 3, 3}),
      measure(2, Day(2026, 9, 1), MeasureOccasion::kClosure, {3, 3, 2}),
      // Closed before the quarter, and a file never measured at the start: left out.
      measure(3, Day(2025, 3, 1), MeasureOccasion::kStart, {1, 1, 1}),
      measure(3, Day(2026, 6, 1), MeasureOccasion::kClosure, {3, 3, 3}),
      measure(4, Day(2026, 8, 1), MeasureOccasion::kClosure, {3, 3, 3}),
  };
  const auto changes = OutcomesStartToClosure(records, kQuarter);
  ASSERT_EQ(changes.size(), 3u);
  const auto& housing = changes[0];
  EXPECT_EQ(housing.files, 2);
  EXPECT_DOUBLE_EQ(housing.start_average, 1.5);
  EXPECT_DOUBLE_EQ(housing.closure_average, 3.0);
  EXPECT_EQ(housing.improved, 2);
  const auto& occupation = changes[1];
  EXPECT_EQ(occupation.improved, 1);
  EXPECT_EQ(occupation.unchanged, 1);
  const auto& network = changes[2];
  EXPECT_EQ(network.unchanged, 1);
  EXPECT_EQ(network.worse, 1);
}

TEST(SvgChart, TitledDescribedAndEscaped) {
  BarChart chart;
  chart.title = "Heures <par> mois";
  chart.description = "Résumé & total";
  chart.categories = {"janv.", "févr."};
  chart.series = {{"Approuvées", {3, 5}}, {"Formation", {1, 0}}};
  const auto svg = RenderBarChart(chart, "hours");
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"hours-title hours-desc\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"hours-title\">Heures &lt;par&gt; mois</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"hours-desc\">Résumé &amp; total</desc>"), std::string::npos);
  EXPECT_EQ(svg.find("<par>"), std::string::npos);
}

TEST(SvgChart, SideBySideBarsEachCarryTheirValue) {
  BarChart chart;
  chart.stacked = false;
  chart.categories = {"Logement"};
  chart.series = {{"Au début", {1.5}}, {"À la clôture", {3}}};
  const auto svg = RenderBarChart(chart, "outcomes");
  // The background, two legend keys and two bars.
  std::size_t rects = 0;
  for (auto at = svg.find("<rect"); at != std::string::npos; at = svg.find("<rect", at + 1))
    ++rects;
  EXPECT_EQ(rects, 5u);
  EXPECT_NE(svg.find(">1.5</text>"), std::string::npos);
  EXPECT_NE(svg.find(">3</text>"), std::string::npos);
}

TEST(SvgChart, LongLabelsWrapOnSeveralLines) {
  BarChart chart;
  chart.categories = {"Service correctionnel du Canada",
                      "Services correctionnels du Québec",
                      "Police",
                      "Organisme communautaire",
                      "Autoréférence",
                      "Autre provenance",
                      "Famille"};
  chart.series = {{"Reçues", {1, 2, 2, 2, 2, 1, 0}}};
  const auto svg = RenderBarChart(chart, "referrals");
  EXPECT_NE(svg.find("<tspan"), std::string::npos);
  EXPECT_NE(svg.find(">Service</tspan>"), std::string::npos);
  EXPECT_NE(svg.find(">correctionnel</tspan>"), std::string::npos);
  EXPECT_NE(svg.find(">du Canada</tspan>"), std::string::npos);
  EXPECT_NE(svg.find(">Police</tspan>"), std::string::npos);
}

TEST(SvgChart, EveryColourReadsAgainstWhite) {
  for (const auto& colour : ChartPalette()) {
    EXPECT_GE(ContrastRatio(colour, "#ffffff"), 4.5) << colour;
  }
}

TEST(Exports, CellsThatASpreadsheetWouldReadAsFormulasAreNeutralised) {
  for (const std::string payload : {"=1+1", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
    EXPECT_EQ(NeutraliseCell(payload), "'" + payload);
    // Within its quotes when it has any, the field begins with the neutralising quote.
    const auto field = CsvField(Cell(payload));
    ASSERT_FALSE(field.empty());
    EXPECT_EQ(field[field.front() == '"' ? 1 : 0], '\'') << payload;
  }
  EXPECT_EQ(NeutraliseCell("Bénévoles formés"), "Bénévoles formés");
  EXPECT_EQ(NeutraliseCell(""), "");
  // Numbers stay numbers.
  EXPECT_EQ(CsvField(Cell(-3)), "-3");
}

}  // namespace
}  // namespace cercle::report
