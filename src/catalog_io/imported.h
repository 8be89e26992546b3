#pragma once

// What an import produces: a draft procedure version with the notes about everything the source
// did not say clearly, plus what the source said that has no place in the procedure model yet.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "catalog/procedure.h"
#include "catalog/version.h"
#include "catalog/workflow.h"

namespace motcua::catalog_io {

// An agency as the source names it (national agency codes such as "BNN-VPDK" are not unit codes
// of a province: an administrator maps them to units).
struct AgencyRef {
  std::string role;  // "authority", "executing", "authorized", "coordinating"
  std::string code;
  std::string name;
  bool operator==(const AgencyRef&) const = default;
};

struct ImportedProcedure {
  // Version 1 as a draft when decoded from the national portal; any state in motcua's own format.
  catalog::ProcedureVersion draft;
  // Everything doubtful or unparsed, in field order. Equal to draft.import_notes (kept here too so
  // that a caller can show them before anything is stored).
  std::vector<catalog::ImportNote> notes;
  // The publication decision the source names (national: decisionNo, else the proposal's number).
  std::optional<catalog::Decision> decision;
  std::vector<AgencyRef> agencies;
  std::vector<std::string> keywords;
  // Where the record comes from and how sure its author was ("written from ...; fee not found in a
  // public source: realistic value"). Free text.
  std::string source;
  bool operator==(const ImportedProcedure&) const = default;
};

// One record of motcua's catalog format: a procedure version and its internal workflows (several
// when channels have different legal times, e.g. online 10 days, in person 20 days).
struct CatalogEntry {
  ImportedProcedure procedure;
  std::vector<catalog::Workflow> workflows;
  bool operator==(const CatalogEntry&) const = default;
};

// Called after every `kProgressEvery` records of a long decode with (done, total).
using Progress = std::function<void(std::size_t done, std::size_t total)>;
inline constexpr std::size_t kProgressEvery = 100;

}  // namespace motcua::catalog_io
