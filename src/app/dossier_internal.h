#pragma once

// Pieces of DossierService shared by dossier_service.cc and dossier_commands.cc.

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/dossier_service.h"
#include "app/queue_cursor.h"

namespace motcua::app {

// The unit tree as the dossier rules need it: codes and scope by code.
struct DossierService::Units {
  explicit Units(const std::vector<identity::Unit>& all);
  std::string CodeOf(identity::UnitId id) const;
  std::optional<identity::UnitId> IdOf(const std::string& code) const;
  // `code` names `root` or a unit below it.
  bool Contains(identity::UnitId root, const std::string& code) const;
  // Unit `unit` is unit `root` or below it, both by code.
  bool ContainsCode(const std::string& root, const std::string& unit) const;

  identity::UnitTree tree;
  std::unordered_map<std::string, identity::UnitId> ids;
  std::unordered_map<identity::UnitId, std::string> codes;
};

namespace internal {

// "id secret", the body of a remembered creation answer.
std::string EncodeCreated(std::int64_t id, const std::string& secret);
Result<std::pair<std::int64_t, std::string>> DecodeCreated(const std::string& body);

// The published version (number, or in force on `now`'s day when 0). kNotFound naming the
// field "procedure_code" when none.
Result<catalog::ProcedureVersion> LoadVersion(ReadTx& tx, const std::string& code, int number,
                                              Instant now);
// The commands `ctx.actor` may give on `d` now: those Decide accepts, or refuses only for want
// of the actor's input (kInvalidArgument).
std::vector<dossier::CommandKind> AllowedCommands(const dossier::Dossier& d,
                                                  const dossier::Context& ctx);
// The version's workflow serving `channel` (one whose channels list it or is empty), among its
// workflows. kFailedPrecondition "no-workflow" when none.
Result<catalog::Workflow> PickWorkflow(const std::vector<catalog::Workflow>& workflows,
                                       const std::string& code, int number,
                                       dossier::Channel channel);

// The reception check: every component of the case, with what the applicant provided (matched
// by name), missing ones marked; electronic and data-store components count as digitized, paper
// ones are marked digitized at reception. kInvalidArgument naming "case_name" or
// "components[i].name" for a case or component the procedure does not have.
// Every named file exists and was uploaded by the actor, or, for a component reused or taken
// from the data store, is held for the applicant numbered `applicant_id_number` (HeldFor); an
// electronic component names one.
Status CheckAttachments(ReadTx& tx, const Actor& actor,
                        const std::vector<dossier::ProvidedComponent>& components,
                        const std::string& applicant_id_number);

// The documents of one dossier that enter its applicant's data store: the result document, if
// issued with a file, then the components that name a file and were not themselves reused or
// taken from the data store (their file is listed from the dossier that first brought it). The
// result is named "Kết quả: <procedure_name>". Sizes and types are left for the caller.
std::vector<DossierService::HeldDocument> HeldDocumentsOf(const dossier::Dossier& d,
                                                          const std::string& procedure_name);
// Whether file `sha256` is among the held documents of the applicant numbered `id_number`.
Result<bool> HeldFor(ReadTx& tx, const std::string& id_number, const std::string& sha256);
// The result document of an issue: a PDF the actor uploaded (kInvalidArgument "file_sha256").
Status CheckResultFile(ReadTx& tx, const Actor& actor, const std::string& sha256);

Result<std::vector<dossier::ProvidedComponent>> CheckComponents(const catalog::Procedure& p,
                                                                const ReceptionInput& input);
// Names of the required components that are missing.
std::vector<std::string> MissingItems(const std::vector<dossier::ProvidedComponent>& components);

// The competent unit: the one of the procedure's competent units that is, or contains, the
// applicant's commune; else the first.
std::string Route(const DossierService::Units& units, const catalog::Procedure& p,
                  const std::string& commune_code);
// Where an online dossier is checked: the first receiving unit, else the competent unit.
std::string ReceivingUnitOf(const catalog::Procedure& p, const std::string& competent_unit);

dossier::Context MakeContext(const DossierService::Units& units, const dossier::Actor& actor,
                             const catalog::Procedure& p, const catalog::Workflow& workflow,
                             Instant now);

// The officer a dossier is assigned to exists, is active, is not a citizen and works in the
// unit of the dossier's current step (or below it). kInvalidArgument naming "to_user" otherwise.
Status CheckAssignee(ReadTx& tx, const DossierService::Units& units, const dossier::Dossier& d,
                     identity::UserId user_id);

// The current-state row's columns derived from the dossier and its times.
void FillRow(StoredDossier& stored, const dossier::Times& times);

// Queues the applicant's notification for `event` when it is one they are told about
// (received, guided, refused, supplement requested, issued, apology signed, stopped).
Status Notify(WriteTx& tx, const StoredDossier& stored, const dossier::Event& event, Instant now);

// "N.T.H." for "Nguyễn Thị Hương": the first letter of each word (UTF-8 aware).
std::string Initials(const std::string& name);

// The keyset cursor of a queue page after `last` (app/queue_cursor.h).
std::string EncodeCursor(const StoredDossier& last);

}  // namespace internal
}  // namespace motcua::app
