#!/usr/bin/env python3
"""Seeds a running BoxOffice for the read benchmark, through its public API only.

Creates an organizer, an organization, `--events` published single-session events for the list, and one
event with 10 sessions and 20 ticket types (each including one to three sessions) for the availability
endpoint. Prints the ID of that event.
"""
import argparse
import datetime
import json
import time
import urllib.request


def call(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(request, data) as response:
        text = response.read()
        return json.loads(text) if text else None


def verify(base, email, call, since, password):
    """Follows the sign-up's verification link, read from the mail the server wrote (BENCH_MAIL_DIR) since `since`."""
    import os, subprocess
    folder = os.environ.get("BENCH_MAIL_DIR", "mail")
    token = subprocess.run(["python3", "scripts/mailed-token.py", folder, email, "/account/verify-email", str(since)],
                           check=True, capture_output=True, text=True).stdout.strip()
    call(base, "POST", "/api/auth/verify-email", {"token": token, "password": password})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--events", type=int, default=30)
    args = parser.parse_args()
    base = args.base
    organizer = {"email": "bench-organizer@example.org", "password": "benchmark password"}
    since = time.time() - 1
    call(base, "POST", "/api/auth/register", organizer)
    verify(base, organizer["email"], call, since, organizer["password"])
    token = call(base, "POST", "/api/auth/login", organizer)["access_token"]
    org = call(base, "POST", "/api/organizations", {"name": "Benchmark Hall"}, token)["id"]
    start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(days=30)

    def iso(moment):
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def event(title, sessions, types):
        event_id = call(base, "POST", "/api/events", {
            "organizationId": org, "title": title, "shortDescription": "Benchmark event",
            "eventType": "Class", "category": "Benchmarks"}, token)["eventId"]
        for index in range(sessions):
            day = start + datetime.timedelta(days=index)
            call(base, "POST", f"/api/events/{event_id}/sessions", {
                "sessionName": f"Session {index + 1}", "startsAt": iso(day),
                "endsAt": iso(day + datetime.timedelta(hours=3)), "capacity": 200}, token)
        for index in range(types):
            included = sorted({f"S{index % sessions + 1}", f"S{(index * 3) % sessions + 1}", f"S{(index * 7) % sessions + 1}"})
            call(base, "POST", f"/api/events/{event_id}/ticket-types", {
                "name": f"Type {index + 1}", "includedSessions": included, "price": 10 + index,
                "salesEndDate": iso(start)}, token)
        call(base, "PUT", f"/api/events/{event_id}", {"status": "published"}, token)
        return event_id

    for number in range(args.events):
        event(f"Listed event {number + 1}", 1, 2)
    print(event("Ten-session festival", 10, 20))


if __name__ == "__main__":
    main()
