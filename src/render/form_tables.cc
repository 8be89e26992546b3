// Forms 06 (Phiếu kiểm soát quá trình giải quyết hồ sơ) and 07 (Sổ theo dõi hồ sơ) of Circular
// 03/2025/TT-VPCP, Annex I: tables that may run over several pages, the header repeated.

#include "render/forms.h"
#include "render/internal/form_parts.h"
#include "render/vn_format.h"

namespace motcua::render {

const char* TimelinessText(Timeliness t) {
  switch (t) {
    case Timeliness::kEarly: return "Trước hạn";
    case Timeliness::kOnTime: return "Đúng hạn";
    case Timeliness::kLate: return "Quá hạn";
  }
  return "";
}

namespace {

std::optional<Error> Check(const ControlSheet& f) {
  if (auto e = Required("agency.name", f.agency.name)) return e;
  if (auto e = Required("dossier_code", f.dossier_code)) return e;
  return Required("request", f.request);
}

std::optional<Error> Check(const LogBook& f) {
  if (auto e = Required("agency.name", f.agency.name)) return e;
  for (std::size_t i = 0; i < f.entries.size(); ++i) {
    const std::string at = "entries[" + std::to_string(i) + "].";
    if (auto e = Required(at + "dossier_code", f.entries[i].dossier_code)) return e;
  }
  return std::nullopt;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

void DrawControlSheet(PdfDocument& doc, const ControlSheet& f) {
  doc.SetInfo("Phiếu kiểm soát quá trình giải quyết hồ sơ " + f.dossier_code, std::nullopt);
  DrawHeading(doc, f.agency, {}, std::nullopt);
  DrawTitle(doc, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            "(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)");
  doc.Paragraph("Mã hồ sơ: <b>" + Escape(f.dossier_code) + "</b>",
                {.align = Align::kCenter, .space_after = 10});
  if (!f.applicant_name.empty()) LabelLine(doc, "Tên tổ chức, cá nhân", f.applicant_name, true);
  LabelLine(doc, "Nội dung yêu cầu giải quyết", f.request);
  doc.Paragraph("Thời gian nhận hồ sơ: " + FormatVietnameseDateTime(f.received_at), kBody);
  doc.Paragraph("Thời gian hẹn trả kết quả: " + FormatVietnameseDateTime(f.due_at), kBody);
  if (!f.lead_unit.empty()) LabelLine(doc, "Cơ quan (bộ phận) giải quyết hồ sơ", f.lead_unit);
  if (!f.coordinating_units.empty()) {
    LabelLine(doc, "Cơ quan phối hợp giải quyết hồ sơ", Join(f.coordinating_units, "; "));
  }
  doc.Space(4);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < f.handovers.size(); ++i) {
    const Handover& h = f.handovers[i];
    rows.push_back({std::to_string(i + 1), h.from_unit, h.to_unit, FormatShortDateTime(h.at),
                    TimelinessText(h.timeliness), h.handed_by, h.note});
  }
  doc.Table({{"STT", 0.6, Align::kCenter},
             {"Bên giao", 2.2, Align::kLeft},
             {"Bên nhận", 2.2, Align::kLeft},
             {"Thời gian giao, nhận", 1.5, Align::kCenter},
             {"Kết quả (trước hạn/ đúng hạn/ quá hạn)", 1.5, Align::kCenter},
             {"Người giao, người nhận ký", 1.4, Align::kCenter},
             {"Ghi chú", 1.3, Align::kLeft}},
            rows, 10);
  doc.Paragraph(
      "Phiếu được lập và cập nhật tự động trên Hệ thống thông tin giải quyết thủ tục hành chính; "
      "mỗi lần giao, nhận hồ sơ được ghi một dòng.",
      {.size = 10, .italic = true});
}

void DrawLogBook(PdfDocument& doc, const LogBook& f) {
  doc.SetInfo("Sổ theo dõi hồ sơ " + f.period, std::nullopt);
  DrawHeading(doc, f.agency, {}, std::nullopt);
  std::string subtitle = f.period;
  if (!f.volume.empty()) subtitle += (subtitle.empty() ? "" : " - ") + ("Quyển số: " + f.volume);
  DrawTitle(doc, "SỔ THEO DÕI HỒ SƠ", subtitle);
  std::vector<std::vector<std::string>> rows;
  rows.reserve(f.entries.size());
  for (std::size_t i = 0; i < f.entries.size(); ++i) {
    const LogEntry& e = f.entries[i];
    rows.push_back({std::to_string(f.first_number + static_cast<int>(i)), e.dossier_code,
                    e.procedure, e.applicant, e.address_phone, e.lead_unit,
                    FormatShortDateTime(e.received_at), FormatShortDateTime(e.due_at),
                    e.returned_at ? FormatShortDateTime(*e.returned_at) : "", e.return_method, "",
                    e.note});
  }
  doc.Table({{"STT", 0.5, Align::kCenter},
             {"Mã hồ sơ", 2.05, Align::kLeft},
             {"Tên thủ tục hành chính", 2.0, Align::kLeft},
             {"Tên tổ chức, cá nhân", 1.4, Align::kLeft},
             {"Địa chỉ, số điện thoại", 2.0, Align::kLeft},
             {"Cơ quan chủ trì giải quyết", 1.4, Align::kLeft},
             {"Nhận hồ sơ (giờ, ngày)", 1.05, Align::kCenter},
             {"Hẹn trả kết quả (giờ, ngày)", 1.05, Align::kCenter},
             {"Trả kết quả (giờ, ngày)", 1.05, Align::kCenter},
             {"Hình thức trả kết quả", 1, Align::kCenter},
             {"Ký nhận", 0.7, Align::kCenter},
             {"Ghi chú", 0.8, Align::kLeft}},
            rows, 8.5);
}

}  // namespace

Result<std::string> RenderControlSheet(const ControlSheet& f) {
  if (auto e = Check(f)) return std::move(*e);
  return PdfDocument::DrawNumbered(Orientation::kPortrait,
                                   [&f](PdfDocument& page) { DrawControlSheet(page, f); });
}

Result<std::string> RenderLogBook(const LogBook& f) {
  if (auto e = Check(f)) return std::move(*e);
  return PdfDocument::DrawNumbered(Orientation::kLandscape,
                                   [&f](PdfDocument& page) { DrawLogBook(page, f); });
}

}  // namespace motcua::render
