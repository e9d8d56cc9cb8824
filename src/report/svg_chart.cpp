#include "report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/table.hpp"

namespace cercle::report {
namespace {

constexpr double kWidth = 640;
constexpr double kHeight = 320;
constexpr double kLeft = 56;
constexpr double kRight = 16;
constexpr double kBottom = 56;
constexpr double kLegendRow = 22;
constexpr const char* kInk = "#1d2433";
constexpr const char* kGrid = "#d8d4cb";

std::string Escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

// The approximate width of `text` at 12 px, counting characters (not bytes).
double TextWidth(std::string_view text) {
  double characters = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
  }
  return characters * 6.8;
}

double Channel(int value) {
  const double c = value / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double Luminance(std::string_view colour) {
  if (colour.size() != 7 || colour.front() != '#') return 0;
  const auto part = [&](std::size_t at) {
    return std::stoi(std::string(colour.substr(at, 2)), nullptr, 16);
  };
  return 0.2126 * Channel(part(1)) + 0.7152 * Channel(part(3)) + 0.0722 * Channel(part(5));
}

// `text` in lines of at most `width` px at 11 px (words kept whole), three lines at most: a label
// too long for its bar reads on several lines rather than over its neighbours'.
std::vector<std::string> WrapLabel(const std::string& text, double width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    const std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && TextWidth(candidate) * 11 / 12 > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (!line.empty()) lines.push_back(line);
  if (lines.size() > 3) {
    lines.resize(3);
    lines.back() += "\u2026";
  }
  return lines;
}

}  // namespace

const std::vector<std::string>& ChartPalette() {
  static const std::vector<std::string> palette = {"#1f4e79", "#b34700", "#2e6b30",
                                                   "#6a1b9a", "#a3171b", "#4a5263"};
  return palette;
}

double ContrastRatio(std::string_view first, std::string_view second) {
  const double a = Luminance(first);
  const double b = Luminance(second);
  return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

std::vector<double> AxisTicks(double maximum) {
  if (!(maximum > 0)) return {0, 1};
  const double rough = maximum / 5;
  const double power = std::pow(10, std::floor(std::log10(rough)));
  double step = power;
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * power;
    if (maximum / step <= 5) break;
  }
  // Whole numbers of people or hours read better than fractions on a small chart.
  if (step < 1) step = 1;
  std::vector<double> ticks;
  for (double tick = 0; ticks.size() < 7; tick += step) {
    ticks.push_back(tick);
    if (tick >= maximum) break;
  }
  return ticks;
}

std::string RenderBarChart(const BarChart& chart, std::string_view id) {
  const auto& palette = ChartPalette();
  const auto colour_of = [&](std::size_t series) {
    const auto& chosen = chart.series[series].colour;
    return chosen.empty() ? palette[series % palette.size()] : chosen;
  };
  const std::string title_id = std::string(id) + "-title";
  const std::string description_id = std::string(id) + "-desc";

  // The legend, wrapped over as many rows as it needs.
  struct LegendEntry {
    double x = 0;
    double y = 0;
    std::size_t series = 0;
  };
  std::vector<LegendEntry> legend;
  double x = kLeft;
  double legend_y = 8;
  if (chart.series.size() > 1) {
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      const double width = 18 + TextWidth(chart.series[i].name) + 16;
      if (x + width > kWidth - kRight && x > kLeft) {
        x = kLeft;
        legend_y += kLegendRow;
      }
      legend.push_back({x, legend_y, i});
      x += width;
    }
  }
  const double top = legend.empty() ? 16 : legend_y + kLegendRow + 8;
  const double plot_height = kHeight - top - kBottom;
  const double plot_width = kWidth - kLeft - kRight;

  std::vector<double> totals(chart.categories.size(), 0);
  double maximum = 0;
  for (const auto& series : chart.series) {
    for (std::size_t i = 0; i < totals.size() && i < series.values.size(); ++i) {
      const double value = std::max(0.0, series.values[i]);
      totals[i] += value;
      maximum = std::max(maximum, chart.stacked ? totals[i] : value);
    }
  }
  const auto ticks = AxisTicks(maximum);
  const double scale_top = ticks.back() > 0 ? ticks.back() : 1;
  const auto y_of = [&](double value) { return top + plot_height * (1 - value / scale_top); };

  std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + Number(kWidth) + " " +
                    Number(kHeight) + "\" aria-labelledby=\"" + title_id + " " + description_id +
                    "\" xmlns=\"http://www.w3.org/2000/svg\">";
  svg += "<title id=\"" + title_id + "\">" + Escape(chart.title) + "</title>";
  svg += "<desc id=\"" + description_id + "\">" + Escape(chart.description) + "</desc>";
  svg += "<rect x=\"0\" y=\"0\" width=\"" + Number(kWidth) + "\" height=\"" + Number(kHeight) +
         "\" fill=\"#ffffff\"/>";
  for (const auto& entry : legend) {
    svg += "<rect x=\"" + Number(entry.x) + "\" y=\"" + Number(entry.y) +
           "\" width=\"12\" height=\"12\" fill=\"" + colour_of(entry.series) + "\"/>";
    svg += "<text x=\"" + Number(entry.x + 18) + "\" y=\"" + Number(entry.y + 11) +
           "\" font-size=\"12\" fill=\"" + kInk + "\">" + Escape(chart.series[entry.series].name) +
           "</text>";
  }
  for (const double tick : ticks) {
    const double y = y_of(tick);
    svg += "<line x1=\"" + Number(kLeft) + "\" x2=\"" + Number(kWidth - kRight) + "\" y1=\"" +
           Number(y) + "\" y2=\"" + Number(y) + "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>";
    svg += "<text x=\"" + Number(kLeft - 6) + "\" y=\"" + Number(y + 4) +
           "\" font-size=\"11\" text-anchor=\"end\" fill=\"" + kInk + "\">" +
           FormatPlainNumber(tick, 1) + "</text>";
  }
  const std::size_t count = chart.categories.size();
  const double band = count > 0 ? plot_width / static_cast<double>(count) : plot_width;
  const double bar = std::min(48.0, band * 0.62);
  const bool slanted = count > 8;
  for (std::size_t i = 0; i < count; ++i) {
    const double centre = kLeft + band * (static_cast<double>(i) + 0.5);
    double base = 0;
    const double width = chart.stacked || chart.series.empty()
                             ? bar
                             : bar / static_cast<double>(chart.series.size());
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double value =
          i < chart.series[s].values.size() ? std::max(0.0, chart.series[s].values[i]) : 0;
      if (value <= 0) continue;
      const double left =
          chart.stacked ? centre - bar / 2 : centre - bar / 2 + width * static_cast<double>(s);
      const double y_top = y_of(base + value);
      const double y_bottom = y_of(base);
      svg += "<rect x=\"" + Number(left) + "\" y=\"" + Number(y_top) + "\" width=\"" +
             Number(width) + "\" height=\"" + Number(std::max(0.0, y_bottom - y_top)) +
             "\" fill=\"" + colour_of(s) + "\" stroke=\"#ffffff\" stroke-width=\"1\"/>";
      if (chart.stacked) {
        base += value;
      } else {
        svg += "<text x=\"" + Number(left + width / 2) + "\" y=\"" + Number(y_top - 4) +
               "\" font-size=\"11\" text-anchor=\"middle\" fill=\"" + kInk + "\">" +
               FormatPlainNumber(value, 1) + "</text>";
      }
    }
    if (chart.stacked && totals[i] > 0) {
      svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(y_of(totals[i]) - 4) +
             "\" font-size=\"11\" text-anchor=\"middle\" fill=\"" + kInk + "\">" +
             FormatPlainNumber(totals[i], 1) + "</text>";
    }
    const double label_y = top + plot_height + 16;
    if (slanted) {
      svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(label_y) +
             "\" font-size=\"11\" text-anchor=\"end\" fill=\"" + kInk +
             "\" transform=\"rotate(-35 " + Number(centre) + " " + Number(label_y) + ")\">" +
             Escape(chart.categories[i]) + "</text>";
    } else {
      svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(label_y) +
             "\" font-size=\"11\" text-anchor=\"middle\" fill=\"" + kInk + "\">";
      const auto lines = WrapLabel(chart.categories[i], band - 6);
      for (std::size_t l = 0; l < lines.size(); ++l) {
        svg += "<tspan x=\"" + Number(centre) + "\" dy=\"" + (l == 0 ? "0" : "13") + "\">" +
               Escape(lines[l]) + "</tspan>";
      }
      svg += "</text>";
    }
  }
  svg += "<line x1=\"" + Number(kLeft) + "\" x2=\"" + Number(kWidth - kRight) + "\" y1=\"" +
         Number(top + plot_height) + "\" y2=\"" + Number(top + plot_height) + "\" stroke=\"" +
         kInk + "\" stroke-width=\"1\"/>";
  svg += "</svg>";
  return svg;
}

}  // namespace cercle::report
