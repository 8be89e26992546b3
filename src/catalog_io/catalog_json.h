#pragma once

// motcua's own catalog file: a JSON array with one object per procedure version and its internal
// workflows. It is what `motcua catalog export` writes and `motcua catalog import --format
// motcua` reads; Encode then Decode gives back equal entries (round-trippable).
// data/demo-catalog.json is a full example.
//
// Decoding is strict: unknown members, wrong types and values that do not parse are errors, and
// every error of every record is listed, each with its path ("[3].channels.online.time.amount",
// "[0].workflows[1].steps[2].kind"). Text is NFC-normalised on the way in.
//
// Pure apart from allocation; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "catalog/workflow.h"
#include "catalog_io/imported.h"
#include "common/error.h"
#include "common/result.h"

namespace motcua::catalog_io {

// The catalog as pretty-printed JSON text (2-space indent, UTF-8, members in a fixed order).
// Workflows are written under their entry; their procedure_code and version are the entry's.
std::string EncodeCatalog(const std::vector<CatalogEntry>& entries);

// The entries of a catalog file. kInvalidArgument with reason "malformed-json" (syntax) or
// "validation" with every field error. Workflows get the entry's code and version number.
// `progress` is called every kProgressEvery records.
Result<std::vector<CatalogEntry>> DecodeCatalog(std::string_view text,
                                                const Progress& progress = {});

// Every rule the entries break before they may be stored, each path prefixed "[i].":
// ValidateProcedure (for versions that are not drafts), version invariants, ValidateWorkflow of
// each workflow ("[i].workflows[k].steps[2]..."), and a (code, version) listed twice.
std::vector<FieldViolation> ValidateCatalog(const std::vector<CatalogEntry>& entries,
                                            const catalog::KnownPerformers& known);

}  // namespace motcua::catalog_io
