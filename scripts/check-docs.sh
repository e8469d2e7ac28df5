#!/usr/bin/env bash
# Checks the documentation against the code, so the tables cannot drift:
#   1. every environment variable read in Sources/BoxOfficeApp/Configuration/*.swift is in a table of
#      docs/configuration.md (first column), and every variable named there is read;
#   2. every outbox topic (the raw values of `enum OutboxTopic` under Sources/Domain) is a row of the topic table in
#      docs/operations.md, and every topic named there exists.
# Prints what is missing or stale and exits 1; run by scripts/test as its own stage. Needs python3 only.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, re, sys

failures = []

def table_first_cells(path):
    """The first cell of every row of every Markdown table in PATH that names something in backticks (header rows and
    separators name nothing)."""
    cells = []
    try:
        lines = open(path, encoding="utf-8").readlines()
    except OSError as error:
        failures.append(f"cannot read {path}: {error}")
        return cells
    for line in lines:
        line = line.strip()
        if line.startswith("|"):
            first = line.strip("|").split("|")[0].strip()
            if "`" in first:
                cells.append(first)
    return cells

# 1. Settings.
read = set()
for path in sorted(glob.glob("Sources/BoxOfficeApp/Configuration/*.swift")):
    text = open(path, encoding="utf-8").read()
    # SettingsReader's readers (`reader.integer("PORT", …)`, `string("HOST")`, …) and any direct environment lookup.
    read |= set(re.findall(r'\b(?:string|integer|boolean|list|choice)\(\s*"([A-Z][A-Z0-9_]*)"', text))
    read |= set(re.findall(r'environment\[\s*"([A-Z][A-Z0-9_]*)"\s*\]', text))
if not read:
    failures.append("found no setting read in Sources/BoxOfficeApp/Configuration: has the reader changed?")
documented = set()
for cell in table_first_cells("docs/configuration.md"):
    documented |= set(re.findall(r"`([A-Z][A-Z0-9_]*)`", cell))
for name in sorted(read - documented):
    failures.append(f"docs/configuration.md: {name} is read by the code but not in a table")
for name in sorted(documented - read):
    failures.append(f"docs/configuration.md: {name} is documented but the code does not read it")

# 2. Outbox topics.
topics = set()
for path in sorted(glob.glob("Sources/Domain/**/*.swift", recursive=True)):
    text = open(path, encoding="utf-8").read()
    match = re.search(r"enum OutboxTopic\b[^{]*\{(.*?)\n\}", text, re.S)
    if match:
        topics |= set(re.findall(r'case\s+`?\w+`?\s*=\s*"([^"]+)"', match.group(1)))
if not topics:
    failures.append("found no case of enum OutboxTopic under Sources/Domain: has it moved?")
tabled = set()
for cell in table_first_cells("docs/operations.md"):
    tabled |= set(re.findall(r"`([a-z][a-z_]*\.[a-z_.]+)`", cell))
for topic in sorted(topics - tabled):
    failures.append(f"docs/operations.md: outbox topic {topic} is not in the topic table")
for topic in sorted(tabled - topics):
    failures.append(f"docs/operations.md: topic {topic} is in the topic table but not in OutboxTopic")

if failures:
    print("\n".join(failures), file=sys.stderr)
    print(f"check-docs: {len(failures)} problem(s)", file=sys.stderr)
    sys.exit(1)
print(f"check-docs: {len(read)} settings and {len(topics)} outbox topics, each documented")
PY
