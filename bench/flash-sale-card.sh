#!/usr/bin/env bash
# Card flash sale: the priced flash sale (200 clients, 10,000 attempts, 4 sessions shared by 7 ticket types, durable
# commits on PostgreSQL) three ways in one run against one release build: pending `offline` orders (the baseline: the
# seat transaction alone), card orders paid through a processor that answers at once (bench/instant_processor.py), and
# card orders paid through localstripe. A card purchase is the same seat transaction, then the processor's calls and
# the payment's two short transactions after the commit: if the processor's latency reached the seat locks, the sale's
# rate would fall with it. Each run is verified from its database (every place taken once; sold equal to the valid
# tickets, held to the pending ones); the server's PostgreSQL log is read for deadlocks. Writes one table into
# docs/benchmarks.md.
#   bench/flash-sale-card.sh [attempts, default 10000] [clients, default 200] [places per session, default 250]
set -euo pipefail
cd "$(dirname "$0")/.."
attempts=${1:-10000}
clients=${2:-200}
capacity=${3:-250}
source bench/server.sh
source scripts/test-peers.sh
bench_start
peers_start >/dev/null
trap 'bench_stop_server; peers_stop; [ -n "${instant:-}" ] && kill "$instant"; pg_throwaway_stop; rm -rf "$work"' EXIT
instant_port=$(peers_free_port)
python3 bench/instant_processor.py "$instant_port" & instant=$!
: >"$work/results.tsv"

run() { # sale processor-url client-args number
  local sale=$1 processor=$2 extra=$3 n=$4 report bad
  local url="postgres://boxoffice@127.0.0.1:$PG_THROWAWAY_PORT/card_$n"
  psql "$PG_THROWAWAY_URL" -qc "CREATE DATABASE card_$n" >/dev/null
  DATABASE_URL="$url" "$bin" migrate >/dev/null 2>&1
  bench_serve "$work/server-$n.log" DATABASE_URL="$url" DATABASE_POOL_SIZE=4 SESSION_CAPACITY_MAX=1000000 \
    ${processor:+STRIPE_API_BASE=$processor STRIPE_SECRET_KEY=sk_test_bench STRIPE_WEBHOOK_SECRETS=whsec_bench}
  report=$(python3 bench/flash_sale.py 127.0.0.1 "$port" --attempts "$attempts" --clients "$clients" --capacity "$capacity" --price 25 $extra)
  bench_stop_server
  bad=$(verify_postgres "$url")
  paid=$(psql "$url" -Atc "SELECT COUNT(*) FROM payments WHERE status = 'succeeded'")
  echo "$sale: $report; rows that disagree: $bad; card payments succeeded: $paid"
  [ "$bad" = 0 ] || { echo "VERIFICATION FAILED" >&2; exit 1; }
  python3 - "$report" "$sale" "$paid" >>"$work/results.tsv" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
p = r["purchase_latency_ms"]
q = r["refusal_latency_ms"]
print("\t".join(map(str, [sys.argv[2], r["attempts"], r["purchases"], r["refusals"], r["other"], sys.argv[3], r["purchases_per_second"],
    f'{p["p50"]} / {p["p95"]} / {p["p99"]}', f'{q["p50"]} / {q["p95"]}', "yes"])))
PY
}

run "offline (pending, baseline)" "" "" 1
run "card, processor answering at once" "http://127.0.0.1:$instant_port" "--card pm_card_visa" 2
run "card, localstripe" "$BOXOFFICE_TEST_STRIPE_URL" "--card pm_card_visa" 3

deadlocks=$(grep -c "deadlock detected" "$PG_THROWAWAY_LOG" || true)
echo "PostgreSQL deadlocks logged: $deadlocks"
[ "$deadlocks" = 0 ] || { echo "DEADLOCKS LOGGED" >&2; exit 1; }
python3 bench/write_results.py flash-sale-card "$work/results.tsv" "bench/flash-sale-card.sh $attempts $clients $capacity" \
  "sale|attempts|purchases|refusals|other|card payments succeeded|purchases/s|purchase p50 / p95 / p99 ms|refusal p50 / p95 ms (the seat decision alone)|verified"
