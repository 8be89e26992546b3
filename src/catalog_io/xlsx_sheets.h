#pragma once

// Internal to src/catalog_io: the layout of the catalog workbook (catalog_xlsx.h), as data. Each
// sheet maps its columns to members of motcua's catalog JSON record, so that the workbook is
// written from EncodeCatalog's records and read back into records for DecodeCatalog: both
// formats share one decoder and one set of error rules.

#include <string_view>
#include <vector>

namespace motcua::catalog_io::internal {

// How a cell holds a value.
enum class CellKind {
  kText,    // a string
  kNumber,  // a number cell (a text cell holding a plain number is accepted)
  kBool,    // "có" / "không"
  kDate,    // "YYYY-MM-DD" (also a date cell or "DD/MM/YYYY")
  kList,    // one item per line
};

// Columns that are keys rather than record members.
inline constexpr std::string_view kKeyCode = "@code";        // Mã thủ tục
inline constexpr std::string_view kKeyVersion = "@version";  // Phiên bản (default 1)
inline constexpr std::string_view kKeyChannel = "@channel";  // Cách thức of a channel or a fee
inline constexpr std::string_view kKeyIndex = "@index";      // STT of a case or a workflow

struct ColumnSpec {
  std::string_view header;
  std::string_view path;  // a key above, or a dotted member path inside the row's object
  CellKind kind = CellKind::kText;
  double width = 16;
};

// Where a sheet's rows go in the record.
enum class SheetShape {
  kRecord,   // the record itself (Thủ tục)
  kChannel,  // record.channels[<Cách thức>]
  kFee,      // record.channels[<Cách thức>].fees[]
  kIndexed,  // record.<array>[] ordered by STT (cases, workflows)
  kNested,   // record.<array>[position of STT].<nested>[] (components, steps)
  kList,     // record.<array>[] in row order
};

struct SheetSpec {
  std::string_view name;
  SheetShape shape;
  std::string_view array;   // kIndexed, kNested, kList: the record's array member
  std::string_view nested;  // kNested: the element's array member
  std::vector<ColumnSpec> columns;
};

// Every sheet, in the order they are written (Thủ tục first) and must be read (parents first).
const std::vector<SheetSpec>& CatalogSheets();

inline constexpr std::string_view kGuideSheet = "Hướng dẫn";

}  // namespace motcua::catalog_io::internal
