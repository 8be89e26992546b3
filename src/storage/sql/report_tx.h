#pragma once

// The write of a dossier's facts row that dossier_tx.cc makes after its events (report_tx.cc).

#include <optional>

#include "reports/facts.h"
#include "storage/sql/driver.h"

namespace motcua::storage::sql {

// Upserts the facts row of facts.dossier_id, keeping the flags the current state forgets
// (guided, withdrawal, the issuing officer) from the stored row: `facts` is
// reports::UpdateFacts over the appended events only.
Status MergeDossierFacts(Connection& conn, const reports::Facts& facts);

// Sets the due instant of the facts row (a calendar edit moved an open dossier's due instant).
Status SetDossierFactsDue(Connection& conn, std::int64_t dossier_id, std::optional<Instant> due);

}  // namespace motcua::storage::sql
