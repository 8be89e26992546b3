#include "catalog/fold.h"

#include <cstdint>

namespace motcua::catalog {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Base letters of U+00E0-U+00FF (lower-case Latin-1); '\0' keeps the code point (æ ÷ þ).
constexpr char kLatin1Lower[] = "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";
static_assert(sizeof(kLatin1Lower) - 1 == 0x100 - 0xE0);
// Base letters of U+1EA0-U+1EF9, upper/lower pairs: Ạ..ặ (24), Ẹ..ệ (16), Ỉ..ị (4), Ọ..ợ (24),
// Ụ..ự (14), Ỳ..ỹ (8).
constexpr char kExtendedAdditional[] =
    "aaaaaaaaaaaaaaaaaaaaaaaa"
    "eeeeeeeeeeeeeeee"
    "iiii"
    "oooooooooooooooooooooooo"
    "uuuuuuuuuuuuuu"
    "yyyyyyyy";
static_assert(sizeof(kExtendedAdditional) - 1 == 0x1EF9 - 0x1EA0 + 1);

// The folded code point of `cp`, or 0 when it is dropped (a combining mark).
char32_t FoldCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0x300 && cp <= 0x36F) return 0;
  if (cp == 0xD0 || cp == 0x110 || cp == 0x111) return 'd';  // Ð, Đ, đ
  if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xDF) {
    const char32_t lower = cp < 0xE0 ? cp + 0x20 : cp;
    const char base = kLatin1Lower[lower - 0xE0];
    return base != '\0' ? static_cast<char32_t>(base) : lower;
  }
  switch (cp) {
    case 0x102:
    case 0x103: return 'a';  // Ă ă
    case 0x128:
    case 0x129: return 'i';  // Ĩ ĩ
    case 0x168:
    case 0x169: return 'u';  // Ũ ũ
    case 0x1A0:
    case 0x1A1: return 'o';  // Ơ ơ
    case 0x1AF:
    case 0x1B0: return 'u';  // Ư ư
    default: break;
  }
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return static_cast<char32_t>(kExtendedAdditional[cp - 0x1EA0]);
  return cp;
}

// Decodes one code point at text[*i], advancing *i; invalid or overlong sequences yield U+FFFD
// and advance by one byte.
char32_t Decode(std::string_view text, std::size_t* i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(*i);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > text.size()) {
    ++*i;
    return kReplacement;
  }
  char32_t cp = len == 1 ? b0 : b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const unsigned char b = byte(*i + k);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*i;
    return kReplacement;
  }
  *i += len;
  return cp;
}

void Encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsSeparator(char32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'));
  return (cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 ||
         cp == 0xFEFF || cp == kReplacement;
}

}  // namespace

std::string Fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t folded = FoldCodePoint(Decode(utf8, &i));
    if (folded != 0) Encode(folded, out);
  }
  return out;
}

std::vector<std::string> Tokenize(std::string_view utf8) {
  const std::string folded = Fold(utf8);
  std::vector<std::string> tokens;
  std::string current;
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t begin = i;
    const char32_t cp = Decode(folded, &i);
    if (IsSeparator(cp)) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current.append(folded, begin, i - begin);
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

std::string IndexText(std::string_view utf8) {
  std::string out = " ";
  for (const std::string& token : Tokenize(utf8)) {
    out += token;
    out += ' ';
  }
  return out;
}

}  // namespace motcua::catalog
