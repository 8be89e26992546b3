#pragma once

// Pieces the forms share: the national-motto heading, the centred title, the applicant's lines
// and required-field checks. Internal to src/render.

#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "render/forms.h"
#include "render/internal/pdf_page.h"

namespace motcua::render {

// Body text: justified serif 12.5 pt.
inline constexpr TextStyle kBody{};

// kInvalidArgument naming `field` when `value` is empty, otherwise nullopt.
std::optional<Error> Required(std::string_view field, std::string_view value);
// The first failure of Required over the agency's fields, prefixed "agency.".
std::optional<Error> CheckAgency(const Agency& agency);

// The heading of an administrative document (Decree 30/2020/NĐ-CP, Annex I): left, the parent
// and the issuing unit in capitals with a short rule under it, and "Số: ..." (when `number` is
// not empty); right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" with a
// rule, and "<place>, ngày .. tháng .. năm .." in italics (when `issued_at` is set).
void DrawHeading(PdfDocument& doc, const Agency& agency, std::string_view number,
                 std::optional<Instant> issued_at);

// The form's title in bold capitals, centred, with an optional italic subtitle under it.
void DrawTitle(PdfDocument& doc, std::string_view title, std::string_view subtitle = {});

// "<label>: <value>" as a paragraph; the value in bold when `bold_value`.
void LabelLine(PdfDocument& doc, std::string_view label, std::string_view value,
               bool bold_value = false, double left = 0);

// The applicant's lines: name (and ID), representative, address, phone and e-mail, each printed
// only when not empty. `name_label` is the form's wording ("Tiếp nhận hồ sơ của").
void ApplicantLines(PdfDocument& doc, const Applicant& applicant, std::string_view name_label);

// A signature block in the right half and, level with it in the left half, "Nơi nhận:" with one
// "- ..." line per recipient (left out when `recipients` is empty).
void SignatureWithRecipients(PdfDocument& doc, const SignatureBlock& block,
                             const std::vector<std::string>& recipients);

}  // namespace motcua::render
