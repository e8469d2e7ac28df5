#!/usr/bin/env bash
# Read benchmark (issue: catalog). Drives GET /api/events and GET /api/events/{id}/availability (an event with
# 10 sessions and 20 ticket types) with wrk, 50 connections, on SQLite and on a throwaway PostgreSQL cluster,
# against a release build, and writes requests/s and p50/p99 latency into docs/benchmarks.md.
#   bench/read.sh [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
source bench/server.sh
bench_start
results="$work/results.tsv"

run() { # database-label env...
  local label=$1; shift
  bench_serve "$work/$label.log" "$@"
  local event; event=$(python3 bench/seed_catalog.py "http://127.0.0.1:$port")
  for target in "/api/events" "/api/events/$event/availability"; do
    wrk -t2 -c50 -d2s "http://127.0.0.1:$port$target" >/dev/null   # warm-up
    # The server's own CPU time per request (user + system, from /proc), steadier than requests/s on a shared
    # machine whose neighbours take the cores for seconds at a time.
    local ticks_before ticks_after
    ticks_before=$(awk '{print $14 + $15}' "/proc/$server/stat")
    wrk -t2 -c50 -d"${duration}s" --latency "http://127.0.0.1:$port$target" >"$work/wrk.txt"
    ticks_after=$(awk '{print $14 + $15}' "/proc/$server/stat")
    local rps p50 p99 errors cpu requests
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
    errors=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt"); errors=${errors:-0}
    requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
    cpu=$(python3 -c "print(round(($ticks_after - $ticks_before) * 1000 / $(getconf CLK_TCK) / $requests, 2))")
    local name=${target/$event/\{eventId\}}
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$name" "$rps" "$p50" "$p99" "$errors" "$cpu" >>"$results"
    echo "$label $name: $rps req/s, p50 $p50, p99 $p99, non-2xx $errors, server CPU $cpu ms a request"
  done
  bench_stop_server
}

run sqlite SQLITE_PATH="$work/bench.sqlite"
psql "$PG_THROWAWAY_URL" -qc "CREATE DATABASE bench" >/dev/null
DATABASE_URL="postgres://boxoffice@127.0.0.1:$PG_THROWAWAY_PORT/bench" "$bin" migrate >/dev/null 2>&1
run postgres DATABASE_URL="postgres://boxoffice@127.0.0.1:$PG_THROWAWAY_PORT/bench" DATABASE_POOL_SIZE=4

[ -z "${BENCH_NO_WRITE:-}" ] || { cp "$results" "$BENCH_NO_WRITE"; exit 0; }
python3 bench/write_results.py read "$results" "bench/read.sh $duration" \
  "database|endpoint|requests/s|p50|p99|non-2xx|server CPU ms a request"
