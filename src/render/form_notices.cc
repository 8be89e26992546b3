// Forms 02 (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) and 03 (Phiếu từ chối tiếp nhận giải quyết
// hồ sơ) of Circular 03/2025/TT-VPCP, Annex I: the answers of the service center at reception.

#include "render/forms.h"
#include "render/internal/form_parts.h"
#include "render/vn_format.h"

namespace motcua::render {
namespace {

std::optional<Error> Check(const SupplementRequest& f) {
  if (auto e = CheckAgency(f.agency)) return e;
  if (auto e = Required("dossier_code", f.dossier_code)) return e;
  if (auto e = Required("applicant.name", f.applicant.name)) return e;
  if (auto e = Required("request", f.request)) return e;
  if (f.items.empty()) return Error::InvalidField("items", "at least one item is required");
  for (std::size_t i = 0; i < f.items.size(); ++i) {
    if (auto e = Required("items[" + std::to_string(i) + "]", f.items[i])) return e;
  }
  return std::nullopt;
}

std::optional<Error> Check(const Refusal& f) {
  if (auto e = CheckAgency(f.agency)) return e;
  if (auto e = Required("receiving_unit", f.receiving_unit)) return e;
  if (auto e = Required("applicant.name", f.applicant.name)) return e;
  if (auto e = Required("request", f.request)) return e;
  return Required("reason", f.reason);
}

// One signature block in the right half of the page.
void SignRight(PdfDocument& doc, SignatureBlock block) {
  doc.Space(6);
  doc.Signatures({SignatureBlock{.note = ""}, std::move(block)});
}

}  // namespace

Result<std::string> RenderSupplementRequest(const SupplementRequest& f) {
  if (auto e = Check(f)) return std::move(*e);
  MOTCUA_ASSIGN_OR_RETURN(auto doc, PdfDocument::Create(Orientation::kPortrait));
  doc->SetInfo("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ " + f.dossier_code, f.issued_at);
  DrawHeading(*doc, f.agency, f.number, f.issued_at);
  DrawTitle(*doc, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
  doc->Paragraph("Mã hồ sơ: <b>" + Escape(f.dossier_code) + "</b>",
                 {.align = Align::kCenter, .space_after = 10});
  ApplicantLines(*doc, f.applicant, "Hồ sơ của");
  LabelLine(*doc, "Nội dung yêu cầu giải quyết", f.request, true);
  doc->Paragraph(
      "Sau khi xem xét, đối chiếu với quy định hiện hành, đề nghị Ông/Bà bổ sung, hoàn thiện "
      "hồ sơ gồm những nội dung sau:",
      {.indent = 28});
  for (std::size_t i = 0; i < f.items.size(); ++i) {
    doc->Paragraph(std::to_string(i + 1) + ". " + Escape(f.items[i]), {.left = 20});
  }
  if (!f.reason.empty()) LabelLine(*doc, "Lý do", f.reason);
  if (!f.contact_officer.empty() || !f.contact_phone.empty()) {
    std::string contact = "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ";
    contact += f.contact_officer.empty() ? "Bộ phận Một cửa" : Escape(f.contact_officer);
    if (!f.contact_phone.empty()) contact += ", số điện thoại " + Escape(f.contact_phone);
    contact += " để được hướng dẫn.";
    doc->Paragraph(contact, {.indent = 28});
  }
  doc->Paragraph("Xin trân trọng cảm ơn!", {.indent = 28});
  SignRight(*doc, {.title = "NGƯỜI HƯỚNG DẪN", .name = f.officer_name});
  return doc->Finish();
}

Result<std::string> RenderRefusal(const Refusal& f) {
  if (auto e = Check(f)) return std::move(*e);
  MOTCUA_ASSIGN_OR_RETURN(auto doc, PdfDocument::Create(Orientation::kPortrait));
  doc->SetInfo("Phiếu từ chối tiếp nhận giải quyết hồ sơ " + f.dossier_code, f.issued_at);
  DrawHeading(*doc, f.agency, f.number, f.issued_at);
  DrawTitle(*doc, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
  if (!f.dossier_code.empty()) {
    doc->Paragraph("Mã hồ sơ: <b>" + Escape(f.dossier_code) + "</b>",
                   {.align = Align::kCenter, .space_after = 10});
  }
  ApplicantLines(*doc, f.applicant, f.receiving_unit + " tiếp nhận hồ sơ của");
  LabelLine(*doc, "Nội dung yêu cầu giải quyết", f.request, true);
  doc->Paragraph("Qua nghiên cứu, đối chiếu với quy định hiện hành, " + Escape(f.receiving_unit) +
                     " từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
                 {.indent = 28});
  doc->Paragraph(Escape(f.reason), {.left = 20});
  doc->Paragraph("Xin thông báo để Ông/Bà được biết và thực hiện./.", {.indent = 28});
  SignRight(*doc, {.title = "NGƯỜI TIẾP NHẬN HỒ SƠ", .name = f.officer_name});
  return doc->Finish();
}

}  // namespace motcua::render
