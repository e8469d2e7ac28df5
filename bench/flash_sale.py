#!/usr/bin/env python3
"""Flash-sale load: N purchase attempts by C concurrent clients against a seeded event, then the verdict.

Seeds (through the API) an event with 4 sessions of 250 places (1,000 in all) sold by 7 free ticket types that
share them (each session alone, two pairs, and all four), so every sale is decided at once by the conditional
updates. Each client keeps one HTTP connection and buys one ticket at a time. Prints a JSON report: purchases/s
while places remained, refusals/s after the sell-out, p50/p95/p99 latency of each, and whether the counters match
the tickets with nothing oversold or undersold.
"""
import argparse
import datetime
import http.client
import json
import random
import threading
import time
import urllib.request


def api(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, json.dumps(body).encode() if body is not None else None) as response:
        text = response.read()
        return json.loads(text) if text else None


def seed(base):
    token = api(base, "POST", "/api/auth/register", {"email": "flash@example.org", "password": "flash sale password"})["access_token"]
    org = api(base, "POST", "/api/organizations", {"name": "Flash Hall"}, token)["id"]
    event = api(base, "POST", "/api/events", {"organizationId": org, "title": "Flash sale", "eventType": "SocialEvent"}, token)["eventId"]
    start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(days=30)
    for day in range(4):
        moment = start + datetime.timedelta(days=day)
        api(base, "POST", f"/api/events/{event}/sessions", {
            "sessionName": f"Night {day + 1}", "startsAt": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "endsAt": (moment + datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ"), "capacity": 250}, token)
    types = []
    for name, sessions in [("Night 1", ["S1"]), ("Night 2", ["S2"]), ("Night 3", ["S3"]), ("Night 4", ["S4"]),
                           ("Nights 1-2", ["S1", "S2"]), ("Nights 3-4", ["S3", "S4"]), ("All nights", ["S1", "S2", "S3", "S4"])]:
        types.append(api(base, "POST", f"/api/events/{event}/ticket-types", {
            "name": name, "includedSessions": sessions, "price": 0, "salesEndDate": start.strftime("%Y-%m-%dT%H:%M:%SZ")}, token)["ticketTypeId"])
    api(base, "PUT", f"/api/events/{event}", {"status": "published"}, token)
    return event, types


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
    args = parser.parse_args()
    base = f"http://{args.host}:{args.port}"
    event, types = seed(base)
    results = []
    lock = threading.Lock()
    per_client = args.attempts // args.clients
    barrier = threading.Barrier(args.clients)

    def client(number):
        connection = http.client.HTTPConnection(args.host, args.port, timeout=60)
        rng = random.Random(number)
        mine = []
        barrier.wait()
        for attempt in range(per_client):
            body = json.dumps({"ticketTypeId": rng.choice(types), "quantity": 1, "buyerName": f"Buyer {number}",
                               "buyerEmail": f"buyer{number}-{attempt}@example.org"})
            began = time.perf_counter()
            try:
                connection.request("POST", "/api/orders", body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                status = response.status
            except Exception:
                status = 0
                connection = http.client.HTTPConnection(args.host, args.port, timeout=60)
            ended = time.perf_counter()
            mine.append((status, began, ended))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

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
