// The reports as XLSX workbooks and PDF documents (report_exports.h).
#include "http/report_exports.h"

#include "calendar/civil_time.h"
#include "catalog_io/xlsx_writer.h"
#include "render/report_sheet.h"
#include "render/vn_format.h"

namespace motcua::http {

Result<ReportFormat> ReportFormatParam(const Request& req) {
  MOTCUA_ASSIGN_OR_RETURN(auto format, req.Query("format"));
  if (!format || *format == "json") return ReportFormat::kJson;
  if (*format == "xlsx") return ReportFormat::kXlsx;
  if (*format == "pdf") return ReportFormat::kPdf;
  return Error::InvalidField("format", "must be json, xlsx or pdf");
}

namespace {

using catalog_io::XlsxWriter;
using reports::Statistics;

// ---- Workbooks ----

// The statistics' columns in a workbook, after the row's name column.
const std::vector<XlsxWriter::Column>& StatisticsColumns() {
  static const std::vector<XlsxWriter::Column> kColumns = {
      {"Tổng số", 10, false},           {"Tiếp nhận mới", 10, false},
      {"Trực tiếp", 10, false},         {"Trực tuyến", 10, false},
      {"Bưu chính", 10, false},         {"Kỳ trước chuyển qua", 12, false},
      {"Đã giải quyết", 10, false},     {"Trước hạn", 10, false},
      {"Đúng hạn", 10, false},          {"Quá hạn", 10, false},
      {"Không tính hạn", 10, false},    {"Đang giải quyết", 10, false},
      {"Trong hạn", 10, false},         {"Quá hạn (đang GQ)", 12, false},
      {"Rút hồ sơ", 10, false},         {"Dừng xử lý", 10, false},
      {"Từ chối tiếp nhận", 10, false}, {"Yêu cầu bổ sung", 10, false},
      {"Xin lỗi, gia hạn", 10, false},  {"Được số hóa", 10, false}};
  return kColumns;
}

Status StatisticsRow(XlsxWriter& book, int row, const Statistics& s) {
  const std::int64_t values[] = {s.Total(),
                                 s.received,
                                 s.received_in_person,
                                 s.received_online,
                                 s.received_postal,
                                 s.carried_over,
                                 s.Resolved(),
                                 s.resolved_early,
                                 s.resolved_on_time,
                                 s.resolved_late,
                                 s.resolved_untimed,
                                 s.InProgress(),
                                 s.in_progress_on_time,
                                 s.in_progress_overdue,
                                 s.withdrawn,
                                 s.stopped,
                                 s.refused,
                                 s.supplement,
                                 s.apologies,
                                 s.digitized};
  for (std::size_t i = 0; i < std::size(values); ++i) {
    MOTCUA_RETURN_IF_ERROR(book.Number(row, i + 1, static_cast<double>(values[i])));
  }
  return Ok();
}

// A sheet of statistics: a name column, one row per group, then the total.
Status StatisticsSheet(XlsxWriter& book, std::string_view sheet, const std::string& key_header,
                       const std::vector<app::ReportRow>& rows,
                       const std::map<std::string, std::string>& names, const std::string& total,
                       const Statistics& sum) {
  std::vector<XlsxWriter::Column> columns = {{key_header, 30}};
  for (const auto& c : StatisticsColumns()) columns.push_back(c);
  MOTCUA_RETURN_IF_ERROR(book.AddSheet(sheet, columns));
  int row = 1;
  for (const app::ReportRow& rr : rows) {
    ++row;
    const auto name = names.find(rr.key);
    MOTCUA_RETURN_IF_ERROR(
        book.Text(row, 0, name == names.end() ? rr.key : rr.key + " " + name->second));
    MOTCUA_RETURN_IF_ERROR(StatisticsRow(book, row, rr.stats));
  }
  ++row;
  MOTCUA_RETURN_IF_ERROR(book.Text(row, 0, total));
  return StatisticsRow(book, row, sum);
}

// The name of a field row: "" is a dossier whose procedure version is unknown.
std::string FieldName(const std::string& key) {
  return key.empty() ? "Chưa xác định lĩnh vực" : key;
}

// ---- PDF ----

// The columns of the periodic report's tables (after STT and the name), as the form of the
// periodic report of procedure results lays them out, with the stops and refusals added.
const std::vector<render::ReportColumn>& FigureColumns() {
  static const std::vector<render::ReportColumn> kColumns = {
      {"Tổng số hồ sơ", 1},
      {"Kỳ trước chuyển qua", 1},
      {"Mới tiếp nhận trực tuyến", 1},
      {"Mới tiếp nhận trực tiếp, bưu chính", 1.1},
      {"Đã giải quyết", 1},
      {"Trước hạn", 1},
      {"Đúng hạn", 1},
      {"Quá hạn", 1},
      {"Không quy định thời hạn", 1.1},
      {"Đang giải quyết", 1},
      {"Trong hạn", 1},
      {"Quá hạn (đang giải quyết)", 1.1},
      {"Rút hồ sơ", 0.9},
      {"Dừng giải quyết", 1},
      {"Từ chối tiếp nhận", 1}};
  return kColumns;
}

std::vector<std::string> FigureCells(const Statistics& s) {
  const std::int64_t values[] = {s.Total(),
                                 s.carried_over,
                                 s.received_online,
                                 s.received_in_person + s.received_postal,
                                 s.Resolved(),
                                 s.resolved_early,
                                 s.resolved_on_time,
                                 s.resolved_late,
                                 s.resolved_untimed,
                                 s.InProgress(),
                                 s.in_progress_on_time,
                                 s.in_progress_overdue,
                                 s.withdrawn,
                                 s.stopped,
                                 s.refused};
  std::vector<std::string> out;
  for (std::int64_t v : values) out.push_back(render::FormatCount(v));
  return out;
}

// A table of statistics rows: STT, the row's name, the figures; the total last, unnumbered.
render::ReportSection FigureSection(std::string heading, std::string name_title,
                                    const std::vector<std::pair<std::string, Statistics>>& rows,
                                    const Statistics& total) {
  render::ReportSection section;
  section.heading = std::move(heading);
  section.columns = {{"STT", 0.75}, {std::move(name_title), 2.6, false}};
  for (const auto& c : FigureColumns()) section.columns.push_back(c);
  int n = 0;
  const auto add = [&](std::string number, const std::string& name, const Statistics& s) {
    std::vector<std::string> cells = {std::move(number), name};
    for (std::string& c : FigureCells(s)) cells.push_back(std::move(c));
    section.rows.push_back(std::move(cells));
  };
  for (const auto& [name, s] : rows) add(std::to_string(++n), name, s);
  add("", "Tổng cộng", total);
  return section;
}

std::string AsOfLine(Instant as_of) {
  return "Số liệu tính đến " + render::FormatVietnameseDateTime(as_of) + ".";
}

std::string ShareText(const std::optional<double>& share) {
  return share ? render::FormatPercent(*share) : "không có hồ sơ để tính";
}

// The lines under the title: the scope, the days, where the figures are judged from, shares.
std::vector<std::string> ScopeLines(const identity::Unit& unit, bool subunits,
                                    const reports::Period& p, Instant as_of, const Statistics& s) {
  const reports::Shares shares = reports::SharesOf(s);
  return {"Đơn vị: " + unit.name + " (" + unit.code + ")" +
              (subunits ? ", gồm các đơn vị trực thuộc" : ", không gồm đơn vị trực thuộc"),
          "Kỳ báo cáo: từ ngày " + render::FormatShortDate(p.from) + " đến ngày " +
              render::FormatShortDate(p.to - 1) + ". " + AsOfLine(as_of),
          "Tỷ lệ giải quyết trước hạn và đúng hạn: " + ShareText(shares.on_time) +
              "; tỷ lệ tiếp nhận trực tuyến: " + ShareText(shares.online) +
              "; từ chối tiếp nhận (không tính vào tổng số): " + render::FormatCount(s.refused) +
              "."};
}

const std::vector<std::string>& FigureNotes() {
  static const std::vector<std::string> kNotes = {
      "Tổng số hồ sơ = kỳ trước chuyển qua + mới tiếp nhận = đã giải quyết + đang giải quyết + "
      "rút hồ sơ + dừng giải quyết. Hồ sơ từ chối tiếp nhận không được tiếp nhận nên không tính "
      "vào tổng số.",
      "Trước hạn, đúng hạn, quá hạn: so với thời hạn hẹn trả, không tính thời gian tạm dừng theo "
      "quy định; hồ sơ yêu cầu bổ sung quá một lần tính là quá hạn (Quyết định 766/QĐ-TTg)."};
  return kNotes;
}

render::Agency AgencyOf(const identity::Unit& unit) { return {"", unit.name, ""}; }

}  // namespace

Result<std::string> StatisticsWorkbook(const app::ReportService::StatisticsReport& r) {
  MOTCUA_ASSIGN_OR_RETURN(auto book, XlsxWriter::Create());
  MOTCUA_RETURN_IF_ERROR(StatisticsSheet(*book, "Thống kê", "Nhóm", r.rows, r.names,
                                         "Tổng cộng " + r.unit.code + " " + r.period.label,
                                         r.total));
  return book->Finish();
}

Result<std::string> PeriodicWorkbook(const app::ReportService::PeriodicReport& r) {
  MOTCUA_ASSIGN_OR_RETURN(auto book, XlsxWriter::Create());
  const std::string total = "Tổng cộng " + r.unit.code + " " + r.period.label;
  std::map<std::string, std::string> field_names;
  for (const app::ReportRow& row : r.fields) {
    if (row.key.empty()) field_names[row.key] = FieldName(row.key);
  }
  MOTCUA_RETURN_IF_ERROR(
      StatisticsSheet(*book, "Theo lĩnh vực", "Lĩnh vực", r.fields, field_names, total, r.total));
  MOTCUA_RETURN_IF_ERROR(
      StatisticsSheet(*book, "Theo đơn vị", "Đơn vị", r.units, r.unit_names, total, r.total));
  return book->Finish();
}

Result<std::string> IndexWorkbook(const app::ReportService::IndexReport& r) {
  MOTCUA_ASSIGN_OR_RETURN(auto book, XlsxWriter::Create());
  MOTCUA_RETURN_IF_ERROR(book->AddSheet("Chỉ số 766", {{"Đơn vị", 16},
                                                       {"Chỉ tiêu", 8},
                                                       {"Tên", 40},
                                                       {"Điểm tối đa", 10, false},
                                                       {"Tử số", 10, false},
                                                       {"Mẫu số", 10, false},
                                                       {"Tỷ lệ", 10, false},
                                                       {"Điểm", 10, false},
                                                       {"Ghi chú", 50}}));
  int row = 1;
  std::vector<const app::ReportService::UnitIndex*> all = {&r.whole};
  for (const auto& u : r.units) all.push_back(&u);
  for (const auto* u : all) {
    for (const reports::IndicatorScore& s : u->index.indicators) {
      ++row;
      MOTCUA_RETURN_IF_ERROR(book->Text(row, 0, u->unit_code));
      MOTCUA_RETURN_IF_ERROR(book->Text(row, 1, s.spec->id));
      MOTCUA_RETURN_IF_ERROR(book->Text(row, 2, s.spec->name));
      MOTCUA_RETURN_IF_ERROR(book->Number(row, 3, s.spec->points));
      if (s.measurable) {
        MOTCUA_RETURN_IF_ERROR(book->Number(row, 4, static_cast<double>(s.numerator)));
        MOTCUA_RETURN_IF_ERROR(book->Number(row, 5, static_cast<double>(s.denominator)));
        MOTCUA_RETURN_IF_ERROR(book->Number(row, 6, s.ratio));
        MOTCUA_RETURN_IF_ERROR(book->Number(row, 7, s.score));
      } else {
        MOTCUA_RETURN_IF_ERROR(book->Text(row, 8, s.reason));
      }
    }
  }
  return book->Finish();
}

namespace {

// The per-step figures' columns after the group's two (key, name), as in the JSON answer: hours
// are working hours.
constexpr const char* kStepFigureTitles[] = {"Đã qua bước",
                                             "Đúng hạn",
                                             "Quá hạn",
                                             "Không tính hạn",
                                             "Trung bình (giờ làm việc)",
                                             "Lâu nhất (giờ làm việc)",
                                             "Đang ở bước",
                                             "Đang ở bước, quá hạn"};

// The group's two columns: what the key is and what the name is.
std::pair<std::string, std::string> StepGroupTitles(app::StepGroup group) {
  switch (group) {
    case app::StepGroup::kStep: return {"Bước", "Tên bước"};
    case app::StepGroup::kUnit: return {"Mã đơn vị", "Đơn vị thực hiện bước"};
    case app::StepGroup::kOfficer: return {"Mã cán bộ", "Cán bộ chuyển bước"};
  }
  return {"Bước", "Tên bước"};
}

// A row's name as printed: an officer id without a user is "no officer" (the system).
std::string StepRowName(app::StepGroup group, const app::ReportService::StepRow& row) {
  if (group == app::StepGroup::kOfficer && row.key == "0") return "Không ghi nhận cán bộ";
  return row.name.empty() ? row.key : row.name;
}

}  // namespace

Result<std::string> StepsWorkbook(const app::ReportService::StepReport& r) {
  MOTCUA_ASSIGN_OR_RETURN(auto book, XlsxWriter::Create());
  const auto [key_title, name_title] = StepGroupTitles(r.group);
  std::vector<XlsxWriter::Column> columns = {{key_title, 16}, {name_title, 40}};
  for (const char* title : kStepFigureTitles) columns.push_back({title, 12, false});
  MOTCUA_RETURN_IF_ERROR(book->AddSheet("Theo bước xử lý", columns));
  const auto figures = [&](int row, const reports::StepFigures& f) -> Status {
    const double values[] = {
        static_cast<double>(f.passed),         static_cast<double>(f.on_time),
        static_cast<double>(f.late),           static_cast<double>(f.untimed),
        f.AverageSeconds().value_or(0) / 3600, static_cast<double>(f.longest_seconds) / 3600,
        static_cast<double>(f.current),        static_cast<double>(f.current_overdue)};
    for (std::size_t i = 0; i < std::size(values); ++i) {
      MOTCUA_RETURN_IF_ERROR(book->Number(row, i + 2, values[i]));
    }
    return Ok();
  };
  int row = 1;
  for (const app::ReportService::StepRow& s : r.rows) {
    ++row;
    MOTCUA_RETURN_IF_ERROR(book->Text(row, 0, s.key));
    MOTCUA_RETURN_IF_ERROR(book->Text(row, 1, StepRowName(r.group, s)));
    MOTCUA_RETURN_IF_ERROR(figures(row, s.figures));
  }
  ++row;
  MOTCUA_RETURN_IF_ERROR(book->Text(row, 0, "Tổng cộng " + r.unit.code + " " + r.period.label));
  MOTCUA_RETURN_IF_ERROR(figures(row, r.total));
  return book->Finish();
}

Result<std::string> StepsPdf(const app::ReportService::StepReport& r) {
  render::ReportSheet sheet;
  sheet.agency = AgencyOf(r.unit);
  sheet.title = "THỐNG KÊ THỜI GIAN XỬ LÝ THEO BƯỚC";
  sheet.subtitle = "Kỳ thống kê: " + reports::PeriodText(r.period);
  const auto [key_title, name_title] = StepGroupTitles(r.group);
  sheet.lines = {"Đơn vị: " + r.unit.name + " (" + r.unit.code + ")" +
                     (r.subunits ? ", gồm các đơn vị trực thuộc" : ", không gồm đơn vị trực thuộc"),
                 "Kỳ báo cáo: từ ngày " + render::FormatShortDate(r.period.from) + " đến ngày " +
                     render::FormatShortDate(r.period.to - 1) + ". " + AsOfLine(r.as_of)};
  render::ReportSection section;
  section.columns = {{"STT", 0.6}, {key_title, 1.3, false}, {name_title, 2.6, false}};
  for (const char* title : kStepFigureTitles) section.columns.push_back({title, 1});
  const auto hours = [](std::optional<double> seconds) {
    return seconds ? render::FormatDecimal(*seconds / 3600, 2) : std::string();
  };
  const auto cells = [&](const reports::StepFigures& f) {
    return std::vector<std::string>{
        render::FormatCount(f.passed),
        render::FormatCount(f.on_time),
        render::FormatCount(f.late),
        render::FormatCount(f.untimed),
        hours(f.AverageSeconds()),
        hours(f.passed > 0 ? std::optional<double>(static_cast<double>(f.longest_seconds))
                           : std::nullopt),
        render::FormatCount(f.current),
        render::FormatCount(f.current_overdue)};
  };
  int n = 0;
  const auto add = [&](std::string number, std::string key, std::string name,
                       const reports::StepFigures& f) {
    std::vector<std::string> row = {std::move(number), std::move(key), std::move(name)};
    for (std::string& c : cells(f)) row.push_back(std::move(c));
    section.rows.push_back(std::move(row));
  };
  for (const app::ReportService::StepRow& row : r.rows) {
    add(std::to_string(++n), row.key, StepRowName(r.group, row), row.figures);
  }
  add("", "", "Tổng cộng", r.total);
  sheet.sections.push_back(std::move(section));
  sheet.notes = {
      "Đã qua bước: lượt hồ sơ rời bước trong kỳ (chuyển bước tiếp theo, trả kết quả hoặc dừng "
      "xử lý). Đúng hạn, quá hạn: so với thời hạn của bước, tính từ khi hồ sơ đến bước theo giờ "
      "làm việc, không tính thời gian tạm dừng trong bước.",
      "Thời gian ở bước tính theo giờ làm việc của đơn vị, kể cả thời gian tạm dừng. Đang ở bước: "
      "hồ sơ đã đến bước trước thời điểm tính số liệu và chưa rời bước."};
  sheet.created = r.as_of;
  return render::RenderReportSheet(sheet);
}

Result<std::string> PeriodicPdf(const app::ReportService::PeriodicReport& r) {
  render::ReportSheet sheet;
  sheet.agency = AgencyOf(r.unit);
  sheet.title = "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
  sheet.subtitle = "Kỳ báo cáo: " + reports::PeriodText(r.period);
  sheet.lines = ScopeLines(r.unit, true, r.period, r.as_of, r.total);
  std::vector<std::pair<std::string, Statistics>> fields;
  for (const app::ReportRow& row : r.fields) fields.emplace_back(FieldName(row.key), row.stats);
  sheet.sections.push_back(
      FigureSection("I. Theo lĩnh vực giải quyết", "Lĩnh vực", fields, r.total));
  std::vector<std::pair<std::string, Statistics>> units;
  for (const app::ReportRow& row : r.units) {
    const auto name = r.unit_names.find(row.key);
    units.emplace_back((name == r.unit_names.end() ? row.key : name->second) + " (" + row.key + ")",
                       row.stats);
  }
  sheet.sections.push_back(FigureSection("II. Theo đơn vị giải quyết", "Đơn vị", units, r.total));
  sheet.notes = FigureNotes();
  sheet.created = r.as_of;
  return render::RenderReportSheet(sheet);
}

Result<std::string> StatisticsPdf(const app::ReportService::StatisticsReport& r) {
  render::ReportSheet sheet;
  sheet.agency = AgencyOf(r.unit);
  sheet.title = "THỐNG KÊ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
  sheet.subtitle = "Kỳ thống kê: " + reports::PeriodText(r.period);
  sheet.lines = ScopeLines(r.unit, r.subunits, r.period, r.as_of, r.total);
  std::string title = "Nhóm";
  switch (r.group) {
    case app::ReportGroup::kNone: title = "Phạm vi"; break;
    case app::ReportGroup::kUnit: title = "Đơn vị"; break;
    case app::ReportGroup::kProcedure: title = "Thủ tục"; break;
    case app::ReportGroup::kField: title = "Lĩnh vực"; break;
    case app::ReportGroup::kChannel: title = "Kênh tiếp nhận"; break;
    case app::ReportGroup::kOfficer: title = "Cán bộ trả kết quả"; break;
  }
  std::vector<std::pair<std::string, Statistics>> rows;
  for (const app::ReportRow& row : r.rows) {
    std::string name = row.key;
    if (const auto n = r.names.find(row.key); n != r.names.end()) {
      name = n->second + " (" + row.key + ")";
    } else if (r.group == app::ReportGroup::kField) {
      name = FieldName(row.key);
    } else if (r.group == app::ReportGroup::kNone) {
      name = r.unit.name;
    } else if (r.group == app::ReportGroup::kChannel) {
      name = row.key == "online" ? "Trực tuyến" : row.key == "postal" ? "Bưu chính" : "Trực tiếp";
    } else if (r.group == app::ReportGroup::kOfficer && row.key == "0") {
      name = "Chưa có kết quả";
    }
    rows.emplace_back(std::move(name), row.stats);
  }
  sheet.sections.push_back(FigureSection("", title, rows, r.total));
  sheet.notes = FigureNotes();
  sheet.created = r.as_of;
  return render::RenderReportSheet(sheet);
}

Result<std::string> IndexPdf(const app::ReportService::IndexReport& r) {
  render::ReportSheet sheet;
  sheet.agency = AgencyOf(r.unit);
  sheet.title =
      "BỘ CHỈ SỐ CHỈ ĐẠO, ĐIỀU HÀNH VÀ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, "
      "DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg)";
  sheet.subtitle = "Kỳ đánh giá: " + reports::PeriodText(r.period);
  sheet.lines = {"Đơn vị: " + r.unit.name + " (" + r.unit.code + "), gồm các đơn vị trực thuộc",
                 AsOfLine(r.as_of),
                 "Điểm các chỉ tiêu đo được: " + render::FormatDecimal(r.whole.index.score, 2) +
                     " trên " + render::FormatDecimal(r.whole.index.measurable_points, 2) +
                     " điểm (tổng " + render::FormatDecimal(r.whole.index.total_points, 2) +
                     " điểm; chỉ tiêu chưa đo được không tính là 0)."};
  render::ReportSection indicators;
  indicators.heading = "I. Các chỉ tiêu của đơn vị (gồm đơn vị trực thuộc)";
  indicators.columns = {{"Chỉ tiêu", 0.7, false},
                        {"Tên chỉ tiêu", 4, false},
                        {"Điểm tối đa", 0.9},
                        {"Tử số", 0.9},
                        {"Mẫu số", 0.9},
                        {"Tỷ lệ", 1},
                        {"Điểm", 0.9},
                        {"Ghi chú", 3.2, false}};
  for (const reports::IndicatorScore& s : r.whole.index.indicators) {
    std::vector<std::string> cells = {s.spec->id, s.spec->name,
                                      render::FormatDecimal(s.spec->points, 2)};
    if (s.measurable) {
      cells.push_back(render::FormatCount(s.numerator));
      cells.push_back(render::FormatCount(s.denominator));
      cells.push_back(render::FormatPercent(s.ratio));
      cells.push_back(render::FormatDecimal(s.score, 2));
      cells.push_back("");
    } else {
      const bool empty = s.reason_code == "no-dossier";
      cells.insert(cells.end(), {"", "", "", "",
                                 empty ? "Chưa đo được: không có hồ sơ tính vào mẫu số trong kỳ"
                                       : "Chưa đo được: hệ thống chưa ghi nhận số liệu này"});
    }
    indicators.rows.push_back(std::move(cells));
  }
  sheet.sections.push_back(std::move(indicators));
  render::ReportSection units;
  units.heading = "II. Theo đơn vị giải quyết";
  units.columns = {{"STT", 0.75},
                   {"Đơn vị", 4, false},
                   {"Hồ sơ trong kỳ", 1},
                   {"Điểm đo được", 1},
                   {"Trên số điểm", 1}};
  int n = 0;
  for (const app::ReportService::UnitIndex& u : r.units) {
    units.rows.push_back({std::to_string(++n), u.unit_name + " (" + u.unit_code + ")",
                          render::FormatCount(u.stats.Total()),
                          render::FormatDecimal(u.index.score, 2),
                          render::FormatDecimal(u.index.measurable_points, 2)});
  }
  sheet.sections.push_back(std::move(units));
  sheet.created = r.as_of;
  return render::RenderReportSheet(sheet);
}

}  // namespace motcua::http
