#include "report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/text.hpp"
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
// The size of an icon drawn on a segment, in px.
constexpr double kSegmentIcon = 12;

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

// `value` as `chart` writes its numbers.
std::string Written(const BarChart& chart, double value) {
  return chart.number ? chart.number(value) : FormatPlainNumber(value, 1);
}

// Series `series`'s icon at (`x`, `y`), `size` px square, filled with `colour`.
std::string Icon(const ChartSeries& series, double x, double y, double size,
                 std::string_view colour) {
  return "<path transform=\"translate(" + Number(x) + " " + Number(y) + ") scale(" +
         Number(size / 16) + ")\" fill-rule=\"evenodd\" fill=\"" + std::string(colour) + "\" d=\"" +
         EscapeMarkup(series.icon) + "\"/>";
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

namespace {

// Where one legend entry stands.
struct LegendEntry {
  double x = 0;
  double y = 0;
  std::size_t series = 0;
};

// The legend of a chart with more than one series, wrapped over as many rows as it needs.
std::vector<LegendEntry> LayOutLegend(const BarChart& chart) {
  std::vector<LegendEntry> legend;
  if (chart.series.size() <= 1) return legend;
  double x = kLeft;
  double y = 8;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const double width = 18 + TextWidth(chart.series[i].name) + 16;
    if (x + width > kWidth - kRight && x > kLeft) {
      x = kLeft;
      y += kLegendRow;
    }
    legend.push_back({x, y, i});
    x += width;
  }
  return legend;
}

// The plot area of a chart and its vertical scale.
class Plot {
 public:
  Plot(const BarChart& chart, const std::vector<LegendEntry>& legend)
      : chart_(chart), totals_(chart.categories.size(), 0) {
    top_ = legend.empty() ? 16 : legend.back().y + kLegendRow + 8;
    height_ = kHeight - top_ - kBottom;
    width_ = kWidth - kLeft - kRight;
    double maximum = 0;
    for (const auto& series : chart.series) {
      for (std::size_t i = 0; i < totals_.size() && i < series.values.size(); ++i) {
        const double value = std::max(0.0, series.values[i]);
        totals_[i] += value;
        maximum = std::max(maximum, chart.stacked ? totals_[i] : value);
      }
    }
    ticks_ = AxisTicks(maximum);
    scale_top_ = ticks_.back() > 0 ? ticks_.back() : 1;
  }

  double top() const { return top_; }
  double height() const { return height_; }
  double width() const { return width_; }
  const std::vector<double>& ticks() const { return ticks_; }
  // The stacked total of category `i`.
  double total(std::size_t i) const { return totals_[i]; }
  // The y coordinate of `value` on the scale.
  double YOf(double value) const { return top_ + height_ * (1 - value / scale_top_); }
  // The colour of series `series`: its own, or the palette's in turn.
  std::string ColourOf(std::size_t series) const {
    const auto& palette = ChartPalette();
    const auto& chosen = chart_.series[series].colour;
    return chosen.empty() ? palette[series % palette.size()] : chosen;
  }

 private:
  const BarChart& chart_;
  std::vector<double> totals_;
  std::vector<double> ticks_;
  double top_ = 0;
  double height_ = 0;
  double width_ = 0;
  double scale_top_ = 1;
};

// The legend's swatches and names.
void DrawLegend(const BarChart& chart, const std::vector<LegendEntry>& legend, const Plot& plot,
                std::string& svg) {
  for (const auto& entry : legend) {
    const auto& series = chart.series[entry.series];
    if (series.icon.empty()) {
      svg += "<rect x=\"" + Number(entry.x) + "\" y=\"" + Number(entry.y) +
             "\" width=\"12\" height=\"12\" fill=\"" + plot.ColourOf(entry.series) + "\"/>";
    } else {
      svg += Icon(series, entry.x - 1, entry.y - 1, 14, plot.ColourOf(entry.series));
    }
    svg += "<text x=\"" + Number(entry.x + 18) + "\" y=\"" + Number(entry.y + 11) +
           "\" font-size=\"12\" fill=\"" + kInk + "\">" +
           EscapeMarkup(chart.series[entry.series].name) + "</text>";
  }
}

// The horizontal grid lines and their values.
void DrawGrid(const BarChart& chart, const Plot& plot, std::string& svg) {
  for (const double tick : plot.ticks()) {
    const double y = plot.YOf(tick);
    svg += "<line x1=\"" + Number(kLeft) + "\" x2=\"" + Number(kWidth - kRight) + "\" y1=\"" +
           Number(y) + "\" y2=\"" + Number(y) + "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>";
    svg += "<text x=\"" + Number(kLeft - 6) + "\" y=\"" + Number(y + 4) +
           "\" font-size=\"11\" text-anchor=\"end\" fill=\"" + kInk + "\">" +
           EscapeMarkup(Written(chart, tick)) + "</text>";
  }
}

// The bars of category `i`, centred on `centre`, `bar` wide in all, with their values.
void DrawBars(const BarChart& chart, const Plot& plot, std::size_t i, double centre, double bar,
              std::string& svg) {
  double base = 0;
  const double width =
      chart.stacked || chart.series.empty() ? bar : bar / static_cast<double>(chart.series.size());
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const double value =
        i < chart.series[s].values.size() ? std::max(0.0, chart.series[s].values[i]) : 0;
    if (value <= 0) continue;
    const double left =
        chart.stacked ? centre - bar / 2 : centre - bar / 2 + width * static_cast<double>(s);
    const double y_top = plot.YOf(base + value);
    const double y_bottom = plot.YOf(base);
    svg += "<rect x=\"" + Number(left) + "\" y=\"" + Number(y_top) + "\" width=\"" + Number(width) +
           "\" height=\"" + Number(std::max(0.0, y_bottom - y_top)) + "\" fill=\"" +
           plot.ColourOf(s) + "\" stroke=\"#ffffff\" stroke-width=\"1\"/>";
    if (!chart.series[s].icon.empty() && y_bottom - y_top >= kSegmentIcon + 2 &&
        width >= kSegmentIcon + 2) {
      svg += Icon(chart.series[s], left + (width - kSegmentIcon) / 2,
                  y_top + (y_bottom - y_top - kSegmentIcon) / 2, kSegmentIcon, "#ffffff");
    }
    if (chart.stacked) {
      base += value;
    } else {
      svg += "<text x=\"" + Number(left + width / 2) + "\" y=\"" + Number(y_top - 4) +
             "\" font-size=\"11\" text-anchor=\"middle\" fill=\"" + kInk + "\">" +
             EscapeMarkup(Written(chart, value)) + "</text>";
    }
  }
  if (chart.stacked && plot.total(i) > 0) {
    svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(plot.YOf(plot.total(i)) - 4) +
           "\" font-size=\"11\" text-anchor=\"middle\" fill=\"" + kInk + "\">" +
           EscapeMarkup(Written(chart, plot.total(i))) + "</text>";
  }
}

// The label of a category under its bars: slanted when there are many, else wrapped to `band`.
void DrawCategoryLabel(const std::string& label, const Plot& plot, double centre, double band,
                       bool slanted, std::string& svg) {
  const double label_y = plot.top() + plot.height() + 16;
  if (slanted) {
    svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(label_y) +
           "\" font-size=\"11\" text-anchor=\"end\" fill=\"" + kInk + "\" transform=\"rotate(-35 " +
           Number(centre) + " " + Number(label_y) + ")\">" + EscapeMarkup(label) + "</text>";
    return;
  }
  svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(label_y) +
         "\" font-size=\"11\" text-anchor=\"middle\" fill=\"" + kInk + "\">";
  const auto lines = WrapLabel(label, band - 6);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    svg += "<tspan x=\"" + Number(centre) + "\" dy=\"" + (l == 0 ? "0" : "13") + "\">" +
           EscapeMarkup(lines[l]) + "</tspan>";
  }
  svg += "</text>";
}

}  // namespace

std::string RenderBarChart(const BarChart& chart, std::string_view id) {
  const std::string title_id = std::string(id) + "-title";
  const std::string description_id = std::string(id) + "-desc";
  const auto legend = LayOutLegend(chart);
  const Plot plot(chart, legend);

  std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + Number(kWidth) + " " +
                    Number(kHeight) + "\" aria-labelledby=\"" + title_id + " " + description_id +
                    "\" xmlns=\"http://www.w3.org/2000/svg\">";
  svg += "<title id=\"" + title_id + "\">" + EscapeMarkup(chart.title) + "</title>";
  svg += "<desc id=\"" + description_id + "\">" + EscapeMarkup(chart.description) + "</desc>";
  svg += "<rect x=\"0\" y=\"0\" width=\"" + Number(kWidth) + "\" height=\"" + Number(kHeight) +
         "\" fill=\"#ffffff\"/>";
  DrawLegend(chart, legend, plot, svg);
  DrawGrid(chart, plot, svg);
  const std::size_t count = chart.categories.size();
  const double band = count > 0 ? plot.width() / static_cast<double>(count) : plot.width();
  const double bar = std::min(48.0, band * 0.62);
  for (std::size_t i = 0; i < count; ++i) {
    const double centre = kLeft + band * (static_cast<double>(i) + 0.5);
    DrawBars(chart, plot, i, centre, bar, svg);
    DrawCategoryLabel(chart.categories[i], plot, centre, band, count > 8, svg);
  }
  const double bottom = plot.top() + plot.height();
  svg += "<line x1=\"" + Number(kLeft) + "\" x2=\"" + Number(kWidth - kRight) + "\" y1=\"" +
         Number(bottom) + "\" y2=\"" + Number(bottom) + "\" stroke=\"" + kInk +
         "\" stroke-width=\"1\"/>";
  svg += "</svg>";
  return svg;
}

}  // namespace cercle::report
