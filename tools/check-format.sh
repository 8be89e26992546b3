#!/usr/bin/env bash
# Fails when a tracked C++ file differs from clang-format's output (.clang-format: Google, 100).
set -euo pipefail
cd "$(dirname "$0")/.."
bad=0
while IFS= read -r f; do
  [ -f "$f" ] || continue
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "format: $f differs from clang-format (run: make format)"
    bad=1
  fi
done < <(git ls-files --cached --others --exclude-standard '*.cc' '*.h')
exit $bad
