#pragma once

// Hand-built facts for the reports' tests: one line per dossier.

#include <optional>
#include <string>

#include "calendar/civil_time.h"
#include "reports/facts.h"

namespace motcua::reports::testing {

inline Instant At(const char* local) { return *calendar::ParseLocalDateTime(local); }

// A dossier of `unit` received (or, with finish kRefused, refused) through `channel`.
inline Facts Dossier(std::int64_t id, std::string unit, dossier::Channel channel,
                     const char* received, std::optional<const char*> due = std::nullopt) {
  Facts f;
  f.dossier_id = id;
  f.unit = std::move(unit);
  f.receiving_unit = "H38.30";
  f.procedure_code = "1.000001";
  f.procedure_version = 1;
  f.channel = channel;
  f.received_at = At(received);
  f.submitted_at = f.received_at;
  if (due) f.due = At(*due);
  return f;
}

inline Facts Finished(Facts f, Finish finish, const char* at,
                      dossier::Timeliness t = dossier::Timeliness::kPending) {
  f.finish = finish;
  f.finished_at = At(at);
  f.timeliness = t;
  return f;
}

}  // namespace motcua::reports::testing
