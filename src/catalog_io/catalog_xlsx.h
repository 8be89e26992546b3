#pragma once

// The catalog as an XLSX workbook, for a province officer editing it in a spreadsheet: the same
// records as motcua's catalog JSON (catalog_json.h), spread over sheets with Vietnamese headers.
// Encode then Decode gives back equal entries.
//
//   sheet               one row per                         keyed by
//   Thủ tục             procedure version                   Mã thủ tục + Phiên bản (default 1)
//   Cách thức           accepted channel (time, description) key + Cách thức
//   Phí, lệ phí         fee of a channel                    key + Cách thức
//   Trường hợp          case                                key + STT trường hợp
//   Thành phần          dossier component of a case         key + STT trường hợp
//   Căn cứ pháp lý      legal basis document                key
//   Kết quả             outcome                             key
//   Cơ quan nguồn       agency named by the source          key
//   Ghi chú nhập liệu   import note                         key
//   Quy trình           internal workflow (channels)        key + STT quy trình
//   Bước xử lý          step of a workflow                  key + STT quy trình
//   Hướng dẫn           (written only) the allowed values; ignored when read
//
// Row order gives list order. Values: enums by their catalog-format names (published, in-person,
// working-days, ...); yes/no columns "có"/"không"; dates "YYYY-MM-DD" as text (a cell typed as
// a date, or "DD/MM/YYYY", is accepted); lists one item per line of the cell. Columns are found
// by their header (accent- and case-insensitive), so they may be reordered; an unknown header is
// an error, a missing column means empty values. Sheets with other names are ignored.
//
// Errors name the cell: the field of each violation is "<sheet>!<A1 cell>" ("Thủ tục!D12"), the
// message starts with the column's header in brackets. Every error of the workbook is listed.
//
// Thread-safe. Encoding writes a temporary file (libxlsxwriter writes to files only).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/hygiene.h"
#include "catalog_io/imported.h"
#include "common/error.h"
#include "common/result.h"

namespace motcua::catalog_io {

inline constexpr std::string_view kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Where the values of decoded records came from, to report later problems (ImportCatalog's
// "items[i].<path>", ValidateCatalog's "[i].<path>") by cell.
class XlsxLocator {
 public:
  struct Place {
    std::string cell;    // "Thủ tục!D12"
    std::string header;  // "Ngày hiệu lực"
  };
  void Add(std::string path, Place place) { places_[std::move(path)] = std::move(place); }
  // The place of a record path ("[3].channels.online.time.amount"), or of the nearest enclosing
  // path that has one ("[3].channels.online"); nullopt when not even the record is known.
  std::optional<Place> Find(std::string_view path) const;
  // Rewrites each violation whose field, after removing `prefix` ("items"), is a record path:
  // field = the cell, message = "[header] message (path)". Others are left as they are.
  void Relocate(std::vector<FieldViolation>& violations, std::string_view prefix = "") const;

 private:
  std::map<std::string, Place, std::less<>> places_;
};

struct XlsxCatalog {
  std::vector<CatalogEntry> entries;
  XlsxLocator locator;
};

// The workbook's bytes. kInvalidArgument naming the value's record path when a text is longer
// than a cell holds (32,767 characters) or a list item contains a line break; kInternal when
// the temporary file cannot be written.
Result<std::string> EncodeCatalogXlsx(const std::vector<CatalogEntry>& entries);

// The entries of a workbook. kInvalidArgument: reason "malformed-xlsx" (field "file") when the
// bytes are not a readable workbook, else reason "validation" with every problem by cell.
// `progress` is called every kProgressEvery records while the records are decoded.
Result<XlsxCatalog> DecodeCatalogXlsx(std::string_view bytes, const Progress& progress = {});

// The hygiene report as a workbook: sheet "Rà soát", one row per finding (kind, procedure code,
// version, field, Vietnamese and English messages, related code).
Result<std::string> EncodeHygieneXlsx(const std::vector<catalog::Finding>& findings);

}  // namespace motcua::catalog_io
