#pragma once

// The dossier lifecycle's use cases (issue 5): reception at a counter or by post, online
// submission, every processing command, reading a dossier with its clock, work queues and the
// public lookup. Each command is one transaction: load the dossier and its events, decide in
// src/dossier, append the events, rewrite the current-state row with the recomputed clock, add
// the audit record and the outbox messages, commit; the answer is given only once durable.
//
// Scope: an officer reads and acts on a dossier when their unit is, or contains, one of the
// dossier's units (receiving, competent, current step, or an agency it was sent to); otherwise
// the dossier does not exist for them (kNotFound). A citizen sees only the dossiers they
// submitted. Administrators and inspectors of a root unit see everything.
//
// Thread-safe.

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/attachments.h"
#include "app/calendar_service.h"
#include "app/store.h"
#include "calendar/trace.h"
#include "common/clock.h"
#include "dossier/machine.h"
#include "dossier/times.h"
#include "identity/permissions.h"

namespace motcua::app {

// What the applicant brings, at a counter or online.
struct ReceptionInput {
  std::string procedure_code;
  int procedure_version = 0;  // 0: the version in force today
  std::string case_name;      // "" for a procedure without cases
  dossier::Channel channel = dossier::Channel::kInPerson;
  dossier::Applicant applicant;
  // Components by the procedure's names, as provided; those not listed are missing.
  std::vector<dossier::ProvidedComponent> components;
  std::string postal_item;  // postal channel
  bool paid_online = false;
};

// What the reception officer decided: receive (all required components present), guide to
// supplement (form 02; `items` default to every missing required component) or refuse (form 03).
enum class ReceptionDecision { kReceive, kGuide, kRefuse };

struct DossierView {
  StoredDossier stored;
  std::vector<dossier::Event> events;
  dossier::Times times;
  std::string remaining;  // "Còn 2 ngày 3 giờ" / "Quá 1 ngày" against the due instant
  std::string procedure_name;
  // The commands the reader may give now, when the use case worked them out (a command's answer
  // does); otherwise AllowedCommands tells.
  std::optional<std::vector<dossier::CommandKind>> allowed_commands;
};

struct ReceptionAnswer {
  DossierView view;
  std::string secret;  // the public lookup secret; shown once (and to a retry of the request)
};

// What anyone may learn with a dossier's code and secret (no personal data beyond initials).
struct PublicStatus {
  std::string code;
  std::string procedure_name;
  std::string applicant_initials;  // "N.T.H."
  dossier::State state = dossier::State::kSubmitted;
  std::string step_name;
  std::optional<Instant> appointment;
  std::optional<Instant> new_appointment;
  bool result_ready = false;
};

struct QueuePage {
  std::vector<DossierView> items;
  std::int64_t total = 0;   // -1: not counted; at most QueueQuery::count_cap
  bool total_exact = true;  // false: the queue holds more than `total`
  std::string next;         // opaque keyset cursor; empty on the last page
};

class DossierService {
 public:
  DossierService(Store& store, const Clock& clock, CalendarService& calendars);

  // Counter or postal reception by a reception officer. With an idempotency key, a retry of the
  // same request returns the first answer and creates nothing; the same key with another
  // request is kFailedPrecondition "idempotency-key-reused".
  Result<ReceptionAnswer> Receive(const Actor& actor, const ReceptionInput& input,
                                  ReceptionDecision decision, const dossier::Command& details,
                                  const std::string& idempotency_key,
                                  const std::string& request_hash);

  // Online submission (state 1) by a citizen, or by the national portal's synchronisation.
  Result<ReceptionAnswer> Submit(const Actor& actor, const ReceptionInput& input,
                                 const std::string& idempotency_key,
                                 const std::string& request_hash);

  // One command on dossier `id`, which must be at `expected_version` (kAborted
  // "version-conflict" otherwise, with the current version in the message).
  Result<DossierView> Act(const Actor& actor, std::int64_t id, std::int64_t expected_version,
                          const dossier::Command& command);

  Result<DossierView> Get(const Actor& actor, std::int64_t id);

  // The commands `actor` may give on dossier `id` now: those the state machine accepts for its
  // state, its current step and the actor's role and unit, in CommandKind order. A command that
  // is refused only for want of input (a reason, the items, a step) is listed: the input is the
  // actor's to give. Submit is never listed. Errors as Get (kNotFound outside the actor's scope).
  Result<std::vector<dossier::CommandKind>> AllowedCommands(const Actor& actor, std::int64_t id);

  // Whether the issued result is the applicant's: returned, or issued on an online dossier
  // (returned online: the applicant downloads it).
  static bool ResultReleased(const dossier::Dossier& d);

  // The public lookup. An unknown code and a wrong secret give the same kNotFound.
  Result<PublicStatus> Lookup(const std::string& code, const std::string& secret);

  // "My dossiers": the dossiers the citizen submitted, newest first, with their procedure's name
  // and "Còn / Quá ..." (QueuePage::total is not computed: -1). Citizens only: kPermissionDenied
  // for an officer (the work queues are theirs). `cursor` is QueuePage::next of the previous
  // page; kInvalidArgument "cursor" for anything else.
  Result<QueuePage> ListMine(const Actor& actor, const std::string& cursor, int limit);

  // A work queue of the actor's unit subtree (officers only: kPermissionDenied for a citizen).
  // `cursor` is QueuePage::next of the previous page. Without `count`, QueuePage::total is not
  // computed (-1): a walk over every page counts once. With `step_kind`, only the dossiers whose
  // current step is of that kind (the leader's "waiting for approval", "waiting for signature"),
  // in the same order, counted the same way.
  Result<QueuePage> ListQueue(const Actor& actor, Queue queue, const std::string& cursor, int limit,
                              bool count = true,
                              std::optional<catalog::StepKind> step_kind = std::nullopt);

  // After a calendar changed: recomputes the times of every open dossier whose competent unit
  // uses calendar `calendar_id` (every open dossier when absent) from its events, and rewrites
  // the rows whose times moved. Walks the open dossiers in pages of 200, one transaction each.
  struct Recomputed {
    std::int64_t examined = 0;
    std::int64_t moved = 0;
  };
  Result<Recomputed> RecomputeClocks(std::optional<std::int64_t> calendar_id);

  // Why the dossier's due instant is what it is: every stretch from the start of its legal time
  // to the due instant, counted or not and why (pauses, supplement, holidays, ...).
  // kFailedPrecondition "no-legal-clock" before reception or without a legal time.
  struct ClockTrace {
    DossierView view;
    calendar::DueTrace trace;
  };
  Result<ClockTrace> TraceClock(const Actor& actor, std::int64_t id);

  // Attachments (app/attachments.h). Upload stores a file by its SHA-256 and answers it without
  // its bytes; the type is read from the bytes (kInvalidArgument "file" for anything but PDF,
  // JPEG and PNG, or "Content-Type" when the declared type says otherwise; "" or
  // application/octet-stream declare nothing). Larger than max_attachment_bytes:
  // kResourceExhausted. A component of a reception or submission names a file by its SHA-256,
  // and only a file that the same user uploaded.
  Result<Attachment> Upload(const Actor& actor, std::string bytes,
                            const std::string& declared_type);
  // A file of dossier `dossier_id` (one of its components names it), for whoever may read the
  // dossier; or, with no dossier, a file the actor uploaded. kNotFound otherwise.
  Result<Attachment> Download(const Actor& actor, std::optional<std::int64_t> dossier_id,
                              const std::string& sha256);
  // The result document attached at issue, for whoever may read the dossier; a citizen gets it
  // once the result is theirs (ResultReleased). kNotFound without a result document (or outside
  // the actor's scope); kFailedPrecondition "result-not-released" for a citizen before that.
  Result<Attachment> DownloadResult(const Actor& actor, std::int64_t dossier_id);
  void set_max_attachment_bytes(std::size_t bytes) { max_attachment_bytes_ = bytes; }
  std::size_t max_attachment_bytes() const { return max_attachment_bytes_; }

  // The log book (form 07): the dossiers unit `unit_code` received in [from, to), by reception
  // instant, at most `limit` (kInvalidArgument "to" when there are more: narrow the period).
  // Officers whose unit is, or contains, that unit; administrators and inspectors of the root.
  struct LogBookEntry {
    StoredDossier stored;
    std::string procedure_name;
    std::optional<dossier::ReturnMethod> return_method;  // returned: how
  };
  Result<std::vector<LogBookEntry>> LogBook(const Actor& actor, const std::string& unit_code,
                                            Instant from, Instant to, int limit);

  // The applicant's data store (docs/dossiers.md): the documents already digitized for the
  // applicant whose personal identification number is `id_number` (12 digits; kInvalidArgument
  // "id_number" otherwise), from every dossier naming that number: the result documents issued
  // with a file and the components that name a file (internal::HeldDocumentsOf), newest dossier
  // first; `cursor` is HeldPage::next of the previous page (kInvalidArgument "cursor"
  // otherwise). Officers who receive dossiers, of any unit (a document digitized anywhere is not
  // asked for again): kPermissionDenied for anyone else. Each read is recorded in the audit log
  // ("applicant.documents", the number, how many documents were shown).
  struct HeldDocument {
    std::string name;  // the component's name, or "Kết quả: <procedure>" for a result
    std::string kind;  // "component" or "result"
    std::string sha256;
    Instant at = 0;  // the dossier's reception (submission online), or its result's issue
    std::int64_t dossier_id = 0;
    std::string dossier_code;
    Attachment file;  // size and type (no bytes)
  };
  struct HeldPage {
    std::vector<HeldDocument> items;
    std::string next;  // "<dossier id>.<position>"; empty on the last page
  };
  Result<HeldPage> ApplicantDocuments(const Actor& actor, const std::string& id_number,
                                      const std::string& cursor, int limit);

  // The hand-overs of form 06.
  Result<std::vector<dossier::Handover>> Handovers(const Actor& actor, std::int64_t id);

  // The dossier's outbox messages (notifications to the applicant, alerts to units) with their
  // delivery state, oldest first, at most 500. Scope as Get.
  Result<std::vector<OutboxMessage>> Messages(const Actor& actor, std::int64_t id);

  // A cached view of the unit tree (codes, parents); defined in dossier_internal.h.
  struct Units;

  // A procedure version with its workflows, as commands on its dossiers read them.
  struct Catalogued {
    catalog::ProcedureVersion version;
    std::vector<catalog::Workflow> workflows;
  };

 private:
  // Act's one try: kAborted "raced" when another command wrote the dossier between the decision
  // and the write.
  Result<DossierView> ActOnce(const Actor& actor, std::int64_t id, std::int64_t expected_version,
                              const dossier::Command& command);
  Result<std::shared_ptr<const Units>> LoadUnits(ReadTx& tx, const Actor& actor);
  // The version a dossier was received under, with its workflows: decoded once and kept for 30
  // seconds (a version in use is published and does not change; a workflow edit is seen within
  // 30 s, as a unit edit is). kInternal when the version is missing.
  Result<std::shared_ptr<const Catalogued>> CataloguedOf(ReadTx& tx, const std::string& code,
                                                         int number);
  // The version a new dossier is received under: `number` if it is published, or the one in
  // force today when `number` is 0 (kInvalidArgument on procedure_code otherwise); with its
  // workflows, from the same cache as CataloguedOf. Which version is in force is also kept for
  // 30 seconds.
  Result<std::shared_ptr<const Catalogued>> ReceivableVersion(ReadTx& tx, const std::string& code,
                                                              int number, Instant now);
  Result<dossier::Actor> DomainActor(const Units& units, const Actor& actor);
  Status CheckRead(const Units& units, const Actor& actor, const StoredDossier& d,
                   const std::vector<dossier::Event>& events);
  // Dossier `id` and its events, if the actor may read it (kNotFound otherwise).
  Result<std::pair<StoredDossier, std::vector<dossier::Event>>> LoadReadable(ReadTx& tx,
                                                                             const Actor& actor,
                                                                             std::int64_t id);
  // Queue and list rows as views: the procedure's name and "Còn / Quá ..." against the stored due
  // instant at `now` (a paused dossier's stored due is as of its last write; its page recomputes
  // it from the events).
  Result<std::vector<DossierView>> RowViews(ReadTx& tx, std::vector<StoredDossier> rows,
                                            Instant now);
  Result<DossierView> MakeView(ReadTx& tx, StoredDossier stored,
                               std::vector<dossier::Event> events);
  // The view of a dossier whose procedure version, times and calendar are already at hand.
  DossierView ViewOf(StoredDossier stored, std::vector<dossier::Event> events,
                     const catalog::Procedure& p, dossier::Times times,
                     const calendar::Calendar& cal);
  // The calendar that counts dossier d's time: its competent unit's (its receiving unit's before
  // it has one), with the stored row it was built from (its id and version say which edit of
  // it). Read in `tx`: never a second store transaction inside one.
  Result<std::pair<StoredCalendar, std::shared_ptr<const calendar::Calendar>>> CalendarOf(
      ReadTx& tx, const dossier::Dossier& d);
  Result<dossier::Times> TimesOf(ReadTx& tx, const dossier::Dossier& d,
                                 const std::vector<dossier::Event>& events,
                                 const catalog::Procedure& p);
  Result<dossier::Times> TimesOf(const calendar::Calendar& cal, const dossier::Dossier& d,
                                 const std::vector<dossier::Event>& events,
                                 const catalog::Procedure& p);
  Result<ReceptionAnswer> Create(const Actor& actor, const ReceptionInput& input,
                                 const dossier::Command& command, const std::string& key,
                                 const std::string& request_hash);

  Store& store_;
  const Clock& clock_;
  CalendarService& calendars_;

  std::atomic<std::size_t> max_attachment_bytes_{kDefaultMaxAttachmentBytes};
  std::mutex catalogued_mu_;  // guards catalogued_
  std::map<std::pair<std::string, int>, std::pair<Instant, std::shared_ptr<const Catalogued>>>
      catalogued_;
  // The version in force by procedure code: (when it was looked up, its number).
  std::map<std::string, std::pair<Instant, int>> in_force_;  // guarded by catalogued_mu_
  std::mutex units_mu_;                                      // guards units_, units_loaded_at_
  std::shared_ptr<const Units> units_;
  Instant units_loaded_at_ = 0;
};

}  // namespace motcua::app
