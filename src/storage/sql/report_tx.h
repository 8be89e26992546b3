#pragma once

// The writes of a dossier's facts row that dossier_tx.cc makes after its events, each keeping the
// two rollups (reports/rollup.h: per unit and day; per unit, day, procedure version and channel)
// in the same transaction (report_tx.cc).

#include <optional>

#include "reports/facts.h"
#include "storage/sql/driver.h"

// A rollup of reports/rollup.h filled from the facts rows (reports::AddContribution in SQL),
// into an empty table keyed by `keys`: report_days by (unit, day), migration 8, and
// report_procedure_days by unit, day, procedure version and channel, migration 10; both again in
// `motcua reports rebuild`. Each facts row is read once per kind of day it counts on: 1 received,
// 2 finished (or refused), 3 overdue from.
#define MOTCUA_LOCAL_DAY(t) "((" t " + 25200) / 86400)"
#define MOTCUA_ONE_IF(cond) "CASE WHEN " cond " THEN 1 ELSE 0 END"
#define MOTCUA_REPORT_DAYS_COLUMNS                                                        \
  "received_in_person, received_online, received_postal, digitized, reused, data_store, " \
  "synced, paid_online, supplement_received, apology_received, resolved_early, "          \
  "resolved_on_time, resolved_late, resolved_untimed, withdrawn, stopped, refused, "      \
  "supplement_finished, apology_finished, overdue_from, overdue_until"
#define MOTCUA_ROLLUP_FILL(table, keys) \
  "INSERT INTO " table " (" keys ", " MOTCUA_REPORT_DAYS_COLUMNS                             \
  ") SELECT " keys ", SUM(received_in_person), SUM(received_online), SUM(received_postal), "   \
  "SUM(digitized), SUM(reused), SUM(data_store), SUM(synced), SUM(paid_online), "               \
  "SUM(supplement_received), SUM(apology_received), SUM(resolved_early), "                      \
  "SUM(resolved_on_time), SUM(resolved_late), SUM(resolved_untimed), SUM(withdrawn), "          \
  "SUM(stopped), SUM(refused), SUM(supplement_finished), SUM(apology_finished), "               \
  "SUM(overdue_from), SUM(overdue_until) FROM (SELECT f.unit AS unit, "                         \
  "f.procedure_code AS procedure_code, f.procedure_version AS procedure_version, "              \
  "f.channel AS channel, "                         \
  "CASE k.n WHEN 1 THEN f.rday WHEN 2 THEN f.fday ELSE f.sday END AS day, "                     \
  MOTCUA_ONE_IF("k.n = 1 AND f.channel = 1") " AS received_in_person, "                         \
  MOTCUA_ONE_IF("k.n = 1 AND f.channel = 2") " AS received_online, "                            \
  MOTCUA_ONE_IF("k.n = 1 AND f.channel = 3") " AS received_postal, "                            \
  MOTCUA_ONE_IF("k.n = 1 AND f.components > 0 AND f.digitized = f.components") " AS digitized, " \
  MOTCUA_ONE_IF("k.n = 1 AND f.reused = 1") " AS reused, "                                      \
  MOTCUA_ONE_IF("k.n = 1 AND f.data_store = 1") " AS data_store, "                              \
  MOTCUA_ONE_IF("k.n = 1 AND f.synced = 1") " AS synced, "                                      \
  MOTCUA_ONE_IF("k.n = 1 AND f.paid_online = 1") " AS paid_online, "                            \
  MOTCUA_ONE_IF("k.n = 1 AND f.supplement_requests > 0") " AS supplement_received, "            \
  MOTCUA_ONE_IF("k.n = 1 AND f.apology = 1") " AS apology_received, "                           \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish = 1 AND f.timeliness = 1") " AS resolved_early, "         \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish = 1 AND f.timeliness = 2") " AS resolved_on_time, "       \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish = 1 AND f.timeliness = 3") " AS resolved_late, "          \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish = 1 AND f.timeliness = 0") " AS resolved_untimed, "       \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish = 3 AND f.withdrawal = 1") " AS withdrawn, "              \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish = 3 AND f.withdrawal = 0") " AS stopped, "                \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish = 2") " AS refused, "                                     \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish <> 2 AND f.supplement_requests > 0")                      \
  " AS supplement_finished, "                                                                   \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish <> 2 AND f.apology = 1") " AS apology_finished, "         \
  MOTCUA_ONE_IF("k.n = 3") " AS overdue_from, "                                                 \
  MOTCUA_ONE_IF("k.n = 2 AND f.finish <> 2 AND f.sday IS NOT NULL AND f.fday > f.sday")         \
  " AS overdue_until "                                                                          \
  "FROM (SELECT unit, procedure_code, procedure_version, channel, components, digitized, reused, data_store, synced, paid_online, " \
  "supplement_requests, apology, finish, timeliness, withdrawal, received_at, "                 \
  MOTCUA_LOCAL_DAY("received_at") " AS rday, " MOTCUA_LOCAL_DAY("finished_at") " AS fday, "     \
  "CASE WHEN due_at IS NULL THEN NULL WHEN " MOTCUA_LOCAL_DAY("due_at") " > "                   \
  MOTCUA_LOCAL_DAY("received_at") " THEN " MOTCUA_LOCAL_DAY("due_at") " ELSE "                  \
  MOTCUA_LOCAL_DAY("received_at") " END AS sday FROM dossier_facts) AS f "                      \
  "CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS k "                      \
  "WHERE (k.n = 1 AND f.finish <> 2 AND f.received_at > 0) "                                    \
  "OR (k.n = 2 AND (f.finish = 2 OR (f.finish IN (1, 3) AND f.received_at > 0))) "              \
  "OR (k.n = 3 AND f.finish <> 2 AND f.received_at > 0 AND f.sday IS NOT NULL "                 \
  "AND (f.finish = 0 OR f.fday > f.sday))) AS c GROUP BY " keys

#define MOTCUA_REPORT_DAYS_FILL MOTCUA_ROLLUP_FILL("report_days", "unit, day")
// The rollup per unit, day, procedure version and channel (migration 10): the table, the same on
// both back ends (SQLite adds WITHOUT ROWID), and its fill.
#define MOTCUA_REPORT_PROCEDURE_DAYS_KEYS "unit, day, procedure_code, procedure_version, channel"
#define MOTCUA_ROLLUP_COUNTER(name) name " INTEGER NOT NULL DEFAULT 0"
#define MOTCUA_REPORT_PROCEDURE_DAYS_TABLE \
  "CREATE TABLE report_procedure_days (unit TEXT NOT NULL, day INTEGER NOT NULL, "               \
  "procedure_code TEXT NOT NULL, procedure_version INTEGER NOT NULL, channel INTEGER NOT NULL, " \
  MOTCUA_ROLLUP_COUNTER("received_in_person") ", " MOTCUA_ROLLUP_COUNTER(                       \
      "received_online") ", " MOTCUA_ROLLUP_COUNTER("received_postal") ", "                     \
  MOTCUA_ROLLUP_COUNTER("digitized") ", " MOTCUA_ROLLUP_COUNTER("reused") ", "                   \
  MOTCUA_ROLLUP_COUNTER("data_store") ", " MOTCUA_ROLLUP_COUNTER("synced") ", "                  \
  MOTCUA_ROLLUP_COUNTER("paid_online") ", " MOTCUA_ROLLUP_COUNTER("supplement_received") ", "    \
  MOTCUA_ROLLUP_COUNTER("apology_received") ", " MOTCUA_ROLLUP_COUNTER("resolved_early") ", "    \
  MOTCUA_ROLLUP_COUNTER("resolved_on_time") ", " MOTCUA_ROLLUP_COUNTER("resolved_late") ", "     \
  MOTCUA_ROLLUP_COUNTER("resolved_untimed") ", " MOTCUA_ROLLUP_COUNTER("withdrawn") ", "         \
  MOTCUA_ROLLUP_COUNTER("stopped") ", " MOTCUA_ROLLUP_COUNTER("refused") ", "                    \
  MOTCUA_ROLLUP_COUNTER("supplement_finished") ", " MOTCUA_ROLLUP_COUNTER("apology_finished")    \
  ", " MOTCUA_ROLLUP_COUNTER("overdue_from") ", " MOTCUA_ROLLUP_COUNTER("overdue_until")         \
  ", PRIMARY KEY (" MOTCUA_REPORT_PROCEDURE_DAYS_KEYS "))"
#define MOTCUA_REPORT_PROCEDURE_DAYS_FILL \
  MOTCUA_ROLLUP_FILL("report_procedure_days", MOTCUA_REPORT_PROCEDURE_DAYS_KEYS)

namespace motcua::storage::sql {

// Writes the facts row of a new dossier and adds its contribution to the rollup.
Status InsertDossierFacts(Connection& conn, const reports::Facts& facts);

// Upserts the facts row of facts.dossier_id, keeping the flags the current state forgets
// (guided, withdrawal, the issuing officer) from the stored row: `facts` is
// reports::UpdateFacts over the appended events only. Reads the stored row first; writes nothing
// when the row stays the same, and touches the rollup only when the row's contribution changes.
Status MergeDossierFacts(Connection& conn, const reports::Facts& facts);

// Sets the due instant of the facts row (a calendar edit moved an open dossier's due instant),
// and the rollup's "overdue from" day with it.
Status SetDossierFactsDue(Connection& conn, std::int64_t dossier_id, std::optional<Instant> due);

}  // namespace motcua::storage::sql
