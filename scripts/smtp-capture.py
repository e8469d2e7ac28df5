"""A capturing mail server for the tests, built on aiosmtpd (nobody here wrote it): it listens on loopback, requires
STARTTLS and then AUTH (PLAIN or LOGIN, user `boxoffice`, password `mail-password`), and writes each message it
accepts to DIR as NNNNNN.eml (the bytes as received, dot-unstuffed) beside NNNNNN.json (the envelope: sender and
recipients). A recipient whose mailbox starts with `bounce` is refused with 550, one starting with `later` with 451.
    python smtp-capture.py DIR PORT CERT KEY [TLS_PORT]
With TLS_PORT a second listener speaks TLS from the first byte (smtps), AUTH required as well.
"""
import asyncio
import itertools
import json
import os
import signal
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

# A parent may hand down SIGTERM blocked (a Swift test process starts it from a thread that blocks signals) or ignored
# (one whose service group took the signal): unblocked here, before any thread starts, and handled below.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})

directory, port, cert, key = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
os.makedirs(directory, exist_ok=True)
counter = itertools.count(len([f for f in os.listdir(directory) if f.endswith(".eml")]) + 1)


class Capture:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 No such mailbox"
        if address.startswith("later"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        number = next(counter)
        base = os.path.join(directory, f"{number:06d}")
        # The message first, then its envelope, each renamed into place: a reader that sees the .json finds both whole.
        with open(base + ".eml.part", "wb") as message:
            message.write(envelope.original_content)
        os.replace(base + ".eml.part", base + ".eml")
        with open(base + ".json.part", "w") as meta:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "tls": session.ssl is not None,
                       "peer": list(session.peer) if session.peer else None}, meta)
        os.replace(base + ".json.part", base + ".json")
        return "250 2.0.0 Accepted"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"boxoffice" and auth_data.password == b"mail-password"
    # handled=False: on failure aiosmtpd answers 535 itself (handled=True would leave the reply to us).
    return AuthResult(success=ok, handled=False)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(
    Capture(), hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True, auth_required=True,
    auth_require_tls=True, authenticator=authenticate, server_hostname="localhost")
controller.start()
controllers = [controller]
if len(sys.argv) > 5:
    implicit = Controller(
        Capture(), hostname="127.0.0.1", port=int(sys.argv[5]), ssl_context=context, auth_required=True,
        auth_require_tls=False, authenticator=authenticate, server_hostname="localhost")
    implicit.start()
    controllers.append(implicit)
print(f"capturing mail on 127.0.0.1:{port} into {directory}", flush=True)
# SIGTERM (and SIGINT, SIGHUP) ends the server, set here and not left to the default, which an ignoring parent
# overrides: a server started by it would otherwise outlive the tests.
loop = asyncio.new_event_loop()
for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(number, lambda *_: loop.call_soon_threadsafe(loop.stop))
try:
    loop.run_forever()
except KeyboardInterrupt:
    pass
finally:
    for running in controllers:
        running.stop()
