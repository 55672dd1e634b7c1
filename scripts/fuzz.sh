#!/usr/bin/env bash
# Runs libFuzzer targets and grows their corpora (fuzz/corpora/<target>),
# one target at a time, at the lowest priority (nice 19): the machine is shared.
#
#   scripts/fuzz.sh TARGET SECONDS     one target (e.g. c_api_request 1800)
#   scripts/fuzz.sh all SECONDS        every target in turn, SECONDS each
#   scripts/fuzz.sh list               the targets
#
# The targets come from the fuzz build (preset debug-asan-ubsan: clang,
# AddressSanitizer + UndefinedBehaviorSanitizer, the library instrumented for
# libFuzzer's coverage); the script builds what it runs. New inputs go to a
# scratch folder and are merged into the corpus with -merge=1, so the corpus
# keeps only inputs that add coverage. A crash leaves its input in
# build/fuzz-runs/<target>/ and the script fails; after the fix, copy the input
# into the corpus as the regression input. A summary line per target (minutes,
# executions, coverage, corpus size) is appended to build/fuzz-runs/summary.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="build/debug-asan-ubsan"
targets() { sed -n 's/^set(CADRE_FUZZ_\(CODEC\|C_API\)_TARGETS \(.*\)/\2/p;s/^  \([a-z_ ]*\))$/\1/p' \
  fuzz/CMakeLists.txt | tr ' ' '\n' | sed 's/)$//' | grep -v '^$'; }

if [ "${1:-}" = "list" ]; then targets; exit 0; fi
target="${1:?usage: scripts/fuzz.sh TARGET|all|list SECONDS}"
seconds="${2:?usage: scripts/fuzz.sh TARGET|all|list SECONDS}"
if [ "$target" = "all" ]; then
  failed=()
  for t in $(targets); do "$0" "$t" "$seconds" || failed+=("$t"); done
  if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: failures in ${failed[*]} (inputs in build/fuzz-runs/<target>/)" >&2
    exit 1
  fi
  exit 0
fi
targets | grep -qx "$target" || { echo "fuzz.sh: no target $target (see: fuzz.sh list)" >&2; exit 2; }

if [ ! -f "$build/CMakeCache.txt" ]; then cmake --preset debug-asan-ubsan >/dev/null; fi
nice -n 19 cmake --build "$build" --target "${target}_fuzzer" >/dev/null
corpus="fuzz/corpora/$target"
runs="build/fuzz-runs/$target"
mkdir -p "$corpus" "$runs/new"
# The shipped data seed the catalogue, calendar and procedures targets where it lives (read-only).
seeds=()
case "$target" in
  catalogue) seeds=(data/catalogues) ;;
  calendar) seeds=(data/calendar) ;;
  procedures) seeds=(data/procedures) ;;
esac
log="$runs/fuzz.log"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
start=$(date +%s)
set +e
nice -n 19 "$build/fuzz/${target}_fuzzer" -max_total_time="$seconds" -timeout=60 \
  -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 -artifact_prefix="$runs/" \
  "$runs/new" "$corpus" "${seeds[@]}" >"$log" 2>&1
rc=$?
set -e
minutes=$(( ($(date +%s) - start + 30) / 60 ))
# Keep only what adds coverage: merge the new inputs into the corpus.
nice -n 19 "$build/fuzz/${target}_fuzzer" -merge=1 -timeout=60 "$corpus" "$runs/new" \
  >"$runs/merge.log" 2>&1 || echo "fuzz.sh: merging into $corpus failed (see $runs/merge.log)" >&2
rm -rf "$runs/new"
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2)
ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2)
files=$(find "$corpus" -type f | wc -l)
line="$(date -u +%FT%TZ) $target: ${minutes} min, ${execs:-?} executions, cov ${cov:-?}, ft ${ft:-?}, corpus ${files} files, exit ${rc}"
echo "$line" | tee -a build/fuzz-runs/summary.txt
if [ "$rc" -ne 0 ]; then
  echo "fuzz.sh: $target found a failure; the input and log are in $runs/" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
