#pragma once

// Unicode hygiene for imported text. Records from the national portal mix precomposed and
// decomposed Vietnamese letters ("ế" as U+1EBF or as e + U+0302 + U+0301); motcua stores NFC so
// that equal names compare equal byte for byte and display the same everywhere.
//
// Thread-safe: ICU's NFC instance is shared and immutable.

#include <string>
#include <string_view>
#include <vector>

namespace motcua::catalog_io {

// `text` in Unicode Normalization Form C (ICU Normalizer2::getNFCInstance). Invalid UTF-8
// sequences become U+FFFD. Leading and trailing white space is kept (see Tidy).
std::string Nfc(std::string_view text);

// Nfc, then trimmed of leading and trailing white space (ASCII and U+00A0), for names and codes.
std::string Tidy(std::string_view text);

// Splits `text` on commas and semicolons, tidies each part and drops empty ones:
// "đất đai; chuyển nhượng,  " -> {"đất đai", "chuyển nhượng"}.
std::vector<std::string> SplitList(std::string_view text);

}  // namespace motcua::catalog_io
