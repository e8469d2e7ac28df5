#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests and benchmarks: temporary directory, unprivileged user,
# free loopback port. Source it, then call pg_throwaway_start / pg_throwaway_stop.
#   pg_throwaway_start   exports PG_THROWAWAY_URL (superuser URL to database "postgres"), PG_THROWAWAY_PORT and
#                        PG_THROWAWAY_LOG (the server's log; each line names its database: db=NAME)
#   pg_throwaway_stop    stops the cluster and removes its directory (safe to call twice)
#   pg_throwaway_pause / pg_throwaway_resume   stop and restart the same cluster (outage drills)

pg_throwaway_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return
  fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$found" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "PostgreSQL server not found: installing it from Debian" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib) >&2 || return 1
      found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
  fi
  [ -n "$found" ] || { echo "PostgreSQL server binaries not found (install Debian's postgresql)" >&2; return 1; }
  echo "$found"
}

# Run from / : the cluster's owner may not read the caller's directory, and initdb and pg_ctl would say so
# ("could not change directory ... Permission denied"). Every path given them is absolute.
pg_throwaway_as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u "$PG_THROWAWAY_USER" -- "$@"); else "$@"; fi
}

pg_throwaway_start() {
  PG_THROWAWAY_BIN=$(pg_throwaway_bin) || return 1
  # initdb refuses to run as root, so root runs the cluster as a dedicated unprivileged user.
  PG_THROWAWAY_USER=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    PG_THROWAWAY_USER=boxoffice-pg
    id "$PG_THROWAWAY_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_THROWAWAY_USER"
  fi
  PG_THROWAWAY_DIR=$(mktemp -d /tmp/boxoffice-pg.XXXXXX)
  chmod 755 "$PG_THROWAWAY_DIR"
  [ "$(id -u)" = 0 ] && chown "$PG_THROWAWAY_USER" "$PG_THROWAWAY_DIR"
  PG_THROWAWAY_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  pg_throwaway_as_owner "$PG_THROWAWAY_BIN/initdb" -D "$PG_THROWAWAY_DIR/data" -U boxoffice --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_THROWAWAY_DIR/initdb.log" 2>&1 \
    || { cat "$PG_THROWAWAY_DIR/initdb.log" >&2; return 1; }
  cat >>"$PG_THROWAWAY_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_THROWAWAY_PORT
unix_socket_directories = '$PG_THROWAWAY_DIR'
# Tests run many apps at once, each with its pool, its change-feed listener and its workers.
max_connections = 1000
shared_buffers = 256MB
track_wal_io_timing = on
# Each line names its database, so a test can read what PostgreSQL logged about its own (a deadlock, say).
log_line_prefix = '%m [%p] db=%d '
CONF
  pg_throwaway_resume || return 1
  PG_THROWAWAY_LOG="$PG_THROWAWAY_DIR/server.log"
  export PG_THROWAWAY_PORT PG_THROWAWAY_DIR PG_THROWAWAY_BIN PG_THROWAWAY_USER PG_THROWAWAY_LOG
  export PG_THROWAWAY_URL="postgres://boxoffice@127.0.0.1:$PG_THROWAWAY_PORT/postgres"
}

pg_throwaway_resume() {
  pg_throwaway_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/server.log" \
    -w -t 60 start >/dev/null || { cat "$PG_THROWAWAY_DIR/server.log" >&2; return 1; }
}

pg_throwaway_pause() {
  pg_throwaway_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m fast -w stop >/dev/null
}

pg_throwaway_stop() {
  [ -n "${PG_THROWAWAY_DIR:-}" ] && [ -d "$PG_THROWAWAY_DIR" ] || return 0
  pg_throwaway_pause 2>/dev/null || true
  rm -rf "$PG_THROWAWAY_DIR"
  PG_THROWAWAY_DIR=
}
