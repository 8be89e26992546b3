#pragma once

// Accent-insensitive Vietnamese text: folding and tokens, shared by every storage back end so that
// SQLite and PostgreSQL full-text indexes hold exactly what C++ computes ("Đăng ký kết hôn" and
// "dang ky ket hon" fold to the same text).
//
// Unicode scope, by design: only the Latin letters used by Vietnamese (and the rest of Latin-1)
// are tabulated here, by hand, from the Unicode charts: U+00C0-U+00FF, Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư
// (U+0102-U+01B0) and the Vietnamese block of Latin Extended Additional (U+1EA0-U+1EF9), plus
// every combining diacritical mark (U+0300-U+036F), which is dropped. That covers precomposed
// (NFC), decomposed (NFD) and mixed input (a precomposed "ê" followed by a combining acute), so
// folding needs no NFC step. Storing display text in NFC is still the import layer's job (ICU).
// Other scripts pass through unchanged (not lower-cased).
//
// Pure functions; safe from any thread.

#include <string>
#include <string_view>
#include <vector>

namespace motcua::catalog {

// Lower-cases ASCII and the tabulated Latin letters, removes Vietnamese diacritics (tone marks,
// circumflex, breve, horn) and maps đ/Đ (and the look-alike Ð U+00D0) to "d". Invalid UTF-8
// bytes become U+FFFD. The result is UTF-8; for Vietnamese text it is plain ASCII.
std::string Fold(std::string_view utf8);

// The words of Fold(utf8): maximal runs of ASCII letters and digits and of non-ASCII code points
// other than punctuation and spaces (U+00A0-U+00BF, U+2000-U+206F, U+3000, U+FEFF, U+FFFD).
// "Cấp lại Giấy chứng nhận (bản sao)" -> {"cap", "lai", "giay", "chung", "nhan", "ban", "sao"}.
std::vector<std::string> Tokenize(std::string_view utf8);

// The text a search index stores: the tokens joined by single spaces, with a leading and trailing
// space (" dang ky ket hon "), so that a whole word or phrase is a plain substring test
// (" ket hon " in it) in SQL as in C++.
std::string IndexText(std::string_view utf8);

}  // namespace motcua::catalog
