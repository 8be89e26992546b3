#pragma once

// What storage keeps and answers for reports (issue 7; migration 7): one row of reports::Facts per
// dossier, written in the same transaction as its events, and the statistics of a period
// aggregated from those rows in SQL, grouped and filtered by unit scope there.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/time.h"
#include "identity/identity.h"
#include "reports/statistics.h"

namespace motcua::app {

// How report rows are grouped: not at all (one row, key ""), by competent unit (key: its code),
// procedure (code), field (the procedure version's field; "" when the version is unknown),
// channel ("in-person", "online", "postal") or the officer who issued the result (user id in
// decimal; "0" for dossiers without a result).
enum class ReportGroup { kNone, kUnit, kProcedure, kField, kChannel, kOfficer };
std::string_view ReportGroupName(ReportGroup group);  // "none", "unit", ...
std::optional<ReportGroup> ParseReportGroup(std::string_view name);

struct ReportQuery {
  identity::UnitId unit = 0;  // the dossiers whose competent unit is this one
  bool subunits = true;       // ... or one of its descendants (walked in SQL)
  Instant from = 0;           // the period [from, to) (reports::Period)
  Instant to = 0;
  Instant now = 0;  // the report looks from min(to, now) (reports/statistics.h)
  ReportGroup group = ReportGroup::kNone;
};

struct ReportRow {
  std::string key;
  reports::Statistics stats;
  bool operator==(const ReportRow&) const = default;
};

}  // namespace motcua::app
