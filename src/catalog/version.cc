#include "catalog/version.h"

#include <string>
#include <utility>

#include "catalog/validate.h"

namespace motcua::catalog {
namespace {

Error StateError(const ProcedureVersion& v, std::string_view action) {
  return Error::FailedPrecondition("cannot " + std::string(action) + ": version " +
                                   std::to_string(v.number) + " of " + v.code() + " is " +
                                   std::string(VersionStateName(v.state)))
      .WithReason("version-state");
}

// Shared checks of Amend, Replace and Repeal.
Status CheckEnd(const ProcedureVersion& v, const Decision& decision, std::string_view action) {
  if (v.state != VersionState::kPublished) return StateError(v, action);
  if (decision.number.empty()) {
    return Error::FailedPrecondition("cannot " + std::string(action) + ": no decision number")
        .WithReason("decision-number");
  }
  if (decision.date < v.published->date) {
    return Error::FailedPrecondition("cannot " + std::string(action) + ": decision date " +
                                     calendar::FormatDate(decision.date) +
                                     " is before the effective date " +
                                     calendar::FormatDate(v.published->date))
        .WithReason("decision-date");
  }
  return Ok();
}

Result<ProcedureVersion> End(const ProcedureVersion& v, Decision decision, VersionState to,
                             std::string_view action) {
  MOTCUA_RETURN_IF_ERROR(CheckEnd(v, decision, action));
  ProcedureVersion out = v;
  out.state = to;
  out.ended = std::move(decision);
  return out;
}

}  // namespace

std::string_view VersionStateName(VersionState state) {
  switch (state) {
    case VersionState::kDraft: return "draft";
    case VersionState::kPublished: return "published";
    case VersionState::kAmended: return "amended";
    case VersionState::kReplaced: return "replaced";
    case VersionState::kRepealed: return "repealed";
  }
  return "unknown";
}

ProcedureVersion NewDraft(Procedure procedure) {
  ProcedureVersion v;
  v.procedure = std::move(procedure);
  return v;
}

Result<ProcedureVersion> NewDraftFrom(const ProcedureVersion& latest) {
  if (latest.state == VersionState::kDraft) return StateError(latest, "start a new version");
  ProcedureVersion v = NewDraft(latest.procedure);
  v.number = latest.number + 1;
  return v;
}

Result<ProcedureVersion> EditDraft(const ProcedureVersion& v, Procedure procedure) {
  if (v.state != VersionState::kDraft) return StateError(v, "edit");
  ProcedureVersion out = v;
  out.procedure = std::move(procedure);
  return out;
}

Result<ProcedureVersion> Publish(const ProcedureVersion& v, Decision decision) {
  if (v.state != VersionState::kDraft) return StateError(v, "publish");
  if (decision.number.empty()) {
    return Error::FailedPrecondition("cannot publish: no decision number")
        .WithReason("decision-number");
  }
  std::vector<FieldViolation> problems = ValidateProcedure(v.procedure);
  if (!problems.empty()) {
    Error e = Error::FailedPrecondition("cannot publish: the procedure has " +
                                        std::to_string(problems.size()) + " problem(s)")
                  .WithReason("invalid-procedure");
    e.fields = std::move(problems);
    return e;
  }
  ProcedureVersion out = v;
  out.state = VersionState::kPublished;
  out.published = std::move(decision);
  return out;
}

Result<ProcedureVersion> Amend(const ProcedureVersion& v, Decision decision) {
  return End(v, std::move(decision), VersionState::kAmended, "amend");
}

Result<ProcedureVersion> Replace(const ProcedureVersion& v, Decision decision,
                                 std::string replaced_by) {
  if (replaced_by.empty()) {
    return Error::FailedPrecondition("cannot replace: the replacing procedure code is empty")
        .WithReason("replaced-by");
  }
  MOTCUA_ASSIGN_OR_RETURN(ProcedureVersion out,
                          End(v, std::move(decision), VersionState::kReplaced, "replace"));
  out.replaced_by = std::move(replaced_by);
  return out;
}

Result<ProcedureVersion> Repeal(const ProcedureVersion& v, Decision decision) {
  return End(v, std::move(decision), VersionState::kRepealed, "repeal");
}

bool InForceOn(const ProcedureVersion& v, calendar::CivilDate day) {
  if (v.state == VersionState::kDraft || !v.published) return false;
  if (day < v.published->date) return false;
  return !v.ended || day < v.ended->date;
}

const ProcedureVersion* FindInForce(std::span<const ProcedureVersion> versions,
                                    std::string_view code, calendar::CivilDate day) {
  const ProcedureVersion* best = nullptr;
  for (const ProcedureVersion& v : versions) {
    if (v.code() != code || !InForceOn(v, day)) continue;
    if (best == nullptr || v.number > best->number) best = &v;
  }
  return best;
}

std::vector<const ProcedureVersion*> InForce(std::span<const ProcedureVersion> versions,
                                             calendar::CivilDate day) {
  std::vector<const ProcedureVersion*> out;
  for (const ProcedureVersion& v : versions) {
    if (InForceOn(v, day)) out.push_back(&v);
  }
  return out;
}

Status CheckInvariants(const ProcedureVersion& v) {
  const bool is_draft = v.state == VersionState::kDraft;
  if (v.number < 1) return Error::Internal("version number must be >= 1");
  if (is_draft != !v.published) {
    return Error::Internal(is_draft ? "a draft has a publication" : "no publication decision");
  }
  const bool final_state = !is_draft && v.state != VersionState::kPublished;
  if (final_state != v.ended.has_value()) {
    return Error::Internal(final_state ? "no end decision" : "an end decision before the end");
  }
  if (v.ended && v.ended->date < v.published->date) {
    return Error::Internal("ends before it takes effect");
  }
  if ((v.state == VersionState::kReplaced) == v.replaced_by.empty()) {
    return Error::Internal("replaced_by must be set exactly when replaced");
  }
  return Ok();
}

}  // namespace motcua::catalog
