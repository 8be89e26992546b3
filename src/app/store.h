#pragma once

// The storage port: what the application needs from a database, and nothing about which one.
// Adapters (src/storage/sqlite, src/storage/postgres) implement it; both pass the conformance
// suite in src/storage/conformance.
//
// Transactions
//   Store::Write(work) runs `work` inside one write transaction and returns only once the
//   transaction is durable (committed and synced) or has failed. If `work` returns an error, every
//   change it made is rolled back and the error is returned; nothing is half-written.
//   `work` may be run more than once (the store retries it after a serialization failure or a
//   lost connection), so it must have no effect outside the transaction other than overwriting
//   captured outputs. Store::Read(work) runs `work` on a consistent snapshot.
//
// Threads
//   Store is thread-safe. A ReadTx/WriteTx belongs to the thread that runs `work` and must not
//   escape it.
//
// Optimistic concurrency
//   Updates carry the version the caller read; a stale version fails with kAborted, reason
//   "version-conflict", and changes nothing.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/dossier_records.h"
#include "app/report_records.h"
#include "app/step_visit_records.h"
#include "audit/audit.h"
#include "calendar/calendar_spec.h"
#include "catalog/rank.h"
#include "catalog/version.h"
#include "catalog/workflow.h"
#include "common/result.h"
#include "common/time.h"
#include "identity/identity.h"

namespace motcua::app {

// A web session (cookie) or an API token; only hashes of secrets are stored.
struct Session {
  std::string token_hash;  // SHA-256 of the cookie secret, hex
  identity::UserId user_id = 0;
  std::string csrf_token;
  Instant created_at = 0;
  Instant expires_at = 0;
};

struct ApiToken {
  std::int64_t id = 0;
  identity::UserId user_id = 0;
  std::string name;
  std::string token_hash;  // SHA-256 of the secret, hex
  Instant created_at = 0;
  std::optional<Instant> revoked_at;
};

// A remembered answer to a request carrying an Idempotency-Key.
struct IdempotentAnswer {
  std::string key;           // caller's key, scoped by the caller: "<user id>:<key>"
  std::string request_hash;  // SHA-256 of method, path and body, hex: the same key with another
                             // request is an error
  int status = 0;
  std::string body;
  Instant created_at = 0;
};

// A business calendar as stored: its weekly sessions and fallback. Its years and closures are
// separate rows. Every edit of a calendar, its years or its closures bumps `version` (the caller
// updates the calendar row in the same transaction), so (id, version) names one content exactly:
// built calendars are cached under it.
struct StoredCalendar {
  std::int64_t id = 0;
  std::string code;  // stable name; "national" is the default calendar seeded by migration 2
  std::string name;
  // Administrators of this unit's subtree edit the calendar; absent: the national default, which
  // only administrators of a root unit edit.
  std::optional<std::int64_t> owner_unit_id;
  calendar::WeeklySchedule weekly;
  calendar::YearFallback fallback = calendar::YearFallback::kOfficialThenGenerated;
  std::int64_t version = 1;
};

// The code of the default calendar that migration 2 creates.
inline constexpr char kNationalCalendarCode[] = "national";

// A one-off closure of a calendar, with its row id (for deletion).
struct StoredClosure {
  std::int64_t id = 0;
  std::int64_t calendar_id = 0;
  calendar::Closure closure;
};

// A procedure version as stored: the domain value and the row's version for optimistic
// concurrency (bumped by every update of the row and by every change of its workflow).
struct StoredProcedureVersion {
  catalog::ProcedureVersion value;
  std::int64_t row_version = 1;
  // When the row was last written (migration 12: the list of drafts, newest edit first); set by
  // the use case before InsertProcedureVersion / UpdateProcedureVersion. 0 for rows last written
  // before migration 12.
  Instant edited_at = 0;
};

// The drafts a catalog administrator lists (ReadTx::ListDrafts): every draft, or only those whose
// every competent unit lies in the subtree of `scope_root`; newest edit first, then by code;
// keyset after (after_edited_at, after_code) when after_code is not empty.
struct DraftQuery {
  std::optional<identity::UnitId> scope_root;  // none: every draft
  Instant after_edited_at = 0;
  std::string after_code;
  int limit = 50;
};

// One line of a catalog list or search: the searchable columns and what a list shows.
struct ProcedureSummary {
  std::string code;
  int number = 0;
  std::string name;
  std::optional<catalog::Level> level;
  std::string field;
  catalog::VersionState state = catalog::VersionState::kDraft;
  std::optional<catalog::Decision> published;
  catalog::SearchEntry search;  // code_folded, name_index, field_index, name_words
};

// Which published versions a list or search considers: those in force on `day` (at most one per
// code: the highest number, as catalog::FindInForce), optionally of one level and of one field
// (compared folded: `field_index` = catalog::IndexText(field)).
struct ProcedureFilter {
  calendar::CivilDate day;
  std::optional<catalog::Level> level;
  std::optional<std::string> field_index;
  std::string after_code;  // keyset pagination: codes greater than this
  int limit = 50;
};

// The SQL prefilter of a search (catalog/rank.h): rows whose folded code equals `code`, or where
// each of `words` (at most kSearchWords, each " w ") is in name_index or field_index. A superset
// of the matches; the caller ranks with catalog::Match. Unused word slots are empty strings.
inline constexpr std::size_t kSearchWords = 4;
struct ProcedureSearch {
  ProcedureFilter filter;  // after_code and limit are ignored
  std::string code;
  std::vector<std::string> words;
};

// A page of a list: `limit` items after `after` (keyset pagination on id/seq).
struct Page {
  std::int64_t after = 0;
  int limit = 50;
};

class ReadTx {
 public:
  virtual ~ReadTx() = default;

  virtual Result<std::optional<identity::Unit>> FindUnit(identity::UnitId id) = 0;
  virtual Result<std::optional<identity::Unit>> FindUnitByCode(const std::string& code) = 0;
  // Every unit, ordered by id. A province has hundreds to a few thousand units.
  virtual Result<std::vector<identity::Unit>> ListUnits() = 0;
  // `root` and its descendants, ordered by id (the scope is walked in SQL).
  virtual Result<std::vector<identity::Unit>> ListUnitsInSubtree(identity::UnitId root) = 0;
  // Whether `unit` is `root` or one of its descendants.
  virtual Result<bool> UnitInSubtree(identity::UnitId root, identity::UnitId unit) = 0;

  virtual Result<std::optional<identity::User>> FindUser(identity::UserId id) = 0;
  virtual Result<std::optional<identity::User>> FindUserByUsername(const std::string& username) = 0;
  // Users ordered by id, paginated; with `subtree`, only users of that unit and its descendants
  // (the scope is filtered in SQL, never by loading everything).
  virtual Result<std::vector<identity::User>> ListUsers(std::optional<identity::UnitId> subtree,
                                                        Page page) = 0;

  virtual Result<std::optional<Session>> FindSession(const std::string& token_hash) = 0;
  virtual Result<std::optional<ApiToken>> FindApiToken(const std::string& token_hash) = 0;
  virtual Result<std::vector<ApiToken>> ListApiTokens(identity::UserId user_id) = 0;

  virtual Result<std::optional<IdempotentAnswer>> FindIdempotentAnswer(const std::string& key) = 0;

  virtual Result<std::optional<StoredCalendar>> FindCalendar(std::int64_t id) = 0;
  virtual Result<std::optional<StoredCalendar>> FindCalendarByCode(const std::string& code) = 0;
  // Every calendar, ordered by id.
  virtual Result<std::vector<StoredCalendar>> ListCalendars() = 0;
  // The years entered for a calendar (they replace the fallback whole), ascending.
  virtual Result<std::vector<calendar::YearSchedule>> ListCalendarYears(
      std::int64_t calendar_id) = 0;
  // The calendar's closures ordered by date, then id.
  virtual Result<std::vector<StoredClosure>> ListCalendarClosures(std::int64_t calendar_id) = 0;

  // The catalog (issue 4). A version by (code, number); every version of a code ascending; every
  // version of every code (code, number ascending; hygiene and export).
  virtual Result<std::optional<StoredProcedureVersion>> FindProcedureVersion(
      const std::string& code, int number) = 0;
  virtual Result<std::vector<StoredProcedureVersion>> ListProcedureVersions(
      const std::string& code) = 0;
  virtual Result<std::vector<StoredProcedureVersion>> ListAllProcedureVersions() = 0;
  // Published versions in force on filter.day, ordered by code, keyset-paginated.
  virtual Result<std::vector<ProcedureSummary>> ListProceduresInForce(
      const ProcedureFilter& filter) = 0;
  // The search prefilter over the versions in force (ProcedureSearch), in code order, unranked.
  virtual Result<std::vector<ProcedureSummary>> SearchProcedures(const ProcedureSearch& search) = 0;
  // The workflows of (code, version) in their stored order (empty when none).
  virtual Result<std::vector<catalog::Workflow>> ListWorkflowsOf(const std::string& code,
                                                                 int version) = 0;
  // Every workflow, ordered by code, version and stored order.
  virtual Result<std::vector<catalog::Workflow>> ListWorkflows() = 0;
  // A page of drafts (DraftQuery), filtered by scope in SQL.
  virtual Result<std::vector<StoredProcedureVersion>> ListDrafts(const DraftQuery& query) = 0;

  // Dossiers (issue 5; app/dossier_records.h). By id; by code (national format); the events of
  // a dossier in order; a page of a work queue; the size of a queue (limit and keyset ignored),
  // at most query.count_cap + 1 (more than the cap when it answers count_cap + 1).
  virtual Result<std::optional<StoredDossier>> FindDossier(std::int64_t id) = 0;
  virtual Result<std::optional<StoredDossier>> FindDossierByCode(const std::string& code) = 0;
  virtual Result<std::vector<dossier::Event>> ListDossierEvents(std::int64_t id) = 0;
  virtual Result<std::vector<StoredDossier>> ListQueue(const QueueQuery& query) = 0;
  virtual Result<std::int64_t> CountQueue(const QueueQuery& query) = 0;
  // The dossiers citizen account `user` submitted, newest first: id < before_id (0: from the
  // newest), by id descending, at most `limit`.
  virtual Result<std::vector<StoredDossier>> ListApplicantDossiers(identity::UserId user,
                                                                   std::int64_t before_id,
                                                                   int limit) = 0;
  // Open dossiers (states 1, 2, 4, 5, 6, 7) with id > after_id, by id, at most `limit`.
  virtual Result<std::vector<StoredDossier>> ListOpenDossiers(std::int64_t after_id, int limit) = 0;
  // Dossiers received by unit `unit_code` in [from, to), by reception instant then id, after
  // (after_received, after_id), at most `limit` (the log book, form 07).
  virtual Result<std::vector<StoredDossier>> ListDossiersReceived(const std::string& unit_code,
                                                                  Instant from, Instant to,
                                                                  Instant after_received,
                                                                  std::int64_t after_id,
                                                                  int limit) = 0;

  // Attachments (app/dossier_records.h). The stored file with its bytes; whether `user` uploaded
  // it.
  virtual Result<std::optional<Attachment>> FindAttachment(const std::string& sha256) = 0;
  virtual Result<bool> AttachmentUploadedBy(const std::string& sha256, identity::UserId user) = 0;

  // --- The applicant's data store (migration 13) ---------------------------------------------
  // The dossiers of the applicant whose identification number (CCCD, or enterprise code) is
  // `id_number`, newest first: id < before_id (0: from the newest), by id descending, at most
  // `limit`; on the indexed column applicant_id_number, written with every dossier write.
  virtual Result<std::vector<StoredDossier>> ListDossiersOfApplicant(const std::string& id_number,
                                                                     std::int64_t before_id,
                                                                     int limit) = 0;
  // An attachment's size, type and first upload without its bytes (Attachment::data empty).
  virtual Result<std::optional<Attachment>> FindAttachmentInfo(const std::string& sha256) = 0;
  // ---------------------------------------------------------------------------------------------

  // --- Background work (app/background.h; migration 5) ---------------------------------------
  // The dossiers a sweep looks at (SweepQuery), by id, at most query.limit; filtered in SQL on
  // indexed columns.
  virtual Result<std::vector<StoredDossier>> ListSweep(const SweepQuery& query) = 0;
  // Outbox messages with id > after_id by id, at most `limit`; only dossier `dossier_id`'s when
  // it is not 0. Sent and given-up messages included.
  virtual Result<std::vector<OutboxMessage>> ListOutbox(std::int64_t dossier_id,
                                                        std::int64_t after_id, int limit) = 0;
  virtual Result<std::optional<Lease>> FindLease(const std::string& name) = 0;
  // ---------------------------------------------------------------------------------------------

  // --- Reports (app/report_records.h; migrations 7 and 8) ------------------------------------
  // The statistics of a period (reports/statistics.h) of the dossiers in the query's unit scope,
  // one row per group key in key order; no row when nothing counts. Grouped by nothing or by unit
  // over whole local days, summed from the rollup per unit and day; otherwise aggregated from the
  // facts rows.
  virtual Result<std::vector<ReportRow>> ReportStatistics(const ReportQuery& query) = 0;
  // The dossiers counted in `figure` of the query's statistics (query.group ignored), by dossier
  // id after `after_id`, at most `limit`: the drill-down from a figure.
  virtual Result<std::vector<ReportDossier>> ListReportDossiers(const ReportQuery& query,
                                                                ReportFigure figure,
                                                                std::int64_t after_id,
                                                                int limit) = 0;
  // The facts row of a dossier; the rows with dossier_id > after_id by id, at most `limit`.
  virtual Result<std::optional<reports::Facts>> FindDossierFacts(std::int64_t dossier_id) = 0;
  virtual Result<std::vector<reports::Facts>> ListDossierFacts(std::int64_t after_id,
                                                               int limit) = 0;
  // Every dossier's id greater than after_id, ascending, at most `limit` (rebuilding the facts).
  virtual Result<std::vector<std::int64_t>> ListDossierIds(std::int64_t after_id, int limit) = 0;
  // The rows of the rollup of `kind` (reports/rollup.h; migrations 8 and 10) after `after` in
  // key order, at most `limit`; zero rows included. The first page: after {"", minimum}.
  virtual Result<std::vector<ReportDay>> ListReportDays(reports::RollupKind kind,
                                                        const reports::DayKey& after,
                                                        int limit) = 0;
  // Whether a snapshot of local day `day` is stored (migration 9).
  virtual Result<bool> HasReportSnapshot(std::int64_t day) = 0;
  // The snapshots of the units in the scope of `unit` (with its descendants when `subunits`) for
  // the local days first_day..last_day, summed per day, in day order; a day without a snapshot
  // has no entry.
  virtual Result<std::vector<ReportTrendDay>> ReportTrend(identity::UnitId unit, bool subunits,
                                                          std::int64_t first_day,
                                                          std::int64_t last_day) = 0;
  // ---------------------------------------------------------------------------------------------

  // --- Per-step figures (app/step_visit_records.h; migration 11) ------------------------------
  // The stored visits aggregated per query.group key, in key order: of the visits of steps whose
  // unit is in the query's scope, those left in [from, to) (summed from the rollup per unit, day,
  // step and officer when both are local midnights) and those held at as_of.
  virtual Result<std::vector<StepVisitRow>> ReportStepVisits(const StepQuery& query) = 0;
  // The open dossiers (states 2, 4, 5, 6, 7, 9) at a step of a unit in the query's scope at
  // as_of, counted per group key, procedure version and step, in that order.
  virtual Result<std::vector<OpenStepRow>> ReportOpenSteps(const StepQuery& query) = 0;
  // A dossier's stored visits, by ordinal.
  virtual Result<std::vector<reports::StepVisit>> ListStepVisits(std::int64_t dossier_id) = 0;
  // How many rows of the rollup differ from the rollup folded from the stored visits (either way).
  virtual Result<std::int64_t> CountStepDaysDifferent() = 0;
  // ---------------------------------------------------------------------------------------------

  // Audit records with seq > page.after, in sequence order.
  virtual Result<std::vector<audit::Record>> ListAudit(Page page) = 0;
  virtual Result<std::int64_t> CountAudit() = 0;
};

class WriteTx : public ReadTx {
 public:
  // Inserts a unit; sets unit.id. kAlreadyExists (reason "unique-violation") for a taken code.
  virtual Status InsertUnit(identity::Unit& unit) = 0;
  // Updates every field; checks and bumps unit.version.
  virtual Status UpdateUnit(identity::Unit& unit) = 0;

  // Inserts a user; sets user.id. kAlreadyExists for a taken username.
  virtual Status InsertUser(identity::User& user) = 0;
  // Updates every field; checks and bumps user.version.
  virtual Status UpdateUser(identity::User& user) = 0;
  // Records a login outcome without a version check (logins race with each other by nature).
  virtual Status SetLoginState(identity::UserId id, std::int64_t failed_logins,
                               Instant locked_until) = 0;

  virtual Status InsertSession(const Session& session) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Status DeleteSessionsOfUser(identity::UserId user_id) = 0;
  virtual Status InsertApiToken(ApiToken& token) = 0;
  virtual Status RevokeApiToken(std::int64_t id, Instant at) = 0;

  // Inserts a calendar; sets id and version 1. kAlreadyExists for a taken code.
  virtual Status InsertCalendar(StoredCalendar& calendar) = 0;
  // Updates name, code, owner, weekly sessions and fallback; checks and bumps calendar.version.
  // Every edit of a calendar's years or closures calls this in the same transaction.
  virtual Status UpdateCalendar(StoredCalendar& calendar) = 0;
  // Replaces the stored schedule of `schedule.year` (inserting it when absent).
  virtual Status PutCalendarYear(std::int64_t calendar_id,
                                 const calendar::YearSchedule& schedule) = 0;
  // Deletes a stored year (the year goes back to the fallback). kNotFound when not stored.
  virtual Status DeleteCalendarYear(std::int64_t calendar_id, int year) = 0;
  // Inserts a closure; sets closure.id.
  virtual Status InsertCalendarClosure(StoredClosure& closure) = 0;
  // Deletes a closure of the calendar. kNotFound when it has no such closure.
  virtual Status DeleteCalendarClosure(std::int64_t calendar_id, std::int64_t closure_id) = 0;

  // Inserts a version with row_version 1. kAlreadyExists (reason "unique-violation") when
  // (code, number) is taken or when the code already has a draft (at most one draft per code).
  virtual Status InsertProcedureVersion(StoredProcedureVersion& version) = 0;
  // Updates every column of (code, number); checks and bumps row_version (kAborted
  // "version-conflict" when stale, kNotFound when absent).
  virtual Status UpdateProcedureVersion(StoredProcedureVersion& version) = 0;
  // Replaces the workflows of (code, version) whole, in the given order (each workflow's own
  // procedure_code and version are ignored). The procedure version must exist when `workflows`
  // is not empty (kFailedPrecondition "constraint" otherwise).
  virtual Status PutWorkflows(const std::string& code, int version,
                              const std::vector<catalog::Workflow>& workflows) = 0;

  // PostgreSQL: creates the partitions of the dossier tables for the years first..last that are
  // missing, and returns how many tables it created (a year whose dossiers are already in the
  // default partitions stays there). SQLite has no partitions: 0.
  virtual Result<int> PrepareYears(int first, int last) = 0;

  // The next sequence number of dossier codes for (unit, day): 1, 2, 3, ... never repeated, also
  // across servers (the counter row is updated inside the transaction).
  virtual Result<std::int64_t> NextDossierSequence(const std::string& unit_code,
                                                   calendar::CivilDate day) = 0;
  // Inserts a dossier and its first events; sets dossier.value.id. kAlreadyExists for a taken
  // code. On PostgreSQL the id is the year of the first event (Vietnam local) times 10^10 plus a
  // sequence number: the year's partitions hold the dossier's rows (docs/dossiers.md "Partitions by
  // year").
  virtual Status InsertDossier(StoredDossier& dossier,
                               const std::vector<dossier::Event>& events) = 0;
  // Appends `events` (numbered from expected_version + 1) and rewrites the current-state row,
  // which must still be at `expected_version` (kAborted "version-conflict" otherwise, nothing
  // written).
  virtual Status AppendDossierEvents(const StoredDossier& dossier, std::int64_t expected_version,
                                     const std::vector<dossier::Event>& events) = 0;
  // Rewrites the row's times only (a calendar changed), if the row is still at `version`; false
  // when a command got there first (it wrote fresh times itself). No event.
  virtual Result<bool> UpdateDossierClock(std::int64_t id, std::int64_t version,
                                          const DossierClock& clock) = 0;
  // Queues a message; sets message.id.
  virtual Status InsertOutbox(OutboxMessage& message) = 0;
  // Stores a file once by its SHA-256 (a second upload of the same bytes stores nothing new) and
  // records that `user` uploaded it at `at`.
  virtual Status PutAttachment(const Attachment& attachment, identity::UserId user, Instant at) = 0;

  // --- Background work (app/background.h; migration 5) ---------------------------------------
  // Takes or renews lease `name` for `holder` until `until`: true when the lease was free, expired
  // (expires_at <= now) or already held by `holder`; false when another holds it. Two servers
  // racing: exactly one gets it.
  virtual Result<bool> AcquireLease(const std::string& name, const std::string& holder, Instant now,
                                    Instant until) = 0;
  // Lets the lease lapse now if `holder` holds it (a clean shutdown); otherwise nothing.
  virtual Status ReleaseLease(const std::string& name, const std::string& holder) = 0;
  // Marks up to claim.limit deliverable messages (OutboxClaim) as held by claim.holder until
  // claim.until and returns them, oldest next attempt first. Concurrent claims never return the
  // same message (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer).
  virtual Result<std::vector<OutboxMessage>> ClaimOutbox(const OutboxClaim& claim) = 0;
  // Records a delivery (sent_at, one more attempt, claim cleared) if `holder` still holds the
  // message; false otherwise (the claim lapsed and another server took it).
  virtual Result<bool> MarkOutboxSent(std::int64_t id, const std::string& holder, Instant at) = 0;
  // Records a failed attempt (one more attempt, the error, the next attempt or the give-up, claim
  // cleared) if failure.holder still holds the message; false otherwise.
  virtual Result<bool> MarkOutboxFailed(const OutboxFailure& failure) = 0;
  // Records that alert `kind` was raised for the dossier: true the first time, false when it was
  // already raised (by this or another server). The dossier must exist (kFailedPrecondition).
  virtual Result<bool> InsertDossierAlert(std::int64_t dossier_id, const std::string& kind,
                                          Instant at) = 0;
  // ---------------------------------------------------------------------------------------------

  // --- Reports (migration 7) -----------------------------------------------------------------
  // InsertDossier and AppendDossierEvents keep the facts row themselves. This replaces it whole
  // (a rebuild from the events); the dossier must exist (kFailedPrecondition "constraint").
  // Both keep the two rollups (reports/rollup.h) too.
  virtual Status PutDossierFacts(const reports::Facts& facts) = 0;
  // Replaces both rollups with the ones folded from the facts rows (in SQL, as migrations 8 and
  // 10).
  virtual Status RebuildReportDays() = 0;
  // Stores the snapshot of local day `day` (migration 9): one row per unit of `rows` (key: the
  // unit's code), stamped `taken_at`. A (unit, day) already stored keeps its figures (a second
  // writer, or a second server, changes nothing). Returns the rows inserted.
  virtual Result<std::int64_t> InsertReportSnapshots(std::int64_t day,
                                                     const std::vector<ReportRow>& rows,
                                                     Instant taken_at) = 0;
  // ---------------------------------------------------------------------------------------------

  // --- Per-step figures (migration 11) -------------------------------------------------------
  // Stores the visits of dossier `dossier_id` that the events just written complete (their
  // dossier_id is ignored) and adds them to the rollup per unit, day, step and officer, in the
  // same transaction as those events: InsertDossier and AppendDossierEvents leave it to their
  // caller, which has the calendar. kAlreadyExists for an ordinal already stored.
  virtual Status InsertStepVisits(std::int64_t dossier_id,
                                  const std::vector<reports::StepVisit>& visits) = 0;
  // Replaces every stored visit of the dossier (a rebuild from the events), leaving the rollup
  // to RebuildStepDays.
  virtual Status ReplaceStepVisits(std::int64_t dossier_id,
                                   const std::vector<reports::StepVisit>& visits) = 0;
  // Replaces the whole rollup with the one folded from the stored visits (as migration 11).
  virtual Status RebuildStepDays() = 0;
  // ---------------------------------------------------------------------------------------------

  // Stores an answer; kAlreadyExists if the key is taken.
  virtual Status InsertIdempotentAnswer(const IdempotentAnswer& answer) = 0;

  // Appends an audit record: assigns seq and prev_hash from the chain head, computes the hash.
  // Serialised across all writers of the database so that the chain never forks.
  virtual Status AppendAudit(audit::Record& record) = 0;
};

struct MigrationStatus {
  int version = 0;
  std::string name;
  std::optional<Instant> applied_at;  // absent: pending
};

class Store {
 public:
  virtual ~Store() = default;
  virtual Status Write(const std::function<Status(WriteTx&)>& work) = 0;
  // A Write that loads many rows (the demo data set): a back end may send the statements whose
  // answer is only a count without waiting for each answer (PostgreSQL's pipeline), so such a
  // statement's error surfaces at the next read or at the commit, and the counts are not known.
  // All or nothing like Write. Only for work that checks no count of changed rows.
  virtual Status WriteBulk(const std::function<Status(WriteTx&)>& work) { return Write(work); }
  virtual Status Read(const std::function<Status(ReadTx&)>& work) = 0;
  // Cheap reachability check for /readyz.
  virtual Status Ping() = 0;
  // Applies pending migrations; idempotent.
  virtual Status Migrate() = 0;
  virtual Result<std::vector<MigrationStatus>> MigrationState() = 0;
  // A consistent copy of the whole database into `path` (a file for SQLite, a dump for
  // PostgreSQL). Safe while the store is in use.
  virtual Status Backup(const std::string& path) = 0;
  // Replaces the database's content with a backup made by Backup. Only on a store not serving.
  virtual Status Restore(const std::string& path) = 0;
  // Commit latency observer (for /metrics): called with seconds per durable commit.
  virtual void SetCommitObserver(std::function<void(double seconds, int commands)> observer) = 0;
};

}  // namespace motcua::app
