#include "app/dossier_internal.h"

#include <algorithm>
#include <charconv>

#include "calendar/civil_time.h"
#include "catalog/version.h"

namespace motcua::app {

using dossier::Provision;

DossierService::Units::Units(const std::vector<identity::Unit>& all) : tree(all) {
  for (const auto& u : all) {
    ids[u.code] = u.id;
    codes[u.id] = u.code;
  }
}

std::string DossierService::Units::CodeOf(identity::UnitId id) const {
  auto it = codes.find(id);
  return it == codes.end() ? std::string() : it->second;
}

std::optional<identity::UnitId> DossierService::Units::IdOf(const std::string& code) const {
  auto it = ids.find(code);
  if (it == ids.end()) return std::nullopt;
  return it->second;
}

bool DossierService::Units::Contains(identity::UnitId root, const std::string& code) const {
  auto id = IdOf(code);
  return id && tree.Contains(root, *id);
}

bool DossierService::Units::ContainsCode(const std::string& root, const std::string& unit) const {
  auto r = IdOf(root);
  return r && Contains(*r, unit);
}

namespace internal {

std::string EncodeCreated(std::int64_t id, const std::string& secret) {
  return std::to_string(id) + " " + secret;
}

Result<std::pair<std::int64_t, std::string>> DecodeCreated(const std::string& body) {
  const auto space = body.find(' ');
  std::int64_t id = 0;
  if (space == std::string::npos ||
      std::from_chars(body.data(), body.data() + space, id).ptr != body.data() + space) {
    return Error::Internal("remembered answer is corrupt");
  }
  return std::pair<std::int64_t, std::string>(id, body.substr(space + 1));
}

Result<catalog::ProcedureVersion> LoadVersion(ReadTx& tx, const std::string& code, int number,
                                              Instant now) {
  const Error missing = Error::InvalidField(
      "procedure_code", "no published version of procedure \"" + code + "\" is in force");
  if (number > 0) {
    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindProcedureVersion(code, number));
    if (!found || found->value.state == catalog::VersionState::kDraft) return missing;
    return found->value;
  }
  MOTCUA_ASSIGN_OR_RETURN(auto stored, tx.ListProcedureVersions(code));
  std::vector<catalog::ProcedureVersion> versions;
  for (auto& s : stored) versions.push_back(std::move(s.value));
  const catalog::ProcedureVersion* in_force =
      catalog::FindInForce(versions, code, calendar::ToLocal(now).date);
  if (in_force == nullptr) return missing;
  return *in_force;
}

Result<catalog::Workflow> PickWorkflow(const std::vector<catalog::Workflow>& workflows,
                                       const std::string& code, int number,
                                       dossier::Channel channel) {
  for (const auto& w : workflows) {
    if (w.channels.empty() ||
        std::find(w.channels.begin(), w.channels.end(), channel) != w.channels.end()) {
      return w;
    }
  }
  return Error::FailedPrecondition("procedure " + code + " version " + std::to_string(number) +
                                   " has no internal workflow for this channel")
      .WithReason("no-workflow");
}

Result<std::vector<dossier::ProvidedComponent>> CheckComponents(const catalog::Procedure& p,
                                                                const ReceptionInput& input) {
  const catalog::Case* chosen = nullptr;
  for (const auto& c : p.cases) {
    if (c.name == input.case_name) chosen = &c;
  }
  if (chosen == nullptr && input.case_name.empty() && p.cases.size() == 1) chosen = &p.cases[0];
  if (chosen == nullptr) {
    return Error::InvalidField("case_name",
                               "procedure " + p.code + " has no case \"" + input.case_name + "\"");
  }
  for (std::size_t i = 0; i < input.components.size(); ++i) {
    const auto& given = input.components[i];
    const bool known =
        std::any_of(chosen->components.begin(), chosen->components.end(),
                    [&](const catalog::Component& c) { return c.name == given.name; });
    if (!known) {
      return Error::InvalidField("components[" + std::to_string(i) + "].name",
                                 "\"" + given.name + "\" is not a component of this procedure");
    }
  }
  std::vector<dossier::ProvidedComponent> out;
  for (const auto& c : chosen->components) {
    dossier::ProvidedComponent pc{c.name, Provision::kMissing, false, ""};
    for (const auto& given : input.components) {
      if (given.name == c.name && given.provision != Provision::kMissing) pc = given;
    }
    // Decree 45/2020 as amended: paper is digitized at reception; electronic and reused
    // documents already are.
    if (pc.provision != Provision::kMissing) pc.digitized = true;
    // A conditional component that was not brought is not asked for.
    if (pc.provision == Provision::kMissing &&
        c.requirement == catalog::Requirement::kConditional) {
      continue;
    }
    out.push_back(std::move(pc));
  }
  return out;
}

std::vector<std::string> MissingItems(const std::vector<dossier::ProvidedComponent>& components) {
  std::vector<std::string> out;
  for (const auto& c : components) {
    if (c.provision == Provision::kMissing) out.push_back(c.name);
  }
  return out;
}

std::string Route(const DossierService::Units& units, const catalog::Procedure& p,
                  const std::string& commune_code) {
  if (p.competent_units.empty()) return {};
  if (!commune_code.empty()) {
    for (const auto& unit : p.competent_units) {
      if (units.ContainsCode(unit, commune_code)) return unit;
    }
  }
  return p.competent_units.front();
}

std::string ReceivingUnitOf(const catalog::Procedure& p, const std::string& competent_unit) {
  return p.receiving_units.empty() ? competent_unit : p.receiving_units.front();
}

dossier::Context MakeContext(const DossierService::Units& units, const dossier::Actor& actor,
                             const catalog::Procedure& p, const catalog::Workflow& workflow,
                             Instant now) {
  dossier::Context c;
  c.now = now;
  c.procedure = &p;
  c.workflow = &workflow;
  c.actor = actor;
  c.in_subtree = [&units](const std::string& root, const std::string& unit) {
    return units.ContainsCode(root, unit);
  };
  return c;
}

Status CheckAssignee(ReadTx& tx, const DossierService::Units& units, const dossier::Dossier& d,
                     identity::UserId user_id) {
  MOTCUA_ASSIGN_OR_RETURN(auto user, tx.FindUser(user_id));
  if (!user || !user->active || user->roles.Has(identity::Role::kCitizen)) {
    return Error::InvalidField("to_user", "no active officer with id " + std::to_string(user_id));
  }
  const std::string& unit = d.step_unit.empty() ? d.competent_unit : d.step_unit;
  if (!units.ContainsCode(unit, units.CodeOf(user->unit_id))) {
    return Error::InvalidField("to_user", user->username + " does not work in unit " + unit +
                                              ", which holds the dossier's current step");
  }
  return Ok();
}

void FillRow(StoredDossier& stored, const dossier::Times& times) {
  const dossier::Dossier& d = stored.value;
  stored.step_unit = d.step_unit.empty() ? d.receiving_unit : d.step_unit;
  stored.clock.due = times.due;
  stored.clock.step_due = times.step_due;
  stored.clock.appointment = times.appointment;
  stored.clock.new_appointment = times.new_appointment;
  stored.clock.intake_due = times.intake_due;
  stored.clock.intake_alert = times.intake_alert;
  stored.clock.supplement_deadline = times.supplement_deadline;
}

Status Notify(WriteTx& tx, const StoredDossier& stored, const dossier::Event& event, Instant now) {
  using dossier::EventKind;
  // A signed apology is also told to the service center, which gives the applicant the new
  // appointment at the counter: a staff message to the receiving unit.
  if (event.kind == EventKind::kApologySigned && !stored.value.receiving_unit.empty()) {
    OutboxMessage m;
    m.dossier_id = stored.value.id;
    m.kind = "apology-signed";
    m.channel = "staff";
    m.recipient = stored.value.receiving_unit;
    // Codes of dossiers and units are [A-Z0-9.-]: nothing to escape.
    m.payload =
        "{\"code\":\"" + stored.value.code + "\",\"kind\":\"apology-signed\",\"unit\":\"" +
        stored.value.receiving_unit + "\"" +
        (stored.value.new_appointment ? ",\"due\":" + std::to_string(*stored.value.new_appointment)
                                      : std::string()) +
        "}";
    m.created_at = now;
    m.next_attempt_at = now;
    MOTCUA_RETURN_IF_ERROR(tx.InsertOutbox(m));
  }
  static const std::pair<EventKind, const char*> kTold[] = {
      {EventKind::kReceived, "received"},   {EventKind::kGuided, "supplement"},
      {EventKind::kRefused, "refused"},     {EventKind::kSupplementRequested, "supplement"},
      {EventKind::kIssued, "result-ready"}, {EventKind::kApologySigned, "apology"},
      {EventKind::kStopped, "stopped"},
  };
  const dossier::Applicant& a = stored.value.applicant;
  for (const auto& [kind, name] : kTold) {
    if (kind != event.kind) continue;
    if (a.email.empty() && a.phone.empty()) return Ok();
    OutboxMessage m;
    m.dossier_id = stored.value.id;
    m.kind = name;
    m.channel = a.email.empty() ? "webhook" : "email";
    m.recipient = a.email.empty() ? a.phone : a.email;
    m.payload = "{\"code\":\"" + stored.value.code + "\",\"kind\":\"" + name + "\"}";
    m.created_at = now;
    m.next_attempt_at = now;
    return tx.InsertOutbox(m);
  }
  return Ok();
}

std::string Initials(const std::string& name) {
  std::string out;
  bool start = true;
  for (std::size_t i = 0; i < name.size();) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    if (c == ' ') {
      start = true;
    } else if (start) {
      out += name.substr(i, len) + ".";
      start = false;
    }
    i += len;
  }
  return out;
}

std::string EncodeCursor(const StoredDossier& last) {
  return EncodeQueueCursor(last.clock.due, last.value.id);
}

}  // namespace internal
}  // namespace motcua::app
