#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A small line chart rendered on the server as SVG, for one measure over a few occasions (one
// factor's rating over the reviews of a file): points joined by a line, a gap where an occasion has
// no value, the scale's ends marked, a title and a description for assistive technology. Pages
// show its numbers in a table as well.
namespace cercle::report {

struct LineChart {
  std::string title;
  std::string description;  // a sentence saying what it shows
  // One value per occasion, in order; none where the occasion has no value.
  std::vector<std::optional<int>> values;
  int lowest = 0;                  // the scale's bottom
  int highest = 2;                 // the scale's top
  std::string colour = "#1d5fa8";  // "#rrggbb" with enough contrast against white
};

// The SVG element of `chart`, with `id` prefixing the ids of its title and description. Every
// text is escaped; a value outside the scale is drawn at the nearest end.
std::string RenderLineChart(const LineChart& chart, std::string_view id);

}  // namespace cercle::report
