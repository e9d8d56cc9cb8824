#pragma once

#include <string>
#include <vector>

#include "report/table.hpp"

// XLSX exports with libxlsxwriter. Text cells are written as text (never as formulas) and
// neutralised as well (NeutraliseCell), so that a copy pasted elsewhere stays harmless.
namespace cercle::report {

// The workbook holding `sheets`, as the bytes of an .xlsx file. It is built in memory (an
// anonymous memory file), never in a named file on disk. Throws std::runtime_error when
// libxlsxwriter fails, which no user input causes.
std::string WriteWorkbook(const std::vector<Sheet>& sheets);

}  // namespace cercle::report
