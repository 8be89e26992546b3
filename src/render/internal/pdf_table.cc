// PdfDocument's tables: bordered rows that break across pages with the header row repeated.

#include <algorithm>
#include <numeric>

#include "render/internal/pdf_page.h"

namespace motcua::render {
namespace {

constexpr double kCellPadding = 3;

// One laid-out line of a cell, in the layout's coordinates (points).
struct LineBox {
  double top = 0;
  double height = 0;
  double baseline = 0;
  double x = 0;
  PangoLayoutLine* line = nullptr;
};

std::vector<LineBox> Lines(PangoLayout* layout) {
  std::vector<LineBox> lines;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    lines.push_back({static_cast<double>(logical.y) / PANGO_SCALE,
                     static_cast<double>(logical.height) / PANGO_SCALE,
                     static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE,
                     static_cast<double>(logical.x) / PANGO_SCALE,
                     pango_layout_iter_get_line_readonly(it)});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return lines;
}

double TotalWeight(const std::vector<Column>& columns) {
  return std::accumulate(columns.begin(), columns.end(), 0.0,
                         [](double s, const Column& c) { return s + c.weight; });
}

}  // namespace

double PdfDocument::RowHeight(const std::vector<Column>& columns,
                              const std::vector<std::string>& cells, double font_size,
                              bool header) {
  const double total = TotalWeight(columns);
  double tallest = 0;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const double w = content_width() * columns[i].weight / total - 2 * kCellPadding;
    double h = 0;
    const std::string text = i < cells.size() ? cells[i] : std::string();
    Measure(header ? text : Escape(text), {.size = font_size, .bold = header}, w, nullptr, &h);
    tallest = std::max(tallest, h);
  }
  return tallest + 2 * kCellPadding;
}

void PdfDocument::DrawRow(const std::vector<Column>& columns, const std::vector<std::string>& cells,
                          double font_size, bool header,
                          const std::vector<std::string>* repeat_header) {
  const double total = TotalWeight(columns);
  const std::size_t n = columns.size();
  std::vector<double> widths(n);
  std::vector<PangoLayout*> layouts(n);
  std::vector<std::vector<LineBox>> lines(n);
  std::vector<std::size_t> next(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    widths[i] = content_width() * columns[i].weight / total;
    const std::string text = i < cells.size() ? cells[i] : std::string();
    const TextStyle style{
        .size = font_size, .bold = header, .align = header ? Align::kCenter : columns[i].align};
    layouts[i] = MakeLayout(header ? text : Escape(text), style, widths[i] - 2 * kCellPadding);
    lines[i] = Lines(layouts[i]);
  }
  bool fresh_page = false;  // nothing of the row fits even at the top of a page
  for (;;) {
    // Take from each cell the lines that fit above the bottom margin.
    const double room = bottom() - y_ - 2 * kCellPadding;
    std::vector<std::size_t> end = next;
    bool progress = false, remaining = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (next[i] >= lines[i].size()) continue;
      remaining = true;
      const double origin = lines[i][next[i]].top;
      while (end[i] < lines[i].size() &&
             lines[i][end[i]].top + lines[i][end[i]].height - origin <= room) {
        ++end[i];
      }
      progress = progress || end[i] > next[i];
    }
    if (remaining && !progress) {
      if (!fresh_page) {
        NewPage();
        if (repeat_header != nullptr) DrawRow(columns, *repeat_header, font_size, true, nullptr);
        fresh_page = true;
        continue;
      }
      // A single line taller than a page: place it anyway, or the loop would never end.
      for (std::size_t i = 0; i < n; ++i) end[i] = std::min(next[i] + 1, lines[i].size());
    }
    double used = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (end[i] > next[i]) {
        used = std::max(
            used, lines[i][end[i] - 1].top + lines[i][end[i] - 1].height - lines[i][next[i]].top);
      }
    }
    double x = left_;
    cairo_set_line_width(cr_, 0.6);
    for (std::size_t i = 0; i < n; ++i) {
      cairo_rectangle(cr_, x, y_, widths[i], used + 2 * kCellPadding);
      cairo_stroke(cr_);
      for (std::size_t k = next[i]; k < end[i]; ++k) {
        const LineBox& b = lines[i][k];
        cairo_move_to(cr_, x + kCellPadding + b.x,
                      y_ + kCellPadding + b.top - lines[i][next[i]].top + b.baseline - b.top);
        pango_cairo_show_layout_line(cr_, b.line);
      }
      x += widths[i];
    }
    y_ += used + 2 * kCellPadding;
    next = end;
    bool done = true;
    for (std::size_t i = 0; i < n; ++i) done = done && next[i] >= lines[i].size();
    if (done || !remaining) break;
    NewPage();
    if (repeat_header != nullptr) DrawRow(columns, *repeat_header, font_size, true, nullptr);
    fresh_page = false;
  }
  for (PangoLayout* layout : layouts) g_object_unref(layout);
}

void PdfDocument::Table(const std::vector<Column>& columns,
                        const std::vector<std::vector<std::string>>& rows, double font_size) {
  std::vector<std::string> titles;
  for (const Column& c : columns) titles.push_back(c.title);
  const double header_height = RowHeight(columns, titles, font_size, true);
  // The height a row may have and still move to the next page whole.
  const double page_body = bottom() - top_ - header_height;
  std::vector<double> heights;
  for (const auto& row : rows) heights.push_back(RowHeight(columns, row, font_size, false));
  // Keep the header with at least the first row (or the first part of it).
  EnsureSpace(header_height + std::min(heights.empty() ? 0 : heights[0], page_body / 4));
  DrawRow(columns, titles, font_size, true, nullptr);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (y_ + heights[r] > bottom() && heights[r] <= page_body) {
      NewPage();
      DrawRow(columns, titles, font_size, true, nullptr);
    }
    DrawRow(columns, rows[r], font_size, false, &titles);
  }
  y_ += 6;
}

}  // namespace motcua::render
