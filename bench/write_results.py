#!/usr/bin/env python3
"""Writes one benchmark's figures into docs/benchmarks.md, between its markers, with the machine and command."""
import datetime
import os
import platform
import subprocess
import sys

kind, results_path, command = sys.argv[1], sys.argv[2], sys.argv[3]
columns = sys.argv[4].split("|") if len(sys.argv) > 4 else ["database", "endpoint", "requests/s", "p50", "p99", "non-2xx"]
path = os.path.join(os.path.dirname(__file__), "..", "docs", "benchmarks.md")
rows = [line.rstrip("\n").split("\t") for line in open(results_path) if line.strip()]


def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


memory = int(open("/proc/meminfo").readline().split()[1]) // (1024 * 1024)
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
section = [
    f"<!-- {kind}:start -->",
    f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu_model()}), "
    f"{memory} GiB, {swift[0] if swift else 'swift'}, {postgres}; the load generator and the server share the machine.",
    "",
    f"Command: `{command}`",
    "",
    "| " + " | ".join(columns) + " |",
    "| " + " | ".join("---" for _ in columns) + " |",
] + [f"| {' | '.join(row)} |" for row in rows] + [f"<!-- {kind}:end -->"]

text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
start, end = f"<!-- {kind}:start -->", f"<!-- {kind}:end -->"
if start in text:
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    text = before + "\n".join(section) + after
else:
    text = text.rstrip("\n") + "\n\n" + "\n".join(section) + "\n"
open(path, "w").write(text)
