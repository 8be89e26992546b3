#pragma once

// Internal to src/catalog_io: reading document numbers and dates out of the national portal's
// legal-basis and decision fields ("Luật số 43/2024/QH15 ngày 29/6/2024", "118/2025/NĐ-C").

#include <optional>
#include <string>
#include <string_view>

#include "calendar/civil_time.h"

namespace motcua::catalog_io::internal {

struct DocumentNumber {
  std::string number;      // "43/2024/QH15", "2304/QĐ-BNNMT"; empty when none was found
  bool truncated = false;  // "118/2025/NĐ-C", "2304/QĐ-", "12/2024/QH1"
  std::string issuer;  // from the suffix: QH -> Quốc hội, NĐ-CP -> Chính phủ, ...; or ""
  std::string why;     // English, when truncated
};

// The first Vietnamese legal document number in `text` (NFC): digits, "/", optionally a year and
// "/", then the type and issuer letters ("NĐ-CP", "QĐ-TTg", "QH15", "TT-BTC", "QĐ-UBND").
// Truncation is judged from the type: NĐ needs CP, QĐ/TT/NQ/TTLT/CT need an issuer of at least
// two letters, QH/UBTVQH need the two-digit legislature, and nothing may end in "-" or "/".
DocumentNumber FindDocumentNumber(std::string_view text);

// A date written d/m/yyyy (optionally after "ngày") that is not part of a document number:
// "ngày 29/6/2024" -> 2024-06-29. nullopt when none or not a real date.
std::optional<calendar::CivilDate> FindDate(std::string_view text);

}  // namespace motcua::catalog_io::internal
