#!/usr/bin/env bash
# The outside services the tests talk to, real programs nobody here wrote, installed from PyPI into a virtualenv
# under .build/ (so a fresh machine gets them and a second run reuses them) and bound to 127.0.0.1 on free ports.
# Source it, then call peers_start / peers_stop.
#   peers_start   exports BOXOFFICE_TEST_STRIPE_URL (localstripe), BOXOFFICE_TEST_S3_URL (moto's S3 server),
#                 BOXOFFICE_TEST_SMTP_URL / _CA / _MAILDIR (aiosmtpd capturing into a folder) and
#                 BOXOFFICE_TEST_REQUIRE_PEERS=1
#   peers_stop    stops them, each with its whole process group, waits for them, and removes their folder
#                 (safe to call twice)

PEERS_VENV="${PEERS_VENV:-$(pwd)/.build/test-peers}"
# Pinned: a peer's behaviour is part of what the tests check.
PEERS_PACKAGES="localstripe==1.15.10 moto[server]==5.2.1 schemathesis==4.32.5 aiosmtpd==1.4.6"
PEERS_PIDS=""

peers_install() {
  if [ ! -x "$PEERS_VENV/bin/localstripe" ] || [ ! -x "$PEERS_VENV/bin/moto_server" ] || [ ! -x "$PEERS_VENV/bin/schemathesis" ] \
    || [ ! -x "$PEERS_VENV/bin/aiosmtpd" ]; then
    echo "installing test peers from PyPI: $PEERS_PACKAGES" >&2
    python3 -m venv "$PEERS_VENV" >&2 || return 1
    "$PEERS_VENV/bin/pip" install -q $PEERS_PACKAGES >&2 || return 1
  fi
}

peers_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

peers_wait() {  # URL: until it answers, at most 20 s
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.2
  done
  echo "test peer at $1 did not start" >&2
  return 1
}

peers_start() {
  peers_install || return 1
  # Their logs and the mail server's certificate and captures live in one folder, removed by peers_stop.
  PEERS_HOME=$(mktemp -d)
  local port
  port=$(peers_free_port)
  # localstripe's own command binds every interface; started this way it listens on loopback only, from scratch.
  peers_spawn "$PEERS_HOME/localstripe.log" "$PEERS_VENV/bin/python" -c 'import sys; from aiohttp import web
from localstripe.server import app
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)' "$port"
  peers_wait "http://127.0.0.1:$port/v1/customers" || return 1
  export BOXOFFICE_TEST_STRIPE_URL="http://127.0.0.1:$port"
  echo "localstripe $("$PEERS_VENV/bin/pip" show localstripe | awk '/^Version/{print $2}') on port $port"
  port=$(peers_free_port)
  peers_spawn "$PEERS_HOME/moto.log" "$PEERS_VENV/bin/moto_server" -H 127.0.0.1 -p "$port"
  peers_wait "http://127.0.0.1:$port/moto-api/" || return 1
  export BOXOFFICE_TEST_S3_URL="http://127.0.0.1:$port"
  echo "moto $("$PEERS_VENV/bin/pip" show moto | awk '/^Version/{print $2}') on port $port"
  # aiosmtpd with STARTTLS and AUTH required, on a certificate made for this run (trusted by the tests alone).
  PEERS_SMTP_HOME=$PEERS_HOME/smtp
  mkdir -p "$PEERS_SMTP_HOME"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$PEERS_SMTP_HOME/key.pem" -out "$PEERS_SMTP_HOME/cert.pem" \
    -days 2 -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" >/dev/null 2>&1
  port=$(peers_free_port)
  local tls_port
  tls_port=$(peers_free_port)
  peers_spawn "$PEERS_HOME/aiosmtpd.log" "$PEERS_VENV/bin/python" scripts/smtp-capture.py \
    "$PEERS_SMTP_HOME/mail" "$port" "$PEERS_SMTP_HOME/cert.pem" "$PEERS_SMTP_HOME/key.pem" "$tls_port"
  for _ in $(seq 1 100); do
    python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$port" 2>/dev/null && break
    sleep 0.2
  done
  python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$port" \
    2>/dev/null || { echo "the test mail server did not start" >&2; return 1; }
  export BOXOFFICE_TEST_SMTP_URL="smtp://boxoffice:mail-password@localhost:$port"
  export BOXOFFICE_TEST_SMTPS_URL="smtps://boxoffice:mail-password@localhost:$tls_port"
  export BOXOFFICE_TEST_SMTP_CA="$PEERS_SMTP_HOME/cert.pem"
  export BOXOFFICE_TEST_SMTP_MAILDIR="$PEERS_SMTP_HOME/mail"
  # For tests that start and stop a mail server of their own (an outage mid-sale).
  export BOXOFFICE_TEST_PEERS_PYTHON="$PEERS_VENV/bin/python"
  export BOXOFFICE_TEST_REQUIRE_PEERS=1
  echo "aiosmtpd $("$PEERS_VENV/bin/pip" show aiosmtpd | awk '/^Version/{print $2}') on port $port (STARTTLS and AUTH required)"
}

# Each peer runs in a process group of its own (set -m around its start), so stopping it stops whatever it started;
# peers_stop sends SIGTERM to each group, waits up to 5 s, then SIGKILLs what is left, and removes their folder (logs,
# certificate, captured mail).
peers_spawn() { # LOG COMMAND...: runs COMMAND in the background, in its own process group, and records it
  local log=$1 monitor=
  shift
  case $- in *m*) monitor=1 ;; esac
  set -m
  "$@" >"$log" 2>&1 &
  PEERS_PIDS="$PEERS_PIDS $!"
  [ -n "$monitor" ] || set +m
}

peers_stop() {
  local pid
  for pid in $PEERS_PIDS; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=
    for pid in $PEERS_PIDS; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ -z "$alive" ] && break
    sleep 0.1
  done
  for pid in $PEERS_PIDS; do
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PEERS_PIDS=""
  if [ -n "${PEERS_HOME:-}" ]; then rm -rf "$PEERS_HOME"; PEERS_HOME=; fi
}
