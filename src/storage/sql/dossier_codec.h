#pragma once

// The text forms in which dossiers are stored (migration 4), the same on both back ends:
// dossiers.doc holds the whole dossier::Dossier (fixed facts and derived state) as one JSON
// object with its C++ member names (its "id" is 0 in a document written before the row had an
// id: the row's id column is the dossier's id), and dossier_events.body one dossier::Event. Enums
// by their stable names (dossier/dossier.h, catalog/workflow.h, calendar/due.h); instants as
// integers (Unix seconds, UTC). Decoders return kInternal for text this encoder did not produce.

#include <string>
#include <string_view>

#include "common/result.h"
#include "dossier/dossier.h"

namespace motcua::storage::sql {

std::string EncodeDossier(const dossier::Dossier& dossier);
Result<dossier::Dossier> DecodeDossier(std::string_view text);

std::string EncodeEvent(const dossier::Event& event);
Result<dossier::Event> DecodeEvent(std::string_view text);

}  // namespace motcua::storage::sql
