// The dossiers' repositories (migration 4), written once for both back ends.
#include <limits>

#include "calendar/civil_time.h"
#include "storage/sql/dossier_codec.h"
#include "storage/sql/dossier_memo.h"
#include "storage/sql/dossier_row.h"
#include "storage/sql/report_tx.h"
#include "storage/sql/sql_tx.h"

namespace motcua::storage::sql {
namespace {

using app::DossierClock;
using app::Queue;
using app::QueueQuery;
using app::StoredDossier;

inline constexpr Statement kFindDossier{
    "dossier_find", "SELECT " MOTCUA_DOSSIER_COLUMNS " FROM dossiers WHERE id = $1"};
inline constexpr Statement kFindDossierByCode{
    "dossier_find_code", "SELECT " MOTCUA_DOSSIER_COLUMNS " FROM dossiers WHERE code = $1"};
inline constexpr Statement kListEvents{
    "dossier_events_list", "SELECT body FROM dossier_events WHERE dossier_id = $1 ORDER BY seq"};

// A queue: open dossiers whose `unit` column (the step unit; the competent unit for the apology
// drafts, which its head signs) is in the subtree of $1, each filter switched on by its flag ($2
// user for "mine", $3..$9 flags, $10 now, $11 soon_until, $16 apology drafted and not signed,
// $17 the current step's kind or ''). Sorted by due instant with the dossiers without one last,
// then id; keyset mode $12: 0 first page, 1 after ($13 due, $14 id), 2 after a row without due
// ($14 id).
#define MOTCUA_QUEUE_SCOPE                                  \
  "WITH RECURSIVE scope(id) AS (SELECT CAST($1 AS BIGINT) " \
  "UNION ALL SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id) "
#define MOTCUA_QUEUE_FILTERS(assignee)                                                        \
  "AND " assignee                                                                             \
  " AND ($3 = 0 OR assignee = 0) "                                                            \
  "AND ($4 = 0 OR (COALESCE(step_due_at, due_at) >= $10 AND COALESCE(step_due_at, due_at) < " \
  "$11)) "                                                                                    \
  "AND ($5 = 0 OR due_at < $10) "                                                             \
  "AND ($6 = 0 OR paused = 1) "                                                               \
  "AND ($7 = 0 OR waiting_agency = 1) "                                                       \
  "AND ($8 = 0 OR state = 1) "                                                                \
  "AND ($9 = 0 OR state <> 1) "                                                               \
  "AND ($16 = 0 OR (apology_pending = 1 AND state IN (4, 5, 6))) "                            \
  "AND ($17 = '' OR step_kind = $17) "
#define MOTCUA_QUEUE_WHERE(unit, assignee)                                                 \
  MOTCUA_QUEUE_SCOPE                                                                       \
  "SELECT " MOTCUA_DOSSIER_COLUMNS                                                         \
  " FROM dossiers "                                                                        \
  "WHERE state IN (1, 2, 4, 5, 6, 7) "                                                     \
  "AND " unit                                                                              \
  " IN (SELECT code FROM units WHERE id IN (SELECT id FROM scope)) " MOTCUA_QUEUE_FILTERS( \
      assignee)
#define MOTCUA_ANY_ASSIGNEE "($2 = 0 OR assignee = $2)"
#define MOTCUA_QUEUE_KEYSET                                                                 \
  "AND ($12 = 0 OR ($12 = 1 AND (due_at > $13 OR (due_at = $13 AND id > $14) OR due_at IS " \
  "NULL)) OR ($12 = 2 AND due_at IS NULL AND id > $14)) "
#define MOTCUA_QUEUE_PAGE \
  MOTCUA_QUEUE_KEYSET "ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id LIMIT $15"
#define MOTCUA_QUEUE_COUNT(unit, assignee)     \
  "SELECT COUNT(*) FROM (" MOTCUA_QUEUE_WHERE( \
      unit, assignee) "AND $12 = $12 AND $13 = $13 AND $14 = $14 LIMIT $15) AS q"
// PostgreSQL cannot estimate how many units the recursive scope holds, and for the statements
// above reads every open dossier of the year, then keeps the scope's (1.2 s for an empty queue
// among 216,439 open, docs/benchmarks.md). So there a queue is one scan of dossiers_queue
// (step_unit, due_at, id) per unit of the scope, in the index's order (ascending puts NULLs
// last, the queues' order), each in a LATERAL with its own LIMIT, which keeps the planner from
// flattening it into a join; the pages are merged by the outer ORDER BY, the count stops at $15.
// A later page starts each unit's scan at the cursor: the keyset is three branches, of which the
// mode $12 runs one or two (one-time filters), each an index condition: the first page; the rows
// after ($13, $14) by row comparison, which leaves out the rows without a due instant; those rows,
// after id $14 in mode 2.
#define MOTCUA_QUEUE_UNIT(columns)                        \
  "(SELECT " columns                                      \
  " FROM dossiers WHERE state IN (1, 2, 4, 5, 6, 7) AND " \
  "step_unit = c.code " MOTCUA_QUEUE_FILTERS(MOTCUA_ANY_ASSIGNEE)
#define MOTCUA_QUEUE_PER_UNIT MOTCUA_QUEUE_SCOPE "SELECT d.* FROM units c CROSS JOIN LATERAL ("
#define MOTCUA_QUEUE_FIRST_PAGE "AND $12 = 0 ORDER BY due_at, id LIMIT $15) "
#define MOTCUA_QUEUE_AFTER_DUE \
  "AND $12 = 1 AND (due_at, id) > ($13, $14) ORDER BY due_at, id LIMIT $15) "
#define MOTCUA_QUEUE_WITHOUT_DUE                                                    \
  "AND $12 <> 0 AND due_at IS NULL AND id > CASE WHEN $12 = 2 THEN $14 ELSE 0 END " \
  "ORDER BY id LIMIT $15) "
inline constexpr Statement kQueuePostgres{
    "dossier_queue_postgres",
    MOTCUA_QUEUE_PER_UNIT MOTCUA_QUEUE_UNIT(MOTCUA_DOSSIER_COLUMNS) MOTCUA_QUEUE_FIRST_PAGE
    "UNION ALL " MOTCUA_QUEUE_UNIT(MOTCUA_DOSSIER_COLUMNS) MOTCUA_QUEUE_AFTER_DUE
    "UNION ALL " MOTCUA_QUEUE_UNIT(MOTCUA_DOSSIER_COLUMNS) MOTCUA_QUEUE_WITHOUT_DUE
    ") d WHERE c.id IN (SELECT id FROM scope) ORDER BY d.due_at, d.id LIMIT $15"};
inline constexpr Statement kQueueCountPostgres{
    "dossier_queue_count_postgres",
    "SELECT COUNT(*) FROM (" MOTCUA_QUEUE_PER_UNIT MOTCUA_QUEUE_UNIT("1 AS one")
    "AND $12 = $12 AND $13 = $13 AND $14 = $14 LIMIT $15)) d "
    "WHERE c.id IN (SELECT id FROM scope) LIMIT $15) AS q"};
#undef MOTCUA_QUEUE_WITHOUT_DUE
#undef MOTCUA_QUEUE_AFTER_DUE
#undef MOTCUA_QUEUE_FIRST_PAGE
#undef MOTCUA_QUEUE_UNIT
#undef MOTCUA_QUEUE_PER_UNIT
inline constexpr Statement kQueue{
    "dossier_queue", MOTCUA_QUEUE_WHERE("step_unit", MOTCUA_ANY_ASSIGNEE) MOTCUA_QUEUE_PAGE};
inline constexpr Statement kQueueCount{"dossier_queue_count",
                                       MOTCUA_QUEUE_COUNT("step_unit", MOTCUA_ANY_ASSIGNEE)};
// "Mine" names the assignee outright, so that both back ends read index dossiers_assignee
// (assignee, due_at, id): an officer's few open dossiers, not the unit's many (a plan made for
// "$2 = 0 OR ..." walks the unit's index and filters).
inline constexpr Statement kMineQueue{
    "dossier_queue_mine", MOTCUA_QUEUE_WHERE("step_unit", "assignee = $2") MOTCUA_QUEUE_PAGE};
inline constexpr Statement kMineQueueCount{"dossier_queue_mine_count",
                                           MOTCUA_QUEUE_COUNT("step_unit", "assignee = $2")};
// Index dossiers_apology (competent_unit, due_at, id), migration 12.
inline constexpr Statement kApologyQueue{"dossier_queue_apology",
                                         MOTCUA_QUEUE_WHERE("competent_unit", MOTCUA_ANY_ASSIGNEE)
                                             MOTCUA_QUEUE_PAGE};
inline constexpr Statement kApologyQueueCount{
    "dossier_queue_apology_count", MOTCUA_QUEUE_COUNT("competent_unit", MOTCUA_ANY_ASSIGNEE)};
#undef MOTCUA_ANY_ASSIGNEE
#undef MOTCUA_QUEUE_COUNT
#undef MOTCUA_QUEUE_PAGE
#undef MOTCUA_QUEUE_KEYSET
#undef MOTCUA_QUEUE_WHERE
#undef MOTCUA_QUEUE_FILTERS
#undef MOTCUA_QUEUE_SCOPE

inline constexpr Statement kNextSequence{
    "dossier_sequence_next",
    "INSERT INTO dossier_sequences (unit_code, day, last) VALUES ($1, $2, 1) "
    "ON CONFLICT (unit_code, day) DO UPDATE SET last = dossier_sequences.last + 1 "
    "RETURNING last"};
inline constexpr Statement kInsertDossier{
    "dossier_insert",
    "INSERT INTO dossiers (code, secret_hash, procedure_code, procedure_version, channel, "
    "receiving_unit, competent_unit, step_unit, applicant_user_id, applicant_name, state, "
    "step_id, assignee, paused, waiting_agency, due_at, step_due_at, appointment_at, "
    "new_appointment_at, intake_due_at, received_at, version, doc, intake_alert_at, "
    "supplement_deadline_at, step_kind, apology_pending, applicant_id_number, step_entered_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
    "$19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29) RETURNING id"};
// PostgreSQL: the id is the year of the dossier's first event ($30) times 10^10 plus a sequence
// number, which places the row in that year's partition (migration 14).
inline constexpr Statement kInsertDossierPostgres{
    "dossier_insert_postgres",
    "INSERT INTO dossiers (id, code, secret_hash, procedure_code, procedure_version, channel, "
    "receiving_unit, competent_unit, step_unit, applicant_user_id, applicant_name, state, "
    "step_id, assignee, paused, waiting_agency, due_at, step_due_at, appointment_at, "
    "new_appointment_at, intake_due_at, received_at, version, doc, intake_alert_at, "
    "supplement_deadline_at, step_kind, apology_pending, applicant_id_number, step_entered_at) "
    "VALUES ($30 * 10000000000 + nextval('dossiers_id_seq'), $1, $2, $3, $4, $5, $6, $7, $8, $9, "
    "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, "
    "$28, $29) RETURNING id"};
inline constexpr Statement kPrepareYears{"dossier_prepare_years",
                                         "SELECT motcua_prepare_years($1, $2)"};
inline constexpr Statement kUpdateDossier{
    "dossier_update",
    "UPDATE dossiers SET code = $1, secret_hash = $2, procedure_code = $3, procedure_version = "
    "$4, channel = $5, receiving_unit = $6, competent_unit = $7, step_unit = $8, "
    "applicant_user_id = $9, applicant_name = $10, state = $11, step_id = $12, assignee = $13, "
    "paused = $14, waiting_agency = $15, due_at = $16, step_due_at = $17, appointment_at = $18, "
    "new_appointment_at = $19, intake_due_at = $20, received_at = $21, version = $22, doc = $23, "
    "intake_alert_at = $24, supplement_deadline_at = $25, step_kind = $26, apology_pending = $27, "
    "applicant_id_number = $28, step_entered_at = $29 WHERE id = $30 AND version = $31"};
inline constexpr Statement kUpdateClock{
    "dossier_update_clock",
    "UPDATE dossiers SET due_at = $1, step_due_at = $2, appointment_at = $3, "
    "new_appointment_at = $4, intake_due_at = $5, intake_alert_at = $6, "
    "supplement_deadline_at = $7 WHERE id = $8 AND version = $9"};
inline constexpr Statement kListOpen{"dossier_list_open",
                                     "SELECT " MOTCUA_DOSSIER_COLUMNS
                                     " FROM dossiers WHERE state IN (1, 2, 4, 5, 6, 7) AND id > $1 "
                                     "ORDER BY id LIMIT $2"};
// Index dossiers_applicant (applicant_user_id, id), migration 4.
inline constexpr Statement kListApplicant{"dossier_list_applicant",
                                          "SELECT " MOTCUA_DOSSIER_COLUMNS
                                          " FROM dossiers WHERE applicant_user_id = $1 AND id < $2 "
                                          "ORDER BY id DESC LIMIT $3"};
// The applicant's data store: index dossiers_applicant_number (applicant_id_number, id),
// migration 13.
inline constexpr Statement kListOfApplicant{"dossier_list_applicant_number",
                                            "SELECT " MOTCUA_DOSSIER_COLUMNS
                                            " FROM dossiers WHERE applicant_id_number = $1 AND "
                                            "id < $2 ORDER BY id DESC LIMIT $3"};
inline constexpr Statement kListReceived{
    "dossier_list_received",
    "SELECT " MOTCUA_DOSSIER_COLUMNS
    " FROM dossiers WHERE receiving_unit = $1 AND received_at > 0 AND received_at >= $2 "
    "AND received_at < $3 AND (received_at > $4 OR (received_at = $4 AND id > $5)) "
    "ORDER BY received_at, id LIMIT $6"};
inline constexpr Statement kInsertEvent{
    "dossier_event_insert",
    "INSERT INTO dossier_events (dossier_id, seq, kind, at, actor_id, unit_code, step_id, body) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
inline constexpr Statement kInsertOutbox{
    "outbox_insert",
    "INSERT INTO outbox (dossier_id, kind, channel, recipient, payload, created_at, attempts, "
    "next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, 0, $7) RETURNING id"};

Value OptInt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Null(); }

// The columns of kInsertDossier / kUpdateDossier ($1..$29), `doc` ($23) given; the current
// step's kind and an apology pending are the leader's queues' (migration 12), the applicant's
// number the data store's (migration 13), the instant the current step was entered the per-step
// report's at a past instant (SQLite migration 14, PostgreSQL 15).
std::vector<Value> RowParams(const StoredDossier& s, std::string doc) {
  const dossier::Dossier& d = s.value;
  return {d.code.empty() ? Null() : Text(d.code),
          Text(s.secret_hash),
          Text(d.procedure_code),
          Int(d.procedure_version),
          Int(static_cast<int>(d.channel)),
          Text(d.receiving_unit),
          Text(d.competent_unit),
          Text(s.step_unit),
          OptInt(s.applicant_user),
          Text(d.applicant.name),
          Int(dossier::NationalCode(d.state)),
          Text(d.step_id),
          Int(d.assignee),
          Bool(d.paused),
          Bool(d.waiting_agency),
          OptInt(s.clock.due),
          OptInt(s.clock.step_due),
          OptInt(s.clock.appointment),
          OptInt(s.clock.new_appointment),
          OptInt(s.clock.intake_due),
          Int(d.received_at),
          Int(d.version),
          Text(std::move(doc)),
          OptInt(s.clock.intake_alert),
          OptInt(s.clock.supplement_deadline),
          Text(std::string(catalog::StepKindName(d.step_kind))),
          Bool(d.apology_drafted && !d.apology_signed),
          Text(d.applicant.id_number),
          Int(d.step_entered)};
}

// The row's columns in RowParams order, `doc` and `version` aside: the ones a changed-columns
// update compares (SQLite rewrites an index entry for every indexed column an UPDATE sets, even
// to the same value, and the dossiers table has eight indexes).
constexpr std::string_view kRowColumns[] = {"code",
                                            "secret_hash",
                                            "procedure_code",
                                            "procedure_version",
                                            "channel",
                                            "receiving_unit",
                                            "competent_unit",
                                            "step_unit",
                                            "applicant_user_id",
                                            "applicant_name",
                                            "state",
                                            "step_id",
                                            "assignee",
                                            "paused",
                                            "waiting_agency",
                                            "due_at",
                                            "step_due_at",
                                            "appointment_at",
                                            "new_appointment_at",
                                            "intake_due_at",
                                            "received_at",
                                            "version",
                                            "doc",
                                            "intake_alert_at",
                                            "supplement_deadline_at",
                                            "step_kind",
                                            "apology_pending",
                                            "applicant_id_number",
                                            "step_entered_at"};
constexpr std::size_t kVersionColumn = 21;
constexpr std::size_t kDocColumn = 22;

inline constexpr Statement kCurrentRow{
    "dossier_current_row",
    "SELECT code, secret_hash, procedure_code, procedure_version, channel, receiving_unit, "
    "competent_unit, step_unit, applicant_user_id, applicant_name, state, step_id, assignee, "
    "paused, waiting_agency, due_at, step_due_at, appointment_at, new_appointment_at, "
    "intake_due_at, received_at, version, '', intake_alert_at, supplement_deadline_at, "
    "step_kind, apology_pending, applicant_id_number, step_entered_at FROM dossiers WHERE id = $1"};

// "UPDATE dossiers SET doc, version and the columns in `changed` WHERE id AND version", prepared
// once per set of columns (a handful in practice: each command kind changes the same ones).
const Statement& UpdateOf(std::uint32_t changed) {
  return KeptStatement("dossier_update_" + std::to_string(changed), [changed] {
    std::string sql = "UPDATE dossiers SET doc = $1, version = $2";
    int n = 3;
    for (std::size_t i = 0; i < std::size(kRowColumns); ++i) {
      if ((changed >> i & 1u) == 0) continue;
      sql += ", " + std::string(kRowColumns[i]) + " = $" + std::to_string(n++);
    }
    return sql + " WHERE id = $" + std::to_string(n) + " AND version = $" + std::to_string(n + 1);
  });
}

std::vector<Value> QueueParams(const QueueQuery& q) {
  const auto flag = [&](Queue k) { return Int(q.queue == k ? 1 : 0); };
  const std::int64_t mode = q.after_id == 0 ? 0 : (q.after_no_due ? 2 : 1);
  return {Int(q.scope_root),
          Int(q.queue == Queue::kMine ? q.user : 0),
          flag(Queue::kUnassigned),
          flag(Queue::kDueSoon),
          flag(Queue::kOverdue),
          flag(Queue::kPaused),
          flag(Queue::kWaitingAgency),
          flag(Queue::kSubmitted),
          Int(q.queue == Queue::kUnassigned || q.queue == Queue::kMine ? 1 : 0),
          Int(q.now),
          Int(q.soon_until),
          Int(mode),
          Int(q.after_due.value_or(0)),
          Int(q.after_id),
          Int(q.limit <= 0 ? 50 : std::min(q.limit, 500)),
          flag(Queue::kApologyDrafted),
          Text(q.step_kind ? std::string(catalog::StepKindName(*q.step_kind)) : "")};
}

}  // namespace

Result<StoredDossier> DossierFromRow(const Row& r) {
  StoredDossier out;
  MOTCUA_ASSIGN_OR_RETURN(out.value, DossierMemo::Shared().Dossier(r.Int(11), r.Text(0)));
  out.value.id = r.Int(11);
  out.secret_hash = r.Text(1);
  out.applicant_user = r.OptInt(2);
  out.step_unit = r.Text(3);
  out.clock.due = r.OptInt(4);
  out.clock.step_due = r.OptInt(5);
  out.clock.appointment = r.OptInt(6);
  out.clock.new_appointment = r.OptInt(7);
  out.clock.intake_due = r.OptInt(8);
  out.clock.intake_alert = r.OptInt(9);
  out.clock.supplement_deadline = r.OptInt(10);
  return out;
}

Result<std::optional<StoredDossier>> SqlTx::FindDossier(std::int64_t id) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kFindDossier, {Int(id)}));
  if (!row) return std::optional<StoredDossier>();
  MOTCUA_ASSIGN_OR_RETURN(auto d, DossierFromRow(*row));
  return std::optional<StoredDossier>(std::move(d));
}

Result<std::optional<StoredDossier>> SqlTx::FindDossierByCode(const std::string& code) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kFindDossierByCode, {Text(code)}));
  if (!row) return std::optional<StoredDossier>();
  MOTCUA_ASSIGN_OR_RETURN(auto d, DossierFromRow(*row));
  return std::optional<StoredDossier>(std::move(d));
}

Result<std::vector<dossier::Event>> SqlTx::ListDossierEvents(std::int64_t id) {
  MOTCUA_ASSIGN_OR_RETURN(auto rows, conn_.Query(kListEvents, {Int(id)}));
  std::vector<std::string> bodies;
  bodies.reserve(rows.size());
  for (const Row& r : rows) bodies.push_back(r.Text(0));
  return DossierMemo::Shared().Events(id, std::move(bodies));
}

Result<std::vector<StoredDossier>> SqlTx::ListQueue(const QueueQuery& query) {
  const std::vector<Value> params = QueueParams(query);
  const bool pg = conn_.dialect() == Dialect::kPostgres;
  const Statement& stmt = query.queue == Queue::kApologyDrafted ? kApologyQueue
                          : query.queue == Queue::kMine         ? kMineQueue
                          : pg                                  ? kQueuePostgres
                                                                : kQueue;
  return DecodeAll<StoredDossier>(conn_.Query(stmt, params), DossierFromRow);
}

Result<std::int64_t> SqlTx::CountQueue(const QueueQuery& query) {
  std::vector<Value> params = QueueParams(query);
  params[14] = Int(query.count_cap < 0 ? std::numeric_limits<std::int64_t>::max()
                                       : query.count_cap + 1);  // $15: the count's limit
  const bool pg = conn_.dialect() == Dialect::kPostgres;
  const Statement& stmt = query.queue == Queue::kApologyDrafted ? kApologyQueueCount
                          : query.queue == Queue::kMine         ? kMineQueueCount
                          : pg                                  ? kQueueCountPostgres
                                                                : kQueueCount;
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(stmt, params));
  return row ? row->Int(0) : 0;
}

Result<std::int64_t> SqlTx::NextDossierSequence(const std::string& unit_code,
                                                calendar::CivilDate day) {
  const std::int64_t yymmdd = (day.year % 100) * 10000 + day.month * 100 + day.day;
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kNextSequence, {Text(unit_code), Int(yymmdd)}));
  if (!row) return Error::Internal("dossier sequence returned nothing");
  return row->Int(0);
}

Result<int> SqlTx::PrepareYears(int first, int last) {
  if (conn_.dialect() != Dialect::kPostgres || first > last) return 0;
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kPrepareYears, {Int(first), Int(last)}));
  return row ? static_cast<int>(row->Int(0)) : 0;
}

namespace {

Status InsertEvents(Connection& conn, std::int64_t id, const std::vector<dossier::Event>& events) {
  std::vector<std::string> bodies;
  bodies.reserve(events.size());
  for (const dossier::Event& e : events) {
    bodies.push_back(EncodeEvent(e));
    MOTCUA_RETURN_IF_ERROR(conn.Exec(
        kInsertEvent,
        {Int(id), Int(e.seq), Text(std::string(dossier::EventKindName(e.kind))), Int(e.at),
         Int(e.actor_id), Text(e.unit_code), Text(e.step_id), Text(bodies.back())}));
  }
  // Events are numbered from 1 without gaps: those before these are seq - 1.
  if (!events.empty() && events.front().seq > 0) {
    DossierMemo::Shared().RememberEvents(id, static_cast<std::size_t>(events.front().seq - 1),
                                         std::move(bodies), events);
  }
  return Ok();
}

}  // namespace

Status SqlTx::InsertDossier(StoredDossier& dossier, const std::vector<dossier::Event>& events) {
  // The document is encoded before the id exists: the row's id column is the dossier's id
  // (DossierFromRow), whatever the document says.
  std::string doc = EncodeDossier(dossier.value);
  std::vector<Value> params = RowParams(dossier, doc);
  const bool postgres = conn_.dialect() == Dialect::kPostgres;
  if (postgres) {
    const Instant first = events.empty() ? dossier.value.received_at : events.front().at;
    params.push_back(Int(calendar::ToLocal(first).date.year));
  }
  MOTCUA_ASSIGN_OR_RETURN(
      auto row, conn_.QueryOne(postgres ? kInsertDossierPostgres : kInsertDossier, params));
  if (!row) return Error::Internal("dossier insert returned no id");
  DossierMemo::Shared().RememberDossier(row->Int(0), std::move(doc), dossier.value);
  dossier.value.id = row->Int(0);
  MOTCUA_RETURN_IF_ERROR(InsertEvents(conn_, dossier.value.id, events));
  return InsertDossierFacts(conn_, reports::FactsOf(dossier.value, events, dossier.clock.due));
}

Status SqlTx::AppendDossierEvents(const StoredDossier& dossier, std::int64_t expected_version,
                                  const std::vector<dossier::Event>& events) {
  const Error conflict = Error::Aborted("dossier " + std::to_string(dossier.value.id) +
                                        " was changed by someone else (or does not exist)")
                             .WithReason("version-conflict");
  std::string doc = EncodeDossier(dossier.value);
  std::vector<Value> row = RowParams(dossier, doc);
  std::int64_t changed = 0;
  if (conn_.dialect() == Dialect::kPostgres) {
    // PostgreSQL compares the values itself (an unchanged indexed column keeps a HOT update).
    row.push_back(Int(dossier.value.id));
    row.push_back(Int(expected_version));
    MOTCUA_ASSIGN_OR_RETURN(changed, conn_.Exec(kUpdateDossier, row));
  } else {
    // SQLite rewrites the index entries of every column an UPDATE sets: set only those that
    // differ from the stored row. The writer holds the database, so the row read is the row
    // updated.
    MOTCUA_ASSIGN_OR_RETURN(auto current, conn_.QueryOne(kCurrentRow, {Int(dossier.value.id)}));
    if (!current || current->Int(kVersionColumn) != expected_version) return conflict;
    std::uint32_t mask = 0;
    std::vector<Value> params{std::move(row[kDocColumn]), row[kVersionColumn]};
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i == kDocColumn || i == kVersionColumn || row[i] == current->raw(i)) continue;
      mask |= 1u << i;
      params.push_back(std::move(row[i]));
    }
    params.push_back(Int(dossier.value.id));
    params.push_back(Int(expected_version));
    MOTCUA_ASSIGN_OR_RETURN(changed, conn_.Exec(UpdateOf(mask), params));
  }
  if (changed == 0) return conflict;
  MOTCUA_RETURN_IF_ERROR(InsertEvents(conn_, dossier.value.id, events));
  MOTCUA_RETURN_IF_ERROR(
      MergeDossierFacts(conn_, reports::FactsOf(dossier.value, events, dossier.clock.due)));
  DossierMemo::Shared().RememberDossier(dossier.value.id, std::move(doc), dossier.value);
  return Ok();
}

Result<bool> SqlTx::UpdateDossierClock(std::int64_t id, std::int64_t version,
                                       const DossierClock& c) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto changed,
      conn_.Exec(kUpdateClock,
                 {OptInt(c.due), OptInt(c.step_due), OptInt(c.appointment),
                  OptInt(c.new_appointment), OptInt(c.intake_due), OptInt(c.intake_alert),
                  OptInt(c.supplement_deadline), Int(id), Int(version)}));
  if (changed > 0) MOTCUA_RETURN_IF_ERROR(SetDossierFactsDue(conn_, id, c.due));
  return changed > 0;
}

Result<std::vector<StoredDossier>> SqlTx::ListOpenDossiers(std::int64_t after_id, int limit) {
  return DecodeAll<StoredDossier>(conn_.Query(kListOpen, {Int(after_id), Int(limit)}),
                                  DossierFromRow);
}

Result<std::vector<StoredDossier>> SqlTx::ListApplicantDossiers(identity::UserId user,
                                                                std::int64_t before_id, int limit) {
  return DecodeAll<StoredDossier>(
      conn_.Query(
          kListApplicant,
          {Int(user), Int(before_id > 0 ? before_id : std::numeric_limits<std::int64_t>::max()),
           Int(limit)}),
      DossierFromRow);
}

Result<std::vector<StoredDossier>> SqlTx::ListDossiersOfApplicant(const std::string& id_number,
                                                                  std::int64_t before_id,
                                                                  int limit) {
  return DecodeAll<StoredDossier>(
      conn_.Query(
          kListOfApplicant,
          {Text(id_number),
           Int(before_id > 0 ? before_id : std::numeric_limits<std::int64_t>::max()), Int(limit)}),
      DossierFromRow);
}

Result<std::vector<StoredDossier>> SqlTx::ListDossiersReceived(const std::string& unit_code,
                                                               Instant from, Instant to,
                                                               Instant after_received,
                                                               std::int64_t after_id, int limit) {
  return DecodeAll<StoredDossier>(
      conn_.Query(kListReceived, {Text(unit_code), Int(from), Int(to), Int(after_received),
                                  Int(after_id), Int(limit)}),
      DossierFromRow);
}

Status SqlTx::InsertOutbox(app::OutboxMessage& m) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto row, conn_.QueryOne(kInsertOutbox,
                               {Int(m.dossier_id), Text(m.kind), Text(m.channel), Text(m.recipient),
                                Text(m.payload), Int(m.created_at), Int(m.next_attempt_at)}));
  if (!row) return Error::Internal("outbox insert returned no id");
  m.id = row->Int(0);
  return Ok();
}

}  // namespace motcua::storage::sql
