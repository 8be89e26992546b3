// Forms 04 (Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết) and 05 (Thông báo dừng giải
// quyết hồ sơ) of Circular 03/2025/TT-VPCP, Annex I: letters signed by the head of the unit.

#include "render/forms.h"
#include "render/internal/form_parts.h"
#include "render/vn_format.h"

namespace motcua::render {
namespace {

constexpr TextStyle kIndented{.indent = 28};

std::optional<Error> Check(const Apology& f) {
  if (auto e = CheckAgency(f.agency)) return e;
  if (auto e = Required("dossier_code", f.dossier_code)) return e;
  if (auto e = Required("competent_unit", f.competent_unit)) return e;
  if (auto e = Required("applicant.name", f.applicant.name)) return e;
  if (auto e = Required("request", f.request)) return e;
  if (auto e = Required("reason", f.reason)) return e;
  if (auto e = Required("head_title", f.head_title)) return e;
  if (f.original_due_at == 0) return Error::InvalidField("original_due_at", "required");
  if (f.new_due_at <= f.original_due_at) {
    return Error::InvalidField("new_due_at", "must be after original_due_at");
  }
  return std::nullopt;
}

std::optional<Error> Check(const StopNotice& f) {
  if (auto e = CheckAgency(f.agency)) return e;
  if (auto e = Required("dossier_code", f.dossier_code)) return e;
  if (auto e = Required("competent_unit", f.competent_unit)) return e;
  if (auto e = Required("applicant.name", f.applicant.name)) return e;
  if (auto e = Required("request", f.request)) return e;
  if (auto e = Required("reason", f.reason)) return e;
  return Required("signer_title", f.signer_title);
}

void Addressee(PdfDocument& doc, const std::string& name) {
  doc.Paragraph("Kính gửi: <b>" + Escape(name) + "</b>",
                {.align = Align::kCenter, .space_after = 10});
}

}  // namespace

Result<std::string> RenderApology(const Apology& f) {
  if (auto e = Check(f)) return std::move(*e);
  MOTCUA_ASSIGN_OR_RETURN(auto doc, PdfDocument::Create(Orientation::kPortrait));
  doc->SetInfo("Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết " + f.dossier_code,
               f.issued_at);
  DrawHeading(*doc, f.agency, f.number, f.issued_at);
  DrawTitle(*doc, "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
            "Mã hồ sơ: " + f.dossier_code);
  Addressee(*doc, f.applicant.name);
  const std::string unit = Escape(f.competent_unit);
  doc->Paragraph("Ngày " + FormatShortDate(f.received_at) + ", " + unit +
                     " tiếp nhận giải quyết hồ sơ của Ông/Bà/Tổ chức: <b>" +
                     Escape(f.applicant.name) + "</b>.",
                 kIndented);
  doc->Paragraph("Nội dung yêu cầu giải quyết: <b>" + Escape(f.request) + "</b>", kIndented);
  doc->Paragraph("Thời gian hẹn trả kết quả: " + FormatVietnameseDateTime(f.original_due_at) + ".",
                 kIndented);
  doc->Paragraph("Tuy nhiên đến nay, " + unit +
                     " chưa trả kết quả giải quyết hồ sơ của Ông/Bà/Tổ chức đúng hẹn ghi trên "
                     "Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
                 kIndented);
  doc->Paragraph("Lý do: " + Escape(f.reason), kIndented);
  doc->Paragraph(
      "Sự chậm trễ này đã gây phiền hà, tốn kém thời gian, chi phí của Ông/Bà/Tổ chức. " + unit +
          " trân trọng xin lỗi Ông/Bà/Tổ chức và đề nghị gia hạn thời gian giải "
          "quyết; kết quả giải quyết hồ sơ sẽ được trả vào <b>" +
          FormatVietnameseDateTime(f.new_due_at) + "</b>.",
      kIndented);
  doc->Paragraph("Xin trân trọng cảm ơn!", kIndented);
  doc->Space(6);
  SignatureWithRecipients(
      *doc, {.title = f.head_title, .note = "(Ký, ghi rõ họ tên và đóng dấu)", .name = f.head_name},
      f.recipients);
  return doc->Finish();
}

Result<std::string> RenderStopNotice(const StopNotice& f) {
  if (auto e = Check(f)) return std::move(*e);
  MOTCUA_ASSIGN_OR_RETURN(auto doc, PdfDocument::Create(Orientation::kPortrait));
  doc->SetInfo("Thông báo dừng giải quyết hồ sơ " + f.dossier_code, f.issued_at);
  DrawHeading(*doc, f.agency, f.number, f.issued_at);
  DrawTitle(*doc, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + f.dossier_code);
  Addressee(*doc, f.applicant.name);
  doc->Paragraph("Ngày " + FormatShortDate(f.received_at) + ", " + Escape(f.competent_unit) +
                     " tiếp nhận hồ sơ của Ông/Bà/Tổ chức:",
                 kIndented);
  ApplicantLines(*doc, f.applicant, "Tên tổ chức, cá nhân");
  LabelLine(*doc, "Nội dung yêu cầu giải quyết", f.request, true);
  doc->Paragraph(Escape(f.competent_unit) + " thông báo dừng giải quyết hồ sơ nêu trên.",
                 kIndented);
  doc->Paragraph("Lý do: " + Escape(f.reason), kIndented);
  if (!f.guidance.empty()) doc->Paragraph(Escape(f.guidance), kIndented);
  doc->Paragraph("Xin thông báo để Ông/Bà/Tổ chức được biết./.", kIndented);
  doc->Space(6);
  SignatureWithRecipients(
      *doc,
      {.title = f.signer_title, .note = "(Ký, ghi rõ họ tên và đóng dấu)", .name = f.signer_name},
      f.recipients);
  return doc->Finish();
}

}  // namespace motcua::render
