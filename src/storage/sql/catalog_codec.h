#pragma once

// The text forms in which the catalog is stored (tables procedure_versions and workflows,
// migration 3). Both back ends store the same text, so a database reader sees the same thing
// everywhere.
//
// A procedure (procedure_versions.procedure) is one JSON object with the members of
// catalog::Procedure under their C++ names; enums by their stable names (catalog/procedure.h);
// dates "YYYY-MM-DD"; a legal time as
//     {"duration": {"calendar_days": 15} | {"working_seconds": 28800} | null,
//      "unit": "working-days" | "working-hours" | "working-minutes" | "calendar-days",
//      "text": "05 ngày làm việc"}
// and the reception cut-off as {"kind": "at" | "none" | "last-hour", "at": 54000,
// "next_day_from": -1} (seconds of the local day).
// Import notes (procedure_versions.import_notes): a JSON array of {path, confidence, text, note}.
// Workflow steps (workflows.steps): a JSON array of {id, kind, name, unit_code, role,
// budget_seconds, counted, next, back}; the channels it serves (workflows.channels): a JSON
// array of channel names.
//
// Decoders return kInternal for text that this encoder did not produce (a corrupted row).

#include <string>
#include <string_view>
#include <vector>

#include "calendar/due.h"
#include "catalog/procedure.h"
#include "catalog/workflow.h"
#include "common/result.h"

namespace motcua::storage::sql {

std::string EncodeProcedure(const catalog::Procedure& procedure);
Result<catalog::Procedure> DecodeProcedure(std::string_view text);

std::string EncodeImportNotes(const std::vector<catalog::ImportNote>& notes);
Result<std::vector<catalog::ImportNote>> DecodeImportNotes(std::string_view text);

std::string EncodeSteps(const std::vector<catalog::Step>& steps);
Result<std::vector<catalog::Step>> DecodeSteps(std::string_view text);

std::string EncodeChannels(const std::vector<catalog::Channel>& channels);
Result<std::vector<catalog::Channel>> DecodeChannels(std::string_view text);

// "15:00", "17:00/08:00" (cut-off at 17:00, next day counted from 08:00), "last-hour", "none":
// the procedure_versions.cutoff column, for readers of the table.
std::string EncodeCutoff(const calendar::ReceptionCutoff& cutoff);

}  // namespace motcua::storage::sql
