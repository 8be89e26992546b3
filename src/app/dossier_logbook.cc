// The log book of a service center (form 07), read from the dossiers' current-state rows.
#include <map>

#include "app/dossier_internal.h"
#include "app/dossier_service.h"

namespace motcua::app {

Result<std::vector<DossierService::LogBookEntry>> DossierService::LogBook(
    const Actor& actor, const std::string& unit_code, Instant from, Instant to, int limit) {
  if (!actor.user && !actor.system) return Error::Unauthenticated("login required");
  if (actor.user && actor.user->roles.Has(identity::Role::kCitizen)) {
    return Error::PermissionDenied("the log book is kept by officers");
  }
  std::vector<LogBookEntry> out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto units, LoadUnits(tx, actor));
    if (!units->IdOf(unit_code)) return Error::InvalidField("unit", "no unit " + unit_code);
    if (!actor.system && !units->Contains(actor.user->unit_id, unit_code)) {
      return Error::NotFound("unit " + unit_code + " is outside your unit");
    }
    MOTCUA_ASSIGN_OR_RETURN(auto rows,
                            tx.ListDossiersReceived(unit_code, from, to, 0, 0, limit + 1));
    if (static_cast<int>(rows.size()) > limit) {
      return Error::InvalidField("to", "more than " + std::to_string(limit) +
                                           " dossiers in the period; choose a shorter one");
    }
    std::map<std::pair<std::string, int>, std::string> names;
    for (auto& row : rows) {
      LogBookEntry e;
      const dossier::Dossier& d = row.value;
      const auto key = std::make_pair(d.procedure_code, d.procedure_version);
      if (!names.contains(key)) {
        MOTCUA_ASSIGN_OR_RETURN(auto v, tx.FindProcedureVersion(key.first, key.second));
        names[key] = v ? v->value.procedure.name : key.first;
      }
      e.procedure_name = names[key];
      if (d.returned_at > 0) {
        MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(d.id));
        for (const dossier::Event& ev : events) {
          if (ev.kind == dossier::EventKind::kReturned) e.return_method = ev.return_method;
        }
      }
      e.stored = std::move(row);
      out.push_back(std::move(e));
    }
    return Ok();
  }));
  return out;
}

}  // namespace motcua::app
