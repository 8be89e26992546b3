#pragma once

// Reads the cell values of an XLSX workbook (Office Open XML, ECMA-376): a zip archive of XML
// parts. The workbook part (xl/workbook.xml) lists the sheets in order, its relationships
// (xl/_rels/workbook.xml.rels) name each sheet's part, xl/sharedStrings.xml holds the strings
// that cells reference by index. Cells are read as their stored values: shared strings, inline
// strings, formula string results, numbers (as written, "0.5"), booleans; formulas are not
// evaluated and styles are ignored (a date typed in a cell is a number: see ExcelSerialToDate).
//
// Untrusted input: a body that is not a zip, a zip that is not a workbook, XML that does not
// parse or declares a DTD, and parts larger than the limits are kInvalidArgument (reason
// "malformed-xlsx", field "file"); nothing here crashes or allocates without bound on bad input.
//
// Pure apart from allocation (the archive is read from memory); thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_time.h"
#include "common/result.h"

namespace motcua::catalog_io {

struct XlsxCell {
  enum class Type { kEmpty, kString, kNumber, kBool, kError };
  Type type = Type::kEmpty;
  std::string text;  // the string, the number as stored ("0.5"), "1"/"0" for a boolean
  bool empty() const { return type == Type::kEmpty || (type == Type::kString && text.empty()); }
};

// A row with at least one cell. cells[c] is column c (0 = A); missing cells are kEmpty.
struct XlsxRow {
  int number = 0;  // 1-based, as the spreadsheet shows it
  std::vector<XlsxCell> cells;
  const XlsxCell& At(std::size_t column) const;
};

struct XlsxSheet {
  std::string name;
  std::vector<XlsxRow> rows;  // ascending by number
};

struct XlsxLimits {
  std::size_t max_part_bytes = 256u << 20;  // uncompressed size of one XML part
  std::size_t max_cells = 5'000'000;        // over the whole workbook
  int max_columns = 16'384;                 // XFD, the format's own limit
};

// Every worksheet of the workbook, in the workbook's order (chart sheets are skipped).
Result<std::vector<XlsxSheet>> ReadXlsx(std::string_view bytes, const XlsxLimits& limits = {});

// The names of the workbook's sheets, without reading any cell: a cheap check that `bytes` is a
// workbook at all (same errors as ReadXlsx).
Result<std::vector<std::string>> XlsxSheetNames(std::string_view bytes);

// "A1"-style reference of a 0-based column and 1-based row: (3, 12) -> "D12".
std::string CellRef(std::size_t column, int row);
// The column letters of a 0-based column: 0 -> "A", 26 -> "AA".
std::string ColumnName(std::size_t column);

// The day of an Excel date serial number in the 1900 date system (what a cell typed as a date
// stores): 45839 -> 2025-07-01. nullopt for fractions, serials before 1900-03-01 and absurd
// values.
std::optional<calendar::CivilDate> ExcelSerialToDate(double serial);

}  // namespace motcua::catalog_io
