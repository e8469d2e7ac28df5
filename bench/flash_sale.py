#!/usr/bin/env python3
"""Flash-sale load: N purchase attempts by C concurrent clients against a seeded event, then the verdict.

Seeds (through the API) an event with 4 sessions of 250 places (1,000 in all; `--capacity` sets another size) sold by 7 ticket types that
share them (each session alone, two pairs, and all four): free, or priced with `--price`, when each purchase ends as a
pending order (offline payment) holding its places. Each client keeps one HTTP connection and buys one ticket at a time; all clients run on one asyncio loop. Prints a JSON report: purchases/s
while places remained, refusals/s after the sell-out, p50/p95/p99 latency of each, and whether the counters match
the tickets with nothing oversold or undersold.
"""
import argparse
import asyncio
import datetime
import json
import random
import time
import urllib.request


# Fields every purchase carries on top of its own (a card payment method with --card).
EXTRA = {}


def api(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, json.dumps(body).encode() if body is not None else None) as response:
        text = response.read()
        return json.loads(text) if text else None


def verify(base, email, call, since, password):
    """Follows the sign-up's verification link, read from the mail the server wrote (BENCH_MAIL_DIR) since `since`."""
    import os, subprocess
    folder = os.environ.get("BENCH_MAIL_DIR", "mail")
    token = subprocess.run(["python3", "scripts/mailed-token.py", folder, email, "/account/verify-email", str(since)],
                           check=True, capture_output=True, text=True).stdout.strip()
    call(base, "POST", "/api/auth/verify-email", {"token": token, "password": password})


def seed(base, capacity, price):
    organizer = {"email": "flash@example.org", "password": "flash sale password"}
    since = time.time() - 1
    api(base, "POST", "/api/auth/register", organizer)
    verify(base, organizer["email"], api, since, organizer["password"])
    token = api(base, "POST", "/api/auth/login", organizer)["access_token"]
    org = api(base, "POST", "/api/organizations", {"name": "Flash Hall"}, token)["id"]
    event = api(base, "POST", "/api/events", {"organizationId": org, "title": "Flash sale", "eventType": "SocialEvent"}, token)["eventId"]
    start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(days=30)
    for day in range(4):
        moment = start + datetime.timedelta(days=day)
        api(base, "POST", f"/api/events/{event}/sessions", {
            "sessionName": f"Night {day + 1}", "startsAt": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "endsAt": (moment + datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ"), "capacity": capacity}, token)
    types = []
    for name, sessions in [("Night 1", ["S1"]), ("Night 2", ["S2"]), ("Night 3", ["S3"]), ("Night 4", ["S4"]),
                           ("Nights 1-2", ["S1", "S2"]), ("Nights 3-4", ["S3", "S4"]), ("All nights", ["S1", "S2", "S3", "S4"])]:
        types.append(api(base, "POST", f"/api/events/{event}/ticket-types", {
            "name": name, "includedSessions": sessions, "price": price, "salesEndDate": start.strftime("%Y-%m-%dT%H:%M:%SZ")}, token)["ticketTypeId"])
    api(base, "PUT", f"/api/events/{event}", {"status": "published"}, token)
    return event, types


class Buyer(asyncio.Protocol):
    """One client on one kept-alive connection, buying one ticket at a time. An event-loop protocol rather than a
    thread per client: the generator shares the machine with the server, so what it spends is taken from what it
    measures."""

    def __init__(self, number, types, attempts, host, start, finished, keys):
        self.number, self.types, self.left, self.host, self.keys = number, types, attempts, host, keys
        self.rng = random.Random(number)
        self.start, self.finished = start, finished
        self.results, self.buffer, self.attempt = [], b"", 0

    def connection_made(self, transport):
        self.transport = transport
        self.start.add_done_callback(lambda _: self.send())

    def send(self):
        body = json.dumps({"ticketTypeId": self.rng.choice(self.types), "quantity": 1, "buyerName": f"Buyer {self.number}",
                           "buyerEmail": f"buyer{self.number}-{self.attempt}@example.org", **EXTRA}).encode()
        self.attempt += 1
        self.began = time.perf_counter()
        key = f"Idempotency-Key: flash-{self.number}-{self.attempt}\r\n".encode() if self.keys else b""
        self.transport.write(b"POST /api/orders HTTP/1.1\r\nHost: " + self.host + b"\r\nContent-Type: application/json\r\n" + key +
                             b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)

    def data_received(self, data):
        self.buffer += data
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return
        head = self.buffer[:end].decode("latin-1").split("\r\n")
        length = next(int(line.split(":", 1)[1]) for line in head if line.lower().startswith("content-length:"))
        if len(self.buffer) < end + 4 + length:
            return
        self.results.append((int(head[0].split(" ")[1]), self.began, time.perf_counter()))
        self.buffer = self.buffer[end + 4 + length:]
        self.left -= 1
        if self.left > 0:
            self.send()
        else:
            self.transport.close()

    def connection_lost(self, exc):
        if self.left > 0:
            self.results.extend((0, self.began, time.perf_counter()) for _ in range(self.left))
        if not self.finished.done():
            self.finished.set_result(None)


async def rush(host, port, types, clients, attempts, keys):
    loop = asyncio.get_running_loop()
    start = loop.create_future()
    buyers = []
    for number in range(clients):
        finished = loop.create_future()
        _, buyer = await loop.create_connection(
            lambda: Buyer(number, types, attempts, host.encode(), start, finished, keys), host, port)
        buyers.append((buyer, finished))
    start.set_result(None)
    await asyncio.gather(*(finished for _, finished in buyers))
    return [result for buyer, _ in buyers for result in buyer.results]


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000, 2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--attempts", type=int, default=10000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--keys", action="store_true", help="send an Idempotency-Key with every purchase, as a widget would")
    parser.add_argument("--capacity", type=int, default=250, help="places per session (4 sessions)")
    parser.add_argument("--price", type=float, default=0,
                        help="price of every ticket type; above 0 each purchase is a pending order (offline payment) holding its places")
    parser.add_argument("--card", metavar="TOKEN",
                        help="pay by card with this test payment method: each purchase is a pending order paid through the processor")
    args = parser.parse_args()
    if args.card:
        EXTRA.update({"paymentMethod": "card", "paymentToken": args.card})
    base = f"http://{args.host}:{args.port}"
    event, types = seed(base, args.capacity, args.price)
    results = asyncio.run(rush(args.host, args.port, types, args.clients, args.attempts // args.clients, args.keys))
    sold = [r for r in results if r[0] == 201]
    refused = [r for r in results if r[0] == 409]
    other = [r for r in results if r[0] not in (201, 409)]
    first = min(r[1] for r in results)
    sellout = max((r[2] for r in sold), default=first)
    last = max(r[2] for r in results)
    report = {
        "attempts": len(results), "purchases": len(sold), "refusals": len(refused), "other": len(other),
        "purchases_per_second": round(len(sold) / max(sellout - first, 1e-9), 1),
        "refusals_per_second_after_sellout": round(len([r for r in refused if r[1] >= sellout]) / max(last - sellout, 1e-9), 1),
        "purchase_latency_ms": {"p50": percentile([r[2] - r[1] for r in sold], 0.5), "p95": percentile([r[2] - r[1] for r in sold], 0.95),
                                "p99": percentile([r[2] - r[1] for r in sold], 0.99)},
        "refusal_latency_ms": {"p50": percentile([r[2] - r[1] for r in refused], 0.5), "p95": percentile([r[2] - r[1] for r in refused], 0.95),
                               "p99": percentile([r[2] - r[1] for r in refused], 0.99)},
        "event": event,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
