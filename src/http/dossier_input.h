#pragma once

// Decoding of the dossier API's request bodies (POST /api/v1/dossiers, /dossiers/online and
// /dossiers/{id}/commands) into the use cases' inputs. Strict like every JsonInput decoder: any
// problem (malformed JSON, invalid UTF-8, an unknown field, a wrong type, an oversized value, an
// unknown name) is kInvalidArgument listing a violation per field, with nested fields named
// "applicant.phone" and "components[2].provision". Nothing is checked here that needs the store
// (the procedure, the unit, the dossier's state): the use cases do that.
//
// Pure and thread-safe; kept apart from the routes so that fuzzers link it without the server.

#include <cstdint>
#include <string_view>

#include "app/dossier_service.h"
#include "common/result.h"
#include "dossier/machine.h"

namespace motcua::http {

// The reception / submission body. `counter` (POST /api/v1/dossiers): channel in-person or postal
// is required, and a decision (receive, guide, refuse) with its reason and items may be given;
// online (POST /api/v1/dossiers/online): the channel defaults to online and decision, reason and
// items are unknown fields.
struct ReceptionBody {
  app::ReceptionInput input;
  app::ReceptionDecision decision = app::ReceptionDecision::kReceive;
  dossier::Command details;  // reason and items of a guide or refuse decision
};
Result<ReceptionBody> DecodeReception(std::string_view body, bool counter);

// A command body: {"command": <kind>, "version": <the dossier version read>, ...its inputs}.
// "submit" is refused (a submission creates a dossier). `version` is set from the body.
Result<dossier::Command> DecodeCommand(std::string_view body, std::int64_t& version);

}  // namespace motcua::http
