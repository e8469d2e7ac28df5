#!/usr/bin/env bash
# The same benchmarks against two builds in one run, for a change that must not make the server slower: the machines
# drift two- or threefold between runs, so a figure is only compared with a baseline measured beside it.
# Builds release servers of BEFORE (a commit; default dd85868, the tree before the API document became the source of
# the wire types) and of the working tree, then runs bench/flash-sale.sh and bench/read.sh against each, in two rounds
# (before then after, after then before, so that a drift during the run shows rather than favours one), and writes
# every figure into docs/benchmarks.md.
#   bench/compare.sh [BEFORE, default dd85868] [read seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-dd85868}
duration=${2:-10}
out=$(mktemp -d)
tree="$out/before-tree"
trap 'git worktree remove --force "$tree" 2>/dev/null || true; rm -rf "$out"' EXIT

# A prebuilt BEFORE server may be given as BENCH_BEFORE_BIN (it takes a clean release build otherwise).
before_bin=${BENCH_BEFORE_BIN:-}
if [ -z "$before_bin" ]; then
  git worktree add -q --detach "$tree" "$before"
  (cd "$tree" && swift build -c release --product boxoffice >/dev/null)
  before_bin="$tree/.build/release/boxoffice"
fi
# And a prebuilt AFTER server as BENCH_AFTER_BIN, named by BENCH_AFTER_LABEL (the commit it was built from).
after_bin=${BENCH_AFTER_BIN:-}
if [ -z "$after_bin" ]; then
  swift build -c release --product boxoffice >/dev/null
  after_bin="$PWD/.build/release/boxoffice"
  after=$(git rev-parse --short HEAD)$([ -z "$(git status --porcelain -- Sources Package.swift)" ] || echo "+changes")
else
  after=${BENCH_AFTER_LABEL:-prebuilt}
fi

flash=$out/flash.tsv read=$out/read.tsv
run() { # label binary round
  local label=$1 binary=$2 round=$3
  BENCH_BIN=$binary BENCH_NO_WRITE="$out/one.tsv" bench/flash-sale.sh >/dev/null
  sed "s/^/$round\t$label\t/" "$out/one.tsv" >>"$flash"
  BENCH_BIN=$binary BENCH_NO_WRITE="$out/one.tsv" bench/read.sh "$duration" >/dev/null
  sed "s/^/$round\t$label\t/" "$out/one.tsv" >>"$read"
  echo "round $round, $label: done"
}
run "before ($before)" "$before_bin" 1
run "after ($after)" "$after_bin" 1
run "after ($after)" "$after_bin" 2
run "before ($before)" "$before_bin" 2

# Only the columns that compare: the flash sale's rate and latencies, the reads' rate and latencies.
cut -f1-2,7-10,12 "$flash" >"$out/flash-cut.tsv"
python3 bench/write_results.py compare-flash-sale "$out/flash-cut.tsv" "bench/compare.sh $before $duration" \
  "round|build|purchases/s|purchase p50 / p95 / p99 ms|refusals/s after sell-out|refusal p50 / p95 / p99 ms|verified"
python3 bench/write_results.py compare-read "$read" "bench/compare.sh $before $duration" \
  "round|build|database|endpoint|requests/s|p50|p99|non-2xx|server CPU ms a request"
cat "$flash" "$read"
