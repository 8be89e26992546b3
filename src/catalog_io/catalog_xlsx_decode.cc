// DecodeCatalogXlsx: the workbook's rows become catalog JSON records (xlsx_sheets.cc says where
// each column goes), which DecodeCatalog then decodes; every JSON path is remembered with the
// cell it came from, so that DecodeCatalog's errors, and later ones, name cells.
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "calendar/civil_time.h"
#include "catalog/fold.h"
#include "catalog_io/catalog_json.h"
#include "catalog_io/catalog_xlsx.h"
#include "catalog_io/json_reader.h"
#include "catalog_io/text.h"
#include "catalog_io/xlsx_reader.h"
#include "catalog_io/xlsx_sheets.h"

namespace motcua::catalog_io {
namespace {

using internal::At;
using internal::CellKind;
using internal::ColumnSpec;
using internal::Json;
using internal::SheetShape;
using internal::SheetSpec;

std::optional<double> ParseNumber(const XlsxCell& cell) {
  const std::string text = Tidy(cell.text);
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

Json NumberJson(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

// "1/7/2025" -> "2025-07-01"; other text unchanged (DecodeCatalog judges it).
std::string DayMonthYear(const std::string& text) {
  int d = 0, m = 0, y = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d/%d/%d%c", &d, &m, &y, &tail) == 3 && y >= 1000 &&
      calendar::IsValidDate(y, m, d)) {
    return calendar::FormatDate({y, m, d});
  }
  return text;
}

void Set(Json& obj, std::string_view path, Json value) {
  Json* at = &obj;
  for (std::size_t dot; (dot = path.find('.')) != std::string_view::npos;
       path = path.substr(dot + 1)) {
    at = &(*at)[std::string(path.substr(0, dot))];
  }
  (*at)[std::string(path)] = std::move(value);
}

// The sheet that numbers the elements of `array` (cases, workflows).
std::string_view ParentSheet(std::string_view array) {
  for (const SheetSpec& spec : internal::CatalogSheets()) {
    if (spec.shape == SheetShape::kIndexed && spec.array == array) return spec.name;
  }
  return "";
}

struct Key {
  std::string code;
  int version = 1;
  auto operator<=>(const Key&) const = default;
};

class WorkbookDecoder {
 public:
  Result<XlsxCatalog> Decode(const std::vector<XlsxSheet>& sheets, const Progress& progress) {
    const XlsxSheet* main = nullptr;
    for (const SheetSpec& spec : internal::CatalogSheets()) {
      for (const XlsxSheet& sheet : sheets) {
        if (catalog::Fold(Tidy(sheet.name)) != catalog::Fold(spec.name)) continue;
        if (spec.shape == SheetShape::kRecord) main = &sheet;
        ReadSheet(spec, sheet);
      }
    }
    if (main == nullptr) {
      return Error::InvalidField("file", "has no sheet \"Thủ tục\" (one row per procedure)");
    }
    Result<std::vector<CatalogEntry>> entries =
        DecodeCatalog(records_.dump(-1, ' ', false, Json::error_handler_t::replace), progress);
    if (!entries.ok()) {
      std::vector<FieldViolation> decoded = std::move(entries).error().fields;
      locator_.Relocate(decoded);
      for (FieldViolation& f : decoded) {
        if (!failed_cells_.contains(f.field)) errors_.push_back(std::move(f));
      }
    }
    if (!errors_.empty()) {
      Error e = Error::InvalidArgument("the workbook has " + std::to_string(errors_.size()) +
                                       " problem(s)");
      e.reason = "validation";
      e.fields = std::move(errors_);
      return e;
    }
    return XlsxCatalog{std::move(*entries), std::move(locator_)};
  }

 private:
  struct Sheet {
    const SheetSpec* spec;
    const XlsxSheet* sheet;
    std::vector<const ColumnSpec*> columns;  // by column index; nullptr: none
    std::optional<std::size_t> Column(std::string_view path) const {
      for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c] && columns[c]->path == path) return c;
      }
      return std::nullopt;
    }
    std::string Cell(std::size_t column, int row) const {
      return sheet->name + "!" + CellRef(column, row);
    }
  };

  void Fail(const Sheet& s, std::size_t column, int row, const std::string& message) {
    const std::string cell = s.Cell(column, row);
    failed_cells_.insert(cell);
    const std::string header = column < s.columns.size() && s.columns[column]
                                   ? std::string(s.columns[column]->header)
                                   : "";
    errors_.push_back({cell, header.empty() ? message : "[" + header + "] " + message});
  }

  // The header row: each column's spec, an error for unknown and repeated headers.
  Sheet Headers(const SheetSpec& spec, const XlsxSheet& sheet) {
    Sheet s{&spec, &sheet, {}};
    const XlsxRow& header = sheet.rows.front();
    s.columns.resize(header.cells.size(), nullptr);
    std::set<std::string_view> seen;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
      const std::string text = catalog::Fold(Tidy(header.cells[c].text));
      if (text.empty()) continue;
      for (const ColumnSpec& col : spec.columns) {
        if (catalog::Fold(col.header) == text) s.columns[c] = &col;
      }
      if (s.columns[c] == nullptr) {
        Fail(s, c, header.number, "\"" + header.cells[c].text + "\" is not a column of this sheet");
      } else if (!seen.insert(s.columns[c]->path).second) {
        Fail(s, c, header.number, "this column appears twice");
        s.columns[c] = nullptr;
      }
    }
    return s;
  }

  std::optional<Json> Convert(const Sheet& s, std::size_t c, const XlsxRow& row) {
    const XlsxCell& cell = row.At(c);
    if (cell.empty()) return std::nullopt;
    const ColumnSpec& col = *s.columns[c];
    if (cell.type == XlsxCell::Type::kError) {
      Fail(s, c, row.number, "the cell holds an error value " + cell.text);
      return std::nullopt;
    }
    switch (col.kind) {
      case CellKind::kText:
        if (cell.type == XlsxCell::Type::kBool) return cell.text == "1" ? "TRUE" : "FALSE";
        return cell.text;
      case CellKind::kNumber:
        if (std::optional<double> v = ParseNumber(cell)) return NumberJson(*v);
        Fail(s, c, row.number, "\"" + cell.text + "\" is not a number");
        return std::nullopt;
      case CellKind::kBool: {
        const std::string f = catalog::Fold(Tidy(cell.text));
        if (f == "co" || f == "x" || f == "1" || f == "true" || f == "yes") return true;
        if (f == "khong" || f == "0" || f == "false" || f == "no") return false;
        Fail(s, c, row.number, "\"" + cell.text + "\" is not có or không");
        return std::nullopt;
      }
      case CellKind::kDate:
        if (cell.type == XlsxCell::Type::kNumber) {
          const std::optional<double> v = ParseNumber(cell);
          if (auto d = v ? ExcelSerialToDate(*v) : std::nullopt) return calendar::FormatDate(*d);
          Fail(s, c, row.number, "\"" + cell.text + "\" is not a date");
          return std::nullopt;
        }
        return DayMonthYear(Tidy(cell.text));
      case CellKind::kList: {
        Json items = Json::array();
        std::size_t start = 0;
        while (start <= cell.text.size()) {
          const std::size_t end = std::min(cell.text.find('\n', start), cell.text.size());
          std::string item = Tidy(cell.text.substr(start, end - start));
          if (!item.empty() && item.back() == '\r') item.pop_back();
          if (!item.empty()) items.push_back(std::move(item));
          start = end + 1;
        }
        return items;
      }
    }
    return std::nullopt;
  }

  // The row's member columns into `obj`, each remembered under `path`.<member>.
  void Members(const Sheet& s, const XlsxRow& row, const std::string& path, Json& obj) {
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      const ColumnSpec* col = s.columns[c];
      if (col == nullptr || col->path.starts_with('@')) continue;
      const std::string member = path + "." + std::string(col->path);
      locator_.Add(member, {s.Cell(c, row.number), std::string(col->header)});
      if (std::optional<Json> v = Convert(s, c, row)) Set(obj, col->path, std::move(*v));
    }
  }

  void Remember(const Sheet& s, std::string path, std::string_view key_path, int row) {
    const std::size_t c = s.Column(key_path).value_or(0);
    const std::string header =
        c < s.columns.size() && s.columns[c] ? std::string(s.columns[c]->header) : "";
    locator_.Add(std::move(path), {s.Cell(c, row), header});
  }

  // The procedure a row belongs to, or nullopt (an error is recorded).
  std::optional<std::size_t> Owner(const Sheet& s, const XlsxRow& row) {
    std::optional<Key> key = ReadKey(s, row, internal::kKeyCode, internal::kKeyVersion);
    if (!key) return std::nullopt;
    auto it = index_.find(*key);
    if (it == index_.end()) {
      Fail(s, s.Column(internal::kKeyCode).value_or(0), row.number,
           key->code + " version " + std::to_string(key->version) + " is not on sheet \"Thủ tục\"");
      return std::nullopt;
    }
    return it->second;
  }

  std::optional<Key> ReadKey(const Sheet& s, const XlsxRow& row, std::string_view code_path,
                             std::string_view version_path) {
    const std::optional<std::size_t> cc = s.Column(code_path);
    Key key;
    key.code = cc ? Tidy(row.At(*cc).text) : "";
    if (key.code.empty()) {
      Fail(s, cc.value_or(0), row.number,
           cc ? "is required" : "the sheet has no column \"Mã thủ tục\"");
      return std::nullopt;
    }
    if (const std::optional<std::size_t> vc = s.Column(version_path)) {
      if (!row.At(*vc).empty()) {
        const std::optional<int> n = PositiveInt(s, *vc, row);
        if (!n) return std::nullopt;
        key.version = *n;
      }
    }
    return key;
  }

  std::optional<int> PositiveInt(const Sheet& s, std::size_t c, const XlsxRow& row) {
    const std::optional<double> v = ParseNumber(row.At(c));
    if (!v || *v < 1 || *v > 1e6 || std::floor(*v) != *v) {
      Fail(s, c, row.number, "\"" + row.At(c).text + "\" is not a whole number from 1");
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  static bool Blank(const XlsxRow& row) {
    for (const XlsxCell& c : row.cells) {
      if (!c.empty()) return false;
    }
    return true;
  }

  void ReadSheet(const SheetSpec& spec, const XlsxSheet& sheet) {
    if (sheet.rows.empty()) return;
    const Sheet s = Headers(spec, sheet);
    std::vector<const XlsxRow*> rows;
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
      if (!Blank(sheet.rows[r])) rows.push_back(&sheet.rows[r]);
    }
    switch (spec.shape) {
      case SheetShape::kRecord: return ReadRecords(s, rows);
      case SheetShape::kChannel: return ReadChannels(s, rows);
      case SheetShape::kFee: return ReadFees(s, rows);
      case SheetShape::kIndexed: return ReadIndexed(s, rows);
      case SheetShape::kNested: return ReadNested(s, rows);
      case SheetShape::kList: return ReadList(s, rows);
    }
  }

  void ReadRecords(const Sheet& s, const std::vector<const XlsxRow*>& rows) {
    for (const XlsxRow* row : rows) {
      std::optional<Key> key = ReadKey(s, *row, "code", "version.number");
      if (!key) continue;
      const std::string path = At("", records_.size());
      if (auto [it, fresh] = index_.emplace(*key, records_.size()); !fresh) {
        Fail(s, s.Column("code").value_or(0), row->number,
             key->code + " version " + std::to_string(key->version) + " appears twice");
        continue;
      }
      Json record = Json::object();
      Remember(s, path, "code", row->number);
      Remember(s, path + ".state", "version.state", row->number);
      Remember(s, path + ".number", "version.number", row->number);
      Remember(s, path + ".version", "version.state", row->number);
      Members(s, *row, path, record);
      records_.push_back(std::move(record));
    }
  }

  void ReadChannels(const Sheet& s, const std::vector<const XlsxRow*>& rows) {
    for (const XlsxRow* row : rows) {
      const std::optional<std::size_t> owner = Owner(s, *row);
      const std::optional<std::string> name = Channel(s, *row);
      if (!owner || !name) continue;
      Json& channels = records_[*owner]["channels"];
      if (channels.contains(*name)) {
        Fail(s, *s.Column(internal::kKeyChannel), row->number,
             "channel " + *name + " appears twice for this procedure");
        continue;
      }
      const std::string path = At("", *owner) + ".channels." + *name;
      Remember(s, path, internal::kKeyChannel, row->number);
      Json spec = Json::object();
      Members(s, *row, path, spec);
      channels[*name] = std::move(spec);
    }
  }

  void ReadFees(const Sheet& s, const std::vector<const XlsxRow*>& rows) {
    for (const XlsxRow* row : rows) {
      const std::optional<std::size_t> owner = Owner(s, *row);
      const std::optional<std::string> name = Channel(s, *row);
      if (!owner || !name) continue;
      Json& record = records_[*owner];
      if (!record.contains("channels") || !record["channels"].contains(*name)) {
        Fail(s, *s.Column(internal::kKeyChannel), row->number,
             "channel " + *name + " of this procedure is not on sheet \"Cách thức\"");
        continue;
      }
      Json& fees = record["channels"][*name]["fees"];
      if (fees.is_null()) fees = Json::array();
      const std::string path = At(At("", *owner) + ".channels." + *name + ".fees", fees.size());
      Remember(s, path, internal::kKeyChannel, row->number);
      Json fee = Json::object();
      Members(s, *row, path, fee);
      fees.push_back(std::move(fee));
    }
  }

  std::optional<std::string> Channel(const Sheet& s, const XlsxRow& row) {
    const std::optional<std::size_t> c = s.Column(internal::kKeyChannel);
    const std::string name = c ? Tidy(row.At(*c).text) : "";
    if (name.empty()) {
      Fail(s, c.value_or(0), row.number,
           c ? "is required (in-person, online, postal)" : "the sheet has no column \"Cách thức\"");
      return std::nullopt;
    }
    return name;
  }

  // Cases and workflows: ordered by STT, which components and steps then refer to.
  void ReadIndexed(const Sheet& s, const std::vector<const XlsxRow*>& rows) {
    std::map<std::size_t, std::map<int, const XlsxRow*>> by_owner;
    const std::optional<std::size_t> ic = s.Column(internal::kKeyIndex);
    for (const XlsxRow* row : rows) {
      const std::optional<std::size_t> owner = Owner(s, *row);
      if (!owner) continue;
      if (!ic) {
        Fail(s, 0, row->number, "the sheet has no STT column");
        continue;
      }
      const std::optional<int> n = PositiveInt(s, *ic, *row);
      if (!n) continue;
      if (!by_owner[*owner].emplace(*n, row).second) {
        Fail(s, *ic, row->number,
             "STT " + std::to_string(*n) + " appears twice for this procedure");
      }
    }
    for (auto& [owner, numbered] : by_owner) {
      Json& array = records_[owner][std::string(s.spec->array)];
      array = Json::array();
      for (const auto& [n, row] : numbered) {
        const std::string path = At(At("", owner) + "." + std::string(s.spec->array), array.size());
        positions_[{owner, std::string(s.spec->array)}][n] = array.size();
        Remember(s, path, internal::kKeyIndex, row->number);
        Json element = Json::object();
        Members(s, *row, path, element);
        array.push_back(std::move(element));
      }
    }
  }

  void ReadNested(const Sheet& s, const std::vector<const XlsxRow*>& rows) {
    const std::string array(s.spec->array), nested(s.spec->nested);
    const std::optional<std::size_t> ic = s.Column(internal::kKeyIndex);
    for (const XlsxRow* row : rows) {
      const std::optional<std::size_t> owner = Owner(s, *row);
      if (!owner) continue;
      int n = 1;
      if (ic && !row->At(*ic).empty()) {
        const std::optional<int> read = PositiveInt(s, *ic, *row);
        if (!read) continue;
        n = *read;
      }
      const auto& numbered = positions_[{*owner, array}];
      auto it = numbered.find(n);
      if (it == numbered.end()) {
        Fail(s, ic.value_or(0), row->number,
             "STT " + std::to_string(n) + " of this procedure is not on sheet \"" +
                 std::string(ParentSheet(array)) + "\"");
        continue;
      }
      Json& list = records_[*owner][array][it->second][nested];
      if (list.is_null()) list = Json::array();
      const std::string path =
          At(At(At("", *owner) + "." + array, it->second) + "." + nested, list.size());
      Remember(s, path, internal::kKeyIndex, row->number);
      Json element = Json::object();
      Members(s, *row, path, element);
      list.push_back(std::move(element));
    }
  }

  void ReadList(const Sheet& s, const std::vector<const XlsxRow*>& rows) {
    const std::string array(s.spec->array);
    for (const XlsxRow* row : rows) {
      const std::optional<std::size_t> owner = Owner(s, *row);
      if (!owner) continue;
      Json& list = records_[*owner][array];
      if (list.is_null()) list = Json::array();
      const std::string path = At(At("", *owner) + "." + array, list.size());
      Remember(s, path, internal::kKeyCode, row->number);
      Json element = Json::object();
      Members(s, *row, path, element);
      list.push_back(std::move(element));
    }
  }

  Json records_ = Json::array();
  std::map<Key, std::size_t> index_;
  std::map<std::pair<std::size_t, std::string>, std::map<int, std::size_t>> positions_;
  XlsxLocator locator_;
  std::vector<FieldViolation> errors_;
  std::set<std::string> failed_cells_;
};

}  // namespace

Result<XlsxCatalog> DecodeCatalogXlsx(std::string_view bytes, const Progress& progress) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<XlsxSheet> sheets, ReadXlsx(bytes));
  return WorkbookDecoder().Decode(sheets, progress);
}

}  // namespace motcua::catalog_io
