#pragma once

// The current-state row of a dossier as the repositories select it, shared by dossier_tx.cc and
// background_tx.cc: the column list (a macro, so that statements stay compile-time constants) and
// its decoder.

#include "app/dossier_records.h"
#include "storage/sql/driver.h"

// The columns DossierFromRow reads, in its order.
#define MOTCUA_DOSSIER_COLUMNS                                                            \
  "doc, secret_hash, applicant_user_id, step_unit, due_at, step_due_at, appointment_at, " \
  "new_appointment_at, intake_due_at, intake_alert_at, supplement_deadline_at, id"

namespace motcua::storage::sql {

// A row selected with MOTCUA_DOSSIER_COLUMNS first. kInternal when `doc` does not decode.
Result<app::StoredDossier> DossierFromRow(const Row& r);

}  // namespace motcua::storage::sql
