#!/usr/bin/env bash
# Flash-sale benchmark (issue: checkout). 10,000 purchase attempts by 200 concurrent clients against 1,000 places
# spread over ticket types that share sessions, on a throwaway PostgreSQL with durable commits
# (synchronous_commit on), against a release build. Verifies afterwards that nothing was oversold or undersold
# and that every counter equals its tickets, records the WAL flush latency measured during the run
# (pg_stat_wal, track_wal_io_timing), and writes the figures into docs/benchmarks.md.
#   bench/flash-sale.sh [attempts, default 10000] [clients, default 200] [places per session, default 250] [keys]
#   bench/flash-sale.sh priced [attempts] [clients] [places per session] [rounds]
# The priced mode (bench/flash-sale-priced.sh) runs free and priced sales (pending `offline` orders holding their
# places) in one run, on PostgreSQL and on SQLite, and writes their figures side by side.
# With more places than 250 a session (say 40000 200 5000), the sale lasts seconds instead of a fraction of one,
# which shows the sustained rate; its figures go into their own table. With `keys` every purchase carries an
# Idempotency-Key, as a widget's would (its own table too).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = priced ]; then shift; exec bench/flash-sale-priced.sh "$@"; fi
attempts=${1:-10000}
clients=${2:-200}
capacity=${3:-250}
kind=flash-sale
[ "$capacity" = 250 ] || kind=flash-sale-sustained
keys=${4:-}
[ "$keys" = keys ] && kind="$kind-keys"
source bench/server.sh
bench_start
url="postgres://boxoffice@127.0.0.1:$PG_THROWAWAY_PORT/flash"
psql "$PG_THROWAWAY_URL" -qc "CREATE DATABASE flash" >/dev/null
psql "$PG_THROWAWAY_URL" -Atc "SHOW synchronous_commit" | grep -qx on
DATABASE_URL="$url" "$bin" migrate >/dev/null 2>&1
bench_serve "$work/server.log" DATABASE_URL="$url" DATABASE_POOL_SIZE=4 SESSION_CAPACITY_MAX=1000000

wal() { psql "$url" -Atc "SELECT wal_sync, wal_sync_time FROM pg_stat_wal"; }
before=$(wal)
report=$(python3 bench/flash_sale.py 127.0.0.1 "$port" --attempts "$attempts" --clients "$clients" --capacity "$capacity" ${keys:+--keys})
# PostgreSQL backends report their WAL statistics at most once a second, or when they exit: stop the server, so that
# its connections close and everything they flushed is counted.
bench_stop_server
sleep 1
after=$(wal)
echo "$report"
event=$(echo "$report" | python3 -c 'import json,sys; print(json.load(sys.stdin)["event"])')

# The verdict, from the database: every session sold out exactly, and every counter equals its tickets.
verdict=$(psql "$url" -At <<SQL
SELECT bool_and(s.sold = s.capacity AND s.held = 0 AND s.sold = (
         SELECT COUNT(*) FROM tickets t JOIN ticket_type_sessions tts ON tts.ticket_type_id = t.ticket_type_id
         WHERE tts.session_id = s.id AND t.status = 'valid'))
FROM sessions s WHERE s.event_id = '$event';
SQL
)
types_ok=$(psql "$url" -At <<SQL
SELECT bool_and(tt.sold = (SELECT COUNT(*) FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status = 'valid'))
FROM ticket_types tt WHERE tt.event_id = '$event';
SQL
)
flush=$(python3 - "$before" "$after" <<'PY'
import sys
(s0, t0), (s1, t1) = (map(float, line.split("|")) for line in sys.argv[1:3])
print(f"{(t1 - t0) / max(s1 - s0, 1):.2f} ms over {int(s1 - s0)} flushes")
PY
)
echo "sessions sold out exactly and counters match tickets: $verdict; ticket types match: $types_ok; WAL flush: $flush"
[ "$verdict" = t ] && [ "$types_ok" = t ] || { echo "VERIFICATION FAILED" >&2; exit 1; }
deadlocks=$(grep -c "deadlock detected" "$PG_THROWAWAY_LOG" || true)
echo "PostgreSQL deadlocks logged: $deadlocks"
[ "$deadlocks" = 0 ] || { echo "DEADLOCKS LOGGED" >&2; exit 1; }

python3 - "$report" "$flush" <<'PY' >"$work/results.tsv"
import json, sys
r = json.loads(sys.argv[1])
p, f = r["purchase_latency_ms"], r["refusal_latency_ms"]
print("\t".join(map(str, [r["attempts"], r["purchases"], r["refusals"], r["other"], r["purchases_per_second"],
    f'{p["p50"]} / {p["p95"]} / {p["p99"]}', r["refusals_per_second_after_sellout"], f'{f["p50"]} / {f["p95"]} / {f["p99"]}', sys.argv[2], "yes"])))
PY
command="bench/flash-sale.sh $attempts $clients"
[ "$capacity" = 250 ] && [ -z "$keys" ] || command="$command $capacity"
[ -z "$keys" ] || command="$command keys"
[ -z "${BENCH_NO_WRITE:-}" ] || { cp "$work/results.tsv" "$BENCH_NO_WRITE"; exit 0; }
python3 bench/write_results.py "$kind" "$work/results.tsv" "$command" \
  "attempts|purchases|refusals|other|purchases/s|purchase p50 / p95 / p99 ms|refusals/s after sell-out|refusal p50 / p95 / p99 ms|WAL flush (avg)|verified"
