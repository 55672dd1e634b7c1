#!/usr/bin/env bash
# Refreshes tests/lint/tidy-clean.txt: runs every lint.clang-tidy test of the
# release tree without the list, so that clang-tidy checks every file in full,
# and lists the keys of the inputs it found clean (tests/lint/tidy_cached.py).
# Commit the list with the change that made it stale; a file whose key is
# missing is simply checked in full by the test command.
#
# Usage: scripts/tidy-cache.sh   (needs a configured and built release tree)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
list="tests/lint/tidy-clean.txt"
record="$(mktemp)"
# Interrupted, the old list comes back.
trap 'rm -f "$record"; [ -f "$list" ] || mv "$list.old" "$list" 2>/dev/null || true' EXIT
[ -f "$list" ] && mv "$list" "$list.old"
set +e
CADRE_TIDY_RECORD="$record" ctest --preset release -R '^lint\.clang-tidy\.' -j2
rc=$?
set -e
sort -u "$record" >"$list"
rm -f "$list.old"
echo "tidy-cache.sh: $(wc -l <"$list") clean inputs in $list"
exit $rc
