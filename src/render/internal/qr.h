#pragma once

// QR codes for the forms (the public lookup link on form 01), encoded with libqrencode and drawn
// as filled cairo rectangles, so that they stay sharp at any zoom. Thread-safe.

#include <cairo.h>

#include <string_view>
#include <vector>

#include "common/result.h"

namespace motcua::render {

// A square matrix of modules; dark[row * size + column].
struct QrCode {
  int size = 0;
  std::vector<bool> dark;
};

// Encodes `text` as bytes with error correction level M. kInvalidArgument when `text` is empty or
// too long for a QR code; kInternal when libqrencode fails otherwise.
Result<QrCode> EncodeQr(std::string_view text);

// Fills the dark modules of `code` in a `side`-point square at (x, y). The caller keeps a white
// quiet zone of four modules around it.
void DrawQr(cairo_t* cr, const QrCode& code, double x, double y, double side);

}  // namespace motcua::render
