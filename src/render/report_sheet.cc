// Reports as landscape tables (report_sheet.h).

#include "render/report_sheet.h"

#include <glib.h>

#include "render/internal/form_parts.h"

namespace motcua::render {
namespace {

std::string Upper(const std::string& text) {
  gchar* up = g_utf8_strup(text.c_str(), static_cast<gssize>(text.size()));
  if (up == nullptr) return text;
  std::string out(up);
  g_free(up);
  return out;
}

std::optional<Error> Check(const ReportSheet& s) {
  if (auto e = Required("agency.name", s.agency.name)) return e;
  if (auto e = Required("title", s.title)) return e;
  for (std::size_t i = 0; i < s.sections.size(); ++i) {
    const ReportSection& section = s.sections[i];
    const std::string at = "sections[" + std::to_string(i) + "]";
    if (section.columns.empty()) return Error::InvalidField(at + ".columns", "required");
    for (std::size_t r = 0; r < section.rows.size(); ++r) {
      if (section.rows[r].size() > section.columns.size()) {
        return Error::InvalidField(at + ".rows[" + std::to_string(r) + "]",
                                   "more cells than columns");
      }
    }
  }
  return std::nullopt;
}

void DrawSheet(PdfDocument& doc, const ReportSheet& s) {
  doc.SetInfo(s.title + (s.subtitle.empty() ? "" : " - " + s.subtitle), s.created);
  Agency agency = s.agency;
  agency.parent = Upper(agency.parent);
  agency.name = Upper(agency.name);
  DrawHeading(doc, agency, {}, std::nullopt);
  DrawTitle(doc, s.title, s.subtitle);
  for (const std::string& line : s.lines) {
    doc.Paragraph(Escape(line), {.size = 11, .align = Align::kLeft});
  }
  for (const ReportSection& section : s.sections) {
    doc.Space(6);
    if (!section.heading.empty()) {
      doc.EnsureSpace(60);
      doc.Paragraph("<b>" + Escape(section.heading) + "</b>",
                    {.size = 11.5, .align = Align::kLeft, .space_after = 4});
    }
    std::vector<Column> columns;
    for (const ReportColumn& c : section.columns) {
      columns.push_back({Escape(c.title), c.weight, c.number ? Align::kRight : Align::kLeft});
    }
    std::vector<std::vector<std::string>> rows = section.rows;
    for (auto& row : rows) row.resize(columns.size());
    doc.Table(columns, rows, 8.5);
  }
  if (!s.notes.empty()) doc.Space(4);
  for (const std::string& note : s.notes) {
    doc.Paragraph(Escape(note), {.size = 9.5, .italic = true, .align = Align::kLeft});
  }
}

}  // namespace

Result<std::string> RenderReportSheet(const ReportSheet& s) {
  if (auto e = Check(s)) return std::move(*e);
  return PdfDocument::DrawNumbered(Orientation::kLandscape,
                                   [&s](PdfDocument& page) { DrawSheet(page, s); });
}

}  // namespace motcua::render
