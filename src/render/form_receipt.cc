// Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 03/2025/TT-VPCP, Annex I).

#include <algorithm>

#include "render/forms.h"
#include "render/internal/form_parts.h"
#include "render/internal/qr.h"
#include "render/vn_format.h"

namespace motcua::render {
namespace {

std::optional<Error> Check(const ReceiptSlip& f) {
  if (auto e = CheckAgency(f.agency)) return e;
  if (auto e = Required("dossier_code", f.dossier_code)) return e;
  if (auto e = Required("receiving_unit", f.receiving_unit)) return e;
  if (auto e = Required("applicant.name", f.applicant.name)) return e;
  if (auto e = Required("request", f.request)) return e;
  if (auto e = Required("legal_time", f.legal_time)) return e;
  if (auto e = Required("return_place", f.return_place)) return e;
  if (auto e = Required("lookup_url", f.lookup_url)) return e;
  if (f.sets < 1) return Error::InvalidField("sets", "must be at least 1");
  // Instant 0 (1970) is what an unfilled field holds; no dossier was received then.
  if (f.received_at == 0) return Error::InvalidField("received_at", "required");
  if (f.due_at < f.received_at) return Error::InvalidField("due_at", "before received_at");
  return std::nullopt;
}

// The QR code at the right margin, from the cursor down; returns the y under it and its caption.
double DrawLookupQr(PdfDocument& doc, const QrCode& qr) {
  constexpr double kSide = 76;  // about 27 mm: readable by a phone and by a 150-dpi scan
  // With the gap above and the text of items 2-7 kept 100 pt from the margin, the white around
  // the code is wider than the four modules a reader needs (a module is 2.3 pt for a 60-byte URL).
  constexpr double kQuiet = 6;
  const double x = doc.left() + doc.content_width() - kSide - kQuiet;
  const double top = doc.y() + kQuiet;
  DrawQr(doc.cairo(), qr, x, top, kSide);
  const TextStyle caption{.size = 8.5, .italic = true, .align = Align::kCenter, .space_after = 0};
  const double h = doc.TextAt(x - 10, top + kSide + 2, kSide + 20, "Quét mã để tra cứu", caption);
  return top + kSide + 2 + h;
}

}  // namespace

Result<std::string> RenderReceiptSlip(const ReceiptSlip& f) {
  if (auto e = Check(f)) return std::move(*e);
  MOTCUA_ASSIGN_OR_RETURN(QrCode qr, EncodeQr(f.lookup_url));
  MOTCUA_ASSIGN_OR_RETURN(auto doc, PdfDocument::Create(Orientation::kPortrait));
  doc->SetInfo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + f.dossier_code, f.received_at);
  DrawHeading(*doc, f.agency, f.number, f.received_at);
  DrawTitle(*doc, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
  doc->Paragraph("Mã hồ sơ: <b>" + Escape(f.dossier_code) + "</b>",
                 {.align = Align::kCenter, .space_after = 10});

  ApplicantLines(*doc, f.applicant, f.receiving_unit + " tiếp nhận hồ sơ của");
  LabelLine(*doc, "Nội dung yêu cầu giải quyết", f.request, true);
  doc->Paragraph("1. Thành phần hồ sơ nộp gồm:", kBody);
  if (!f.components.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < f.components.size(); ++i) {
      rows.push_back({std::to_string(i + 1), f.components[i].name, f.components[i].quantity});
    }
    doc->Table({{"STT", 0.6, Align::kCenter},
                {"Tên giấy tờ", 5.6, Align::kLeft},
                {"Hình thức, số lượng", 2.6, Align::kCenter}},
               rows, 11);
  }
  // Items 2-7 run beside the QR code, which sits at the right margin.
  doc->EnsureSpace(110);
  const double qr_bottom = DrawLookupQr(*doc, qr);
  const int qr_page = doc->pages();
  TextStyle beside = kBody;
  beside.right = 100;
  beside.align = Align::kLeft;
  doc->Paragraph("2. Số lượng hồ sơ: " + TwoDigits(f.sets) + " (bộ)", beside);
  doc->Paragraph("3. Thời gian giải quyết hồ sơ theo quy định là: " + Escape(f.legal_time), beside);
  doc->Paragraph("4. Thời gian nhận hồ sơ: " + FormatVietnameseDateTime(f.received_at), beside);
  doc->Paragraph("5. Thời gian trả kết quả giải quyết hồ sơ: <b>" +
                     FormatVietnameseDateTime(f.due_at) + "</b>",
                 beside);
  doc->Paragraph("6. Đăng ký nhận kết quả tại: " + Escape(f.return_place), beside);
  if (f.fee_dong.has_value()) {
    doc->Paragraph("7. Phí, lệ phí: " + FormatMoney(*f.fee_dong), beside);
  }
  if (!f.log_volume.empty() || f.log_number > 0) {
    std::string line = "Vào Sổ theo dõi hồ sơ";
    if (!f.log_volume.empty()) line += ", Quyển số: " + Escape(f.log_volume);
    if (f.log_number > 0) line += ", Số thứ tự: " + std::to_string(f.log_number);
    doc->Paragraph(line, beside);
  }
  if (doc->pages() == qr_page) doc->set_y(std::max(doc->y(), qr_bottom + 4));
  doc->Paragraph("Tra cứu tình trạng giải quyết hồ sơ tại: " + Escape(f.lookup_url),
                 {.size = 10.5, .italic = true, .align = Align::kLeft});
  doc->Space(4);
  const std::string submitter =
      f.applicant.representative.empty() ? f.applicant.name : f.applicant.representative;
  doc->Signatures({{.title = "NGƯỜI NỘP HỒ SƠ", .name = submitter},
                   {.title = "NGƯỜI TIẾP NHẬN HỒ SƠ",
                    .name = f.receiver_name,
                    .footnote = f.digital_signature}});
  return doc->Finish();
}

}  // namespace motcua::render
