// Reception, submission, reading and scope of dossiers. The processing commands, queues and the
// public lookup are in dossier_commands.cc.
#include "app/dossier_service.h"

#include <algorithm>
#include <unordered_map>

#include "app/audit_service.h"
#include "app/dossier_internal.h"
#include "app/secrets.h"
#include "calendar/civil_time.h"
#include "calendar/format.h"
#include "dossier/code.h"

namespace motcua::app {

using dossier::Command;
using dossier::CommandKind;
using dossier::Event;

DossierService::DossierService(Store& store, const Clock& clock, CalendarService& calendars)
    : store_(store), clock_(clock), calendars_(calendars) {}

// Units change rarely: the tree is kept for 30 seconds, and reloaded at once when it does not
// know the acting user's unit (a unit created since).
Result<std::shared_ptr<const DossierService::Units>> DossierService::LoadUnits(ReadTx& tx,
                                                                               const Actor& actor) {
  const Instant now = clock_.Now();
  {
    std::lock_guard lock(units_mu_);
    if (units_ && now - units_loaded_at_ < 30 &&
        (!actor.user || units_->codes.contains(actor.user->unit_id))) {
      return units_;
    }
  }
  MOTCUA_ASSIGN_OR_RETURN(auto all, tx.ListUnits());
  auto fresh = std::make_shared<Units>(all);
  std::lock_guard lock(units_mu_);
  units_ = fresh;
  units_loaded_at_ = now;
  return units_;
}

Result<dossier::Actor> DossierService::DomainActor(const Units& units, const Actor& actor) {
  dossier::Actor out;
  if (actor.system) {
    out.system = true;
    return out;
  }
  if (!actor.user) return Error::Unauthenticated("login required");
  const identity::User& u = *actor.user;
  out.user_id = u.id;
  out.username = u.username;
  out.roles = u.roles;
  out.applicant = u.roles.Has(identity::Role::kCitizen);
  if (!out.applicant) out.unit_code = units.CodeOf(u.unit_id);
  return out;
}

// The units a dossier belongs to: where it was received, who decides, who holds it now, and
// every unit it was sent to.
Status DossierService::CheckRead(const Units& units, const Actor& actor, const StoredDossier& s,
                                 const std::vector<Event>& events) {
  const Error hidden = Error::NotFound("dossier " + std::to_string(s.value.id) + " not found");
  if (actor.system) return Ok();
  if (!actor.user) return Error::Unauthenticated("login required");
  const identity::User& u = *actor.user;
  if (u.roles.Has(identity::Role::kCitizen)) {
    return s.applicant_user == u.id ? Ok() : Status(hidden);
  }
  std::vector<std::string> codes = {s.value.receiving_unit, s.value.competent_unit, s.step_unit};
  for (const Event& e : events) {
    if (!e.to_unit.empty()) codes.push_back(e.to_unit);
  }
  for (const auto& code : codes) {
    if (units.Contains(u.unit_id, code)) return Ok();
  }
  return hidden;
}

Result<std::pair<StoredCalendar, std::shared_ptr<const calendar::Calendar>>>
DossierService::CalendarOf(ReadTx& tx, const dossier::Dossier& d) {
  const std::string unit = d.competent_unit.empty() ? d.receiving_unit : d.competent_unit;
  return calendars_.ForUnit(tx, unit.empty() ? std::nullopt : std::optional(unit));
}

Result<dossier::Times> DossierService::TimesOf(ReadTx& tx, const dossier::Dossier& d,
                                               const std::vector<Event>& events,
                                               const catalog::Procedure& p) {
  MOTCUA_ASSIGN_OR_RETURN(auto cal, CalendarOf(tx, d));
  return TimesOf(*cal.second, d, events, p);
}

Result<dossier::Times> DossierService::TimesOf(const calendar::Calendar& cal,
                                               const dossier::Dossier& d,
                                               const std::vector<Event>& events,
                                               const catalog::Procedure& p) {
  return dossier::ComputeTimes(d, events, p, cal, clock_.Now());
}

Result<std::shared_ptr<const DossierService::Catalogued>> DossierService::CataloguedOf(
    ReadTx& tx, const std::string& code, int number) {
  const Instant now = clock_.Now();
  const auto key = std::make_pair(code, number);
  {
    std::lock_guard lock(catalogued_mu_);
    auto it = catalogued_.find(key);
    if (it != catalogued_.end() && now - it->second.first < 30 && now >= it->second.first) {
      return it->second.second;
    }
  }
  MOTCUA_ASSIGN_OR_RETURN(auto version, tx.FindProcedureVersion(code, number));
  if (!version) return Error::Internal("the dossier's procedure version is missing");
  auto fresh = std::make_shared<Catalogued>();
  fresh->version = std::move(version->value);
  MOTCUA_ASSIGN_OR_RETURN(fresh->workflows, tx.ListWorkflowsOf(code, number));
  std::lock_guard lock(catalogued_mu_);
  if (catalogued_.size() > 10'000) catalogued_.clear();
  catalogued_[key] = {now, fresh};
  return std::shared_ptr<const Catalogued>(std::move(fresh));
}

Result<std::shared_ptr<const DossierService::Catalogued>> DossierService::ReceivableVersion(
    ReadTx& tx, const std::string& code, int number, Instant now) {
  const auto fresh = [&](Instant at) { return now - at < 30 && now >= at; };
  if (number <= 0) {
    std::lock_guard lock(catalogued_mu_);
    auto it = in_force_.find(code);
    if (it != in_force_.end() && fresh(it->second.first)) number = it->second.second;
  }
  if (number > 0) {
    std::lock_guard lock(catalogued_mu_);
    auto it = catalogued_.find(std::make_pair(code, number));
    if (it != catalogued_.end() && fresh(it->second.first) &&
        it->second.second->version.state != catalog::VersionState::kDraft) {
      return it->second.second;
    }
  }
  // Not known yet: the checks of a first reception, then the cache.
  MOTCUA_ASSIGN_OR_RETURN(auto version, internal::LoadVersion(tx, code, number, now));
  if (number <= 0) {
    std::lock_guard lock(catalogued_mu_);
    if (in_force_.size() > 10'000) in_force_.clear();
    in_force_[code] = {now, version.number};
  }
  return CataloguedOf(tx, code, version.number);
}

Result<DossierView> DossierService::MakeView(ReadTx& tx, StoredDossier stored,
                                             std::vector<Event> events) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto entry, CataloguedOf(tx, stored.value.procedure_code, stored.value.procedure_version));
  const catalog::Procedure& p = entry->version.procedure;
  MOTCUA_ASSIGN_OR_RETURN(auto cal, CalendarOf(tx, stored.value));
  MOTCUA_ASSIGN_OR_RETURN(auto times, TimesOf(*cal.second, stored.value, events, p));
  return ViewOf(std::move(stored), std::move(events), p, std::move(times), *cal.second);
}

DossierView DossierService::ViewOf(StoredDossier stored, std::vector<Event> events,
                                   const catalog::Procedure& p, dossier::Times times,
                                   const calendar::Calendar& cal) {
  DossierView view;
  view.procedure_name = p.name;
  view.times = std::move(times);
  if (view.times.due && !dossier::IsFinal(stored.value.state) &&
      stored.value.state != dossier::State::kResolved) {
    auto text = calendar::RemainingText(clock_.Now(), *view.times.due, cal, view.times.exclusions,
                                        calendar::Language::kVietnamese);
    if (text.ok()) view.remaining = *text;
  }
  view.stored = std::move(stored);
  view.events = std::move(events);
  return view;
}

Result<std::pair<StoredDossier, std::vector<Event>>> DossierService::LoadReadable(
    ReadTx& tx, const Actor& actor, std::int64_t id) {
  MOTCUA_ASSIGN_OR_RETURN(auto units, LoadUnits(tx, actor));
  MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindDossier(id));
  if (!found) return Error::NotFound("dossier " + std::to_string(id) + " not found");
  MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(id));
  MOTCUA_RETURN_IF_ERROR(CheckRead(*units, actor, *found, events));
  return std::make_pair(std::move(*found), std::move(events));
}

Result<DossierView> DossierService::Get(const Actor& actor, std::int64_t id) {
  DossierView out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto loaded, LoadReadable(tx, actor, id));
    MOTCUA_ASSIGN_OR_RETURN(out, MakeView(tx, std::move(loaded.first), std::move(loaded.second)));
    return Ok();
  }));
  return out;
}

Result<ReceptionAnswer> DossierService::Receive(const Actor& actor, const ReceptionInput& input,
                                                ReceptionDecision decision, const Command& details,
                                                const std::string& key,
                                                const std::string& request_hash) {
  if (input.channel == dossier::Channel::kOnline) {
    return Error::InvalidField("channel", "a counter receives in person or by post");
  }
  if (input.channel == dossier::Channel::kPostal && input.postal_item.empty()) {
    return Error::InvalidField("postal_item", "the postal item number is required");
  }
  Command command = details;
  command.kind = decision == ReceptionDecision::kReceive ? CommandKind::kReceive
                 : decision == ReceptionDecision::kGuide ? CommandKind::kGuide
                                                         : CommandKind::kRefuse;
  return Create(actor, input, command, key, request_hash);
}

Result<ReceptionAnswer> DossierService::Submit(const Actor& actor, const ReceptionInput& input,
                                               const std::string& key,
                                               const std::string& request_hash) {
  if (input.channel != dossier::Channel::kOnline) {
    return Error::InvalidField("channel", "online submissions have channel 2 (online)");
  }
  Command command;
  command.kind = CommandKind::kSubmit;
  return Create(actor, input, command, key, request_hash);
}

// Creating a dossier: the idempotency check, the procedure version and its workflow, the
// reception check of the components, routing, the code and secret, the decision, the row, the
// events, the audit record and the applicant's notification: one transaction.
Result<ReceptionAnswer> DossierService::Create(const Actor& actor, const ReceptionInput& input,
                                               const Command& command, const std::string& key,
                                               const std::string& request_hash) {
  const Instant now = clock_.Now();
  const std::string scoped_key =
      key.empty() ? "" : std::to_string(actor.user_id().value_or(0)) + ":dossier:" + key;
  ReceptionAnswer answer;
  std::int64_t id = 0;
  bool made = false;  // created now (not a retry): `answer.view` is filled
  // The lookup secret, drawn before the writer's turn: it needs nothing of the database.
  const std::string secret = RandomCode(8);
  const std::string secret_hash = Sha256Hex(secret);
  MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
    id = 0;
    made = false;
    if (!scoped_key.empty()) {
      MOTCUA_ASSIGN_OR_RETURN(auto earlier, tx.FindIdempotentAnswer(scoped_key));
      if (earlier) {
        if (earlier->request_hash != request_hash) {
          return Error::FailedPrecondition("this Idempotency-Key was used for another request")
              .WithReason("idempotency-key-reused");
        }
        MOTCUA_ASSIGN_OR_RETURN(auto first, internal::DecodeCreated(earlier->body));
        id = first.first;
        answer.secret = first.second;
        return Ok();
      }
    }
    MOTCUA_ASSIGN_OR_RETURN(auto units, LoadUnits(tx, actor));
    MOTCUA_ASSIGN_OR_RETURN(dossier::Actor who, DomainActor(*units, actor));
    MOTCUA_ASSIGN_OR_RETURN(
        auto entry, ReceivableVersion(tx, input.procedure_code, input.procedure_version, now));
    const catalog::ProcedureVersion& version = entry->version;
    const catalog::Procedure& p = version.procedure;
    MOTCUA_ASSIGN_OR_RETURN(auto workflow, internal::PickWorkflow(entry->workflows, p.code,
                                                                  version.number, input.channel));
    StoredDossier stored;
    dossier::Dossier& d = stored.value;
    d.procedure_code = p.code;
    d.procedure_version = version.number;
    d.case_name = input.case_name;
    d.channel = input.channel;
    d.applicant = input.applicant;
    d.postal_item = input.postal_item;
    d.paid_online = input.paid_online;
    MOTCUA_ASSIGN_OR_RETURN(d.components, internal::CheckComponents(p, input));
    MOTCUA_RETURN_IF_ERROR(
        internal::CheckAttachments(tx, actor, input.components, input.applicant.id_number));
    d.competent_unit = internal::Route(*units, p, input.applicant.commune_code);
    d.receiving_unit = who.applicant || who.system ? internal::ReceivingUnitOf(p, d.competent_unit)
                                                   : who.unit_code;
    Command cmd = command;
    if (cmd.kind == CommandKind::kGuide && cmd.items.empty()) {
      cmd.items = internal::MissingItems(d.components);
    }
    dossier::Context ctx = internal::MakeContext(*units, who, p, workflow, now);
    MOTCUA_ASSIGN_OR_RETURN(auto events, dossier::Decide(d, cmd, ctx));
    // The code: the receiving unit's sequence of the day (shared/DOMAIN.md "Codes").
    const calendar::CivilDate today = calendar::ToLocal(now).date;
    MOTCUA_ASSIGN_OR_RETURN(auto seq, tx.NextDossierSequence(d.receiving_unit, today));
    d.code = dossier::FormatDossierCode({d.receiving_unit, today, seq});
    answer.secret = secret;
    stored.secret_hash = secret_hash;
    if (who.applicant) stored.applicant_user = who.user_id;
    for (const Event& e : events) dossier::Apply(d, e);
    MOTCUA_ASSIGN_OR_RETURN(auto cal, CalendarOf(tx, d));
    MOTCUA_ASSIGN_OR_RETURN(auto times, TimesOf(*cal.second, d, events, p));
    internal::FillRow(stored, times);
    MOTCUA_ASSIGN_OR_RETURN(auto visits, reports::VisitsCompletedBy(events, 0, *cal.second));
    MOTCUA_RETURN_IF_ERROR(tx.InsertDossier(stored, events));
    MOTCUA_RETURN_IF_ERROR(tx.InsertStepVisits(d.id, visits));
    id = d.id;
    MOTCUA_RETURN_IF_ERROR(internal::Notify(tx, stored, events.back(), now));
    audit::Record rec =
        AuditRecordFor(actor, now, "dossier." + std::string(CommandKindName(cmd.kind)), "dossier",
                       d.code, "procedure=" + p.code);
    MOTCUA_RETURN_IF_ERROR(tx.AppendAudit(rec));
    if (!scoped_key.empty()) {
      IdempotentAnswer remembered{scoped_key, request_hash, 201,
                                  internal::EncodeCreated(id, answer.secret), now};
      MOTCUA_RETURN_IF_ERROR(tx.InsertIdempotentAnswer(remembered));
    }
    // What the receiving officer may do next (forward, at a counter), decided on what was just
    // written, like a command's answer.
    ctx.supplement_expired = times.supplement_deadline && now > *times.supplement_deadline;
    auto allowed = internal::AllowedCommands(d, ctx);
    // The answer is what was just written: no second read of the dossier.
    answer.view = ViewOf(std::move(stored), std::move(events), p, std::move(times), *cal.second);
    answer.view.allowed_commands = std::move(allowed);
    made = true;
    return Ok();
  }));
  if (made) return answer;
  // A retried request: read back what the first one committed.
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindDossier(id));
    if (!found) return Error::Internal("the dossier just created is missing");
    MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(id));
    MOTCUA_ASSIGN_OR_RETURN(answer.view, MakeView(tx, std::move(*found), std::move(events)));
    return Ok();
  }));
  return answer;
}

}  // namespace motcua::app
