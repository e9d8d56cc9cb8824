#pragma once

#include <string>

#include "report/table.hpp"

// CSV exports (RFC 4180): UTF-8 with a byte order mark so that spreadsheets read accents, CRLF line
// ends, commas between fields, quotes where needed, and every text cell neutralised against
// formulas (NeutraliseCell).
namespace cercle::report {

// The rows of `sheet` as a CSV document.
std::string WriteCsv(const Sheet& sheet);

// One field as CSV writes it: neutralised, and quoted when it holds a comma, a quote, a line break
// or leading or trailing spaces.
std::string CsvField(const Cell& cell);

}  // namespace cercle::report
