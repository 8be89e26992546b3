#include "storage/sqlite/migrations.h"

#include "storage/sql/report_tx.h"
#include "storage/sql/step_visit_tx.h"

namespace motcua::storage::sqlite {
namespace {

// Instants are INTEGER seconds since the epoch (UTC). Booleans are INTEGER 0/1 in both back ends.
constexpr std::string_view kInit = R"sql(
CREATE TABLE units (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  parent_id   INTEGER REFERENCES units(id),
  address     TEXT NOT NULL DEFAULT '',
  calendar_id INTEGER,
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  full_name     TEXT NOT NULL,
  unit_id       INTEGER NOT NULL REFERENCES units(id),
  roles         INTEGER NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1,
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER NOT NULL DEFAULT 0,
  citizen_id    TEXT NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_unit ON users(unit_id, id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  name       TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE idempotency (
  key          TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  status       INTEGER NOT NULL,
  body         TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);

CREATE TABLE audit_log (
  seq           INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,
  actor_user_id INTEGER,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  object_type   TEXT NOT NULL,
  object_id     TEXT NOT NULL,
  address       TEXT NOT NULL,
  result        TEXT NOT NULL,
  detail        TEXT NOT NULL,
  request_id    TEXT NOT NULL,
  prev_hash     BLOB NOT NULL,
  hash          BLOB NOT NULL
);
-- The chain head: one row, locked by every append so that the chain never forks.
CREATE TABLE audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash BLOB NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, zeroblob(32));
-- Audit records are never updated or deleted by the application.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
)sql";

// Calendars (issue 3). Text forms of weekly sessions, fallback and year days are documented in
// src/storage/sql/calendar_codec.h. Every edit bumps calendars.version (the cache key of built
// calendars). The national default (official schedules, else the statutory generator; Mon-Fri
// 07:30-11:30, 13:00-17:00) is created here with code 'national' and no owner.
constexpr std::string_view kCalendars = R"sql(
CREATE TABLE calendars (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  owner_unit_id INTEGER REFERENCES units(id),
  weekly        TEXT NOT NULL,
  fallback      TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE calendar_years (
  calendar_id INTEGER NOT NULL REFERENCES calendars(id),
  year        INTEGER NOT NULL,
  source      TEXT NOT NULL,
  days        TEXT NOT NULL,
  PRIMARY KEY (calendar_id, year)
);
CREATE TABLE calendar_closures (
  id          INTEGER PRIMARY KEY,
  calendar_id INTEGER NOT NULL REFERENCES calendars(id),
  day         TEXT NOT NULL,
  part_start  INTEGER,
  part_end    INTEGER,
  reason      TEXT NOT NULL
);
CREATE INDEX calendar_closures_calendar ON calendar_closures(calendar_id, day);
INSERT INTO calendars (code, name, owner_unit_id, weekly, fallback, version)
VALUES ('national', 'Lịch làm việc chung (toàn quốc)', NULL,
        'mon 07:30-11:30,13:00-17:00;tue 07:30-11:30,13:00-17:00;wed 07:30-11:30,13:00-17:00;thu 07:30-11:30,13:00-17:00;fri 07:30-11:30,13:00-17:00',
        'official-then-generated', 1);
)sql";

// The catalog (issue 4): procedure versions and their internal workflows. The procedure itself is
// one JSON document (src/storage/sql/catalog_codec.h); the columns beside it are what lists,
// filters and scope need, and the folded search columns computed in C++ by
// catalog::MakeSearchEntry (code_folded, name_index, field_index, name_words), so that both back
// ends match on exactly the same text. Dates are TEXT 'YYYY-MM-DD' (ordered as text). At most one
// draft per code (partial unique index). Import notes travel with the version as a JSON array.
// row_version is the optimistic-concurrency version of the row (also bumped by workflow edits).
// A version may have several workflows (one per group of channels with the same legal time, e.g.
// online 10 days and in person 20 days), numbered by ordinal.
constexpr std::string_view kCatalog = R"sql(
CREATE TABLE procedure_versions (
  code                 TEXT NOT NULL,
  number               INTEGER NOT NULL,
  state                TEXT NOT NULL,
  published_number     TEXT,
  published_date       TEXT,
  ended_number         TEXT,
  ended_date           TEXT,
  replaced_by          TEXT NOT NULL DEFAULT '',
  expires              TEXT,
  name                 TEXT NOT NULL,
  level                TEXT,
  field                TEXT NOT NULL,
  competent_units      TEXT NOT NULL,
  online_level         TEXT NOT NULL,
  online_only          INTEGER NOT NULL,
  location_independent INTEGER NOT NULL,
  cutoff               TEXT NOT NULL,
  supplement_mode      TEXT NOT NULL,
  procedure            TEXT NOT NULL,
  import_notes         TEXT NOT NULL,
  code_folded          TEXT NOT NULL,
  name_index           TEXT NOT NULL,
  field_index          TEXT NOT NULL,
  name_words           INTEGER NOT NULL,
  row_version          INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (code, number)
);
CREATE UNIQUE INDEX procedure_versions_one_draft ON procedure_versions(code) WHERE state = 'draft';
CREATE INDEX procedure_versions_published ON procedure_versions(published_date, code);
CREATE TABLE workflows (
  procedure_code TEXT NOT NULL,
  version        INTEGER NOT NULL,
  ordinal        INTEGER NOT NULL,
  channels       TEXT NOT NULL,
  steps          TEXT NOT NULL,
  PRIMARY KEY (procedure_code, version, ordinal),
  FOREIGN KEY (procedure_code, version) REFERENCES procedure_versions(code, number)
);
)sql";

constexpr std::string_view kDossiers = R"sql(
CREATE TABLE dossiers (
  id                 INTEGER PRIMARY KEY,
  code               TEXT UNIQUE,
  secret_hash        TEXT NOT NULL,
  procedure_code     TEXT NOT NULL,
  procedure_version  INTEGER NOT NULL,
  channel            INTEGER NOT NULL,
  receiving_unit     TEXT NOT NULL,
  competent_unit     TEXT NOT NULL,
  step_unit          TEXT NOT NULL,
  applicant_user_id  INTEGER,
  applicant_name     TEXT NOT NULL,
  state              INTEGER NOT NULL,
  step_id            TEXT NOT NULL,
  assignee           INTEGER NOT NULL,
  paused             INTEGER NOT NULL,
  waiting_agency     INTEGER NOT NULL,
  due_at             INTEGER,
  step_due_at        INTEGER,
  appointment_at     INTEGER,
  new_appointment_at INTEGER,
  intake_due_at      INTEGER,
  received_at        INTEGER NOT NULL,
  version            INTEGER NOT NULL,
  doc                TEXT NOT NULL
);
-- Queues: open dossiers of a unit by due instant; a user's own; the reception inbox.
CREATE INDEX dossiers_queue ON dossiers(step_unit, due_at, id) WHERE state IN (1, 2, 4, 5, 6, 7);
CREATE INDEX dossiers_assignee ON dossiers(assignee, due_at, id) WHERE state IN (1, 2, 4, 5, 6, 7);
CREATE INDEX dossiers_applicant ON dossiers(applicant_user_id, id);
-- The event list: append-only, the source of every figure and of the clock.
CREATE TABLE dossier_events (
  dossier_id  INTEGER NOT NULL REFERENCES dossiers(id),
  seq         INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  at          INTEGER NOT NULL,
  actor_id    INTEGER NOT NULL,
  unit_code   TEXT NOT NULL,
  step_id     TEXT NOT NULL,
  body        TEXT NOT NULL,
  PRIMARY KEY (dossier_id, seq)
);
CREATE INDEX dossier_events_at ON dossier_events(at);
-- Dossier code sequences per unit and reception day (YYMMDD).
CREATE TABLE dossier_sequences (
  unit_code TEXT NOT NULL,
  day       INTEGER NOT NULL,
  last      INTEGER NOT NULL,
  PRIMARY KEY (unit_code, day)
);
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  dossier_id      INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  channel         TEXT NOT NULL,
  recipient       TEXT NOT NULL,
  payload         TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at         INTEGER,
  last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE sent_at IS NULL;
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier events are append-only'); END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
BEGIN SELECT RAISE(ABORT, 'dossier events are append-only'); END;
)sql";

constexpr std::string_view kBackground = R"sql(
-- The sweeps' instants on the current-state row (copies of dossier::Times, like due_at).
ALTER TABLE dossiers ADD COLUMN intake_alert_at INTEGER;
ALTER TABLE dossiers ADD COLUMN supplement_deadline_at INTEGER;
CREATE INDEX dossiers_intake_alert ON dossiers(intake_alert_at) WHERE state = 1;
CREATE INDEX dossiers_supplement_deadline ON dossiers(supplement_deadline_at) WHERE state = 5;
CREATE INDEX dossiers_due ON dossiers(due_at) WHERE state IN (2, 4, 5, 6, 7);
-- Delivery: a claim (server, until when) so that two servers never send one message; a
-- message that failed too often is given up, kept and visible.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until INTEGER;
ALTER TABLE outbox ADD COLUMN gave_up_at INTEGER;
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox(next_attempt_at, id) WHERE sent_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX outbox_dossier ON outbox(dossier_id, id);
-- Leader leases: one server at a time runs the background work.
CREATE TABLE leases (
  name       TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
-- Alerts already raised: at most one per dossier and kind, even when two servers race.
CREATE TABLE dossier_alerts (
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
  kind       TEXT NOT NULL,
  raised_at  INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, kind)
);
)sql";

// Attachments, stored by content (SHA-256) once however often they are uploaded, with who
// uploaded each; the log book (form 07) reads the dossiers a unit received in a period.
constexpr std::string_view kAttachments = R"sql(
CREATE TABLE attachments (
  sha256     TEXT PRIMARY KEY,
  size       INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  data       BLOB NOT NULL
);
CREATE TABLE attachment_uploads (
  sha256      TEXT NOT NULL REFERENCES attachments(sha256),
  user_id     INTEGER NOT NULL,
  uploaded_at INTEGER NOT NULL,
  PRIMARY KEY (sha256, user_id)
);
CREATE INDEX dossiers_logbook ON dossiers(receiving_unit, received_at, id) WHERE received_at > 0;
)sql";

// Reports (issue 7): the facts a report needs of each dossier (reports/facts.h), one row per
// dossier written in the same transaction as its events, so that a report aggregates rows by
// unit and instant instead of replaying histories. Dossiers written before this migration get
// their rows from `motcua reports rebuild`.
constexpr std::string_view kReports = R"sql(
CREATE TABLE dossier_facts (
  dossier_id          INTEGER PRIMARY KEY REFERENCES dossiers(id),
  unit                TEXT NOT NULL,
  receiving_unit      TEXT NOT NULL,
  procedure_code      TEXT NOT NULL,
  procedure_version   INTEGER NOT NULL,
  channel             INTEGER NOT NULL,
  submitted_at        INTEGER NOT NULL,
  received_at         INTEGER NOT NULL,
  due_at              INTEGER,
  finish              INTEGER NOT NULL,
  finished_at         INTEGER NOT NULL,
  timeliness          INTEGER NOT NULL,
  officer             INTEGER NOT NULL,
  supplement_requests INTEGER NOT NULL,
  guided              INTEGER NOT NULL,
  withdrawal          INTEGER NOT NULL,
  apology             INTEGER NOT NULL,
  components          INTEGER NOT NULL,
  digitized           INTEGER NOT NULL,
  reused              INTEGER NOT NULL,
  data_store          INTEGER NOT NULL,
  paid_online         INTEGER NOT NULL,
  synced              INTEGER NOT NULL
);
-- A period's dossiers by unit: received in it; open and received before it; finished in or after
-- it (carried over, resolved, stopped, refused).
CREATE INDEX dossier_facts_received ON dossier_facts(unit, received_at);
CREATE INDEX dossier_facts_open ON dossier_facts(unit, received_at) WHERE finish = 0;
CREATE INDEX dossier_facts_finished ON dossier_facts(unit, finished_at, received_at);
)sql";

// The reports' rollup (reports/rollup.h): per competent unit and Vietnam local day (days since
// 1970-01-01), the counts a period's report sums instead of reading its dossiers' facts rows,
// kept in the same transaction as the facts row (storage/sql/report_tx.cc) and filled here from
// the facts rows already stored. "In progress overdue" of a period that has not ended reads the
// open rows by due instant.
constexpr std::string_view kReportDays = R"sql(
CREATE TABLE report_days (
  unit                TEXT NOT NULL,
  day                 INTEGER NOT NULL,
  received_in_person  INTEGER NOT NULL DEFAULT 0,
  received_online     INTEGER NOT NULL DEFAULT 0,
  received_postal     INTEGER NOT NULL DEFAULT 0,
  digitized           INTEGER NOT NULL DEFAULT 0,
  reused              INTEGER NOT NULL DEFAULT 0,
  data_store          INTEGER NOT NULL DEFAULT 0,
  synced              INTEGER NOT NULL DEFAULT 0,
  paid_online         INTEGER NOT NULL DEFAULT 0,
  supplement_received INTEGER NOT NULL DEFAULT 0,
  apology_received    INTEGER NOT NULL DEFAULT 0,
  resolved_early      INTEGER NOT NULL DEFAULT 0,
  resolved_on_time    INTEGER NOT NULL DEFAULT 0,
  resolved_late       INTEGER NOT NULL DEFAULT 0,
  resolved_untimed    INTEGER NOT NULL DEFAULT 0,
  withdrawn           INTEGER NOT NULL DEFAULT 0,
  stopped             INTEGER NOT NULL DEFAULT 0,
  refused             INTEGER NOT NULL DEFAULT 0,
  supplement_finished INTEGER NOT NULL DEFAULT 0,
  apology_finished    INTEGER NOT NULL DEFAULT 0,
  overdue_from        INTEGER NOT NULL DEFAULT 0,
  overdue_until       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit, day)
) WITHOUT ROWID;
CREATE INDEX dossier_facts_open_due ON dossier_facts(unit, due_at, received_at) WHERE finish = 0;
)sql" MOTCUA_REPORT_DAYS_FILL ";";

// The reports' daily snapshots (docs/reports.md "Trend"): per competent unit and Vietnam local
// day, the statistics of that day taken once after it ended by the background work, kept as
// taken for trend charts.
constexpr std::string_view kReportSnapshots = R"sql(
CREATE TABLE report_snapshots (
  unit                TEXT NOT NULL,
  day                 INTEGER NOT NULL,
  received_in_person  INTEGER NOT NULL,
  received_online     INTEGER NOT NULL,
  received_postal     INTEGER NOT NULL,
  resolved_early      INTEGER NOT NULL,
  resolved_on_time    INTEGER NOT NULL,
  resolved_late       INTEGER NOT NULL,
  resolved_untimed    INTEGER NOT NULL,
  withdrawn           INTEGER NOT NULL,
  stopped             INTEGER NOT NULL,
  refused             INTEGER NOT NULL,
  in_progress_on_time INTEGER NOT NULL,
  in_progress_overdue INTEGER NOT NULL,
  taken_at            INTEGER NOT NULL,
  PRIMARY KEY (unit, day)
) WITHOUT ROWID;
CREATE INDEX report_snapshots_day ON report_snapshots(day);
)sql";

// The reports' second rollup (reports/rollup.h): the counters of report_days per competent unit,
// Vietnam local day, procedure version and channel, for the reports grouped by procedure, field
// (the version's) or channel; kept in the same transaction as the facts row and filled here from
// the facts rows already stored.
constexpr std::string_view kReportProcedureDays =
    MOTCUA_REPORT_PROCEDURE_DAYS_TABLE " WITHOUT ROWID;" MOTCUA_REPORT_PROCEDURE_DAYS_FILL ";";

// The per-step figures (docs/reports.md "Per-step figures"): one row per completed visit of a
// step by a dossier (reports::StepVisit), written with the events that complete it
// (storage/sql/step_visit_tx.cc) and read by the step's unit and the instant it was left; the
// open dossiers at a step by their step's unit; the visits left per unit of the step, local day,
// step and officer (step_days), which a period of whole days sums. The visits of dossiers stored
// before this migration are folded from their events by `motcua reports rebuild` (SQL cannot fold
// events), which then rebuilds step_days; filled here from the visits there are (none).
constexpr std::string_view kStepVisits = R"sql(
CREATE TABLE step_visits (
  unit            TEXT NOT NULL,
  left_at         INTEGER NOT NULL,
  dossier_id      INTEGER NOT NULL REFERENCES dossiers(id),
  ordinal         INTEGER NOT NULL,
  step_id         TEXT NOT NULL,
  officer         INTEGER NOT NULL,
  entered_at      INTEGER NOT NULL,
  due_at          INTEGER NOT NULL,
  counted         INTEGER NOT NULL,
  working_seconds INTEGER NOT NULL,
  outcome         INTEGER NOT NULL,
  PRIMARY KEY (unit, left_at, dossier_id, ordinal)
) WITHOUT ROWID;
CREATE UNIQUE INDEX step_visits_dossier ON step_visits(dossier_id, ordinal);
CREATE TABLE step_days (
  unit            TEXT NOT NULL,
  day             INTEGER NOT NULL,
  step_id         TEXT NOT NULL,
  officer         INTEGER NOT NULL,
  passed          INTEGER NOT NULL,
  on_time         INTEGER NOT NULL,
  late            INTEGER NOT NULL,
  untimed         INTEGER NOT NULL,
  working_seconds INTEGER NOT NULL,
  longest_seconds INTEGER NOT NULL,
  longest_span    INTEGER NOT NULL,
  PRIMARY KEY (unit, day, step_id, officer)
) WITHOUT ROWID;
CREATE INDEX dossiers_at_step ON dossiers(step_unit, step_id, procedure_code, procedure_version,
  assignee, step_due_at) WHERE state IN (2, 4, 5, 6, 7, 9);
)sql" MOTCUA_STEP_DAYS_FILL ";";

// The leader's queues (docs/dossiers.md "Queues"): the current step's kind ("approve", "sign",
// ...; "other" before reception) and whether an apology (form 04) is drafted and not yet signed,
// copied from the document with every write like the other columns, and filled here from the
// documents already stored. The apology drafts are looked up by the competent unit. And when a
// procedure version was last written, for the list of drafts (0 for the rows written before).
constexpr std::string_view kLeaderQueues = R"sql(
ALTER TABLE dossiers ADD COLUMN step_kind TEXT NOT NULL DEFAULT 'other';
ALTER TABLE dossiers ADD COLUMN apology_pending INTEGER NOT NULL DEFAULT 0;
UPDATE dossiers SET step_kind = COALESCE(json_extract(doc, '$.step_kind'), 'other'),
  apology_pending = CASE WHEN json_extract(doc, '$.apology_drafted') = 1 AND json_extract(doc, '$.apology_signed') = 0 THEN 1 ELSE 0 END;
CREATE INDEX dossiers_apology ON dossiers(competent_unit, due_at, id) WHERE apology_pending = 1;
ALTER TABLE procedure_versions ADD COLUMN edited_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX procedure_versions_drafts ON procedure_versions(edited_at, code) WHERE state = 'draft';
)sql";

// The applicant's data store (docs/dossiers.md "The applicant's data store"): the applicant's
// personal identification number as an indexed column, written with every dossier write and
// filled here from the stored documents.
constexpr std::string_view kApplicantNumber = R"sql(
ALTER TABLE dossiers ADD COLUMN applicant_id_number TEXT NOT NULL DEFAULT '';
UPDATE dossiers SET applicant_id_number = COALESCE(json_extract(doc, '$.applicant.id_number'), '');
CREATE INDEX dossiers_applicant_number ON dossiers(applicant_id_number, id);
)sql";

// The per-step report at a past instant (docs/reports.md) counts the dossiers at a step whose step
// was entered before that instant: the instant, copied from the document with every write like
// the other columns, is in the index the report reads. Filled here for the dossiers at a step,
// the only rows it reads (every row would rewrite the whole table: on PostgreSQL at a million
// dossiers, minutes and 1.8 GB more); the others get it with their next write.
constexpr std::string_view kStepEntered = R"sql(
ALTER TABLE dossiers ADD COLUMN step_entered_at INTEGER NOT NULL DEFAULT 0;
UPDATE dossiers SET step_entered_at = COALESCE(json_extract(doc, '$.step_entered'), 0)
  WHERE state IN (2, 4, 5, 6, 7, 9);
DROP INDEX dossiers_at_step;
CREATE INDEX dossiers_at_step ON dossiers(step_unit, step_id, procedure_code, procedure_version,
  assignee, step_due_at, step_entered_at) WHERE state IN (2, 4, 5, 6, 7, 9);
)sql";

constexpr sql::Migration kMigrations[] = {
    {1, "identity, sessions, idempotency, audit log", kInit},
    {2, "calendars, calendar years, closures; the national default calendar", kCalendars},
    {3, "catalog: procedure versions with search columns, workflows", kCatalog},
    {4, "dossiers, dossier events, code sequences, outbox", kDossiers},
    {5, "background work: sweep instants, outbox claims and give-up, leases, dossier alerts",
     kBackground},
    {6, "attachments by content; the log book's index", kAttachments},
    {7, "reports: the facts of each dossier, indexed by unit and instant", kReports},
    {8, "reports: the rollup per unit and local day, filled from the facts; open rows by due",
     kReportDays},
    {9, "reports: the daily snapshot per unit and local day, for trend charts", kReportSnapshots},
    {10, "reports: the rollup per unit, local day, procedure version and channel",
     kReportProcedureDays},
    {11, "reports: the completed visits of each step, by unit and instant left", kStepVisits},
    {12,
     "dossiers: the current step's kind and a pending apology draft, for the leader's queues; "
     "when a procedure version was last edited, for the list of drafts",
     kLeaderQueues},
    {13, "dossiers: the applicant's identification number, indexed (the data store)",
     kApplicantNumber},
    {14, "dossiers: the instant the current step was entered, in the per-step report's index",
     kStepEntered},
};

}  // namespace

std::span<const sql::Migration> Migrations() { return kMigrations; }

}  // namespace motcua::storage::sqlite
