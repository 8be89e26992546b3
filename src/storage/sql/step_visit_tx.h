#pragma once

// The per-step figures' rollup (migration 11): the visits of steps left per unit of the step,
// Vietnam local day left, step id and officer (how many, by outcome, their working seconds and
// the longest, and the longest wall-clock time from entering to leaving: longest_span, which
// bounds the visits that can have been held at an instant), kept by step_visit_tx.cc in the same
// transaction as the visits, and filled from the visits by the same SQL (migration 11, `motcua
// reports rebuild`).

#include "storage/sql/report_tx.h"

#define MOTCUA_STEP_DAYS_COLUMNS                                                   \
  "unit, day, step_id, officer, passed, on_time, late, untimed, working_seconds, " \
  "longest_seconds, "                                                              \
  "longest_span"
// The rollup folded from the stored visits, one row per key.
#define MOTCUA_STEP_DAYS_FOLD \
  "SELECT unit, " MOTCUA_LOCAL_DAY("left_at") ", step_id, officer, COUNT(*), "                 \
  "SUM(CASE WHEN outcome = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 2 THEN 1 ELSE 0 END), " \
  "SUM(CASE WHEN outcome = 0 THEN 1 ELSE 0 END), SUM(working_seconds), MAX(working_seconds), "  \
  "MAX(left_at - entered_at) "    \
  "FROM step_visits GROUP BY unit, " MOTCUA_LOCAL_DAY("left_at") ", step_id, officer"
#define MOTCUA_STEP_DAYS_FILL \
  "INSERT INTO step_days (" MOTCUA_STEP_DAYS_COLUMNS ") " MOTCUA_STEP_DAYS_FOLD
