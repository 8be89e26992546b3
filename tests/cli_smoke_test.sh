#!/usr/bin/env bash
# The real binary end to end, as `make run` uses it: serve a fresh SQLite database with the demo
# province, log in as every demo user, stop on SIGTERM; then the administrator's commands: audit
# verify (and a tampered copy detected), migrate --status, backup and restore.
set -euo pipefail
motcua=${1:?usage: cli_smoke_test.sh path/to/motcua}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; echo "--- stderr"; tail -n 20 "$work/err" || true; exit 1; }

"$motcua" serve --demo --dsn "sqlite:$work/db/motcua.db" --listen 127.0.0.1:0 --threads 4 \
  --max-connection-threads 64 \
  --background-interval 1 --server-id smoke-1 >"$work/out" 2>"$work/err" &
pid=$!
url=""
for _ in $(seq 1 300); do
  url=$(grep -o '"url":"[^"]*"' "$work/err" 2>/dev/null | head -n1 | cut -d'"' -f4 || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || fail "server exited early"
  sleep 0.1
done
[ -n "$url" ] || fail "server did not start"

[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz")" = 200 ] || fail "/healthz"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ] || fail "/readyz"

users=0
while read -r username role unit password; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"$username\",\"password\":\"$password\"}" "$url/api/v1/auth/login")
  [ "$code" = 200 ] || fail "login of $username ($role) answered $code"
  users=$((users + 1))
done < <(awk '/^  [a-z]/ && $1 != "username" {print $1, $2, $3, $4}' "$work/out")
[ "$users" -ge 8 ] || fail "expected a user per role, logged in $users"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"wrong-password"}' "$url/api/v1/auth/login")
[ "$code" = 401 ] || fail "a wrong password answered $code"

kill -TERM "$pid"
wait "$pid" || fail "serve did not exit 0 on SIGTERM"
grep -q '"msg":"stopped"' "$work/err" || fail "no graceful stop in the log"
grep -q '"msg":"background work started".*"server_id":"smoke-1"' "$work/err" ||
  fail "no background worker in the log"
grep -q 'no sender for channel \\"email\\"' "$work/err" || fail "unconfigured senders not logged"

dsn="sqlite:$work/db/motcua.db"
"$motcua" audit verify --dsn "$dsn" | grep -q "audit chain intact" || fail "audit verify"
"$motcua" migrate --status --dsn "$dsn" | grep -q "0 pending" || fail "migrate --status"
# A flag out of range is refused at start, naming it.
if timeout 10 "$motcua" serve --dsn "sqlite:$work/refused.db" --listen 127.0.0.1:0 \
     --max-connection-threads 0 >/dev/null 2>"$work/refused"; then
  fail "serve started with --max-connection-threads 0"
fi
grep -q -- "--max-connection-threads" "$work/refused" || fail "the refusal does not name the flag"
"$motcua" backup --dsn "$dsn" --to "$work/backup.db" >/dev/null || fail "backup"
records=$("$motcua" audit verify --dsn "$dsn" | grep -o '[0-9]* records')
"$motcua" restore --dsn "sqlite:$work/restored.db" --from "$work/backup.db" >/dev/null ||
  fail "restore"
[ "$("$motcua" audit verify --dsn "sqlite:$work/restored.db" | grep -o '[0-9]* records')" = \
  "$records" ] || fail "restored copy differs"

# An edited audit record is found, at its sequence number.
sqlite3 "$work/restored.db" "DROP TRIGGER audit_log_no_update;
  UPDATE audit_log SET actor = 'mallory' WHERE seq = 5;"
if out=$("$motcua" audit verify --dsn "sqlite:$work/restored.db"); then
  fail "a tampered chain verified: $out"
fi
echo "$out" | grep -q "BROKEN at record 5" || fail "tampering not located: $out"

code=0
"$motcua" serve --dsn "nosuch:x" 2>/dev/null || code=$?
[ "$code" = 2 ] || fail "a bad DSN exited $code, not 2"
code=0
"$motcua" serve --smtp-url ftp://mail.example.vn 2>"$work/err" || code=$?
[ "$code" = 2 ] && grep -q -- "--smtp-url" "$work/err" || fail "a bad --smtp-url exited $code"
code=0
"$motcua" serve --web-root "$work/no-such-dir" 2>"$work/err" || code=$?
[ "$code" = 2 ] && grep -q -- "--web-root" "$work/err" || fail "a --web-root without index.html exited $code"
echo "cli smoke test: 1 passed, 0 failed"
