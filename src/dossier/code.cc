#include "dossier/code.h"

#include <cstdio>

#include "identity/identity.h"

namespace motcua::dossier {

std::string FormatDossierCode(const DossierCode& code) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "-%02d%02d%02d-%04lld", code.date.year % 100, code.date.month,
                code.date.day, static_cast<long long>(code.sequence));
  return code.unit_code + buf;
}

Result<DossierCode> ParseDossierCode(std::string_view text) {
  auto bad = [&] {
    return Error::InvalidField("code", "\"" + std::string(text.substr(0, 60)) +
                                           "\" is not a dossier code (unit-YYMMDD-sequence)");
  };
  const std::size_t last = text.rfind('-');
  if (last == std::string_view::npos || last == 0) return bad();
  const std::size_t mid = text.rfind('-', last - 1);
  if (mid == std::string_view::npos || last - mid != 7) return bad();
  DossierCode out;
  out.unit_code = std::string(text.substr(0, mid));
  if (!identity::ValidateUnitCode(out.unit_code).ok()) return bad();
  const std::string_view date = text.substr(mid + 1, 6), seq = text.substr(last + 1);
  if (seq.size() < 4 || seq.size() > 12) return bad();
  for (char ch : date) {
    if (ch < '0' || ch > '9') return bad();
  }
  for (char ch : seq) {
    if (ch < '0' || ch > '9') return bad();
    out.sequence = out.sequence * 10 + (ch - '0');
  }
  if (out.sequence < 1) return bad();
  auto two = [&](std::size_t i) { return (date[i] - '0') * 10 + (date[i + 1] - '0'); };
  auto made = calendar::MakeDate(2000 + two(0), two(2), two(4));
  if (!made.ok()) return bad();
  out.date = *made;
  return out;
}

}  // namespace motcua::dossier
