// The catalog workbook, written from and read into motcua's catalog JSON records: the layout is
// xlsx_sheets.cc, the values go through EncodeCatalog / DecodeCatalog.
#include "catalog_io/catalog_xlsx.h"

#include "catalog_io/catalog_json.h"
#include "catalog_io/json_reader.h"
#include "catalog_io/xlsx_sheets.h"
#include "catalog_io/xlsx_writer.h"

namespace motcua::catalog_io {
namespace {

using internal::CellKind;
using internal::ColumnSpec;
using internal::Json;
using internal::SheetShape;
using internal::SheetSpec;

// The member at a dotted path, or nullptr.
const Json* Get(const Json& obj, std::string_view path) {
  const Json* at = &obj;
  while (!path.empty()) {
    const std::size_t dot = std::min(path.find('.'), path.size());
    const std::string key(path.substr(0, dot));
    if (!at->is_object() || !at->contains(key)) return nullptr;
    at = &(*at)[key];
    path = path.substr(std::min(dot + 1, path.size()));
  }
  return at->is_null() ? nullptr : at;
}

std::string JoinPath(std::string_view base, std::string_view member) {
  return std::string(base) + "." + std::string(member);
}

// ---- writing -------------------------------------------------------------------------------

class SheetWriter {
 public:
  SheetWriter(XlsxWriter& out, const SheetSpec& spec) : out_(out), spec_(spec) {}

  // One row: the keys, then each member of `obj` (the row's object).
  void Row(const Json& record, const std::string& path, const Json& obj, const std::string& channel,
           int index, std::vector<FieldViolation>& errors) {
    ++row_;
    for (std::size_t c = 0; c < spec_.columns.size(); ++c) {
      const ColumnSpec& col = spec_.columns[c];
      Status s = Ok();
      if (col.path == internal::kKeyCode) {
        s = out_.Text(row_, c, record["code"].get<std::string>());
      } else if (col.path == internal::kKeyVersion) {
        s = out_.Number(row_, c, record["version"]["number"].get<double>());
      } else if (col.path == internal::kKeyChannel) {
        s = out_.Text(row_, c, channel);
      } else if (col.path == internal::kKeyIndex) {
        s = out_.Number(row_, c, index);
      } else if (const Json* v = Get(obj, col.path)) {
        s = Cell(*v, col, JoinPath(path, col.path), c, errors);
      }
      if (!s.ok()) errors.push_back({JoinPath(path, col.path), s.error().message});
    }
  }

 private:
  Status Cell(const Json& v, const ColumnSpec& col, const std::string& path, std::size_t c,
              std::vector<FieldViolation>& errors) {
    switch (col.kind) {
      case CellKind::kNumber: return out_.Number(row_, c, v.get<double>());
      case CellKind::kBool: return out_.Text(row_, c, v.get<bool>() ? "có" : "không");
      case CellKind::kList: {
        std::string joined;
        for (const Json& item : v) {
          const std::string s = item.get<std::string>();
          if (s.find('\n') != std::string::npos) {
            errors.push_back({path, "a list item contains a line break"});
          }
          joined += (joined.empty() ? "" : "\n") + s;
        }
        return out_.Text(row_, c, joined);
      }
      case CellKind::kText:
      case CellKind::kDate:
        return out_.Text(row_, c, v.is_string() ? v.get<std::string>() : v.dump());
    }
    return Ok();
  }

  XlsxWriter& out_;
  const SheetSpec& spec_;
  int row_ = 1;
};

void WriteSheet(XlsxWriter& out, const SheetSpec& spec, const Json& records,
                std::vector<FieldViolation>& errors) {
  SheetWriter w(out, spec);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Json& r = records[i];
    const std::string at = internal::At("", i);
    switch (spec.shape) {
      case SheetShape::kRecord: w.Row(r, at, r, "", 0, errors); break;
      case SheetShape::kChannel:
        for (const auto& [name, ch] : r["channels"].items()) {
          w.Row(r, at + ".channels." + name, ch, name, 0, errors);
        }
        break;
      case SheetShape::kFee:
        for (const auto& [name, ch] : r["channels"].items()) {
          for (std::size_t j = 0; j < ch["fees"].size(); ++j) {
            w.Row(r, internal::At(at + ".channels." + name + ".fees", j), ch["fees"][j], name, 0,
                  errors);
          }
        }
        break;
      case SheetShape::kIndexed:
      case SheetShape::kList: {
        const Json& a = r[std::string(spec.array)];
        for (std::size_t k = 0; k < a.size(); ++k) {
          w.Row(r, internal::At(JoinPath(at, spec.array), k), a[k], "", static_cast<int>(k + 1),
                errors);
        }
        break;
      }
      case SheetShape::kNested: {
        const Json& a = r[std::string(spec.array)];
        for (std::size_t k = 0; k < a.size(); ++k) {
          const std::string base = internal::At(JoinPath(at, spec.array), k);
          const Json& n = a[k][std::string(spec.nested)];
          for (std::size_t j = 0; j < n.size(); ++j) {
            w.Row(r, internal::At(JoinPath(base, spec.nested), j), n[j], "",
                  static_cast<int>(k + 1), errors);
          }
        }
        break;
      }
    }
  }
}

// The allowed values, for whoever edits the workbook.
Status WriteGuide(XlsxWriter& out) {
  MOTCUA_RETURN_IF_ERROR(
      out.AddSheet(internal::kGuideSheet, {{"Cột", 28}, {"Giá trị hợp lệ", 90}}));
  const std::vector<std::pair<std::string_view, std::string_view>> rows = {
      {"Trạng thái", "draft, published, amended, replaced, repealed (trống: draft)"},
      {"Cấp thực hiện", "province, commune, inter-level, central"},
      {"Mức độ trực tuyến", "none, partial, full"},
      {"Giờ chốt tiếp nhận", "none, last-hour, 17:00, HH:MM"},
      {"Khi bổ sung hồ sơ", "exclude-waiting, restart"},
      {"Cách thức", "in-person, online, postal"},
      {"Đơn vị thời hạn", "working-days, working-hours, working-minutes, calendar-days"},
      {"Loại (phí, lệ phí)", "fee (lệ phí), charge (phí); số tiền trống = chưa rõ, 0 = miễn"},
      {"Bắt buộc", "required, conditional"},
      {"Loại bước",
       "receive, assign, appraise, approve, sign, issue, return, inter-agency, "
       "wait-financial, other"},
      {"Mức tin cậy", "parsed, doubtful, unparsed"},
      {"Cột có/không", "có, không"},
      {"Ngày", "YYYY-MM-DD (hoặc DD/MM/YYYY)"},
      {"Danh sách", "mỗi giá trị một dòng trong ô (Alt+Enter)"},
      {"Khóa", "Mã thủ tục + Phiên bản (trống: 1) nối các trang với trang Thủ tục"},
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    MOTCUA_RETURN_IF_ERROR(out.Text(static_cast<int>(i + 2), 0, rows[i].first));
    MOTCUA_RETURN_IF_ERROR(out.Text(static_cast<int>(i + 2), 1, rows[i].second));
  }
  return Ok();
}

std::vector<XlsxWriter::Column> Columns(const SheetSpec& spec) {
  std::vector<XlsxWriter::Column> out;
  for (const ColumnSpec& c : spec.columns) {
    out.push_back({std::string(c.header), c.width, c.kind != CellKind::kNumber});
  }
  return out;
}

}  // namespace

// ---- locating ------------------------------------------------------------------------------

std::optional<XlsxLocator::Place> XlsxLocator::Find(std::string_view path) const {
  while (!path.empty()) {
    if (auto it = places_.find(path); it != places_.end()) return it->second;
    const std::size_t cut = path.find_last_of(".[");
    if (cut == std::string_view::npos || cut == 0) break;
    path = path.substr(0, cut);
  }
  return std::nullopt;
}

void XlsxLocator::Relocate(std::vector<FieldViolation>& violations, std::string_view prefix) const {
  for (FieldViolation& v : violations) {
    std::string_view path = v.field;
    if (!path.starts_with(prefix)) continue;
    path.remove_prefix(prefix.size());
    const std::optional<Place> place = Find(path);
    if (!place) continue;
    // A member without a column of its own is named before the message.
    const bool exact = places_.contains(path);
    const std::size_t member = path.find('.');
    v.message =
        "[" + place->header + "] " +
        (exact || member == std::string_view::npos ? ""
                                                   : std::string(path.substr(member + 1)) + ": ") +
        v.message + " (" + std::string(path) + ")";
    v.field = place->cell;
  }
}

// ---- encoding ------------------------------------------------------------------------------

Result<std::string> EncodeCatalogXlsx(const std::vector<CatalogEntry>& entries) {
  const Json records = Json::parse(EncodeCatalog(entries));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<XlsxWriter> out, XlsxWriter::Create());
  std::vector<FieldViolation> errors;
  for (const SheetSpec& spec : internal::CatalogSheets()) {
    MOTCUA_RETURN_IF_ERROR(out->AddSheet(spec.name, Columns(spec)));
    WriteSheet(*out, spec, records, errors);
  }
  MOTCUA_RETURN_IF_ERROR(WriteGuide(*out));
  if (!errors.empty()) {
    Error e = Error::InvalidArgument("the catalog cannot be written as a workbook");
    e.reason = "validation";
    e.fields = std::move(errors);
    return e;
  }
  return out->Finish();
}

Result<std::string> EncodeHygieneXlsx(const std::vector<catalog::Finding>& findings) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<XlsxWriter> out, XlsxWriter::Create());
  MOTCUA_RETURN_IF_ERROR(out->AddSheet("Rà soát", {{"Loại", 20},
                                                   {"Mã thủ tục", 24},
                                                   {"Phiên bản", 10, false},
                                                   {"Trường", 28},
                                                   {"Nội dung", 60},
                                                   {"Message", 60},
                                                   {"Thủ tục liên quan", 24}}));
  int row = 1;
  for (const catalog::Finding& f : findings) {
    ++row;
    MOTCUA_RETURN_IF_ERROR(out->Text(row, 0, catalog::FindingKindName(f.kind)));
    MOTCUA_RETURN_IF_ERROR(out->Text(row, 1, f.procedure_code));
    MOTCUA_RETURN_IF_ERROR(out->Number(row, 2, f.version));
    MOTCUA_RETURN_IF_ERROR(out->Text(row, 3, f.field));
    MOTCUA_RETURN_IF_ERROR(out->Text(row, 4, f.message_vi));
    MOTCUA_RETURN_IF_ERROR(out->Text(row, 5, f.message_en));
    MOTCUA_RETURN_IF_ERROR(out->Text(row, 6, f.related_code));
  }
  return out->Finish();
}

}  // namespace motcua::catalog_io
