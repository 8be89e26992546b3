#pragma once

// Versions of a procedure and their lifecycle. A publication decision (quyết định công bố) makes
// a procedure new, amended, replaced or repealed (Decree 63/2010/NĐ-CP as amended by 92/2017;
// shared/DOMAIN.md "The catalog"). A dossier keeps the version it was received under, so a
// published version never changes: a change is a new version.
//
//                 Publish(decision, effective date)
//     +-------+   [procedure valid]                  +-----------+
//     | draft | -----------------------------------> | published |
//     +-------+                                      +-----------+
//       |  ^ Edit (draft only)                         |   |   |
//       +--+                       Amend(decision,date)|   |   |Repeal(decision,date)
//                                                      v   |   v
//                                           +---------+    |    +----------+
//                                           | amended |    |    | repealed |
//                                           +---------+    |    +----------+
//                                                          |Replace(decision,date,by)
//                                                          v
//                                                     +----------+
//                                                     | replaced |
//                                                     +----------+
//   amended, replaced, repealed are final. NewDraftFrom(any non-draft) starts version n+1.
//
// | from      | function      | to        | precondition (else kFailedPrecondition)            |
// |-----------|---------------|-----------|-----------------------------------------------------|
// | draft     | EditDraft     | draft     | -                                                   |
// | draft     | Publish       | published | decision number set; ValidateProcedure finds nothing|
// | published | Amend         | amended   | decision number set; date >= effective date         |
// | published | Replace       | replaced  | as Amend; the replacing code is set                 |
// | published | Repeal        | repealed  | as Amend                                            |
// | any other | any           | -         | "version N is <state>"                              |
//
// Invariants: draft has no publication; every other state has one; amended/replaced/repealed
// have an end decision whose date is not before the effective date (CheckInvariants).
// "In force on D" depends on dates, not only on the state: a version amended by a decision that
// takes effect next month is in force until then.
//
// All functions are pure and take and return values; safe from any thread.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calendar/civil_time.h"
#include "catalog/procedure.h"
#include "common/result.h"

namespace motcua::catalog {

enum class VersionState { kDraft, kPublished, kAmended, kReplaced, kRepealed };

// "draft", "published", "amended", "replaced", "repealed".
std::string_view VersionStateName(VersionState state);

// A decision number ("2304/QĐ-BNNMT") and the date it applies from.
struct Decision {
  std::string number;
  calendar::CivilDate date;
  bool operator==(const Decision&) const = default;
};

struct ProcedureVersion {
  int number = 1;  // 1, 2, ... per procedure code
  VersionState state = VersionState::kDraft;
  Procedure procedure;
  std::optional<Decision> published;  // date = effective date (ngày có hiệu lực)
  std::optional<Decision> ended;      // the amending / replacing / repealing decision
  std::string replaced_by;            // code of the replacing procedure (kReplaced)
  // A known last day of validity (e.g. a pilot procedure), independent of any decision; the
  // hygiene report flags versions still published after it.
  std::optional<calendar::CivilDate> expires;
  std::vector<ImportNote> import_notes;  // doubtful values from the import that made it

  const std::string& code() const { return procedure.code; }
  bool operator==(const ProcedureVersion&) const = default;
};

// Version 1 of `procedure` as a draft.
ProcedureVersion NewDraft(Procedure procedure);
// A draft numbered `latest.number + 1` with a copy of `latest`'s procedure. kFailedPrecondition
// when `latest` is itself a draft (edit it instead).
Result<ProcedureVersion> NewDraftFrom(const ProcedureVersion& latest);

// The transitions of the table above. Each returns the new version or kFailedPrecondition
// (reason "version-state", or "invalid-procedure" with the field violations for Publish).
Result<ProcedureVersion> EditDraft(const ProcedureVersion& v, Procedure procedure);
Result<ProcedureVersion> Publish(const ProcedureVersion& v, Decision decision);
Result<ProcedureVersion> Amend(const ProcedureVersion& v, Decision decision);
Result<ProcedureVersion> Replace(const ProcedureVersion& v, Decision decision,
                                 std::string replaced_by);
Result<ProcedureVersion> Repeal(const ProcedureVersion& v, Decision decision);

// True when `v` is in force on `day`: published at or before `day` and not ended on or before it
// (an ending decision dated D ends the version at the start of D; the new version starts on D).
bool InForceOn(const ProcedureVersion& v, calendar::CivilDate day);

// The version of `code` in force on `day`, or nullptr. When (wrongly) several are, the highest
// number wins; the hygiene report lists the overlap. Pointers point into `versions`.
const ProcedureVersion* FindInForce(std::span<const ProcedureVersion> versions,
                                    std::string_view code, calendar::CivilDate day);

// Every version in force on `day`, in input order.
std::vector<const ProcedureVersion*> InForce(std::span<const ProcedureVersion> versions,
                                             calendar::CivilDate day);

// The invariants of the header comment; kInternal naming the broken one. For tests and for
// storage to assert what it loads.
Status CheckInvariants(const ProcedureVersion& v);

}  // namespace motcua::catalog
