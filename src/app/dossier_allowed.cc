// Which commands an actor may give on a dossier now, for the screens that offer them: each
// command is decided against the dossier as it is (Decide is pure), and the ones refused only for
// want of the actor's input count as allowed.
#include "app/dossier_internal.h"

namespace motcua::app {

using dossier::CommandKind;

namespace {

constexpr CommandKind kOffered[] = {
    CommandKind::kReceive,
    CommandKind::kGuide,
    CommandKind::kRefuse,
    CommandKind::kAssign,
    CommandKind::kForward,
    CommandKind::kRework,
    CommandKind::kPause,
    CommandKind::kResume,
    CommandKind::kAgencyAnswer,
    CommandKind::kRequestSupplement,
    CommandKind::kReceiveSupplement,
    CommandKind::kProposeRefusal,
    CommandKind::kDraftApology,
    CommandKind::kSignApology,
    CommandKind::kIssue,
    CommandKind::kReturn,
    CommandKind::kRequestWithdrawal,
    CommandKind::kStop,
    CommandKind::kSendOriginals,
    CommandKind::kReceiveOriginals,
};

}  // namespace

namespace internal {

std::vector<CommandKind> AllowedCommands(const dossier::Dossier& d, const dossier::Context& ctx) {
  std::vector<CommandKind> allowed;
  for (CommandKind kind : kOffered) {
    dossier::Command probe;
    probe.kind = kind;
    auto decided = dossier::Decide(d, probe, ctx);
    if (decided.ok() || decided.error().code == ErrorCode::kInvalidArgument) {
      allowed.push_back(kind);
    }
  }
  return allowed;
}

}  // namespace internal

Result<std::vector<CommandKind>> DossierService::AllowedCommands(const Actor& actor,
                                                                 std::int64_t id) {
  const Instant now = clock_.Now();
  std::vector<CommandKind> allowed;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto loaded, LoadReadable(tx, actor, id));
    const dossier::Dossier& d = loaded.first.value;
    MOTCUA_ASSIGN_OR_RETURN(auto units, LoadUnits(tx, actor));
    MOTCUA_ASSIGN_OR_RETURN(dossier::Actor who, DomainActor(*units, actor));
    MOTCUA_ASSIGN_OR_RETURN(auto entry, CataloguedOf(tx, d.procedure_code, d.procedure_version));
    const catalog::Procedure& p = entry->version.procedure;
    MOTCUA_ASSIGN_OR_RETURN(
        auto workflow,
        internal::PickWorkflow(entry->workflows, p.code, entry->version.number, d.channel));
    dossier::Context ctx = internal::MakeContext(*units, who, p, workflow, now);
    // As in Act: a stop from state 5 depends on whether the supplement period has passed.
    if (d.state == dossier::State::kSupplement) {
      MOTCUA_ASSIGN_OR_RETURN(auto times, TimesOf(tx, d, loaded.second, p));
      ctx.supplement_expired = times.supplement_deadline && now > *times.supplement_deadline;
    }
    allowed = internal::AllowedCommands(d, ctx);
    return Ok();
  }));
  return allowed;
}

}  // namespace motcua::app
