#include "render/internal/pdf_page.h"

#include <cairo-pdf.h>

#include <algorithm>

// LeakSanitizer (the MOTCUA_SANITIZE build runs tests with detect_leaks=1): fontconfig keeps one
// allocation from parsing its XML configuration (FcInitLoadConfigAndFonts, on Pango's font-map
// thread) unreachable until exit; it happens once per process and is not ours to free. The
// suppression names the library because fontconfig has no frame pointers: the default fast
// unwinder sees only its first frame. This code never calls fontconfig
// directly. Defined here, in a file every rendering binary links, so that every test and server
// built with the sanitizers gets it; without a sanitizer nothing calls it.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace motcua::render {
namespace {

constexpr double kMillimetre = 72.0 / 25.4;
constexpr double kA4Short = 210 * kMillimetre;
constexpr double kA4Long = 297 * kMillimetre;
constexpr const char* kFontFamily = "Noto Serif";

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

PangoAlignment ToPango(Align align) {
  switch (align) {
    case Align::kCenter: return PANGO_ALIGN_CENTER;
    case Align::kRight: return PANGO_ALIGN_RIGHT;
    case Align::kLeft:
    case Align::kJustify: return PANGO_ALIGN_LEFT;
  }
  return PANGO_ALIGN_LEFT;
}

}  // namespace

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<PdfDocument>> PdfDocument::Create(Orientation orientation) {
  std::unique_ptr<PdfDocument> doc(new PdfDocument());
  const bool portrait = orientation == Orientation::kPortrait;
  doc->width_ = portrait ? kA4Short : kA4Long;
  doc->height_ = portrait ? kA4Long : kA4Short;
  // Margins of administrative documents (Decree 30/2020/NĐ-CP, Annex I): top and bottom 20 mm,
  // left 30 mm, right 15 mm; landscape tables keep the same frame turned.
  doc->top_ = 20 * kMillimetre;
  doc->bottom_ = 20 * kMillimetre;
  doc->left_ = (portrait ? 30 : 20) * kMillimetre;
  doc->right_ = 15 * kMillimetre;
  doc->surface_ =
      cairo_pdf_surface_create_for_stream(AppendBytes, &doc->bytes_, doc->width_, doc->height_);
  doc->cr_ = cairo_create(doc->surface_);
  if (cairo_status(doc->cr_) != CAIRO_STATUS_SUCCESS) {
    return Error::Internal(std::string("cairo: ") + cairo_status_to_string(cairo_status(doc->cr_)));
  }
  doc->font_map_ = pango_cairo_font_map_new();
  if (doc->font_map_ == nullptr) return Error::Internal("pango: no font map");
  doc->context_ = pango_font_map_create_context(doc->font_map_);
  // Pango sizes in points map to PDF user units (points), not to 96-dpi pixels.
  pango_cairo_context_set_resolution(doc->context_, 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(doc->context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(doc->context_, FALSE);
  pango_cairo_update_context(doc->cr_, doc->context_);
  doc->y_ = doc->top_;
  // Cairo stamps the current time as the creation date unless told otherwise.
  doc->SetInfo("", std::nullopt);
  return doc;
}

void PdfDocument::SetInfo(const std::string& title, std::optional<Instant> created) {
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "motcua");
  // An empty date leaves /CreationDate out.
  const std::string date = created ? FormatRfc3339Utc(*created) : std::string();
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
}

PdfDocument::~PdfDocument() {
  if (context_ != nullptr) g_object_unref(context_);
  if (font_map_ != nullptr) g_object_unref(font_map_);
  if (cr_ != nullptr) cairo_destroy(cr_);
  if (surface_ != nullptr) cairo_surface_destroy(surface_);
}

PangoLayout* PdfDocument::MakeLayout(std::string_view markup, const TextStyle& style,
                                     double width) {
  PangoLayout* layout = pango_layout_new(context_);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFontFamily);
  pango_font_description_set_size(font, static_cast<int>(style.size * PANGO_SCALE));
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout, ToPango(style.align));
  pango_layout_set_justify(layout, style.align == Align::kJustify);
  pango_layout_set_indent(layout, static_cast<int>(style.indent * PANGO_SCALE));
  if (style.line_spacing != 1) pango_layout_set_line_spacing(layout, style.line_spacing);
  // Text typed on some systems arrives decomposed (NFD: "e" + U+0302 + U+0303). Composing it
  // makes Pango use the fonts' precomposed Vietnamese glyphs and the PDF's text layer NFC, so that
  // a search for "Nguyễn" finds it. Invalid UTF-8 bytes become U+FFFD first.
  std::string text(markup);
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    text = valid;
    g_free(valid);
  }
  if (gchar* nfc =
          g_utf8_normalize(text.data(), static_cast<gssize>(text.size()), G_NORMALIZE_NFC)) {
    text = nfc;
    g_free(nfc);
  }
  // Invalid markup is a bug in a form, not user input (values are escaped): show it as text.
  if (!pango_parse_markup(text.c_str(), -1, 0, nullptr, nullptr, nullptr, nullptr)) {
    pango_layout_set_text(layout, text.c_str(), -1);
  } else {
    pango_layout_set_markup(layout, text.c_str(), -1);
  }
  return layout;
}

void PdfDocument::Measure(std::string_view markup, const TextStyle& style, double width,
                          double* out_width, double* out_height) {
  PangoLayout* layout = MakeLayout(markup, style, width);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  g_object_unref(layout);
  if (out_width != nullptr) *out_width = static_cast<double>(w) / PANGO_SCALE;
  if (out_height != nullptr) *out_height = static_cast<double>(h) / PANGO_SCALE;
}

double PdfDocument::TextAt(double x, double y, double width, std::string_view markup,
                           const TextStyle& style) {
  PangoLayout* layout = MakeLayout(markup, style, width);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, layout);
  int h = 0;
  pango_layout_get_size(layout, nullptr, &h);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

void PdfDocument::Paragraph(std::string_view markup, const TextStyle& style) {
  const double x = left_ + style.left;
  PangoLayout* layout = MakeLayout(markup, style, content_width() - style.left - style.right);
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  // Lines are placed one by one so that a long paragraph continues on the next page.
  double offset = y_;  // page y of the layout's top on the current page
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    const double top = static_cast<double>(logical.y) / PANGO_SCALE;
    const double height = static_cast<double>(logical.height) / PANGO_SCALE;
    if (offset + top + height > bottom() && offset + top > top_ + 0.5) {
      NewPage();
      offset = y_ - top;
    }
    const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
    cairo_move_to(cr_, x + static_cast<double>(logical.x) / PANGO_SCALE, offset + baseline);
    pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
    y_ = offset + top + height;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  g_object_unref(layout);
  y_ += style.space_after;
}

void PdfDocument::Line(double x1, double y1, double x2, double y2, double line_width) {
  cairo_set_line_width(cr_, line_width);
  cairo_move_to(cr_, x1, y1);
  cairo_line_to(cr_, x2, y2);
  cairo_stroke(cr_);
}

void PdfDocument::EnsureSpace(double height) {
  if (y_ + height > bottom() && y_ > top_ + 0.5) NewPage();
}

void PdfDocument::EndPage() {
  if (page_total_ > 0) {
    const TextStyle style{.size = 9, .align = Align::kCenter};
    TextAt(left_, height_ - bottom_ + 6, content_width(),
           "Trang " + std::to_string(pages_) + "/" + std::to_string(page_total_), style);
  }
  cairo_show_page(cr_);
}

void PdfDocument::NewPage() {
  EndPage();
  ++pages_;
  y_ = top_;
}

void PdfDocument::Signatures(const std::vector<SignatureBlock>& blocks) {
  if (blocks.empty()) return;
  constexpr double kSigningSpace = 52;  // room for a handwritten signature and a seal
  const double w = content_width() / static_cast<double>(blocks.size());
  const TextStyle title{.size = 12, .bold = true, .align = Align::kCenter, .space_after = 0};
  const TextStyle note{.size = 11, .italic = true, .align = Align::kCenter, .space_after = 0};
  const TextStyle small{.size = 9, .italic = true, .align = Align::kCenter, .space_after = 0};
  double tallest = 0;
  for (const SignatureBlock& b : blocks) {
    double h1 = 0, h2 = 0, h3 = 0, h4 = 0;
    Measure(Escape(b.title), title, w, nullptr, &h1);
    Measure(Escape(b.note), note, w, nullptr, &h2);
    Measure(Escape(b.name), title, w, nullptr, &h3);
    if (!b.footnote.empty()) Measure(Escape(b.footnote), small, w, nullptr, &h4);
    tallest = std::max(tallest, h1 + h2 + kSigningSpace + h3 + h4);
  }
  EnsureSpace(tallest);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const SignatureBlock& b = blocks[i];
    const double x = left_ + w * static_cast<double>(i);
    double y = y_;
    y += TextAt(x, y, w, Escape(b.title), title);
    y += TextAt(x, y, w, Escape(b.note), note);
    y += kSigningSpace;
    y += TextAt(x, y, w, Escape(b.name), title);
    if (!b.footnote.empty()) TextAt(x, y, w, Escape(b.footnote), small);
  }
  y_ += tallest + 6;
}

Result<std::string> PdfDocument::Finish() {
  EndPage();
  cairo_surface_finish(surface_);
  const cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS) {
    return Error::Internal(std::string("cairo: ") + cairo_status_to_string(status));
  }
  return std::move(bytes_);
}

Result<std::string> PdfDocument::DrawNumbered(Orientation orientation,
                                              const std::function<void(PdfDocument&)>& draw) {
  MOTCUA_ASSIGN_OR_RETURN(auto first, Create(orientation));
  draw(*first);
  if (first->pages() == 1) return first->Finish();
  const int total = first->pages();
  first.reset();
  MOTCUA_ASSIGN_OR_RETURN(auto second, Create(orientation));
  second->page_total_ = total;
  draw(*second);
  return second->Finish();
}

}  // namespace motcua::render
