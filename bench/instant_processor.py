"""A payment processor that answers at once, for the card benchmark's baseline: the part of Stripe's API BoxOffice
calls (create and confirm a PaymentIntent), every payment succeeding without delay. It stands for a processor of zero
latency, so that the benchmark shows what card checkout itself costs; the same run repeats against localstripe. Never
used by tests, which prove the feature against localstripe itself.
    python3 bench/instant_processor.py PORT
"""
import itertools
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

counter = itertools.count(1)


class Processor(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle's algorithm and the client's delayed ACK add 40 ms.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        path = self.path.rstrip("/")
        if path.endswith("/confirm"):
            intent = path.split("/")[-2]
            status = "succeeded"
        else:
            intent = f"pi_bench{next(counter)}"
            status = "requires_confirmation" if "payment_method" in form else "requires_payment_method"
        body = json.dumps({"id": intent, "object": "payment_intent", "status": status,
                           "amount": int(form.get("amount", 0) or 0), "currency": form.get("currency", "eur"),
                           "client_secret": f"{intent}_secret", "metadata": {}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Processor).serve_forever()
