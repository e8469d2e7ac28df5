#!/usr/bin/env python3
"""Prints the token of a link mailed to ADDRESS: the first `PATH?token=…` in a message of MAILDIR (the file transport's
folder, or the test SMTP server's captures) addressed to it, read with Python's `email` package. Waits up to 30
seconds for the message (the outbox worker sends it after the request). Used by the scripts that sign up an account
and must verify its address before it signs in.
    scripts/mailed-token.py MAILDIR ADDRESS PATH [AFTER]   e.g. ./mail-outbox ada@example.org /account/verify-email
AFTER (seconds since the epoch) leaves out messages written before it: a folder shared by several runs.
"""
import email, email.policy, os, re, sys, time

maildir, address, path = sys.argv[1], sys.argv[2].lower(), sys.argv[3]
after = float(sys.argv[4]) if len(sys.argv) > 4 else 0
pattern = re.compile(re.escape(path) + r"\?token=([A-Za-z0-9_\-]+)")
deadline = time.time() + 30
while time.time() < deadline:
    if os.path.isdir(maildir):
        for name in sorted(os.listdir(maildir)):
            if not name.endswith(".eml") or os.path.getmtime(os.path.join(maildir, name)) < after:
                continue
            message = email.message_from_bytes(open(os.path.join(maildir, name), "rb").read(), policy=email.policy.default)
            if address not in str(message["to"] or "").lower():
                continue
            body = message.get_body(("plain",))
            match = pattern.search(body.get_content() if body else "")
            if match:
                print(match.group(1))
                sys.exit(0)
    time.sleep(0.2)
sys.exit(f"no message to {address} with a {path} link in {maildir}")
