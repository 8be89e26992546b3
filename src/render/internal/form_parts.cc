#include "render/internal/form_parts.h"

#include <algorithm>

#include "render/vn_format.h"

namespace motcua::render {

std::optional<Error> Required(std::string_view field, std::string_view value) {
  if (!value.empty()) return std::nullopt;
  return Error::InvalidField(std::string(field), "required");
}

std::optional<Error> CheckAgency(const Agency& agency) {
  if (auto e = Required("agency.name", agency.name)) return e;
  return Required("agency.place", agency.place);
}

void DrawHeading(PdfDocument& doc, const Agency& agency, std::string_view number,
                 std::optional<Instant> issued_at) {
  const double total = doc.content_width();
  // The left block takes 40% of the width, as in the annex's two-column heading table; the motto
  // must fit on one line in the rest.
  const double left_w = total * 0.40;
  const double right_x = doc.left() + left_w;
  const double right_w = total - left_w;
  const TextStyle upper{.size = 11, .align = Align::kCenter, .space_after = 0};
  const TextStyle upper_bold{.size = 11, .bold = true, .align = Align::kCenter, .space_after = 0};
  const TextStyle motto{.size = 11.5, .bold = true, .align = Align::kCenter, .space_after = 0};
  const TextStyle motto_small{.size = 12, .bold = true, .align = Align::kCenter};
  const double top = doc.y();

  double ly = top;
  if (!agency.parent.empty()) {
    ly += doc.TextAt(doc.left(), ly, left_w, Escape(agency.parent), upper);
  }
  double name_w = 0;
  doc.Measure(Escape(agency.name), upper_bold, left_w, &name_w, nullptr);
  ly += doc.TextAt(doc.left(), ly, left_w, Escape(agency.name), upper_bold);
  // A rule a third as wide as the block, centred under the unit's name.
  const double rule_w = std::min(name_w, left_w) / 3;
  doc.Line(doc.left() + (left_w - rule_w) / 2, ly + 3, doc.left() + (left_w + rule_w) / 2, ly + 3);
  ly += 10;

  double ry = top;
  ry += doc.TextAt(right_x, ry, right_w, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto);
  const std::string slogan = "Độc lập - Tự do - Hạnh phúc";
  double slogan_w = 0;
  doc.Measure(slogan, motto_small, 0, &slogan_w, nullptr);
  ry += doc.TextAt(right_x, ry, right_w, slogan, motto_small);
  doc.Line(right_x + (right_w - slogan_w) / 2, ry + 2, right_x + (right_w + slogan_w) / 2, ry + 2);
  ry += 10;

  double y = std::max(ly, ry);
  double h = 0;
  if (!number.empty()) {
    const TextStyle plain{.size = 12, .align = Align::kCenter, .space_after = 0};
    h = doc.TextAt(doc.left(), y, left_w, "Số: " + Escape(number), plain);
  }
  if (issued_at.has_value()) {
    const TextStyle italic{.size = 12, .italic = true, .align = Align::kCenter, .space_after = 0};
    h = std::max(
        h, doc.TextAt(right_x, y, right_w,
                      Escape(agency.place) + ", " + FormatVietnameseDate(*issued_at), italic));
  }
  doc.set_y(y + h + 16);
}

void DrawTitle(PdfDocument& doc, std::string_view title, std::string_view subtitle) {
  doc.EnsureSpace(60);
  doc.Paragraph(
      "<b>" + Escape(title) + "</b>",
      {.size = 13.5, .align = Align::kCenter, .space_after = subtitle.empty() ? 12.0 : 2});
  if (!subtitle.empty()) {
    doc.Paragraph(Escape(subtitle),
                  {.size = 12, .italic = true, .align = Align::kCenter, .space_after = 12});
  }
}

void LabelLine(PdfDocument& doc, std::string_view label, std::string_view value, bool bold_value,
               double left) {
  std::string markup = Escape(label) + ": ";
  markup += bold_value ? "<b>" + Escape(value) + "</b>" : Escape(value);
  TextStyle style = kBody;
  style.left = left;
  style.align = Align::kLeft;  // a justified label line spreads its words when the value wraps
  doc.Paragraph(markup, style);
}

void ApplicantLines(PdfDocument& doc, const Applicant& applicant, std::string_view name_label) {
  LabelLine(doc, name_label, applicant.name, true);
  if (!applicant.id_number.empty()) {
    LabelLine(doc, "Số định danh cá nhân/Mã số doanh nghiệp", applicant.id_number);
  }
  if (!applicant.representative.empty()) {
    LabelLine(doc, "Người được ủy quyền", applicant.representative);
  }
  if (!applicant.address.empty()) LabelLine(doc, "Địa chỉ", applicant.address);
  std::string contact;
  if (!applicant.phone.empty()) contact = "Số điện thoại: " + Escape(applicant.phone);
  if (!applicant.email.empty()) {
    if (!contact.empty()) contact += "      ";
    contact += "Thư điện tử: " + Escape(applicant.email);
  }
  if (!contact.empty()) doc.Paragraph(contact, kBody);
}

void SignatureWithRecipients(PdfDocument& doc, const SignatureBlock& block,
                             const std::vector<std::string>& recipients) {
  const TextStyle head{
      .size = 11, .bold = true, .italic = true, .align = Align::kLeft, .space_after = 0};
  const TextStyle item{.size = 10, .align = Align::kLeft, .space_after = 0};
  const double half = doc.content_width() / 2;
  std::string list;
  for (const std::string& r : recipients) list += "- " + Escape(r) + ";\n";
  if (!list.empty()) list.pop_back();
  double list_h = 0;
  if (!recipients.empty()) {
    double h = 0;
    doc.Measure("Nơi nhận:", head, half, nullptr, &h);
    list_h = h;
    doc.Measure(list, item, half - 4, nullptr, &h);
    list_h += h;
  }
  doc.EnsureSpace(std::max(130.0, list_h));
  const double top = doc.y();
  doc.Signatures({SignatureBlock{.note = ""}, block});
  if (!recipients.empty()) {
    double y = top + doc.TextAt(doc.left(), top, half, "Nơi nhận:", head);
    y += doc.TextAt(doc.left(), y, half - 4, list, item);
    doc.set_y(std::max(doc.y(), y + 6));
  }
}

}  // namespace motcua::render
