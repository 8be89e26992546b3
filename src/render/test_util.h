#pragma once

// Helpers for the form tests: write PDF bytes to a temporary file and read them back through
// poppler-utils (pdftotext, pdfinfo, pdftoppm) and zbar-tools (zbarimg).

#include <glib.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace motcua::render::testing {

// A file under the temporary directory, removed with the object.
class TempFile {
 public:
  explicit TempFile(const std::string& suffix) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() / ("motcua-render-" + std::to_string(getpid()) +
                                                      "-" + std::to_string(++counter) + suffix);
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Runs a shell command and returns its standard output ("" when it cannot start).
inline std::string Run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

inline std::string Nfc(const std::string& text) {
  gchar* normal = g_utf8_normalize(text.c_str(), static_cast<gssize>(text.size()), G_NORMALIZE_NFC);
  if (normal == nullptr) return text;
  std::string out(normal);
  g_free(normal);
  return out;
}

// Collapses runs of white space to one space, so that wrapped lines compare as running text.
inline std::string Squeeze(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The text of a PDF in reading order as pdftotext gives it.
inline std::string PdfRawText(const std::string& pdf) {
  TempFile file(".pdf");
  WriteFile(file.path(), pdf);
  return Run("pdftotext -enc UTF-8 '" + file.path() + "' - 2>/dev/null");
}

// The text of a PDF in reading order, NFC-normalised, white space collapsed. pdftotext gives
// whatever the PDF's text layer holds, which is decomposed when the text was shaped decomposed.
inline std::string PdfText(const std::string& pdf) { return Squeeze(Nfc(PdfRawText(pdf))); }

// The page count pdfinfo reports, or -1.
inline int PdfPages(const std::string& pdf) {
  TempFile file(".pdf");
  WriteFile(file.path(), pdf);
  const std::string info = Run("pdfinfo '" + file.path() + "' 2>/dev/null");
  const std::size_t at = info.find("Pages:");
  if (at == std::string::npos) return -1;
  return std::stoi(info.substr(at + 6));
}

// Rasterises the first page at 150 dpi into `png_path` and returns what zbarimg decodes there.
inline std::string DecodeQr(const std::string& pdf, const std::string& png_path) {
  TempFile file(".pdf");
  WriteFile(file.path(), pdf);
  std::string stem = png_path.substr(0, png_path.size() - 4);  // pdftoppm adds ".png"
  Run("pdftoppm -r 150 -png -singlefile -f 1 -l 1 '" + file.path() + "' '" + stem + "'");
  std::string out = Run("zbarimg --raw -q '" + png_path + "' 2>/dev/null");
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// Keeps a copy of `pdf` as `name` in $MOTCUA_RENDER_SAMPLE_DIR when that is set (docs/forms.md).
inline void KeepSample(const std::string& name, const std::string& pdf) {
  const char* dir = std::getenv("MOTCUA_RENDER_SAMPLE_DIR");
  if (dir == nullptr) return;
  WriteFile((std::filesystem::path(dir) / name).string(), pdf);
}

}  // namespace motcua::render::testing
