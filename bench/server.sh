# Sourced by the benchmarks: builds the release server (or takes $BENCH_BIN) and starts it with the benchmarks'
# settings, on a throwaway PostgreSQL cluster that is stopped (with the server and the work folder) whatever happens.
#   bench_start                 build, start the cluster, set $bin and $work
#   bench_serve LOG [ENV=…]     start the server in $work on a free port with ENV on top; sets $server and $port
#   bench_stop_server           stop it and wait until its connections have closed
source scripts/postgres-throwaway.sh

bench_start() {
  # BENCH_BIN runs a server built elsewhere (bench/compare.sh: the same benchmark against two builds).
  if [ -n "${BENCH_BIN:-}" ]; then
    bin=$BENCH_BIN
  else
    swift build -c release --product boxoffice >/dev/null
    bin="$PWD/.build/release/boxoffice"
  fi
  work=$(mktemp -d)
  server=
  trap 'bench_stop_server; pg_throwaway_stop; rm -rf "$work"' EXIT
  pg_throwaway_start
}

# Every simulated buyer comes from this one loopback address: the per-buyer and per-address limits on places
# (BUYER_PLACES_LIMIT, ADDRESS_PLACES_LIMIT, ADDRESS_PLACES_SHARE) are switched off, as they would refuse a crowd from
# one host, and so is the guests' email confirmation (GUEST_CONFIRM_WINDOW), so that a free sale is measured as a sale.
bench_serve() {
  local log=$1; shift
  # Where the server's file transport writes mail: the seeds read the organizer's verification link there.
  export BENCH_MAIL_DIR="$work/mail"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd "$work" && exec env "$@" APP_ENV=production JWT_SECRET=benchmark-secret-that-is-long-enough-123 \
      TICKET_SECRET_KEY="$(openssl rand -base64 32)" LOG_LEVEL=warning API_RATE_LIMIT_REQUESTS=0 AUTH_RATE_LIMIT_ATTEMPTS=10000 \
      BUYER_PLACES_LIMIT=0 ADDRESS_PLACES_LIMIT=0 ADDRESS_PLACES_SHARE=0 GUEST_CONFIRM_WINDOW=0 MAIL_DIR="$work/mail" \
      "$bin" serve --port "$port" >"$log" 2>&1) &
  server=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return; sleep 1; done
  echo "the server did not start; see $log" >&2
  return 1
}

bench_stop_server() {
  [ -n "${server:-}" ] || return 0
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=
}

# A sale's verdict from its PostgreSQL database: the sessions and ticket types whose counters disagree with their tickets
# (every place taken once; sold equal to the valid tickets and held to the pending ones). Prints 0 when all agree.
verify_postgres() {
  psql "$1" -At <<'SQL'
SELECT (SELECT COUNT(*) FROM sessions s WHERE NOT (s.sold + s.held = s.capacity
          AND s.sold = (SELECT COUNT(*) FROM tickets t JOIN ticket_type_sessions x ON x.ticket_type_id = t.ticket_type_id
                        WHERE x.session_id = s.id AND t.status = 'valid')
          AND s.held = (SELECT COUNT(*) FROM tickets t JOIN ticket_type_sessions x ON x.ticket_type_id = t.ticket_type_id
                        WHERE x.session_id = s.id AND t.status = 'pending')))
     + (SELECT COUNT(*) FROM ticket_types tt WHERE NOT (
          tt.sold = (SELECT COUNT(*) FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status = 'valid')
          AND tt.held = (SELECT COUNT(*) FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status = 'pending')));
SQL
}
