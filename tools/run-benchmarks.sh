#!/usr/bin/env bash
# Runs the benchmarks of a build and the npm peer of the calendar benchmark. Figures go to stdout;
# compare rows of the same run (ratios), not across machines.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
echo "== legal clock: indexed Due vs naive walk"
"$build/bench/calendar_benchmark" --benchmark_min_time=1
echo "== legal clock peer: npm date-holidays (Vietnam), naive walk over isHoliday"
node tools/js/date_holidays_peer.js 300
echo "== durable commits: SQLite group commit vs one fsync per command, PostgreSQL"
"$build/bench/commit_benchmark"
echo "== HTTP load of full dossier cycles (the real server), SQLite and PostgreSQL, and the raw"
echo "   SQLite group-commit rate of the same run"
"$build/bench/dossier_load" --motcua "$build/src/main/motcua" --clients 16,64 --seconds 10 ||
  echo "dossier_load: errors or a failed set-up (see above)"
echo "== a realistic mix at a set rate, open loop (lookups, queues, pages, receptions, the workflow,"
echo "   pauses, reports), SQLite and PostgreSQL"
for backend in sqlite postgres; do
  "$build/bench/load_mix" --motcua "$build/src/main/motcua" --backend "$backend" --rate 300 \
    --seconds 30 --connections 32 || echo "load_mix ($backend): errors or a failed set-up (see above)"
done
