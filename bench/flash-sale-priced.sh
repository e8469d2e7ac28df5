#!/usr/bin/env bash
# Free and priced flash sales in one run, on PostgreSQL (durable commits) and on the embedded SQLite, against one
# release build: the same load as bench/flash-sale.sh (200 clients, 10,000 attempts, 4 sessions shared by 7 ticket
# types), once with free ticket types (orders paid at once) and once priced (each purchase a pending `offline` order
# holding its places until it is paid). Each run is verified from its database: every session taken exactly (sold +
# held = capacity), sold equal to the valid tickets and held to the pending ones, per session and per ticket type. The
# server's PostgreSQL log is read for deadlocks. Writes one table into docs/benchmarks.md.
#   bench/flash-sale-priced.sh [attempts, default 10000] [clients, default 200] [places per session, default 250] [rounds, default 1]
# With rounds > 1 the four runs repeat in turn (free and priced alternating), which shows how much the machine drifts.
set -euo pipefail
cd "$(dirname "$0")/.."
attempts=${1:-10000}
clients=${2:-200}
capacity=${3:-250}
rounds=${4:-1}
source bench/server.sh
bench_start
: >"$work/results.tsv"

verify_sqlite() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
bad = db.execute("""
SELECT (SELECT COUNT(*) FROM sessions s WHERE NOT (s.sold + s.held = s.capacity
          AND s.sold = (SELECT COUNT(*) FROM tickets t JOIN ticket_type_sessions x ON x.ticket_type_id = t.ticket_type_id
                        WHERE x.session_id = s.id AND t.status = 'valid')
          AND s.held = (SELECT COUNT(*) FROM tickets t JOIN ticket_type_sessions x ON x.ticket_type_id = t.ticket_type_id
                        WHERE x.session_id = s.id AND t.status = 'pending')))
     + (SELECT COUNT(*) FROM ticket_types tt WHERE NOT (
          tt.sold = (SELECT COUNT(*) FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status = 'valid')
          AND tt.held = (SELECT COUNT(*) FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status = 'pending')))
""").fetchone()[0]
print(bad)
PY
}

run() { # database sale price number
  local database=$1 sale=$2 price=$3 n=$4 report bad
  if [ "$database" = PostgreSQL ]; then
    local url="postgres://boxoffice@127.0.0.1:$PG_THROWAWAY_PORT/flash_$n"
    psql "$PG_THROWAWAY_URL" -qc "CREATE DATABASE flash_$n" >/dev/null
    psql "$url" -Atc "SHOW synchronous_commit" | grep -qx on
    DATABASE_URL="$url" "$bin" migrate >/dev/null 2>&1
    bench_serve "$work/server-$n.log" DATABASE_URL="$url" DATABASE_POOL_SIZE=4 SESSION_CAPACITY_MAX=1000000
  else
    bench_serve "$work/server-$n.log" SQLITE_PATH="$work/flash_$n.sqlite" SESSION_CAPACITY_MAX=1000000
  fi
  report=$(python3 bench/flash_sale.py 127.0.0.1 "$port" --attempts "$attempts" --clients "$clients" --capacity "$capacity" --price "$price")
  bench_stop_server
  if [ "$database" = PostgreSQL ]; then bad=$(verify_postgres "$url"); else bad=$(verify_sqlite "$work/flash_$n.sqlite"); fi
  echo "$database $sale: $report; rows that disagree: $bad"
  [ "$bad" = 0 ] || { echo "VERIFICATION FAILED" >&2; exit 1; }
  python3 - "$report" "$database" "$sale" >>"$work/results.tsv" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
p = r["purchase_latency_ms"]
print("\t".join(map(str, [sys.argv[2], sys.argv[3], r["attempts"], r["purchases"], r["refusals"], r["other"], r["purchases_per_second"],
    f'{p["p50"]} / {p["p95"]} / {p["p99"]}', "yes"])))
PY
}

n=0
for round in $(seq 1 "$rounds"); do
  for database in PostgreSQL SQLite; do
    run "$database" free 0 $((n += 1))
    run "$database" priced 25 $((n += 1))
  done
done

deadlocks=$(grep -c "deadlock detected" "$PG_THROWAWAY_LOG" || true)
echo "PostgreSQL deadlocks logged: $deadlocks"
[ "$deadlocks" = 0 ] || { echo "DEADLOCKS LOGGED" >&2; exit 1; }
kind=flash-sale-priced
[ "$capacity" = 250 ] || kind=flash-sale-priced-sustained
command="bench/flash-sale-priced.sh $attempts $clients $capacity $rounds"
python3 bench/write_results.py "$kind" "$work/results.tsv" "$command" \
  "database|sale|attempts|purchases|refusals|other|purchases/s|purchase p50 / p95 / p99 ms|verified"
