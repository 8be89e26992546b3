#pragma once

// Dossier codes (shared/DOMAIN.md "Codes"): `<unit code>-<YYMMDD>-<sequence of the day>`, the
// sequence at least 4 digits and growing as needed ("H99.01-261122-0007", "...-12345"). The
// sequence of a unit and day is allocated by storage and never repeats, across servers too.
// Pure; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "calendar/civil_time.h"
#include "common/result.h"

namespace motcua::dossier {

struct DossierCode {
  std::string unit_code;
  calendar::CivilDate date;  // the reception day, Vietnam local time
  std::int64_t sequence = 0;
  bool operator==(const DossierCode&) const = default;
};

// "H99.01-261122-0007". Precondition: sequence >= 1 and the date's year in 2000..2099.
std::string FormatDossierCode(const DossierCode& code);

// The parts of a code; kInvalidArgument (field "code") for anything not in the format.
Result<DossierCode> ParseDossierCode(std::string_view text);

}  // namespace motcua::dossier
