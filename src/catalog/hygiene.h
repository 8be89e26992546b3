#pragma once

// The catalog hygiene report: what a province is told to clean up after each publication
// decision (remove what expired or is duplicated, complete what is missing; Decree 63/2010/NĐ-CP
// as amended by 92/2017 and Decree 118/2025/NĐ-CP on publicity and workflows). Pure: the caller
// loads versions and workflows and renders the findings (API, XLSX).

#include <set>
#include <span>
#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "catalog/version.h"
#include "catalog/workflow.h"

namespace motcua::catalog {

enum class FindingKind {
  kExpiredInForce,       // published, in force, but past its `expires` date
  kOverlappingVersions,  // two versions of one code in force on the same day
  kDuplicate,            // same or near-same name and field within one level
  kBudgetMismatch,       // workflow budgets do not add up to the legal time (or structure invalid)
  kNoCompetentUnit,
  kNoWorkflow,
  kMissingForm,     // a component refers to a form template that does not exist
  kImportDoubtful,  // a value the import read but could not be sure of
  kImportUnparsed,  // a value the import could not read
};

// "expired-in-force", "overlapping-versions", "duplicate", "budget-mismatch",
// "no-competent-unit", "no-workflow", "missing-form", "import-doubtful", "import-unparsed".
std::string_view FindingKindName(FindingKind kind);

struct Finding {
  FindingKind kind = FindingKind::kImportDoubtful;
  std::string procedure_code;
  int version = 0;
  std::string field;  // validation path syntax; empty for the whole procedure
  std::string message_vi;
  std::string message_en;
  std::string related_code;  // the other procedure of a duplicate
  bool operator==(const Finding&) const = default;
};

// Near-same names: token Jaccard similarity |A ∩ B| / |A ∪ B| over the sets of Tokenize(name)
// at or above this threshold (1.0 = the same words).
inline constexpr double kNearSameJaccard = 0.9;

// Token Jaccard similarity of two texts after Tokenize; 1.0 for two empty texts.
double TokenJaccard(std::string_view a, std::string_view b);

struct HygieneInput {
  std::span<const ProcedureVersion> versions;  // all versions of all procedures
  std::span<const Workflow> workflows;         // matched by (procedure_code, version)
  std::set<std::string> form_codes;            // form templates that exist
  calendar::CivilDate today;
};

// The findings for the versions in force on `today` (and import notes of drafts), ordered by
// procedure code, version and kind. Duplicates are reported once per pair, on the first code.
std::vector<Finding> CheckHygiene(const HygieneInput& input);

}  // namespace motcua::catalog
