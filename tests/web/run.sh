#!/usr/bin/env bash
# A web UI test (web/tests/<script>.mjs, journey by default) against the built binary: ctest runs
# each with the label `web`. Needs the npm packages of web/ (scripts/install-deps.sh) and Debian's
# Chromium. Usage: tests/web/run.sh path/to/motcua [screenshot dir] [script]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
motcua="${1:?usage: run.sh path/to/motcua [screenshot dir]}"
shots="${2:-$(dirname "$motcua")/../../web-screenshots}"
script="${3:-journey}"

if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
  echo "web test: /usr/bin/chromium is missing (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if [ ! -d "$here/web/node_modules/playwright-core" ]; then
  echo "web test: web/node_modules is missing (scripts/install-deps.sh runs npm ci)" >&2
  exit 1
fi
# The bundle under test is the current one: rebuilt when a source is newer than it.
if [ ! -f "$here/web/dist/index.html" ] ||
   [ -n "$(find "$here/web/src" "$here/web/index.html" "$here/web/public" "$here/web/package-lock.json" \
           -newer "$here/web/dist/index.html" -print -quit)" ]; then
  (cd "$here/web" && npm run --silent build >/dev/null)
fi
exec node "$here/web/tests/$script.mjs" --motcua "$motcua" --web-root "$here/web/dist" --shots "$shots"
