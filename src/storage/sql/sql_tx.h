#pragma once

// The application's ReadTx/WriteTx written once in SQL that both SQLite and PostgreSQL accept.
// The back end opens the transaction (and a savepoint per command under group commit) on the
// connection and hands a SqlTx to the command's work function. The catalog's repositories are in
// catalog_tx.cc.

#include "app/store.h"
#include "storage/sql/driver.h"

namespace motcua::storage::sql {

// The audit chain's head (last sequence number and hash) kept in memory by a back end with a
// single writer, so that appending a record costs one INSERT instead of a read and two updates of
// the audit_head row. The owner writes the head row back once per transaction (SaveAuditHead),
// restores a snapshot when a savepoint rolls back, and loads it afresh at the start of every
// transaction, since another process may have appended records in between.
struct AuditHead {
  bool loaded = false;
  bool dirty = false;  // appended since the row was last written
  std::int64_t seq = 0;
  std::string hash;
};

// Reads the audit_head row into `head` (loaded, not dirty).
Status LoadAuditHead(Connection& conn, AuditHead& head);

// Writes `head` to the audit_head row if it changed; call inside the transaction, before COMMIT.
Status SaveAuditHead(Connection& conn, AuditHead& head);

// Rows decoded in order by a function that may fail (stored text that must parse); the first
// failure is the answer. Shared by the repositories of sql_tx.cc, catalog_tx.cc, dossier_tx.cc.
template <typename T, typename F>
Result<std::vector<T>> DecodeAll(Result<std::vector<Row>> rows, F from_row) {
  if (!rows) return std::move(rows).error();
  std::vector<T> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    MOTCUA_ASSIGN_OR_RETURN(T item, from_row(r));
    out.push_back(std::move(item));
  }
  return out;
}

class SqlTx final : public app::WriteTx {
 public:
  // `conn` must outlive this object and already be inside a transaction. With `head`, audit
  // records are chained from the cached head (see AuditHead); without, from the audit_head row,
  // locked for the rest of the transaction (many writers).
  explicit SqlTx(Connection& conn, AuditHead* head = nullptr) : conn_(conn), head_(head) {}

  Result<std::optional<identity::Unit>> FindUnit(identity::UnitId id) override;
  Result<std::optional<identity::Unit>> FindUnitByCode(const std::string& code) override;
  Result<std::vector<identity::Unit>> ListUnits() override;
  Result<std::vector<identity::Unit>> ListUnitsInSubtree(identity::UnitId root) override;
  Result<bool> UnitInSubtree(identity::UnitId root, identity::UnitId unit) override;
  Result<std::optional<identity::User>> FindUser(identity::UserId id) override;
  Result<std::optional<identity::User>> FindUserByUsername(const std::string& username) override;
  Result<std::vector<identity::User>> ListUsers(std::optional<identity::UnitId> subtree,
                                                app::Page page) override;
  Result<std::optional<app::Session>> FindSession(const std::string& token_hash) override;
  Result<std::optional<app::ApiToken>> FindApiToken(const std::string& token_hash) override;
  Result<std::vector<app::ApiToken>> ListApiTokens(identity::UserId user_id) override;
  Result<std::optional<app::IdempotentAnswer>> FindIdempotentAnswer(
      const std::string& key) override;
  Result<std::optional<app::StoredCalendar>> FindCalendar(std::int64_t id) override;
  Result<std::optional<app::StoredCalendar>> FindCalendarByCode(const std::string& code) override;
  Result<std::vector<app::StoredCalendar>> ListCalendars() override;
  Result<std::vector<calendar::YearSchedule>> ListCalendarYears(std::int64_t calendar_id) override;
  Result<std::vector<app::StoredClosure>> ListCalendarClosures(std::int64_t calendar_id) override;
  Result<std::optional<app::StoredProcedureVersion>> FindProcedureVersion(const std::string& code,
                                                                          int number) override;
  Result<std::vector<app::StoredProcedureVersion>> ListProcedureVersions(
      const std::string& code) override;
  Result<std::vector<app::StoredProcedureVersion>> ListAllProcedureVersions() override;
  Result<std::vector<app::ProcedureSummary>> ListProceduresInForce(
      const app::ProcedureFilter& filter) override;
  Result<std::vector<app::ProcedureSummary>> SearchProcedures(
      const app::ProcedureSearch& search) override;
  Result<std::vector<catalog::Workflow>> ListWorkflowsOf(const std::string& code,
                                                         int version) override;
  Result<std::vector<catalog::Workflow>> ListWorkflows() override;
  Result<std::vector<app::StoredProcedureVersion>> ListDrafts(
      const app::DraftQuery& query) override;
  Result<std::optional<app::StoredDossier>> FindDossier(std::int64_t id) override;
  Result<std::optional<app::StoredDossier>> FindDossierByCode(const std::string& code) override;
  Result<std::vector<dossier::Event>> ListDossierEvents(std::int64_t id) override;
  Result<std::vector<app::StoredDossier>> ListQueue(const app::QueueQuery& query) override;
  Result<std::int64_t> CountQueue(const app::QueueQuery& query) override;
  Result<std::vector<app::StoredDossier>> ListApplicantDossiers(identity::UserId user,
                                                                std::int64_t before_id,
                                                                int limit) override;
  Result<std::vector<app::StoredDossier>> ListOpenDossiers(std::int64_t after_id,
                                                           int limit) override;
  Result<std::vector<app::StoredDossier>> ListDossiersReceived(const std::string& unit_code,
                                                               Instant from, Instant to,
                                                               Instant after_received,
                                                               std::int64_t after_id,
                                                               int limit) override;
  Result<std::optional<app::Attachment>> FindAttachment(const std::string& sha256) override;
  Result<bool> AttachmentUploadedBy(const std::string& sha256, identity::UserId user) override;
  // The applicant's data store (migration 13).
  Result<std::vector<app::StoredDossier>> ListDossiersOfApplicant(const std::string& id_number,
                                                                  std::int64_t before_id,
                                                                  int limit) override;
  Result<std::optional<app::Attachment>> FindAttachmentInfo(const std::string& sha256) override;
  Result<std::vector<app::StoredDossier>> ListSweep(const app::SweepQuery& query) override;
  Result<std::vector<app::OutboxMessage>> ListOutbox(std::int64_t dossier_id, std::int64_t after_id,
                                                     int limit) override;
  Result<std::optional<app::Lease>> FindLease(const std::string& name) override;
  Result<std::vector<app::ReportRow>> ReportStatistics(const app::ReportQuery& query) override;
  Result<std::vector<app::ReportDossier>> ListReportDossiers(const app::ReportQuery& query,
                                                             app::ReportFigure figure,
                                                             std::int64_t after_id,
                                                             int limit) override;
  Result<std::optional<reports::Facts>> FindDossierFacts(std::int64_t dossier_id) override;
  Result<std::vector<reports::Facts>> ListDossierFacts(std::int64_t after_id, int limit) override;
  Result<std::vector<std::int64_t>> ListDossierIds(std::int64_t after_id, int limit) override;
  Result<std::vector<app::ReportDay>> ListReportDays(reports::RollupKind kind,
                                                     const reports::DayKey& after,
                                                     int limit) override;
  Result<bool> HasReportSnapshot(std::int64_t day) override;
  Result<std::vector<app::ReportTrendDay>> ReportTrend(identity::UnitId unit, bool subunits,
                                                       std::int64_t first_day,
                                                       std::int64_t last_day) override;
  // Per-step figures (step_visit_tx.cc).
  Result<std::vector<app::StepVisitRow>> ReportStepVisits(const app::StepQuery& query) override;
  Result<std::vector<app::OpenStepRow>> ReportOpenSteps(const app::StepQuery& query) override;
  Result<std::vector<reports::StepVisit>> ListStepVisits(std::int64_t dossier_id) override;
  Result<std::int64_t> CountStepDaysDifferent() override;
  Result<std::vector<audit::Record>> ListAudit(app::Page page) override;
  Result<std::int64_t> CountAudit() override;

  Status InsertUnit(identity::Unit& unit) override;
  Status UpdateUnit(identity::Unit& unit) override;
  Status InsertUser(identity::User& user) override;
  Status UpdateUser(identity::User& user) override;
  Status SetLoginState(identity::UserId id, std::int64_t failed_logins,
                       Instant locked_until) override;
  Status InsertSession(const app::Session& session) override;
  Status DeleteSession(const std::string& token_hash) override;
  Status DeleteSessionsOfUser(identity::UserId user_id) override;
  Status InsertApiToken(app::ApiToken& token) override;
  Status RevokeApiToken(std::int64_t id, Instant at) override;
  Status InsertCalendar(app::StoredCalendar& calendar) override;
  Status UpdateCalendar(app::StoredCalendar& calendar) override;
  Status PutCalendarYear(std::int64_t calendar_id, const calendar::YearSchedule& schedule) override;
  Status DeleteCalendarYear(std::int64_t calendar_id, int year) override;
  Status InsertCalendarClosure(app::StoredClosure& closure) override;
  Status DeleteCalendarClosure(std::int64_t calendar_id, std::int64_t closure_id) override;
  Status InsertProcedureVersion(app::StoredProcedureVersion& version) override;
  Status UpdateProcedureVersion(app::StoredProcedureVersion& version) override;
  Status PutWorkflows(const std::string& code, int version,
                      const std::vector<catalog::Workflow>& workflows) override;
  Status InsertIdempotentAnswer(const app::IdempotentAnswer& answer) override;
  Status AppendAudit(audit::Record& record) override;
  Result<int> PrepareYears(int first, int last) override;
  Result<std::int64_t> NextDossierSequence(const std::string& unit_code,
                                           calendar::CivilDate day) override;
  Status InsertDossier(app::StoredDossier& dossier,
                       const std::vector<dossier::Event>& events) override;
  Status AppendDossierEvents(const app::StoredDossier& dossier, std::int64_t expected_version,
                             const std::vector<dossier::Event>& events) override;
  Result<bool> UpdateDossierClock(std::int64_t id, std::int64_t version,
                                  const app::DossierClock& clock) override;
  Status InsertOutbox(app::OutboxMessage& message) override;
  Status PutAttachment(const app::Attachment& attachment, identity::UserId user,
                       Instant at) override;
  Result<bool> AcquireLease(const std::string& name, const std::string& holder, Instant now,
                            Instant until) override;
  Status ReleaseLease(const std::string& name, const std::string& holder) override;
  Result<std::vector<app::OutboxMessage>> ClaimOutbox(const app::OutboxClaim& claim) override;
  Result<bool> MarkOutboxSent(std::int64_t id, const std::string& holder, Instant at) override;
  Result<bool> MarkOutboxFailed(const app::OutboxFailure& failure) override;
  Result<bool> InsertDossierAlert(std::int64_t dossier_id, const std::string& kind,
                                  Instant at) override;
  Status PutDossierFacts(const reports::Facts& facts) override;
  Status RebuildReportDays() override;
  Status InsertStepVisits(std::int64_t dossier_id,
                          const std::vector<reports::StepVisit>& visits) override;
  Status ReplaceStepVisits(std::int64_t dossier_id,
                           const std::vector<reports::StepVisit>& visits) override;
  Status RebuildStepDays() override;
  Result<std::int64_t> InsertReportSnapshots(std::int64_t day,
                                             const std::vector<app::ReportRow>& rows,
                                             Instant taken_at) override;

 private:
  Connection& conn_;
  AuditHead* head_;
};

}  // namespace motcua::storage::sql
