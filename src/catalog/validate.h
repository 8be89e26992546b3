#pragma once

// Validation of a procedure before publication: what Decree 63/2010/NĐ-CP art. 8(2) (as amended
// by Decree 92/2017/NĐ-CP) requires a published procedure to state, plus the consistency rules
// motcua relies on (a legal time per channel that the clock can count, fees in whole đồng,
// components that can be asked for). Every problem is reported, not only the first.
//
// Paths: "code", "level", "channels.online.time", "channels.in-person.fees[1].amount_vnd",
// "cases[0].components[2].original_qty", "legal_basis[0].number" (channel names from
// ChannelName). Messages are English; the HTTP layer translates by path and rule if needed.

#include <string_view>
#include <vector>

#include "catalog/procedure.h"
#include "common/error.h"

namespace motcua::catalog {

// "1.001193" (a digit, a dot, six digits) or a localised code: a national code, a dot and a unit
// code ("1.011442.000.00.00.H38", "2.002345.H55.242").
bool IsValidProcedureCode(std::string_view code);

// A unit code (Decision 20/2020/QĐ-TTg): 1-35 characters of digits, capitals and dots, groups
// non-empty ("000.00.00.H38", "H55.242").
bool IsValidUnitCode(std::string_view code);

// Every rule the procedure breaks, in field order; empty when it may be published. Pure.
std::vector<FieldViolation> ValidateProcedure(const Procedure& procedure);

// ValidateProcedure as a Status: kInvalidArgument (reason "validation") carrying the violations.
Status CheckProcedure(const Procedure& procedure);

}  // namespace motcua::catalog
