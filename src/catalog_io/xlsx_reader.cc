#include "catalog_io/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <cmath>
#include <functional>
#include <map>
#include <memory>

namespace motcua::catalog_io {
namespace {

Error Malformed(std::string message) {
  Error e = Error::InvalidField("file", "is not a readable XLSX workbook: " + std::move(message));
  e.reason = "malformed-xlsx";
  return e;
}

// The local part of an expat name "namespace|local" (or of a name without a namespace).
std::string_view Local(const XML_Char* name) {
  std::string_view s(name);
  const std::size_t bar = s.rfind('|');
  return bar == std::string_view::npos ? s : s.substr(bar + 1);
}

// The attribute whose local name is `local` (prefixed or not), or nullptr.
const XML_Char* Attr(const XML_Char** attrs, std::string_view local) {
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    if (Local(attrs[i]) == local) return attrs[i + 1];
  }
  return nullptr;
}

// Streams one XML part through expat with start/end/text callbacks. Entities and DTDs are
// refused: workbook parts never declare them.
class XmlPart {
 public:
  using Start = std::function<void(std::string_view, const XML_Char**)>;
  using End = std::function<void(std::string_view)>;
  using Text = std::function<void(std::string_view)>;

  XmlPart(Start start, End end, Text text)
      : start_(std::move(start)), end_(std::move(end)), text_(std::move(text)) {}

  Status Parse(zip_t* zip, const std::string& name, const XlsxLimits& limits) {
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip, name.c_str(), 0),
                                                           zip_fclose);
    if (!file) return Malformed(name + " is missing or cannot be read");
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreateNS(nullptr, '|'),
                                                                   XML_ParserFree);
    if (!parser) return Error::ResourceExhausted("out of memory for the XML parser");
    XML_SetUserData(parser.get(), this);
    XML_SetElementHandler(parser.get(), &OnStart, &OnEnd);
    XML_SetCharacterDataHandler(parser.get(), &OnText);
    XML_SetStartDoctypeDeclHandler(parser.get(), &OnDoctype);
    parser_ = parser.get();
    char buffer[64 * 1024];
    std::size_t total = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
      if (n < 0) return Malformed(name + ": " + zip_file_strerror(file.get()));
      total += static_cast<std::size_t>(n);
      if (total > limits.max_part_bytes) {
        return Malformed(name + " is larger than " + std::to_string(limits.max_part_bytes >> 20) +
                         " MB");
      }
      if (XML_Parse(parser.get(), buffer, static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
        if (!failure_.empty()) return Malformed(name + ": " + failure_);
        return Malformed(name + " line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) +
                         ": " + XML_ErrorString(XML_GetErrorCode(parser.get())));
      }
      if (n == 0) break;
    }
    if (!failure_.empty()) return Malformed(name + ": " + failure_);
    return Ok();
  }

  // Stops parsing with `message` (from inside a callback).
  void Stop(std::string message) {
    if (failure_.empty()) failure_ = std::move(message);
    XML_StopParser(parser_, XML_FALSE);
  }

 private:
  static void OnStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    static_cast<XmlPart*>(self)->start_(Local(name), attrs);
  }
  static void OnEnd(void* self, const XML_Char* name) {
    static_cast<XmlPart*>(self)->end_(Local(name));
  }
  static void OnText(void* self, const XML_Char* s, int len) {
    static_cast<XmlPart*>(self)->text_(std::string_view(s, static_cast<std::size_t>(len)));
  }
  static void OnDoctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<XmlPart*>(self)->Stop("a document type declaration is not allowed");
  }

  Start start_;
  End end_;
  Text text_;
  XML_Parser parser_ = nullptr;
  std::string failure_;
};

// "worksheets/sheet1.xml" relative to "xl/" -> "xl/worksheets/sheet1.xml"; "/xl/x.xml" ->
// "xl/x.xml"; ".." segments resolved.
std::string ResolveTarget(std::string_view target) {
  std::string path =
      target.starts_with('/') ? std::string(target.substr(1)) : "xl/" + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(std::move(part));
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

struct SheetRef {
  std::string name;
  std::string rel_id;
};

Result<std::vector<SheetRef>> ReadWorkbook(zip_t* zip, const XlsxLimits& limits) {
  std::vector<SheetRef> sheets;
  XmlPart part(
      [&](std::string_view name, const XML_Char** attrs) {
        if (name != "sheet") return;
        const XML_Char* n = Attr(attrs, "name");
        const XML_Char* id = Attr(attrs, "id");
        if (n && id) sheets.push_back({n, id});
      },
      [](std::string_view) {}, [](std::string_view) {});
  MOTCUA_RETURN_IF_ERROR(part.Parse(zip, "xl/workbook.xml", limits));
  if (sheets.empty()) return Malformed("the workbook lists no sheet");
  return sheets;
}

struct Relations {
  std::map<std::string, std::string> worksheets;  // id -> part
  std::string shared_strings;
};

Result<Relations> ReadRelations(zip_t* zip, const XlsxLimits& limits) {
  Relations out;
  XmlPart part(
      [&](std::string_view name, const XML_Char** attrs) {
        if (name != "Relationship") return;
        const XML_Char* id = Attr(attrs, "Id");
        const XML_Char* type = Attr(attrs, "Type");
        const XML_Char* target = Attr(attrs, "Target");
        if (!id || !type || !target) return;
        std::string_view t(type);
        if (t.ends_with("/worksheet")) out.worksheets[id] = ResolveTarget(target);
        if (t.ends_with("/sharedStrings")) out.shared_strings = ResolveTarget(target);
      },
      [](std::string_view) {}, [](std::string_view) {});
  MOTCUA_RETURN_IF_ERROR(part.Parse(zip, "xl/_rels/workbook.xml.rels", limits));
  return out;
}

// Excel escapes characters XML cannot carry as "_xHHHH_"; "_x005F_" is a literal underscore.
std::string Unescape(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned code = 0;
      bool hex = true;
      for (std::size_t k = i + 2; k < i + 6; ++k) {
        const char c = s[k];
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0) hex = false;
        code = code * 16 + static_cast<unsigned>(d < 0 ? 0 : d);
      }
      if (hex && code < 0x80) {
        out.push_back(static_cast<char>(code));
        i += 7;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

// The strings of sharedStrings.xml: each <si> is its <t> texts joined, phonetic runs (<rPh>)
// left out.
Result<std::vector<std::string>> ReadSharedStrings(zip_t* zip, const std::string& name,
                                                   const XlsxLimits& limits) {
  std::vector<std::string> out;
  if (name.empty() || zip_name_locate(zip, name.c_str(), 0) < 0) return out;
  bool in_si = false, in_t = false;
  int phonetic = 0;
  std::string current;
  XmlPart* self = nullptr;
  XmlPart part(
      [&](std::string_view n, const XML_Char**) {
        if (n == "si") {
          in_si = true;
          current.clear();
        } else if (n == "rPh") {
          ++phonetic;
        } else if (n == "t" && in_si && phonetic == 0) {
          in_t = true;
        }
      },
      [&](std::string_view n) {
        if (n == "si") {
          in_si = false;
          out.push_back(Unescape(std::move(current)));
          if (out.size() > limits.max_cells) self->Stop("too many shared strings");
        } else if (n == "rPh") {
          --phonetic;
        } else if (n == "t") {
          in_t = false;
        }
      },
      [&](std::string_view text) {
        if (in_t) current.append(text);
      });
  self = &part;
  MOTCUA_RETURN_IF_ERROR(part.Parse(zip, name, limits));
  return out;
}

// "D12" -> column 3 (row numbers are taken from the row element); nullopt when malformed.
std::optional<std::size_t> ColumnOf(std::string_view ref, int max_columns) {
  std::size_t col = 0, letters = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0 || col > static_cast<std::size_t>(max_columns)) return std::nullopt;
  return col - 1;
}

// Parses a positive integer attribute; nullopt when malformed.
std::optional<int> PositiveInt(const XML_Char* s) {
  if (s == nullptr) return std::nullopt;
  long v = 0;
  for (const char* p = s; *p; ++p) {
    if (*p < '0' || *p > '9' || v > 100'000'000) return std::nullopt;
    v = v * 10 + (*p - '0');
  }
  return v > 0 ? std::optional<int>(static_cast<int>(v)) : std::nullopt;
}

class SheetReader {
 public:
  SheetReader(const std::vector<std::string>& strings, const XlsxLimits& limits, std::size_t& cells)
      : strings_(strings), limits_(limits), cells_(cells) {}

  Status Read(zip_t* zip, const std::string& name, XlsxSheet& sheet) {
    sheet_ = &sheet;
    XmlPart part([this](std::string_view n, const XML_Char** a) { Start(n, a); },
                 [this](std::string_view n) { End(n); },
                 [this](std::string_view t) {
                   if (in_value_) value_.append(t);
                 });
    part_ = &part;
    return part.Parse(zip, name, limits_);
  }

 private:
  void Start(std::string_view n, const XML_Char** attrs) {
    if (n == "row") {
      const std::optional<int> r = PositiveInt(Attr(attrs, "r"));
      row_ = XlsxRow{r.value_or(last_row_ + 1), {}};
      if (row_.number <= last_row_) part_->Stop("rows out of order near row " + Row());
      last_row_ = row_.number;
      next_column_ = 0;
    } else if (n == "c") {
      const XML_Char* ref = Attr(attrs, "r");
      const std::optional<std::size_t> col =
          ref ? ColumnOf(ref, limits_.max_columns) : std::optional<std::size_t>(next_column_);
      if (!col) return part_->Stop("bad cell reference in row " + Row());
      column_ = *col;
      next_column_ = column_ + 1;
      const XML_Char* t = Attr(attrs, "t");
      type_ = t ? t : "n";
      value_.clear();
    } else if (n == "v" || (n == "t" && type_ == "inlineStr")) {
      in_value_ = true;
    }
  }

  void End(std::string_view n) {
    if (n == "v" || n == "t") {
      in_value_ = false;
    } else if (n == "c") {
      EndCell();
    } else if (n == "row") {
      if (!row_.cells.empty()) sheet_->rows.push_back(std::move(row_));
      row_ = {};
    }
  }

  void EndCell() {
    XlsxCell cell;
    if (type_ == "s") {
      const std::optional<int> index = value_ == "0" ? 0 : PositiveInt(value_.c_str());
      if (!index || static_cast<std::size_t>(*index) >= strings_.size()) {
        return part_->Stop("cell " + CellRef(column_, row_.number) +
                           " names a shared string that does not exist");
      }
      cell = {XlsxCell::Type::kString, strings_[static_cast<std::size_t>(*index)]};
    } else if (type_ == "inlineStr" || type_ == "str") {
      cell = {XlsxCell::Type::kString, Unescape(value_)};
    } else if (type_ == "b") {
      cell = {XlsxCell::Type::kBool, value_ == "1" ? "1" : "0"};
    } else if (type_ == "e") {
      cell = {XlsxCell::Type::kError, value_};
    } else if (!value_.empty()) {
      cell = {XlsxCell::Type::kNumber, value_};
    }
    if (cell.type == XlsxCell::Type::kEmpty) return;
    if (++cells_ > limits_.max_cells) return part_->Stop("more than the allowed number of cells");
    if (row_.cells.size() <= column_) row_.cells.resize(column_ + 1);
    row_.cells[column_] = std::move(cell);
  }

  std::string Row() const { return std::to_string(row_.number); }

  const std::vector<std::string>& strings_;
  const XlsxLimits& limits_;
  std::size_t& cells_;
  XlsxSheet* sheet_ = nullptr;
  XmlPart* part_ = nullptr;
  XlsxRow row_;
  int last_row_ = 0;
  std::size_t column_ = 0, next_column_ = 0;
  std::string type_;
  std::string value_;
  bool in_value_ = false;
};

}  // namespace

const XlsxCell& XlsxRow::At(std::size_t column) const {
  static const XlsxCell kEmpty;
  return column < cells.size() ? cells[column] : kEmpty;
}

namespace {

using ZipPtr = std::unique_ptr<zip_t, void (*)(zip_t*)>;

// The archive over `bytes` (which must outlive it).
Result<ZipPtr> OpenZip(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") {
    return Malformed("the data is not a zip archive");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Error::ResourceExhausted("cannot read the archive from memory");
  }
  zip_t* raw = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (raw == nullptr) {
    zip_source_free(source);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Malformed("the zip archive is damaged (" + message + ")");
  }
  zip_error_fini(&error);
  return ZipPtr(raw, zip_discard);
}

}  // namespace

Result<std::vector<std::string>> XlsxSheetNames(std::string_view bytes) {
  MOTCUA_ASSIGN_OR_RETURN(ZipPtr zip, OpenZip(bytes));
  MOTCUA_ASSIGN_OR_RETURN(std::vector<SheetRef> refs, ReadWorkbook(zip.get(), XlsxLimits{}));
  std::vector<std::string> out;
  for (SheetRef& r : refs) out.push_back(std::move(r.name));
  return out;
}

Result<std::vector<XlsxSheet>> ReadXlsx(std::string_view bytes, const XlsxLimits& limits) {
  MOTCUA_ASSIGN_OR_RETURN(ZipPtr zip, OpenZip(bytes));
  MOTCUA_ASSIGN_OR_RETURN(std::vector<SheetRef> refs, ReadWorkbook(zip.get(), limits));
  MOTCUA_ASSIGN_OR_RETURN(Relations rels, ReadRelations(zip.get(), limits));
  MOTCUA_ASSIGN_OR_RETURN(std::vector<std::string> strings,
                          ReadSharedStrings(zip.get(), rels.shared_strings, limits));
  std::vector<XlsxSheet> out;
  std::size_t cells = 0;
  for (const SheetRef& ref : refs) {
    auto it = rels.worksheets.find(ref.rel_id);
    if (it == rels.worksheets.end()) continue;  // a chart sheet or a dialog sheet
    XlsxSheet sheet{ref.name, {}};
    MOTCUA_RETURN_IF_ERROR(SheetReader(strings, limits, cells).Read(zip.get(), it->second, sheet));
    out.push_back(std::move(sheet));
  }
  return out;
}

std::string ColumnName(std::size_t column) {
  std::string out;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return out;
}

std::string CellRef(std::size_t column, int row) {
  return ColumnName(column) + std::to_string(row);
}

std::optional<calendar::CivilDate> ExcelSerialToDate(double serial) {
  // Serial 25569 is 1970-01-01; serials below 61 cross Excel's phantom 1900-02-29.
  if (!std::isfinite(serial) || serial != std::floor(serial) || serial < 61 || serial > 2958465) {
    return std::nullopt;
  }
  return calendar::FromDayNumber(static_cast<calendar::DayNumber>(serial) - 25569);
}

}  // namespace motcua::catalog_io
