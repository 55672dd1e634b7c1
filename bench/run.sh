#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md on a Release build and prints the
# figures and the ratios. Usage: bench/run.sh [SIZES...]   (default: 50000 1000000)
# Needs: cmake --preset release -DCADRE_BUILD_BENCH=ON && cmake --build --preset release
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/release
SIZES=("${@:-50000 1000000}")
[ $# -eq 0 ] && SIZES=(50000 1000000)
TMP="${CADRE_BENCH_DIR:-$B/bench-data}"
mkdir -p "$TMP"
lib=$(readlink -f "$B/src/libcadre.so")

echo "== engine and parse floor (Google Benchmark, 50,000 cadres, median of 5) =="
"$B/bench/cadre_screen_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=console 2>/dev/null | grep -E "median|Benchmark"

for n in "${SIZES[@]}"; do
  f="$TMP/province-$n.cadres"
  [ -f "$f" ] || "$B/tools/cadre/cadre" generate --cadres "$n" --out "$f" >/dev/null
  echo "== $n cadres ($(du -h "$f" | cut -f1)) =="
  capi=$(CADRE_BENCH_CADRES=$n "$B/bench/cadre_capi_stream_bench" "$f" 2025-06-30 3)
  floor=$("$B/bench/cadre_parse_floor_bench" "$f" 3)
  echo "$floor"
  echo "$capi"
  awk -v a="$capi" -v b="$floor" 'BEGIN {
    split(a, x, ": "); split(x[3], xs, " "); split(b, y, ": "); split(y[3], ys, " ");
    printf "ratio C ABI screening / protobuf parse-only: %.2f\n", xs[1] / ys[1] }'
  CADRE_LIBRARY="$lib" PYTHONPATH=bindings/python /usr/bin/python3 bench/python_stream_bench.py \
    "$f" "$n" 2025-06-30 3
  # Two threads against one (cadre_stream_set_threads), the same file, in
  # turn in one run: the bench prints the speed-up (whole, and inside the calls).
  pair=$(CADRE_BENCH_CADRES=$n "$B/bench/cadre_capi_stream_bench" "$f" 2025-06-30 5 1:2)
  echo "$pair"
  capi2=$(echo "$pair" | sed -n 2p)
  # The whole CLI process against the C ABI's time on the same file, best of 3.
  for mode in "--summary-only" "--lang both" "--summary-only --threads 2"; do
    best=""
    for _ in 1 2 3; do
      # shellcheck disable=SC2086
      t=$( { /usr/bin/time -f %e "$B/tools/cadre/cadre" screen --as-of 2025-06-30 $mode "$f" \
        >/dev/null; } 2>&1 | tail -n1)
      best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
    done
    ref="$capi"
    case "$mode" in *threads*) ref="$capi2" ;; esac
    awk -v t="$best" -v a="$ref" -v m="$mode" 'BEGIN { split(a, x, ": "); split(x[3], xs, " ");
      printf "cadre screen %s: best of 3: %.2f s; ratio to the C ABI: %.2f\n", m, t, t / xs[1] }'
  done
  # The CLI on two threads against one, and two one-thread CLI processes run
  # at once (each the whole file): the ceiling this machine gives two threads.
  # Best of 5 each, taken in turn.
  cli=("$B/tools/cadre/cadre" screen --as-of 2025-06-30 --summary-only "$f")
  best1="" best2="" bestp=""
  for _ in 1 2 3 4 5; do
    t1=$( { /usr/bin/time -f %e "${cli[@]}" --threads 1 >/dev/null; } 2>&1 | tail -n1)
    t2=$( { /usr/bin/time -f %e "${cli[@]}" --threads 2 >/dev/null; } 2>&1 | tail -n1)
    tp=$( { /usr/bin/time -f %e sh -c '"$@" >/dev/null & "$@" >/dev/null; wait' sh "${cli[@]}"; } \
      2>&1 | tail -n1)
    best1=$(awk -v a="$t1" -v b="$best1" 'BEGIN { print (b == "" || a < b) ? a : b }')
    best2=$(awk -v a="$t2" -v b="$best2" 'BEGIN { print (b == "" || a < b) ? a : b }')
    bestp=$(awk -v a="$tp" -v b="$bestp" 'BEGIN { print (b == "" || a < b) ? a : b }')
  done
  awk -v one="$best1" -v two="$best2" -v p="$bestp" 'BEGIN {
    printf "cadre screen --summary-only: %.2f s on one thread, %.2f s on two: %.2fx; ", one, two, one / two
    printf "two one-thread processes at once: %.2f s, a ceiling of %.2fx; the threads reach %.0f %% of it\n",
      p, 2 * one / p, 100 * (one / two) / (2 * one / p) }'
done
