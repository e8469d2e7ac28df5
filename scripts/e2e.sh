#!/usr/bin/env bash
# End-to-end checks of the built binary, as an operator would meet it:
#   1. an invalid configuration exits non-zero and names every problem at once;
#   2. on a fresh directory with no settings, `serve` runs on SQLite and /health says so;
#   3. on PostgreSQL, stopping the database turns /health into 503 while the process stays up,
#      and /health recovers by itself when the database is back;
#   4. workers apart: a web instance with WORKERS=false and `boxoffice work` beside it; the worker delivers what the
#      web instance's requests owe, and stops cleanly on SIGTERM;
#   5. docs/quickstart.md as written: its ```sh quickstart blocks, in order, in one shell, against a fresh server on
#      SQLite with no settings (the card blocks too when localstripe runs: BOXOFFICE_TEST_STRIPE_URL).
# Needs PG_THROWAWAY_* from scripts/postgres-throwaway.sh (scripts/test provides them).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres-throwaway.sh
bin="$PWD/.build/debug/boxoffice"
[ -x "$bin" ] || swift build --product boxoffice
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "e2e FAILED: $*" >&2; [ -f "$work/server.log" ] && tail -n 20 "$work/server.log" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
status_of() { curl -s -o "$work/body" -w '%{http_code}' --max-time 10 "$1" || true; }
wait_for() { # url expected-status seconds
  for _ in $(seq 1 "$3"); do [ "$(status_of "$1")" = "$2" ] && return 0; sleep 1; done
  fail "$1 did not answer $2 within $3 s (last body: $(cat "$work/body" 2>/dev/null))"
}
passed=0

# 1. Invalid configuration.
set +e
(cd "$work" && env -i PATH="$PATH" APP_ENV=production PORT=99999 DATABASE_URL=mysql://nowhere LOG_LEVEL=loud \
  "$bin" serve >"$work/out" 2>"$work/err")
code=$?
set -e
[ "$code" -ne 0 ] || fail "invalid configuration exited 0"
for key in PORT DATABASE_URL LOG_LEVEL JWT_SECRET; do
  grep -q "$key" "$work/err" || fail "invalid configuration did not name $key: $(cat "$work/err")"
done
echo "ok: invalid configuration exits $code naming PORT, DATABASE_URL, LOG_LEVEL and JWT_SECRET"; passed=$((passed+1))

# 1b. An unknown command is named as such (64, EX_USAGE), not taken for an argument of the default command.
set +e
(cd "$work" && env -i PATH="$PATH" "$bin" bogus >"$work/out" 2>"$work/err")
code=$?
set -e
[ "$code" -eq 64 ] || fail "boxoffice bogus exited $code, not 64: $(cat "$work/err")"
grep -q "unknown command 'bogus'" "$work/err" || fail "boxoffice bogus did not say unknown command: $(cat "$work/err")"
echo "ok: an unknown command exits 64 naming it"; passed=$((passed+1))

# 2. The embedded default, in an empty directory with no settings at all; an admin made from the shell.
printf 'an admin password\n' | (cd "$work" && env -i PATH="$PATH" HOME="$work" "$bin" create-admin \
  --email admin@example.org --password-stdin >"$work/create-admin.log" 2>&1) || fail "create-admin: $(cat "$work/create-admin.log")"
(cd "$work" && env -i PATH="$PATH" HOME="$work" "$bin" seed-demo >"$work/seed.log" 2>&1) || fail "seed-demo: $(cat "$work/seed.log")"
port=$(free_port)
(cd "$work" && exec env -i PATH="$PATH" HOME="$work" "$bin" serve --port "$port" >"$work/server.log" 2>&1) &
server_pid=$!
wait_for "http://127.0.0.1:$port/health" 200 60
grep -q '"kind":"sqlite"' "$work/body" && grep -q '"connected":true' "$work/body" || fail "health: $(cat "$work/body")"
# The start says what it runs on.
for said in "listening on" "database: SQLite file" "mail: " "payments: "; do
  grep -q "$said" "$work/server.log" || fail "serve's start did not say '$said': $(head -n 20 "$work/server.log")"
done
[ -f "$work/boxoffice.sqlite" ] || fail "no ./boxoffice.sqlite was created"
login=$(curl -s -H 'Content-Type: application/json' -d '{"email":"admin@example.org","password":"an admin password"}' \
  "http://127.0.0.1:$port/api/auth/login")
echo "$login" | grep -q '"role":"admin"' || fail "the admin made by create-admin cannot sign in: $login"
events=$(curl -s "http://127.0.0.1:$port/api/events")
echo "$events" | grep -q '3-Day Advanced Workshop Series' || fail "seed-demo's workshop is not listed: $events"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
echo "ok: serve with no settings runs on ./boxoffice.sqlite, reports kind sqlite, connected; create-admin's admin signs in; seed-demo's workshop is listed"; passed=$((passed+1))

# 2b. A first start on a fresh directory: the workers start after the migrations (no "no such table"), which are
# summed up in one line.
mkdir "$work/fresh"
port=$(free_port)
(cd "$work/fresh" && exec env -i PATH="$PATH" HOME="$work" "$bin" serve --port "$port" >"$work/server.log" 2>&1) &
server_pid=$!
wait_for "http://127.0.0.1:$port/health" 200 60
sleep 1
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
! grep -q "no such table" "$work/server.log" || fail "a first start logged 'no such table'"
grep -Eq "applied [0-9]+ migrations" "$work/server.log" || fail "a first start did not sum up its migrations"
! grep -q "Migrator" "$work/server.log" || fail "a first start logged each migration at info"
echo "ok: a first start on a fresh directory migrates before its workers run, in one line"; passed=$((passed+1))

# 3. PostgreSQL goes away and comes back.
database_url="postgres://boxoffice@127.0.0.1:$PG_THROWAWAY_PORT/boxoffice_e2e"
psql "$PG_THROWAWAY_URL" -qc "DROP DATABASE IF EXISTS boxoffice_e2e" -c "CREATE DATABASE boxoffice_e2e" >/dev/null
DATABASE_URL="$database_url" "$bin" migrate >/dev/null
port=$(free_port)
DATABASE_URL="$database_url" "$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
wait_for "http://127.0.0.1:$port/health" 200 60
grep -q '"kind":"postgres"' "$work/body" || fail "health on PostgreSQL: $(cat "$work/body")"
pg_throwaway_pause
wait_for "http://127.0.0.1:$port/health" 503 30
grep -q '"status":"unhealthy"' "$work/body" || fail "outage health: $(cat "$work/body")"
[ "$(status_of "http://127.0.0.1:$port/health/live")" = 200 ] || fail "liveness failed during the outage"
kill -0 "$server_pid" || fail "the server exited during the outage"
pg_throwaway_resume
wait_for "http://127.0.0.1:$port/health" 200 60
grep -q '"status":"healthy"' "$work/body" || fail "recovered health: $(cat "$work/body")"
echo "ok: PostgreSQL outage gives 503 unhealthy with the process up, and recovery gives 200 healthy"; passed=$((passed+1))

# 4. Workers apart from the web instance.
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
port=$(free_port)
WORKERS=false DATABASE_URL="$database_url" "$bin" serve --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
DATABASE_URL="$database_url" MAIL_DIR="$work/worker-mail" "$bin" work >"$work/worker.log" 2>&1 &
worker_pid=$!
wait_for "http://127.0.0.1:$port/health" 200 60
api() { curl -s -H 'Content-Type: application/json' ${token:+-H "Authorization: Bearer $token"} -d "$2" "http://127.0.0.1:$port$1"; }
api /api/auth/register '{"email":"worker-e2e@example.org","password":"a long enough password"}' >/dev/null
# The sign-up's verification link, mailed by the worker process (the file transport), verifies the address.
verify=$(python3 scripts/mailed-token.py "$work/worker-mail" worker-e2e@example.org /account/verify-email) \
  || fail "no verification mail from the worker: $(tail -n 5 "$work/worker.log")"
api /api/auth/verify-email "{\"token\":\"$verify\",\"password\":\"a long enough password\"}" >/dev/null
token=$(api /api/auth/login '{"email":"worker-e2e@example.org","password":"a long enough password"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
org=$(api /api/organizations '{"name":"Worker Hall"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
api /api/events "{\"organizationId\":\"$org\",\"title\":\"Apart\",\"eventType\":\"SocialEvent\"}" >/dev/null
delivered=
for _ in $(seq 1 20); do
  delivered=$(psql "$database_url" -Atc "SELECT state FROM outbox WHERE topic = 'event.changed'")
  [ "$delivered" = delivered ] && break
  sleep 0.5
done
[ "$delivered" = delivered ] || fail "the separate worker did not deliver the web instance's message (state: $delivered; $(tail -n 5 "$work/worker.log"))"
kill -TERM "$worker_pid"
wait "$worker_pid" || fail "boxoffice work did not stop cleanly on SIGTERM: $(tail -n 5 "$work/worker.log")"
echo "ok: with WORKERS=false on the web instance, boxoffice work delivers its messages and stops cleanly on SIGTERM"; passed=$((passed+1))

# 5. The quickstart, so the guide cannot rot: the blocks whose info string is `sh quickstart` (and `sh quickstart card`
# when a card processor is at hand) run as one script, from the folder the server runs in, as a reader pastes them.
quickstart_blocks() { # TAGS...: the blocks of docs/quickstart.md marked `sh quickstart` or `sh quickstart TAG`
  awk -v tags=" $* " '
    /^```/ {
      if (fenced) { fenced = 0; take = 0 }
      else {
        fenced = 1
        n = split(substr($0, 4), info, " ")
        take = (info[1] == "sh" && info[2] == "quickstart" && (n < 3 || index(tags, " " info[3] " ") > 0))
      }
      next
    }
    take { print }' docs/quickstart.md
}
[ -n "$server_pid" ] && { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=; }
mkdir "$work/quickstart"
port=$(free_port)
tags=()
card=()
if [ -n "${BOXOFFICE_TEST_STRIPE_URL:-}" ]; then
  tags=(card)
  card=(STRIPE_API_BASE="$BOXOFFICE_TEST_STRIPE_URL" STRIPE_SECRET_KEY=sk_test_quickstart
    STRIPE_WEBHOOK_SECRETS=whsec_quickstart)
fi
(cd "$work/quickstart" && exec env -i PATH="$PATH" HOME="$work" "${card[@]}" "$bin" serve --port "$port" \
  >"$work/server.log" 2>&1) &
server_pid=$!
wait_for "http://127.0.0.1:$port/health" 200 60
{ echo 'set -euo pipefail'; quickstart_blocks "${tags[@]}"; } >"$work/quickstart.sh"
[ "$(grep -c . "$work/quickstart.sh")" -gt 40 ] || fail "found no quickstart blocks in docs/quickstart.md"
qs_out=$work/quickstart.out
(cd "$work/quickstart" && BASE="http://127.0.0.1:$port" timeout 300 bash "$work/quickstart.sh") >"$qs_out" 2>&1 \
  || fail "docs/quickstart.md failed as written: $(tail -n 15 "$qs_out")"
for said in published "Pottery for Beginners" "ALREADY_CHECKED_IN" "refused, as it should be"; do
  grep -q "$said" "$qs_out" || fail "the quickstart did not say '$said': $(tail -n 15 "$qs_out")"
done
[ "$(grep -cx paid "$qs_out")" -eq 2 ] || fail "the quickstart's free and offline orders are not both paid"
grep -qx S1 "$qs_out" || fail "the quickstart's ticket was not admitted to S1"
grep -q "<svg" "$work/quickstart/ticket.svg" || fail "the quickstart saved no QR code"
if [ ${#tags[@]} -gt 0 ]; then
  grep -qx succeeded "$qs_out" || fail "the quickstart's card payment did not succeed"
fi
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
echo "ok: docs/quickstart.md runs as written, from sign-up to check-in${tags[*]:+ (card payment included)}"
passed=$((passed+1))

echo "e2e: $passed passed, 0 failed"
