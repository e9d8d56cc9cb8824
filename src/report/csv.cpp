#include "report/csv.hpp"

namespace cercle::report {

std::string CsvField(const Cell& cell) {
  if (const auto* number = cell.number()) return FormatPlainNumber(*number, 2);
  const auto* text = cell.text();
  if (!text) return "";
  const std::string safe = NeutraliseCell(*text);
  const bool quote = safe.find_first_of(",\"\r\n") != std::string::npos ||
                     (!safe.empty() && (safe.front() == ' ' || safe.back() == ' '));
  if (!quote) return safe;
  std::string quoted = "\"";
  for (const char c : safe) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string WriteCsv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : sheet.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvField(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace cercle::report
