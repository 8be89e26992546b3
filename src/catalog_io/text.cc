#include "catalog_io/text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace motcua::catalog_io {

std::string Nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_FAILURE(status) || nfc == nullptr) return std::string(text);
  if (nfc->isNormalized(source, status) && U_SUCCESS(status)) {
    std::string out;
    source.toUTF8String(out);  // also replaces invalid UTF-8 by U+FFFD
    return out;
  }
  status = U_ZERO_ERROR;
  const icu::UnicodeString normalized = nfc->normalize(source, status);
  std::string out;
  if (U_FAILURE(status)) {
    source.toUTF8String(out);
    return out;
  }
  normalized.toUTF8String(out);
  return out;
}

namespace {

bool IsSpaceAt(std::string_view s, std::size_t i, std::size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *len = 2;
    return true;
  }
  return false;
}

}  // namespace

std::string Tidy(std::string_view text) {
  std::string s = Nfc(text);
  std::size_t begin = 0;
  std::size_t len = 0;
  while (begin < s.size() && IsSpaceAt(s, begin, &len)) begin += len;
  std::size_t end = s.size();
  while (end > begin) {
    if (IsSpaceAt(s, end - 1, &len)) {
      --end;
    } else if (end - begin >= 2 && IsSpaceAt(s, end - 2, &len) && len == 2) {
      end -= 2;
    } else {
      break;
    }
  }
  return s.substr(begin, end - begin);
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ',' || text[i] == ';') {
      std::string part = Tidy(text.substr(start, i - start));
      if (!part.empty()) out.push_back(std::move(part));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace motcua::catalog_io
