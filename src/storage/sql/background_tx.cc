// The repositories of background work (migration 5): sweep candidates, outbox claims and
// outcomes, leader leases and raised alerts, written once for both back ends. Only the claim
// differs: PostgreSQL locks the rows it takes and skips those another server is taking.
#include <algorithm>
#include <tuple>

#include "storage/sql/dossier_row.h"
#include "storage/sql/sql_tx.h"

namespace motcua::storage::sql {
namespace {

using app::OutboxMessage;

// Each sweep pages by id over a partial index of its state (migration 5).
inline constexpr Statement kSweepIntake{
    "sweep_intake", "SELECT " MOTCUA_DOSSIER_COLUMNS
                    " FROM dossiers d WHERE state = 1 AND intake_alert_at <= $1 AND id > $2 "
                    "AND NOT EXISTS (SELECT 1 FROM dossier_alerts a WHERE a.dossier_id = d.id "
                    "AND a.kind = 'intake-alert') ORDER BY id LIMIT $3"};
inline constexpr Statement kSweepSupplement{
    "sweep_supplement", "SELECT " MOTCUA_DOSSIER_COLUMNS
                        " FROM dossiers WHERE state = 5 AND supplement_deadline_at < $1 "
                        "AND id > $2 ORDER BY id LIMIT $3"};
inline constexpr Statement kSweepDue{
    "sweep_due", "SELECT " MOTCUA_DOSSIER_COLUMNS
                 " FROM dossiers d WHERE state IN (2, 4, 5, 6, 7) AND due_at <= $1 AND id > $2 "
                 "AND NOT EXISTS (SELECT 1 FROM dossier_alerts a WHERE a.dossier_id = d.id "
                 "AND a.kind = 'late-warning') ORDER BY id LIMIT $3"};

#define MOTCUA_OUTBOX_COLUMNS                                                                  \
  "id, dossier_id, kind, channel, recipient, payload, created_at, attempts, next_attempt_at, " \
  "sent_at, last_error, claimed_by, claimed_until, gave_up_at"
inline constexpr Statement kListOutbox{
    "outbox_list",
    "SELECT " MOTCUA_OUTBOX_COLUMNS
    " FROM outbox WHERE (CAST($1 AS BIGINT) = 0 OR dossier_id = $1) AND id > $2 ORDER BY id "
    "LIMIT $3"};
// $1 holder, $2 until, $3 now, $4..$7 channels ("" unused), $8 limit.
#define MOTCUA_CLAIMABLE                                                                          \
  "SELECT id FROM outbox WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= $3 " \
  "AND (claimed_until IS NULL OR claimed_until <= $3) AND channel IN ($4, $5, $6, $7) "           \
  "ORDER BY next_attempt_at, id LIMIT $8"
inline constexpr Statement kClaimSqlite{
    "outbox_claim",
    "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN (" MOTCUA_CLAIMABLE
    ") RETURNING " MOTCUA_OUTBOX_COLUMNS};
inline constexpr Statement kClaimPostgres{
    "outbox_claim",
    "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN (" MOTCUA_CLAIMABLE
    " FOR UPDATE SKIP LOCKED) RETURNING " MOTCUA_OUTBOX_COLUMNS};
#undef MOTCUA_CLAIMABLE
#undef MOTCUA_OUTBOX_COLUMNS
inline constexpr Statement kMarkSent{
    "outbox_mark_sent",
    "UPDATE outbox SET sent_at = $3, attempts = attempts + 1, last_error = '', claimed_by = NULL, "
    "claimed_until = NULL WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL"};
inline constexpr Statement kMarkFailed{
    "outbox_mark_failed",
    "UPDATE outbox SET attempts = attempts + 1, last_error = $3, next_attempt_at = $4, "
    "gave_up_at = $5, claimed_by = NULL, claimed_until = NULL "
    "WHERE id = $1 AND claimed_by = $2 AND sent_at IS NULL"};

inline constexpr Statement kFindLease{
    "lease_find", "SELECT name, holder, expires_at FROM leases WHERE name = $1"};
// Taken when absent, expired or ours; the row lock makes two racing servers take turns, and the
// second sees the first's holder.
inline constexpr Statement kAcquireLease{
    "lease_acquire",
    "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $4) "
    "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
    "WHERE leases.holder = excluded.holder OR leases.expires_at <= $3 RETURNING holder"};
inline constexpr Statement kReleaseLease{
    "lease_release", "UPDATE leases SET expires_at = 0 WHERE name = $1 AND holder = $2"};

inline constexpr Statement kInsertAlert{
    "dossier_alert_insert",
    "INSERT INTO dossier_alerts (dossier_id, kind, raised_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (dossier_id, kind) DO NOTHING RETURNING dossier_id"};

Value OptInt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Null(); }

Result<OutboxMessage> OutboxFromRow(const Row& r) {
  OutboxMessage m;
  m.id = r.Int(0);
  m.dossier_id = r.Int(1);
  m.kind = r.Text(2);
  m.channel = r.Text(3);
  m.recipient = r.Text(4);
  m.payload = r.Text(5);
  m.created_at = r.Int(6);
  m.attempts = static_cast<int>(r.Int(7));
  m.next_attempt_at = r.Int(8);
  m.sent_at = r.OptInt(9);
  m.last_error = r.Text(10);
  m.claimed_by = r.OptText(11);
  m.claimed_until = r.OptInt(12);
  m.gave_up_at = r.OptInt(13);
  return m;
}

}  // namespace

Result<std::vector<app::StoredDossier>> SqlTx::ListSweep(const app::SweepQuery& q) {
  const Statement& stmt = q.sweep == app::Sweep::kIntakeAlert         ? kSweepIntake
                          : q.sweep == app::Sweep::kSupplementExpired ? kSweepSupplement
                                                                      : kSweepDue;
  const int limit = std::clamp(q.limit, 1, 1000);
  return DecodeAll<app::StoredDossier>(
      conn_.Query(stmt, {Int(q.until), Int(q.after_id), Int(limit)}), DossierFromRow);
}

Result<std::vector<OutboxMessage>> SqlTx::ListOutbox(std::int64_t dossier_id, std::int64_t after_id,
                                                     int limit) {
  return DecodeAll<OutboxMessage>(
      conn_.Query(kListOutbox, {Int(dossier_id), Int(after_id), Int(std::clamp(limit, 1, 1000))}),
      OutboxFromRow);
}

Result<std::optional<app::Lease>> SqlTx::FindLease(const std::string& name) {
  MOTCUA_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(kFindLease, {Text(name)}));
  if (!row) return std::optional<app::Lease>();
  return std::optional<app::Lease>(app::Lease{row->Text(0), row->Text(1), row->Int(2)});
}

Result<bool> SqlTx::AcquireLease(const std::string& name, const std::string& holder, Instant now,
                                 Instant until) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto row, conn_.QueryOne(kAcquireLease, {Text(name), Text(holder), Int(now), Int(until)}));
  return row.has_value();
}

Status SqlTx::ReleaseLease(const std::string& name, const std::string& holder) {
  MOTCUA_RETURN_IF_ERROR(conn_.Exec(kReleaseLease, {Text(name), Text(holder)}));
  return Ok();
}

Result<std::vector<OutboxMessage>> SqlTx::ClaimOutbox(const app::OutboxClaim& claim) {
  if (claim.channels.empty()) return std::vector<OutboxMessage>();
  if (claim.channels.size() > app::kClaimChannels) {
    return Error::InvalidArgument("at most " + std::to_string(app::kClaimChannels) +
                                  " channels per claim");
  }
  std::vector<Value> params = {Text(claim.holder), Int(claim.until), Int(claim.now)};
  for (std::size_t i = 0; i < app::kClaimChannels; ++i) {
    params.push_back(Text(i < claim.channels.size() ? claim.channels[i] : std::string()));
  }
  params.push_back(Int(std::clamp(claim.limit, 1, 500)));
  const Statement& stmt = conn_.dialect() == Dialect::kPostgres ? kClaimPostgres : kClaimSqlite;
  MOTCUA_ASSIGN_OR_RETURN(auto claimed,
                          DecodeAll<OutboxMessage>(conn_.Query(stmt, params), OutboxFromRow));
  // RETURNING has no order.
  std::sort(claimed.begin(), claimed.end(), [](const OutboxMessage& a, const OutboxMessage& b) {
    return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
  });
  return claimed;
}

Result<bool> SqlTx::MarkOutboxSent(std::int64_t id, const std::string& holder, Instant at) {
  MOTCUA_ASSIGN_OR_RETURN(auto changed, conn_.Exec(kMarkSent, {Int(id), Text(holder), Int(at)}));
  return changed > 0;
}

Result<bool> SqlTx::MarkOutboxFailed(const app::OutboxFailure& f) {
  MOTCUA_ASSIGN_OR_RETURN(auto changed,
                          conn_.Exec(kMarkFailed, {Int(f.id), Text(f.holder), Text(f.error),
                                                   Int(f.next_attempt_at), OptInt(f.gave_up_at)}));
  return changed > 0;
}

Result<bool> SqlTx::InsertDossierAlert(std::int64_t dossier_id, const std::string& kind,
                                       Instant at) {
  MOTCUA_ASSIGN_OR_RETURN(auto row,
                          conn_.QueryOne(kInsertAlert, {Int(dossier_id), Text(kind), Int(at)}));
  return row.has_value();
}

}  // namespace motcua::storage::sql
