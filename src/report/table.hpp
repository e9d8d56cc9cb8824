#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

// A table of cells, as the exports (CSV, XLSX) write it.
namespace cercle::report {

// One cell: empty, text, or a number.
struct Cell {
  std::variant<std::monostate, std::string, double> value;
  bool bold = false;

  Cell() = default;
  Cell(std::string text, bool strong = false) : value(std::move(text)), bold(strong) {}
  Cell(const char* text, bool strong = false) : value(std::string(text)), bold(strong) {}
  Cell(double number) : value(number) {}
  Cell(std::int64_t number) : value(static_cast<double>(number)) {}
  Cell(int number) : value(static_cast<double>(number)) {}

  bool empty() const { return std::holds_alternative<std::monostate>(value); }
  const std::string* text() const { return std::get_if<std::string>(&value); }
  const double* number() const { return std::get_if<double>(&value); }
};

using Row = std::vector<Cell>;

// One sheet of a workbook (or one CSV file).
struct Sheet {
  std::string name;                   // at most 31 characters, as spreadsheets allow
  std::vector<double> column_widths;  // in characters; empty for the default
  std::vector<Row> rows;
};

// `text` made safe to open in a spreadsheet: when it begins with =, +, -, @, a tab or a carriage
// return (which spreadsheets read as the start of a formula), a single quote goes before it.
std::string NeutraliseCell(std::string_view text);

// A number as the exports write it: up to `decimals` decimals, with a '.' and without trailing
// zeros ("12.5", "3").
std::string FormatPlainNumber(double value, int decimals = 2);

}  // namespace cercle::report
