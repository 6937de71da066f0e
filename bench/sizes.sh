#!/usr/bin/env bash
# make bench-sizes: `make bench` at several sizes (BENCH_SIZES, default "10000 100000 1000000"),
# each into bench/results_<N>.json (the 1,000,000 run into bench/results.json, the README's
# table), then the plot of latency against size: docs/bench_scaling.png. matplotlib is
# installed in a virtualenv of its own under .var (never in the project's).
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
SIZES=${BENCH_SIZES:-"10000 100000 1000000"}
files=()
for n in $SIZES; do
  if [ "$n" = 1000000 ]; then out="$ROOT/bench/results.json"; else out="$ROOT/bench/results_$n.json"; fi
  if [ -z "${BENCH_SIZES_REUSE:-}" ] || [ ! -s "$out" ]; then
    say "bench sizes: $n dossiers"
    BENCH_DOSSIERS=$n BENCH_RESULTS="$out" bash "$ROOT/bench/run.sh"
  fi
  files+=("$out")
done
PLOT_VENV="$VAR/plot-venv"
if [ ! -x "$PLOT_VENV/bin/python" ] || ! "$PLOT_VENV/bin/python" -c "import matplotlib" 2>/dev/null; then
  say "bench sizes: installing matplotlib into $PLOT_VENV"
  python3 -m venv "$PLOT_VENV"
  "$PLOT_VENV/bin/pip" install -q "matplotlib==3.9.2"
fi
mkdir -p "$ROOT/docs"
"$PLOT_VENV/bin/python" "$ROOT/bench/plot.py" "$ROOT/docs/bench_scaling.png" "${files[@]}"
