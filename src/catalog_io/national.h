#pragma once

// Decoding procedure records in the national public-service portal's published shape
// (shared/samples/national-portal-procedure.json and its README) into draft procedure versions.
//
// Mapping (JSON member -> procedure field):
//   code, name                          -> code, name (required)
//   categoriesDetails[0] {name, code}   -> field, field_code
//   isProvince/isWard/isMinistry/isVertical/isOtherAgency/isUndetermined -> level (MapLevel)
//   isNonTerritorial                    -> location_independent
//   isFullProcess, isOfflineOnly, ONLINE method -> online_level (MapOnlineLevel)
//   executionMethods[i] {submissionMethod, processingTime, processingTimeUnit, description,
//     fees[j] {type, value, description}} -> channels (ParseStructuredTime, ParseFee)
//   executionCases[i] {name, code, profileComponents[j] {code, name, originalQty, copyQty,
//     required, condition, attachments, hasElectronicForm, source}} -> cases (or the record-level
//     profileComponents as one case)
//   executionSteps[i].description       -> steps (joined by line breaks)
//   subjectTypesDetails[i].name         -> subjects
//   requirementsAndConditions           -> requirements
//   legalBasisesDetails[i] {code, name} -> legal_basis (number from code or name, date from name,
//                                          issuer from the number's suffix)
//   resultsDetails[i] {code, name}      -> outcomes
//   departmentsAuthority / Executing / Authorized / Coordinating -> ImportedProcedure::agencies;
//     national agency codes are not the province's unit codes, so competent_units stays empty and
//     a note asks for the mapping
//   decisionNo (else procedureProposal.proposalNumber + decisionDate) ->
//   ImportedProcedure::decision keywords (string or array)          -> ImportedProcedure::keywords
// Unknown members are ignored (the portal adds fields); known members of the wrong type are
// errors. Every text is NFC-normalised; parsed values keep their source text; everything doubtful
// becomes an ImportNote (catalog::NoteFor). Nothing is guessed silently.
//
// Pure apart from allocation; thread-safe.

#include <string_view>
#include <vector>

#include "catalog_io/imported.h"
#include "common/result.h"

namespace motcua::catalog_io {

// One record (a JSON object). kInvalidArgument (reason "validation") listing every malformed
// member by its JSON path ("executionMethods[1].submissionMethod"), or reason "malformed-json".
Result<ImportedProcedure> DecodeNationalPortalRecord(std::string_view json_text);

// A file of records: one object, or an array of objects. Errors are prefixed with the record
// index ("[3].code") when the file is an array; all records' errors are listed. `progress` is
// called every kProgressEvery records.
Result<std::vector<ImportedProcedure>> DecodeNationalPortalRecords(std::string_view json_text,
                                                                   const Progress& progress = {});

}  // namespace motcua::catalog_io
