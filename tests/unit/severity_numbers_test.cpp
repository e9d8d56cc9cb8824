// Issue 16, points 1 and 8 without a server: each severity named for what it sets off and drawn
// with its own colour and icon (the CSS and the charts agree), delays written as people read them,
// charts that write their numbers as the page asks, the funder's default quarter, and "fewer than
// 5" kept for counts of people.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "app/reports/report_data.hpp"
#include "domain/concern.hpp"
#include "domain/public_impact.hpp"
#include "report/svg_chart.hpp"
#include "web/badges.hpp"

namespace cercle {
namespace {

using domain::Severity;

CivilDate Day(int year, unsigned month, unsigned day) {
  return std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day};
}

std::string ReadSource(const std::filesystem::path& relative) {
  std::ifstream in(std::filesystem::path(CERCLE_SOURCE_DIR) / relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Argument(const Message& message, const std::string& name) {
  for (const auto& argument : message.arguments) {
    if (argument.name == name) return argument.value;
  }
  return "(none)";
}

TEST(SeverityLook, EachSeverityHasItsOwnModifierColourAndIcon) {
  std::set<std::string_view> modifiers, colours, icons;
  for (const auto severity : domain::Severities()) {
    const auto& look = web::LookOf(severity);
    modifiers.insert(look.modifier);
    colours.insert(look.colour);
    icons.insert(look.icon);
    EXPECT_GE(report::ContrastRatio(look.colour, "#ffffff"), 4.5) << look.modifier;
    EXPECT_FALSE(look.icon.empty()) << look.modifier;
  }
  EXPECT_EQ(modifiers.size(), 4u);
  EXPECT_EQ(colours.size(), 4u);
  EXPECT_EQ(icons.size(), 4u);
  EXPECT_NE(web::LookOf(Severity::kUrgent).modifier, web::LookOf(Severity::kEmergency).modifier);
}

TEST(SeverityLook, TheStylesheetGivesEachBadgeTheColourTheChartsUse) {
  const std::string css = ReadSource("static/css/cercle.css");
  for (const auto severity : domain::Severities()) {
    const auto& look = web::LookOf(severity);
    const std::string selector = ".severity--" + std::string(look.modifier) + " {";
    const auto rule = css.find(selector);
    ASSERT_NE(rule, std::string::npos) << selector;
    const std::string body = css.substr(rule, css.find('}', rule) - rule);
    EXPECT_NE(body.find(std::string(look.colour)), std::string::npos) << selector;
  }
}

TEST(SeverityNames, UrgentAndImmediateDangerNeverReadAlike) {
  EXPECT_EQ(domain::LabelOf(Severity::kUrgent), "Urgent");
  EXPECT_EQ(domain::LabelOf(Severity::kEmergency), "Immediate danger");
  EXPECT_EQ(domain::NameOf(Severity::kEmergency), "emergency") << "the stored name stays";
  std::set<std::string> choices, examples;
  for (const auto severity : domain::Severities()) {
    const auto meaning = domain::MeaningOf(severity);
    choices.insert(meaning.choice);
    examples.insert(meaning.example);
    // The choices of the severities that alert state their delay.
    EXPECT_EQ(std::string(meaning.choice).find("{delay}") != std::string::npos,
              domain::Alerts(severity))
        << meaning.choice;
  }
  EXPECT_EQ(choices.size(), 4u);
  EXPECT_EQ(examples.size(), 4u);
  EXPECT_NE(std::string(domain::MeaningOf(Severity::kEmergency).choice).find("911"),
            std::string::npos);
}

TEST(SeverityDelay, ReadsAsMinutesOrHoursNeverZeroMinutes) {
  using std::chrono::minutes;
  const auto four_hours = domain::DelayMessage(minutes(240));
  EXPECT_EQ(four_hours.id, "{hours} h");
  EXPECT_EQ(Argument(four_hours, "hours"), "4");
  const auto fifteen = domain::DelayMessage(minutes(15));
  EXPECT_EQ(fifteen.id, "{minutes} min");
  EXPECT_EQ(Argument(fifteen, "minutes"), "15");
  const auto mixed = domain::DelayMessage(minutes(90));
  EXPECT_EQ(mixed.id, "{hours} h {minutes} min");
  EXPECT_EQ(Argument(mixed, "hours"), "1");
  EXPECT_EQ(Argument(mixed, "minutes"), "30");
  EXPECT_EQ(Argument(domain::DelayMessage(minutes(2880)), "hours"), "48");
}

TEST(SvgChart, WritesEveryNumberThroughTheFormatItIsGiven) {
  report::BarChart chart{
      "Heures", "Heures par mois", {"janv.", "févr."}, {{"Heures", {71.5, 1186.75}, ""}}};
  chart.number = [](double value) {
    return value == 71.5      ? std::string("71,5")
           : value == 1186.75 ? "1 186,75"
                              : "n" + std::to_string(static_cast<int>(value));
  };
  const std::string svg = report::RenderBarChart(chart, "hours");
  EXPECT_NE(svg.find(">71,5<"), std::string::npos);
  EXPECT_NE(svg.find(">1 186,75<"), std::string::npos);
  EXPECT_EQ(svg.find("71.5"), std::string::npos);
  EXPECT_EQ(svg.find("1186.8"), std::string::npos);
  EXPECT_NE(svg.find(">n0<"), std::string::npos) << "the axis too";
}

TEST(SvgChart, ASeriesWithAnIconShowsItInTheLegendAndOnItsSegments) {
  const std::string icon = std::string(web::LookOf(Severity::kEmergency).icon);
  report::BarChart chart{
      "Préoccupations",
      "Par gravité",
      {"nov."},
      {{"Urgent", {6}, "#b34700", std::string(web::LookOf(Severity::kUrgent).icon)},
       {"Danger immédiat", {6}, "#a3171b", icon}}};
  const std::string svg = report::RenderBarChart(chart, "concerns");
  std::size_t count = 0;
  for (auto at = svg.find(icon); at != std::string::npos; at = svg.find(icon, at + 1)) ++count;
  EXPECT_EQ(count, 2u) << "once in the legend, once on its segment";
  EXPECT_NE(svg.find("fill=\"#ffffff\" d=\"" + icon), std::string::npos) << "white on the bar";
}

TEST(FunderPeriod, OpensOnTheCurrentQuarterOfTheFiscalYear) {
  const auto today = Day(2026, 11, 30);
  EXPECT_EQ(app::reports::PeriodOrCurrentQuarter(std::nullopt, today, 4),
            (domain::ReportPeriod{Day(2026, 10, 1), Day(2026, 12, 31)}));
  EXPECT_EQ(app::reports::PeriodOrCurrentQuarter(std::nullopt, today, 1),
            (domain::ReportPeriod{Day(2026, 10, 1), Day(2026, 12, 31)}));
  EXPECT_EQ(app::reports::PeriodOrCurrentQuarter(std::nullopt, Day(2027, 4, 1), 4),
            (domain::ReportPeriod{Day(2027, 4, 1), Day(2027, 6, 30)}));
  const domain::ReportPeriod asked{Day(2026, 1, 1), Day(2026, 1, 31)};
  EXPECT_EQ(app::reports::PeriodOrCurrentQuarter(asked, today, 4), asked);
}

TEST(PublicTotals, FewerThanFiveHidesSmallCountsOfPeopleOnly) {
  EXPECT_TRUE(domain::IsSmallFigure(4, domain::PublicTotal::kPeople));
  EXPECT_TRUE(domain::IsSmallFigure(0, domain::PublicTotal::kPeople));
  EXPECT_FALSE(domain::IsSmallFigure(5, domain::PublicTotal::kPeople));
  EXPECT_FALSE(domain::IsSmallFigure(2, domain::PublicTotal::kQuantity));
  EXPECT_FALSE(domain::IsSmallFigure(0, domain::PublicTotal::kQuantity));
}

}  // namespace
}  // namespace cercle
