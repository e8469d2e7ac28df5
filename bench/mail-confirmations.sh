#!/usr/bin/env bash
# Mail benchmark: the confirmations of a 1,000-ticket sale delivered through a real SMTP server. A release build on a
# throwaway PostgreSQL sells 1,000 free tickets (one per order, 20 buyers at once); the outbox worker hands each
# order's confirmation to aiosmtpd (STARTTLS and AUTH, as a real relay asks) through the SMTP transport, on one kept
# connection. Reports the sale's time, the time until the last message was captured, and messages per second
# (captured messages over the span from the first to the last), and checks that each order got exactly one message.
#   bench/mail-confirmations.sh [orders, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-1000}
source bench/server.sh
source scripts/test-peers.sh
bench_start
peers_install
home="$work/smtp"
mkdir -p "$home"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$home/key.pem" -out "$home/cert.pem" -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" >/dev/null 2>&1
smtp_port=$(peers_free_port)
"$PEERS_VENV/bin/python" scripts/smtp-capture.py "$home/mail" "$smtp_port" "$home/cert.pem" "$home/key.pem" \
  >"$work/aiosmtpd.log" 2>&1 &
smtp=$!
trap 'bench_stop_server; kill $smtp 2>/dev/null; pg_throwaway_stop; rm -rf "$work"' EXIT
url="postgres://boxoffice@127.0.0.1:$PG_THROWAWAY_PORT/mail"
psql "$PG_THROWAWAY_URL" -qc "CREATE DATABASE mail" >/dev/null
DATABASE_URL="$url" "$bin" migrate >/dev/null 2>&1
bench_serve "$work/server.log" DATABASE_URL="$url" DATABASE_POOL_SIZE=4 SESSION_CAPACITY_MAX=1000000 \
  SMTP_URL="smtp://boxoffice:mail-password@localhost:$smtp_port" SMTP_CA_FILE="$home/cert.pem" \
  MAIL_FROM="Bench Tickets <tickets@bench.test>"
export BENCH_MAIL_DIR="$home/mail"

report=$(python3 - "$port" "$orders" "$home/mail" <<'PY'
import concurrent.futures, json, os, sys, time
sys.path.insert(0, "bench")
import flash_sale
port, orders, maildir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
base = f"http://127.0.0.1:{port}"
event, types = flash_sale.seed(base, orders, 0)
def buy(n):
    flash_sale.api(base, "POST", "/api/orders", {"ticketTypeId": types[0], "quantity": 1, "buyerName": f"Buyer {n}",
                                                  "buyerEmail": f"buyer{n}@example.org"})
start = time.time()
with concurrent.futures.ThreadPoolExecutor(20) as pool:
    list(pool.map(buy, range(orders)))
sold = time.time()
seen = {}
def captured():
    # The buyers' messages: the organizer's sign-up sends a verification message of its own. Each file is read once.
    if os.path.isdir(maildir):
        for f in os.listdir(maildir):
            if f.endswith(".json") and f not in seen:
                seen[f] = json.load(open(os.path.join(maildir, f)))["to"][0].startswith("buyer")
    return [f for f, buyer in seen.items() if buyer]
while len(captured()) < orders and time.time() - sold < 600:
    time.sleep(0.2)
files = captured()
recipients = [json.load(open(os.path.join(maildir, f)))["to"][0] for f in files]
stamps = sorted(os.path.getmtime(os.path.join(maildir, f)) for f in files)
span = max(stamps[-1] - stamps[0], 1e-9) if stamps else 0
print(json.dumps({"orders": orders, "messages": len(files), "distinct_recipients": len(set(recipients)),
                  "sale_seconds": round(sold - start, 2), "last_message_after_sale_seconds": round(stamps[-1] - sold, 2) if stamps else None,
                  "messages_per_second": round(len(files) / span, 1) if stamps else 0}))
PY
)
bench_stop_server
echo "$report"
python3 - "$report" >"$work/results.tsv" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
ok = "yes" if r["messages"] == r["orders"] == r["distinct_recipients"] else "NO"
print("\t".join(map(str, ["PostgreSQL", r["orders"], r["messages"], r["sale_seconds"], r["last_message_after_sale_seconds"],
    r["messages_per_second"], ok])))
PY
grep -q $'\tyes$' "$work/results.tsv" || { echo "NOT EVERY ORDER GOT EXACTLY ONE MESSAGE" >&2; exit 1; }
python3 bench/write_results.py mail-confirmations "$work/results.tsv" "bench/mail-confirmations.sh $orders" \
  "database|orders|messages captured|sale s|last message after the sale s|messages/s|one each"
