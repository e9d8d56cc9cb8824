#include "report/line_chart.hpp"

#include <algorithm>
#include <cstdio>

#include "base/text.hpp"

namespace cercle::report {
namespace {

constexpr double kWidth = 160;
constexpr double kHeight = 48;
constexpr double kMargin = 6;
constexpr const char* kGrid = "#d8d4cb";

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

}  // namespace

std::string RenderLineChart(const LineChart& chart, std::string_view id) {
  const std::string title_id = std::string(id) + "-title";
  const std::string description_id = std::string(id) + "-description";
  const double span = std::max(1, chart.highest - chart.lowest);
  const std::size_t count = chart.values.size();
  const auto x = [&](std::size_t index) {
    if (count < 2) return kWidth / 2;
    return kMargin +
           (kWidth - 2 * kMargin) * static_cast<double>(index) / static_cast<double>(count - 1);
  };
  const auto y = [&](int value) {
    const int clamped = std::clamp(value, chart.lowest, chart.highest);
    return kHeight - kMargin - (kHeight - 2 * kMargin) * (clamped - chart.lowest) / span;
  };
  std::string svg = "<svg class=\"line-chart\" viewBox=\"0 0 " + Number(kWidth) + " " +
                    Number(kHeight) + "\" width=\"" + Number(kWidth) + "\" height=\"" +
                    Number(kHeight) + "\" role=\"img\" aria-labelledby=\"" + title_id + " " +
                    description_id + "\"><title id=\"" + title_id + "\">" +
                    EscapeMarkup(chart.title) + "</title><desc id=\"" + description_id + "\">" +
                    EscapeMarkup(chart.description) + "</desc>";
  for (const int level : {chart.lowest, chart.highest}) {
    svg += "<line x1=\"0\" x2=\"" + Number(kWidth) + "\" y1=\"" + Number(y(level)) + "\" y2=\"" +
           Number(y(level)) + "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>";
  }
  // Runs of consecutive values are joined; a missing value breaks the line.
  std::string points;
  const auto flush = [&] {
    if (points.find(' ') != std::string::npos) {
      svg += "<polyline fill=\"none\" stroke=\"" + chart.colour +
             "\" stroke-width=\"2\" points=\"" + points + "\"/>";
    }
    points.clear();
  };
  for (std::size_t index = 0; index < count; ++index) {
    if (!chart.values[index]) {
      flush();
      continue;
    }
    if (!points.empty()) points += ' ';
    points += Number(x(index)) + "," + Number(y(*chart.values[index]));
  }
  flush();
  for (std::size_t index = 0; index < count; ++index) {
    if (!chart.values[index]) continue;
    svg += "<circle cx=\"" + Number(x(index)) + "\" cy=\"" + Number(y(*chart.values[index])) +
           "\" r=\"3\" fill=\"" + chart.colour + "\"/>";
  }
  return svg + "</svg>";
}

}  // namespace cercle::report
