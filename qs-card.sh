set -euo pipefail
BASE=${BASE:-http://localhost:8080}
MAIL_DIR=${MAIL_DIR:-./mail-outbox}
api() { # METHOD PATH [JSON]
  curl -sS --fail-with-body -w '\n' -X "$1" "$BASE$2" -H 'Content-Type: application/json' \
    ${TOKEN:+-H "Authorization: Bearer $TOKEN"} ${3:+-d "$3"}
}
field() { # NAME: one field of the JSON on standard input
  python3 -c 'import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    value = value[int(key)] if key.isdigit() else value[key]
print(value)' "$1"
}
api POST /api/auth/register \
  '{"email":"organizer@example.org","password":"correct horse battery","displayName":"Olga Organizer"}'
mailed_link() { # ADDRESS PATH: the link to PATH in the newest message to ADDRESS, waiting up to 30 s for it
  for _ in $(seq 30); do
    for mail in $(ls -r "$MAIL_DIR"/*.eml 2>/dev/null); do
      grep -q "^To: .*<$1>" "$mail" || continue
      link=$(grep -o "http[^ ]*$2?token=[A-Za-z0-9_-]*" "$mail" | head -n 1)
      [ -n "$link" ] && echo "$link" && return 0
    done
    sleep 1
  done
  echo "no mail to $1 with a $2 link in $MAIL_DIR" >&2
  return 1
}
link=$(mailed_link organizer@example.org /account/verify-email)
echo "$link"
api POST /api/auth/verify-email "{\"token\":\"${link##*token=}\",\"password\":\"correct horse battery\"}"
ORGANIZER=$(api POST /api/auth/login '{"email":"organizer@example.org","password":"correct horse battery"}' \
  | field access_token)
export TOKEN=$ORGANIZER
ORG=$(api POST /api/organizations '{"name":"Riverside Studio"}' | field id)
VENUE=$(api POST /api/organizations/$ORG/venues '{"name":"Main Hall","address":"1 River Road","capacity":40}' \
  | field venueId)
EVENT=$(api POST /api/events "{\"organizationId\":\"$ORG\",\"venueId\":\"$VENUE\",\"title\":\"Pottery for Beginners\",
  \"eventType\":\"Class\",\"shortDescription\":\"Two evenings at the wheel.\"}" | field eventId)
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:00Z; }
api POST /api/events/$EVENT/sessions \
  "{\"sessionName\":\"Evening 1\",\"startsAt\":\"$(at '+1 hour')\",\"endsAt\":\"$(at '+3 hours')\",\"capacity\":40}"
api POST /api/events/$EVENT/sessions \
  "{\"sessionName\":\"Evening 2\",\"startsAt\":\"$(at '+169 hours')\",\"endsAt\":\"$(at '+171 hours')\",\"capacity\":40}"
SERIES=$(api POST /api/events/$EVENT/ticket-types "{\"name\":\"Both evenings\",\"includedSessions\":[\"S1\",\"S2\"],
  \"price\":80,\"salesEndDate\":\"$(at '+168 hours')\"}" | field ticketTypeId)
TASTER=$(api POST /api/events/$EVENT/ticket-types "{\"name\":\"Taster, first evening\",\"includedSessions\":[\"S1\"],
  \"price\":0,\"salesEndDate\":\"$(at '+1 hour')\"}" | field ticketTypeId)
api PUT /api/events/$EVENT '{"status":"published"}' | field status
curl -sS "$BASE/api/events?q=Pottery" | field events.0.title
api GET /api/events/$EVENT/availability
TOKEN= api POST /api/auth/register \
  '{"email":"buyer@example.org","password":"another long password","displayName":"Ben Buyer"}'
link=$(mailed_link buyer@example.org /account/verify-email)
TOKEN= api POST /api/auth/verify-email "{\"token\":\"${link##*token=}\",\"password\":\"another long password\"}"
BUYER=$(TOKEN= api POST /api/auth/login '{"email":"buyer@example.org","password":"another long password"}' \
  | field access_token)
export TOKEN=$BUYER
FREE_ORDER=$(api POST /api/orders "{\"ticketTypeId\":\"$TASTER\",\"quantity\":1}")
echo "$FREE_ORDER" | field status
TICKET=$(echo "$FREE_ORDER" | field tickets.0.ticketId)
OFFLINE_ORDER=$(api POST /api/orders "{\"ticketTypeId\":\"$SERIES\",\"quantity\":2,\"paymentMethod\":\"offline\"}" \
  | field orderId)
TOKEN=$ORGANIZER api PUT /api/admin/orders/$OFFLINE_ORDER/status '{"status":"paid","reason":"bank transfer"}' \
  | field status
api POST /api/orders "{\"ticketTypeId\":\"$SERIES\",\"quantity\":1,\"paymentMethod\":\"card\",
  \"paymentToken\":\"pm_card_visa\"}" | field payment.status
SECRET=$(api GET /api/tickets/$TICKET/pass | field qrText)
curl -sS --fail-with-body -H "Authorization: Bearer $BUYER" -o ticket.svg "$BASE/api/tickets/$TICKET/qr.svg"
echo "ticket.svg: $(wc -c < ticket.svg) bytes"
export TOKEN=$ORGANIZER
KIOSK=$(api POST /api/events/$EVENT/kiosk-tokens '{"stationName":"Front door","capabilities":"scan"}' | field token)
TOKEN=$KIOSK api POST /api/checkin "{\"secret\":\"$SECRET\",\"gate\":\"A\"}" | field sessionCode
TOKEN=$KIOSK api POST /api/checkin "{\"secret\":\"$SECRET\",\"gate\":\"B\"}" || echo "refused, as it should be"
api GET /api/events/$EVENT/checkins/stats
