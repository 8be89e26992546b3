#pragma once

// A small layout engine over cairo + pango for the one-stop forms: a cursor that moves down A4
// pages, writes wrapping paragraphs, bordered tables whose rows break across pages (the header
// row repeated), and signature blocks, and collects the PDF bytes in memory.
//
//   MOTCUA_ASSIGN_OR_RETURN(auto doc, PdfDocument::Create(Orientation::kPortrait));
//   doc->Paragraph("Mã hồ sơ: <b>" + Escape(code) + "</b>", {});
//   return doc->Finish();
//
// Text is Pango markup: escape every value with Escape(). Fonts are Noto Serif (Debian
// fonts-noto-core); sizes are in points, positions in points from the page's top-left corner.
//
// Thread-safety: a PdfDocument is used by one thread at a time. Each one owns its own Pango font
// map (pango_cairo_font_map_new, not the process-wide default), so documents on different threads
// share no Pango state; fontconfig, cairo and libqrencode are thread-safe for separate objects.

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace motcua::render {

enum class Orientation { kPortrait, kLandscape };
enum class Align { kLeft, kCenter, kRight, kJustify };

struct TextStyle {
  double size = 12;  // points
  bool bold = false;
  bool italic = false;
  Align align = Align::kJustify;
  double indent = 0;         // first-line indent, points
  double left = 0;           // inset from the left margin, points
  double right = 0;          // inset from the right margin, points
  double space_after = 2.5;  // points below the paragraph
  double line_spacing = 1;   // factor over the font's natural line height
};

// One table column: `weight` shares the content width among columns.
struct Column {
  std::string title{};
  double weight = 1;
  Align align = Align::kLeft;
};

// A signature block: "NGƯỜI TIẾP NHẬN HỒ SƠ" / "(Ký và ghi rõ họ tên)" / space / the name.
struct SignatureBlock {
  std::string title{};
  std::string note = "(Ký và ghi rõ họ tên)";
  std::string name{};
  std::string footnote{};  // printed small under the name (a digital-signature line), may be empty
};

// Escapes &, <, > and quotes for Pango markup.
std::string Escape(std::string_view text);

class PdfDocument {
 public:
  // A document with its first A4 page begun. kInternal when cairo or Pango cannot start.
  static Result<std::unique_ptr<PdfDocument>> Create(Orientation orientation);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // Page geometry (points). The cursor `y` is where the next block starts.
  double left() const { return left_; }
  double content_width() const { return width_ - left_ - right_; }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  double bottom() const { return height_ - bottom_; }
  int pages() const { return pages_; }
  cairo_t* cairo() { return cr_; }

  // The PDF's document information: its title, and its creation date, which is `created` (the
  // form's own date) or absent. Never the system clock: the same form gives the same bytes.
  void SetInfo(const std::string& title, std::optional<Instant> created);

  // Writes a wrapping paragraph at the cursor, starting a new page between lines when needed.
  void Paragraph(std::string_view markup, const TextStyle& style);
  // Draws `markup` in the box at (x, y) of the given width without moving the cursor or breaking
  // pages; returns the height used.
  double TextAt(double x, double y, double width, std::string_view markup, const TextStyle& style);
  // The width and height `markup` takes when wrapped at `width` (0: no wrapping).
  void Measure(std::string_view markup, const TextStyle& style, double width, double* out_width,
               double* out_height);
  void Line(double x1, double y1, double x2, double y2, double line_width = 0.6);
  void Space(double points) { y_ += points; }
  // Starts a new page when fewer than `height` points remain below the cursor.
  void EnsureSpace(double height);
  void NewPage();

  // A bordered table; cells are plain text (escaped here), titles are markup. A row that does not
  // fit moves to the next page whole, the header row repeated at the top; a row taller than a
  // whole page is split between its lines.
  void Table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
             double font_size);
  // Signature blocks side by side, each centred in an equal share of the width.
  void Signatures(const std::vector<SignatureBlock>& blocks);

  // Ends the last page and returns the PDF bytes. kInternal on a cairo error. Call once.
  Result<std::string> Finish();

  // A document drawn by `draw` on a new PdfDocument. When it runs over more than one page it is
  // drawn a second time, now numbering the pages "Trang 2/5" in the bottom margin (the count is
  // known only at the end, and drawing is deterministic, so the second pass has as many pages).
  static Result<std::string> DrawNumbered(Orientation orientation,
                                          const std::function<void(PdfDocument&)>& draw);

 private:
  PdfDocument() = default;
  PangoLayout* MakeLayout(std::string_view markup, const TextStyle& style, double width);
  double RowHeight(const std::vector<Column>& columns, const std::vector<std::string>& cells,
                   double font_size, bool header);
  // Draws one table row at the cursor. A row that does not fit continues on the next page, line
  // by line, after `repeat_header` (the titles, drawn again) when it is not null.
  void DrawRow(const std::vector<Column>& columns, const std::vector<std::string>& cells,
               double font_size, bool header, const std::vector<std::string>* repeat_header);
  void EndPage();

  std::string bytes_{};
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  double width_ = 0, height_ = 0;
  double left_ = 0, right_ = 0, top_ = 0, bottom_ = 0;
  double y_ = 0;
  int pages_ = 1;
  int page_total_ = 0;  // > 0: number the pages "Trang n/page_total_"
};

}  // namespace motcua::render
