// The applicant's contacts (dossier.h).
#include <cctype>

#include "dossier/dossier.h"

namespace motcua::dossier {

bool IsEmailAddress(std::string_view s) {
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == s.size() || s.size() > 254 ||
      s.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (unsigned char c : s) {
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c >= 0x7f) {
      return false;
    }
  }
  return true;
}

bool IsPhoneNumber(std::string_view s) {
  int digits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) {
      ++digits;
    } else if (c == '+' && i == 0) {
      continue;
    } else if ((c == ' ' || c == '.' || c == '-') && digits > 0 && i + 1 < s.size()) {
      continue;
    } else {
      return false;
    }
  }
  return digits >= 8 && digits <= 15;
}

}  // namespace motcua::dossier
