#!/usr/bin/env bash
# Line and branch coverage of src/, per directory and in total, measured with
# gcc --coverage in a Debug build (preset coverage) over the test suite (every
# test except lint, docs, packaging and the schema/ABI gates, which run no
# library code of their own), reported by gcovr.
#
# The preset also leaves out the tests labelled packaging (c.c99_installed_header):
# they run the copy installed in tests/packaging/prefix, which packaging.install
# (left out) does not refresh; a stale copy writes its counters over the
# build's .gcda files ("overwriting an existing profile data with a different
# checksum") and so erases what the tests before it measured. The library is
# built with -fprofile-update=atomic: plain counters lose updates across
# threads and gcov then prints negative counts, which gcovr refuses.
#
# Branches: gcovr --exclude-throw-branches and --exclude-unreachable-branches.
# gcc gives every call that may throw an extra branch for the exception edge
# (and branches for code it proved dead); those are not decisions of cadre's
# code, and counting them would measure how many calls can throw, not how
# well the tests exercise cadre's conditions.
#
# Usage: scripts/coverage.sh [--no-build]   (prints the table; the full gcovr
# report goes to build/coverage/coverage.txt and coverage.json)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="build/coverage"
if [ "${1:-}" != "--no-build" ]; then
  cmake --preset coverage >/dev/null
  cmake --build --preset coverage
  find "$build" -name '*.gcda' -delete
  ctest --preset coverage
fi
common=(--root "$root" --filter "$root/src/" --object-directory "$build"
        --exclude-throw-branches --exclude-unreachable-branches)
gcovr "${common[@]}" --txt "$build/coverage.txt" --json-summary "$build/coverage.json" \
  --json-summary-pretty >/dev/null
python3 - "$build/coverage.json" <<'PY'
import collections, json, sys
data = json.load(open(sys.argv[1]))
dirs = collections.defaultdict(lambda: [0, 0, 0, 0])
for f in data["files"]:
    name = f["filename"]
    parts = name.split("/")
    d = "/".join(parts[:2]) if len(parts) > 2 else parts[0] + " (top)"
    for key, i in (("line_covered", 0), ("line_total", 1), ("branch_covered", 2),
                   ("branch_total", 3)):
        dirs[d][i] += f[key]
total = [sum(v[i] for v in dirs.values()) for i in range(4)]
pct = lambda a, b: f"{100.0 * a / b:5.1f}%" if b else "    -"
print(f"{'directory':<18} {'lines':>16} {'':>6} {'branches':>16} {'':>6}")
for d in sorted(dirs):
    lc, lt, bc, bt = dirs[d]
    print(f"{d:<18} {lc:>7} / {lt:<6} {pct(lc, lt)} {bc:>7} / {bt:<6} {pct(bc, bt)}")
lc, lt, bc, bt = total
print(f"{'src/ total':<18} {lc:>7} / {lt:<6} {pct(lc, lt)} {bc:>7} / {bt:<6} {pct(bc, bt)}")
PY
echo "per file: $build/coverage.txt"
