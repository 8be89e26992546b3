// CatalogService::ImportCatalog: every item checked, then all written in one transaction, or
// nothing (issue 4: "an import never half-applies").
#include <map>
#include <set>

#include "app/catalog_service.h"
#include "catalog/validate.h"

namespace motcua::app {
namespace {

std::string Item(std::size_t i) { return "items[" + std::to_string(i) + "]"; }

// The checks that need no storage. Content problems that an untidy source may have (missing
// competent unit, unparsed times, budgets that do not add up) are left to the hygiene report; what
// is refused here is what would make the stored catalog inconsistent.
void CheckItem(std::size_t i, const CatalogItem& item, std::vector<FieldViolation>& out) {
  const catalog::ProcedureVersion& v = item.version;
  const std::string at = Item(i) + ".";
  if (!catalog::IsValidProcedureCode(v.code())) {
    out.push_back({at + "code", "must be a procedure code such as 1.001193"});
  }
  if (v.procedure.name.empty()) out.push_back({at + "name", "must not be empty"});
  if (v.number < 0) out.push_back({at + "number", "must be positive (0: the next number)"});
  catalog::ProcedureVersion numbered = v;  // number 0 is given its number at write time
  if (numbered.number == 0) numbered.number = 1;
  if (Status s = catalog::CheckInvariants(numbered); !s.ok()) {
    out.push_back({at + "state", s.error().message});
  }
  for (std::size_t k = 0; k < item.workflows.size(); ++k) {
    const catalog::Workflow& w = item.workflows[k];
    const std::string wat = at + "workflows[" + std::to_string(k) + "].";
    if (!w.procedure_code.empty() && w.procedure_code != v.code()) {
      out.push_back({wat + "procedure_code", "must be the version's code " + v.code()});
    }
    if (v.number > 0 && w.version != 0 && w.version != v.number) {
      out.push_back({wat + "version", "must be the version's number"});
    }
    for (auto& f : catalog::ValidateStructure(w)) {
      out.push_back({wat + f.field, std::move(f.message)});
    }
  }
}

}  // namespace

Result<int> CatalogService::ImportCatalog(const Actor& actor, std::vector<CatalogItem> items) {
  std::vector<FieldViolation> problems;
  std::set<std::pair<std::string, int>> numbered;
  std::set<std::string> drafts;
  for (std::size_t i = 0; i < items.size(); ++i) {
    CheckItem(i, items[i], problems);
    const auto& v = items[i].version;
    if (v.number > 0 && !numbered.insert({v.code(), v.number}).second) {
      problems.push_back({Item(i) + ".number", "version " + std::to_string(v.number) + " of " +
                                                   v.code() + " appears twice in the import"});
    }
    if (v.state == catalog::VersionState::kDraft && !drafts.insert(v.code()).second) {
      problems.push_back({Item(i) + ".state", "a second draft of " + v.code()});
    }
  }
  auto refuse = [&](std::vector<FieldViolation> fields) -> Error {
    Error e = Error::InvalidArgument("the import has " + std::to_string(fields.size()) +
                                     " problem(s); nothing was imported")
                  .WithReason("import");
    e.fields = std::move(fields);
    return e;
  };
  if (!problems.empty()) return refuse(std::move(problems));

  int written = 0;
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    written = 0;  // the store may run this more than once
    std::vector<FieldViolation> conflicts;
    MOTCUA_RETURN_IF_ERROR(CheckRootAdmin(tx, actor));
    std::map<std::string, int> next;           // code -> the number the next unnumbered item gets
    std::map<std::string, bool> stored_units;  // unit code -> whether it exists
    for (std::size_t i = 0; i < items.size(); ++i) {
      // A competent unit must be a stored unit: its calendar times the dossiers and its officers
      // decide them. A missing one is left to the hygiene report; an unknown one is refused.
      const std::vector<std::string>& competent = items[i].version.procedure.competent_units;
      bool unknown_unit = false;
      for (std::size_t k = 0; k < competent.size(); ++k) {
        const std::string& code = competent[k];
        if (!stored_units.contains(code)) {
          MOTCUA_ASSIGN_OR_RETURN(auto unit, tx.FindUnitByCode(code));
          stored_units[code] = unit.has_value();
        }
        if (!stored_units[code]) {
          conflicts.push_back({Item(i) + ".competent_units[" + std::to_string(k) + "]",
                               "no unit has the code " + code});
          unknown_unit = true;
        }
      }
      if (unknown_unit) continue;
      StoredProcedureVersion s{items[i].version, 1};
      catalog::ProcedureVersion& v = s.value;
      MOTCUA_ASSIGN_OR_RETURN(auto existing, tx.ListProcedureVersions(v.code()));
      if (!next.contains(v.code()))
        next[v.code()] = existing.empty() ? 1 : existing.back().value.number + 1;
      if (v.number == 0) v.number = next[v.code()];
      next[v.code()] = std::max(next[v.code()], v.number + 1);
      std::vector<catalog::Workflow> workflows = items[i].workflows;
      for (auto& w : workflows) {
        w.procedure_code = v.code();
        w.version = v.number;
      }
      const StoredProcedureVersion* same = nullptr;
      bool other_draft = false;
      for (const auto& e : existing) {
        if (e.value.number == v.number) same = &e;
        other_draft |= e.value.state == catalog::VersionState::kDraft && e.value.number != v.number;
      }
      if (same) {
        MOTCUA_ASSIGN_OR_RETURN(auto stored_workflows, tx.ListWorkflowsOf(v.code(), v.number));
        if (same->value != v || stored_workflows != workflows) {
          conflicts.push_back({Item(i) + ".number", "version " + std::to_string(v.number) + " of " +
                                                        v.code() +
                                                        " is already stored with other content"});
        }
        continue;  // identical: already imported
      }
      if (v.state == catalog::VersionState::kDraft && other_draft) {
        conflicts.push_back({Item(i) + ".state", v.code() + " already has a stored draft"});
        continue;
      }
      if (!conflicts.empty()) continue;  // nothing will be written; keep collecting
      s.edited_at = clock_.Now();
      MOTCUA_RETURN_IF_ERROR(tx.InsertProcedureVersion(s));
      if (!workflows.empty())
        MOTCUA_RETURN_IF_ERROR(tx.PutWorkflows(v.code(), v.number, workflows));
      ++written;
    }
    if (!conflicts.empty()) return refuse(std::move(conflicts));
    audit::Record rec =
        Audit(actor, "catalog.import", "catalog",
              "items=" + std::to_string(items.size()) + " written=" + std::to_string(written));
    rec.object_type = "catalog";
    return tx.AppendAudit(rec);
  }));
  return written;
}

}  // namespace motcua::app
