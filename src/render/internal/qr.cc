#include "render/internal/qr.h"

#include <qrencode.h>

#include <cerrno>
#include <string>

namespace motcua::render {

Result<QrCode> EncodeQr(std::string_view text) {
  if (text.empty()) return Error::InvalidArgument("QR text is empty");
  const std::string data(text);
  errno = 0;
  QRcode* qr =
      QRcode_encodeData(static_cast<int>(data.size()),
                        reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M);
  if (qr == nullptr) {
    if (errno == ERANGE || errno == EINVAL) {
      return Error::InvalidArgument("QR text is too long: " + std::to_string(text.size()) +
                                    " bytes");
    }
    return Error::Internal("libqrencode failed");
  }
  QrCode code;
  code.size = qr->width;
  code.dark.resize(static_cast<std::size_t>(qr->width) * qr->width);
  for (std::size_t i = 0; i < code.dark.size(); ++i) code.dark[i] = (qr->data[i] & 1) != 0;
  QRcode_free(qr);
  return code;
}

void DrawQr(cairo_t* cr, const QrCode& code, double x, double y, double side) {
  if (code.size <= 0) return;
  const double module = side / code.size;
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < code.size; ++row) {
    // Runs of dark modules in a row become one rectangle: fewer paths, no hairline seams.
    int col = 0;
    while (col < code.size) {
      if (!code.dark[static_cast<std::size_t>(row) * code.size + col]) {
        ++col;
        continue;
      }
      const int start = col;
      while (col < code.size && code.dark[static_cast<std::size_t>(row) * code.size + col]) ++col;
      cairo_rectangle(cr, x + start * module, y + row * module, (col - start) * module, module);
    }
  }
  cairo_fill(cr);
  cairo_restore(cr);
}

}  // namespace motcua::render
