#include "report/xlsx.hpp"

#include <sys/mman.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <stdexcept>

namespace cercle::report {
namespace {

// The most characters a spreadsheet cell holds.
constexpr std::size_t kMaxCellBytes = 32767;

// An anonymous memory file, closed on destruction.
class MemoryFile {
 public:
  MemoryFile() : descriptor_(memfd_create("cercle-export", MFD_CLOEXEC)) {
    if (descriptor_ < 0) throw std::runtime_error("memfd_create failed");
  }
  ~MemoryFile() { close(descriptor_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  // A path that opens this file.
  std::string Path() const { return "/proc/self/fd/" + std::to_string(descriptor_); }

  std::string ReadAll() const {
    std::string bytes;
    char buffer[65536];
    off_t offset = 0;
    for (;;) {
      const ssize_t count = pread(descriptor_, buffer, sizeof buffer, offset);
      if (count < 0) throw std::runtime_error("reading the workbook failed");
      if (count == 0) break;
      bytes.append(buffer, static_cast<std::size_t>(count));
      offset += count;
    }
    return bytes;
  }

 private:
  int descriptor_;
};

// `text` cut to what a cell holds, at a character boundary.
std::string CellText(const std::string& text) {
  std::string safe = NeutraliseCell(text);
  if (safe.size() <= kMaxCellBytes) return safe;
  std::size_t end = kMaxCellBytes;
  while (end > 0 && (static_cast<unsigned char>(safe[end]) & 0xC0) == 0x80) --end;
  return safe.substr(0, end);
}

}  // namespace

std::string WriteWorkbook(const std::vector<Sheet>& sheets) {
  MemoryFile file;
  const std::string path = file.Path();
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) throw std::runtime_error("workbook_new failed");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* wrapped = workbook_add_format(workbook);
  format_set_text_wrap(wrapped);
  format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);
  for (const auto& sheet : sheets) {
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
    if (!worksheet) {
      workbook_close(workbook);
      throw std::runtime_error("workbook_add_worksheet failed");
    }
    for (std::size_t column = 0; column < sheet.column_widths.size(); ++column) {
      worksheet_set_column(worksheet, static_cast<lxw_col_t>(column),
                           static_cast<lxw_col_t>(column), sheet.column_widths[column], wrapped);
    }
    for (std::size_t row = 0; row < sheet.rows.size(); ++row) {
      const auto& cells = sheet.rows[row];
      for (std::size_t column = 0; column < cells.size(); ++column) {
        const auto& cell = cells[column];
        lxw_format* format = cell.bold ? bold : nullptr;
        const auto r = static_cast<lxw_row_t>(row);
        const auto c = static_cast<lxw_col_t>(column);
        if (const auto* number = cell.number()) {
          worksheet_write_number(worksheet, r, c, *number, format);
        } else if (const auto* text = cell.text()) {
          worksheet_write_string(worksheet, r, c, CellText(*text).c_str(), format);
        }
      }
    }
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("workbook_close failed");
  return file.ReadAll();
}

}  // namespace cercle::report
