#!/usr/bin/env bash
# Domain folders are pure: they include no SQLite, libpq, JSON or HTTP header, and nothing from
# the application, storage or HTTP layers. The application layer includes no adapter (storage,
# delivery, HTTP; its tests and test fixtures under src/app/testing/ may: they run the use cases
# over a real store).
set -euo pipefail
cd "$(dirname "$0")/.."
domain=(src/common src/calendar src/identity src/audit src/catalog src/dossier src/reports src/directive)
forbidden='#include *[<"](sqlite3\.h|libpq-fe\.h|postgres|nlohmann/|httplib\.h|curl/|app/|storage/|delivery/|http/|main/)'
bad=0
for d in "${domain[@]}"; do
  [ -d "$d" ] || continue
  if out=$(grep -rnE "$forbidden" "$d" --include='*.h' --include='*.cc'); then
    echo "layering: domain folder $d includes an outer layer or an I/O library:"
    echo "$out"
    bad=1
  fi
done
if [ -d src/app ]; then
  if out=$(grep -rnE '#include *[<"](sqlite3\.h|libpq-fe\.h|httplib\.h|curl/|storage/|delivery/|http/|main/)' src/app \
             --include='*.h' --include='*.cc' | grep -v '^src/app/wiring' | grep -v '_test.cc:' |
             grep -v '^src/app/testing/'); then
    echo "layering: src/app includes an adapter:"
    echo "$out"
    bad=1
  fi
fi
[ $bad -eq 0 ] && echo "layering: ok"
exit $bad
