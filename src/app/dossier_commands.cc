// Processing commands, work queues, the public lookup and form 06 of DossierService.
#include <algorithm>
#include <map>

#include "app/audit_service.h"
#include "app/dossier_internal.h"
#include "app/queue_cursor.h"
#include "app/secrets.h"

namespace motcua::app {

using dossier::Event;

// A command is decided on a read transaction and only written by the store's writer: deciding
// (decoding, the state machine, the clock, the answer) runs on the caller's thread, beside other
// commands, and the writer, which every write waits for, does no more than write. The write
// checks that the dossier is still at the version decided on, and its calendar still at the edit
// decided with (a calendar edit recomputes the open dossiers it reads, and would not see a
// command decided before it and written after); a command that lost either race is decided
// again, and one that lost to another command is then refused as a version conflict like any
// late arrival.
Result<DossierView> DossierService::Act(const Actor& actor, std::int64_t id,
                                        std::int64_t expected_version,
                                        const dossier::Command& command) {
  for (int attempt = 0;; ++attempt) {
    auto done = ActOnce(actor, id, expected_version, command);
    if (done.ok() || attempt >= 2 || done.error().reason != "raced") return done;
  }
}

Result<DossierView> DossierService::ActOnce(const Actor& actor, std::int64_t id,
                                            std::int64_t expected_version,
                                            const dossier::Command& command) {
  const Instant now = clock_.Now();
  DossierView view;
  std::vector<Event> added;
  std::int64_t before = 0;
  std::vector<reports::StepVisit> visits;  // the visits of steps the command completes
  StoredCalendar decided_with;             // the calendar's row the times were computed with
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto units, LoadUnits(tx, actor));
    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindDossier(id));
    if (!found) return Error::NotFound("dossier " + std::to_string(id) + " not found");
    StoredDossier stored = std::move(*found);
    MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(id));
    MOTCUA_RETURN_IF_ERROR(CheckRead(*units, actor, stored, events));
    if (stored.value.version != expected_version) {
      return Error::Aborted("dossier " + stored.value.code + " is at version " +
                            std::to_string(stored.value.version) + ", not " +
                            std::to_string(expected_version))
          .WithReason("version-conflict");
    }
    MOTCUA_ASSIGN_OR_RETURN(dossier::Actor who, DomainActor(*units, actor));
    MOTCUA_ASSIGN_OR_RETURN(
        auto entry, CataloguedOf(tx, stored.value.procedure_code, stored.value.procedure_version));
    const catalog::Procedure& p = entry->version.procedure;
    MOTCUA_ASSIGN_OR_RETURN(auto workflow,
                            internal::PickWorkflow(entry->workflows, p.code, entry->version.number,
                                                   stored.value.channel));
    dossier::Context ctx = internal::MakeContext(*units, who, p, workflow, now);
    MOTCUA_ASSIGN_OR_RETURN(auto resolved, CalendarOf(tx, stored.value));
    decided_with = resolved.first;
    const calendar::Calendar& cal = *resolved.second;
    // Two decisions need the clock before the command: whether the supplement period has
    // passed (a stop), and whether an apology's new appointment is later than the due instant.
    if (stored.value.state == dossier::State::kSupplement ||
        command.kind == dossier::CommandKind::kDraftApology) {
      MOTCUA_ASSIGN_OR_RETURN(auto times, TimesOf(cal, stored.value, events, p));
      ctx.supplement_expired = times.supplement_deadline && now > *times.supplement_deadline;
      if (command.kind == dossier::CommandKind::kDraftApology && command.new_appointment &&
          times.due && *command.new_appointment <= *times.due) {
        return Error::InvalidField("new_appointment", "must be later than the current appointment");
      }
    }
    // Files a command brings: uploaded by the actor, and the result document a PDF.
    MOTCUA_RETURN_IF_ERROR(internal::CheckAttachments(tx, actor, command.components,
                                                      stored.value.applicant.id_number));
    if (!command.file_sha256.empty()) {
      MOTCUA_RETURN_IF_ERROR(internal::CheckResultFile(tx, actor, command.file_sha256));
    }
    if (command.kind == dossier::CommandKind::kAssign && command.to_user != 0) {
      MOTCUA_RETURN_IF_ERROR(internal::CheckAssignee(tx, *units, stored.value, command.to_user));
    }
    MOTCUA_ASSIGN_OR_RETURN(added, dossier::Decide(stored.value, command, ctx));
    before = stored.value.version;
    const std::size_t had = events.size();
    for (const Event& e : added) {
      dossier::Apply(stored.value, e);
      events.push_back(e);
    }
    MOTCUA_ASSIGN_OR_RETURN(visits, reports::VisitsCompletedBy(events, had, cal));
    MOTCUA_ASSIGN_OR_RETURN(auto times, TimesOf(cal, stored.value, events, p));
    internal::FillRow(stored, times);
    // What the actor may do next, as AllowedCommands would tell, without reading it all again.
    ctx.supplement_expired = times.supplement_deadline && now > *times.supplement_deadline;
    auto allowed = internal::AllowedCommands(stored.value, ctx);
    // The answer is what is about to be written: no second read of the dossier.
    view = ViewOf(std::move(stored), std::move(events), p, std::move(times), cal);
    view.allowed_commands = std::move(allowed);
    return Ok();
  }));
  const StoredDossier& stored = view.stored;
  const Error raced =
      Error::Aborted("dossier changed while the command was decided").WithReason("raced");
  Status written = store_.Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto resolved, CalendarOf(tx, stored.value));
    if (resolved.first.id != decided_with.id || resolved.first.version != decided_with.version) {
      return raced;
    }
    MOTCUA_RETURN_IF_ERROR(tx.AppendDossierEvents(stored, before, added));
    MOTCUA_RETURN_IF_ERROR(tx.InsertStepVisits(stored.value.id, visits));
    for (const Event& e : added) MOTCUA_RETURN_IF_ERROR(internal::Notify(tx, stored, e, now));
    audit::Record rec =
        AuditRecordFor(actor, now, "dossier." + std::string(CommandKindName(command.kind)),
                       "dossier", stored.value.code, command.reason.substr(0, 200));
    return tx.AppendAudit(rec);
  });
  if (!written.ok() && written.error().reason == "version-conflict") return raced;
  MOTCUA_RETURN_IF_ERROR(written);
  return view;
}

Result<PublicStatus> DossierService::Lookup(const std::string& code, const std::string& secret) {
  const Error unknown = Error::NotFound("no dossier with this code and secret");
  PublicStatus out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindDossierByCode(code));
    // The hash is compared even for an unknown code, so that both take the same time.
    const std::string given = Sha256Hex(secret);
    const std::string stored = found ? found->secret_hash : std::string(given.size(), '0');
    if (!found || !ConstantTimeEqual(given, stored)) return unknown;
    const dossier::Dossier& d = found->value;
    out.code = d.code;
    out.state = d.state;
    out.applicant_initials = internal::Initials(d.applicant.name);
    out.appointment = found->clock.appointment;
    out.new_appointment = found->clock.new_appointment;
    // The result exists from its issue on, also once handed over.
    out.result_ready = d.state == dossier::State::kResolved || d.state == dossier::State::kReturned;
    out.step_name = d.step_id;
    MOTCUA_ASSIGN_OR_RETURN(auto version,
                            tx.FindProcedureVersion(d.procedure_code, d.procedure_version));
    if (version) {
      out.procedure_name = version->value.procedure.name;
      MOTCUA_ASSIGN_OR_RETURN(auto workflows,
                              tx.ListWorkflowsOf(d.procedure_code, d.procedure_version));
      for (const auto& w : workflows) {
        const catalog::Step* step = dossier::FindStep(w, d.step_id);
        if (step != nullptr) out.step_name = step->name;
      }
    }
    return Ok();
  }));
  return out;
}

Result<QueuePage> DossierService::ListQueue(const Actor& actor, Queue queue,
                                            const std::string& cursor, int limit, bool count,
                                            std::optional<catalog::StepKind> step_kind) {
  if (!actor.user) return Error::Unauthenticated("login required");
  // Queues are scoped by unit subtree, and a citizen's account hangs under the province: a
  // citizen would see every dossier of the province. A citizen reads their own dossiers only.
  if (actor.user->roles.Has(identity::Role::kCitizen)) {
    return Error::PermissionDenied("work queues are kept by officers");
  }
  QueueQuery q;
  q.queue = queue;
  q.step_kind = step_kind;
  q.scope_root = actor.user->unit_id;
  q.user = actor.user->id;
  q.now = clock_.Now();
  q.soon_until = q.now + 24 * 3600;  // due within a day
  q.limit = std::clamp(limit <= 0 ? 50 : limit, 1, 200);
  MOTCUA_RETURN_IF_ERROR(DecodeQueueCursor(cursor, q));
  QueuePage page;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    if (count) {
      MOTCUA_ASSIGN_OR_RETURN(page.total, tx.CountQueue(q));
      page.total_exact = page.total <= q.count_cap;
      page.total = std::min(page.total, q.count_cap);
    } else {
      page.total = -1;
    }
    MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ListQueue(q));
    MOTCUA_ASSIGN_OR_RETURN(page.items, RowViews(tx, std::move(rows), q.now));
    return Ok();
  }));
  if (static_cast<int>(page.items.size()) == q.limit) {
    page.next = internal::EncodeCursor(page.items.back().stored);
  }
  return page;
}

Result<std::vector<DossierView>> DossierService::RowViews(ReadTx& tx,
                                                          std::vector<StoredDossier> rows,
                                                          Instant now) {
  std::vector<DossierView> out;
  std::map<std::string, std::shared_ptr<const calendar::Calendar>> calendars;
  for (auto& row : rows) {
    DossierView v;
    v.stored = std::move(row);
    const dossier::Dossier& d = v.stored.value;
    MOTCUA_ASSIGN_OR_RETURN(auto entry, CataloguedOf(tx, d.procedure_code, d.procedure_version));
    v.procedure_name = entry->version.procedure.name;
    const bool running = !dossier::IsFinal(d.state) && d.state != dossier::State::kResolved;
    if (v.stored.clock.due && running) {
      const std::string& unit = d.competent_unit;
      if (!calendars.contains(unit)) {
        MOTCUA_ASSIGN_OR_RETURN(auto cal, calendars_.ForUnit(tx, unit));
        calendars[unit] = cal.second;
      }
      auto text = calendar::RemainingText(now, *v.stored.clock.due, *calendars[unit], {},
                                          calendar::Language::kVietnamese);
      if (text.ok()) v.remaining = *text;
    }
    out.push_back(std::move(v));
  }
  return out;
}

// Newest first by id: the cursor is the queue cursor of the last row without a due instant
// ("-.<id>"), and the next page lies below that id.
Result<QueuePage> DossierService::ListMine(const Actor& actor, const std::string& cursor,
                                           int limit) {
  if (!actor.user) return Error::Unauthenticated("login required");
  if (!actor.user->roles.Has(identity::Role::kCitizen)) {
    return Error::PermissionDenied("officers find dossiers in the work queues");
  }
  QueueQuery q;
  q.limit = std::clamp(limit <= 0 ? 20 : limit, 1, 200);
  MOTCUA_RETURN_IF_ERROR(DecodeQueueCursor(cursor, q));
  if (q.after_due) return Error::InvalidField("cursor", "is not a cursor of this list");
  QueuePage page;
  page.total = -1;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto rows,
                            tx.ListApplicantDossiers(actor.user->id, q.after_id, q.limit));
    MOTCUA_ASSIGN_OR_RETURN(page.items, RowViews(tx, std::move(rows), clock_.Now()));
    return Ok();
  }));
  if (static_cast<int>(page.items.size()) == q.limit) {
    page.next = EncodeQueueCursor(std::nullopt, page.items.back().stored.value.id);
  }
  return page;
}

Result<std::vector<dossier::Handover>> DossierService::Handovers(const Actor& actor,
                                                                 std::int64_t id) {
  MOTCUA_ASSIGN_OR_RETURN(auto view, Get(actor, id));
  MOTCUA_ASSIGN_OR_RETURN(auto cal, calendars_.ForUnit(view.stored.value.competent_unit));
  return dossier::ComputeHandovers(view.events, *cal.second);
}

Result<DossierService::ClockTrace> DossierService::TraceClock(const Actor& actor, std::int64_t id) {
  MOTCUA_ASSIGN_OR_RETURN(auto view, Get(actor, id));
  const dossier::Times& t = view.times;
  if (!t.clock_start || !t.legal) {
    return Error::FailedPrecondition(
               "the dossier has no legal time running: not received yet, or its procedure gives "
               "no time for its channel")
        .WithReason("no-legal-clock");
  }
  calendar::ReceptionCutoff cutoff;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto version,
                            tx.FindProcedureVersion(view.stored.value.procedure_code,
                                                    view.stored.value.procedure_version));
    if (!version) return Error::Internal("the dossier's procedure version is missing");
    cutoff = version->value.procedure.cutoff;
    return Ok();
  }));
  MOTCUA_ASSIGN_OR_RETURN(auto cal, calendars_.ForUnit(view.stored.value.competent_unit));
  MOTCUA_ASSIGN_OR_RETURN(
      auto trace, calendar::TraceDue(*t.clock_start, *t.legal, *cal.second, t.exclusions, cutoff));
  return ClockTrace{std::move(view), std::move(trace)};
}

Result<std::vector<OutboxMessage>> DossierService::Messages(const Actor& actor, std::int64_t id) {
  std::vector<OutboxMessage> out;
  MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(LoadReadable(tx, actor, id));
    MOTCUA_ASSIGN_OR_RETURN(out, tx.ListOutbox(id, 0, 500));
    return Ok();
  }));
  return out;
}

Result<DossierService::Recomputed> DossierService::RecomputeClocks(
    std::optional<std::int64_t> calendar_id) {
  Recomputed out;
  std::int64_t after = 0;
  for (;;) {
    std::vector<StoredDossier> page;
    MOTCUA_RETURN_IF_ERROR(store_.Read([&](ReadTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(page, tx.ListOpenDossiers(after, 200));
      return Ok();
    }));
    if (page.empty()) return out;
    after = page.back().value.id;
    MOTCUA_RETURN_IF_ERROR(store_.Write([&](WriteTx& tx) -> Status {
      for (const StoredDossier& s : page) {
        if (calendar_id) {
          MOTCUA_ASSIGN_OR_RETURN(auto cal, calendars_.ForUnit(tx, s.value.competent_unit));
          if (cal.first.id != *calendar_id) continue;
        }
        ++out.examined;
        MOTCUA_ASSIGN_OR_RETURN(auto events, tx.ListDossierEvents(s.value.id));
        MOTCUA_ASSIGN_OR_RETURN(auto version, tx.FindProcedureVersion(s.value.procedure_code,
                                                                      s.value.procedure_version));
        if (!version) continue;
        MOTCUA_ASSIGN_OR_RETURN(auto times, TimesOf(tx, s.value, events, version->value.procedure));
        StoredDossier fresh = s;
        internal::FillRow(fresh, times);
        if (fresh.clock == s.clock) continue;
        MOTCUA_ASSIGN_OR_RETURN(bool written,
                                tx.UpdateDossierClock(s.value.id, s.value.version, fresh.clock));
        if (written) ++out.moved;
      }
      return Ok();
    }));
  }
}

}  // namespace motcua::app
