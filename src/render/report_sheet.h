#pragma once

// Reports as A4 landscape PDF documents, with the same layout engine and fonts as the forms
// (forms.h): the administrative heading, a centred title, a few lines under it, then sections
// of bordered tables that run over pages with their header rows repeated, and notes.
//
// The struct is a plain value: the caller (the reports API) turns its figures into text, so this
// adapter knows no report. Strings are UTF-8, composed to NFC when drawn. The agency's lines are
// printed in capitals (Vietnamese capitals: "Sở Tư pháp" becomes "SỞ TƯ PHÁP").
//
// RenderReportSheet returns the PDF bytes, kInvalidArgument naming the first missing or
// inconsistent field (a row with more cells than its section has columns), or kInternal when
// cairo or Pango fail. Thread-safety and cost as in forms.h.

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "render/forms.h"

namespace motcua::render {

struct ReportColumn {
  std::string title{};
  double weight = 1;   // shares the page width among columns
  bool number = true;  // right-aligned (counts, ratios); false: left-aligned text
};

struct ReportSection {
  std::string heading{};  // printed in bold above the table; may be empty
  std::vector<ReportColumn> columns{};
  std::vector<std::vector<std::string>> rows{};  // cells as text; a short row is padded
};

struct ReportSheet {
  Agency agency;        // name required; parent may be empty; place unused
  std::string title{};  // "BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" (required)
  std::string subtitle{};            // "Kỳ báo cáo: Tháng 3 năm 2026"; may be empty
  std::vector<std::string> lines{};  // plain paragraphs under the title
  std::vector<ReportSection> sections{};
  std::vector<std::string> notes{};  // small italic paragraphs at the end
  std::optional<Instant> created{};  // the PDF's creation date (never the system clock)
};

Result<std::string> RenderReportSheet(const ReportSheet& sheet);

}  // namespace motcua::render
