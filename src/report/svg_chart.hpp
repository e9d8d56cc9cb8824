#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

// Bar charts rendered on the server as SVG: no script, colours from a palette with enough
// contrast against white, and a title and description for assistive technology. Pages show each
// chart's numbers in a table beside it as well.
namespace cercle::report {

// One series of bars (stacked over the others).
struct ChartSeries {
  std::string name;            // shown in the legend
  std::vector<double> values;  // one per category
  std::string colour;          // "#rrggbb" from ChartPalette(), or "" for the next in turn
  // SVG path data in a 16×16 box (even-odd rule), or "": drawn in the legend instead of the plain
  // swatch, and in white on each segment tall and wide enough to hold it, so that a series is told
  // by its icon as well as its colour.
  std::string icon;
};

// A bar chart: one bar per category, series stacked; or, not stacked, one bar per series side by
// side in each category.
struct BarChart {
  std::string title;
  std::string description;              // a sentence summing up what it shows
  std::vector<std::string> categories;  // short labels under the bars
  std::vector<ChartSeries> series;
  bool stacked = true;
  // How the axis and the bars write a number, in the reader's locale ("1 186,75"); none: at most
  // one decimal, with a '.'.
  std::function<std::string(double value)> number;
};

// The SVG element of `chart`, with `id` prefixing the ids of its title and description. Every text
// is escaped. Values below zero count as zero.
std::string RenderBarChart(const BarChart& chart, std::string_view id);

// The series colours, in order: each has a contrast ratio of at least 4.5:1 against white. Stacked
// segments are parted by a white line, and the legend names each colour.
const std::vector<std::string>& ChartPalette();

// The contrast ratio (WCAG 2) between two colours written "#rrggbb".
double ContrastRatio(std::string_view first, std::string_view second);

// Tick values for an axis from 0 to at least `maximum`: 0, step, 2×step… with a "nice" step (1,
// 2 or 5 times a power of ten), at most six ticks.
std::vector<double> AxisTicks(double maximum);

}  // namespace cercle::report
