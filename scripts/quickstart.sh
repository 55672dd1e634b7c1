#!/usr/bin/env bash
# The README's first command: install what is missing, build (Release) and run
# the main job: 'cadre screen' as of a date on the bundled example roster
# (every finding with its explanation in zh-CN and English, and the summary),
# then on a generated synthetic province of 50,000 cadres (the summary).
set -euo pipefail
cd "$(dirname "$0")/.."
AS_OF="${1:-2025-06-30}"

./scripts/setup-debian.sh
cmake --preset release -DCADRE_BUILD_DOCS=OFF -DCADRE_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release --target cadre_cli
CADRE=./build/release/tools/cadre/cadre

echo
echo "== cadre screen --as-of ${AS_OF} (bundled roster data/example-roster.json) =="
"$CADRE" screen --as-of "${AS_OF}" --lang both

PROVINCE=build/release/province-50000.cadres
[ -f "$PROVINCE" ] || "$CADRE" generate --cadres 50000 --out "$PROVINCE"
echo
echo "== cadre screen --as-of ${AS_OF} --summary-only (synthetic province, 50,000 cadres: $PROVINCE) =="
"$CADRE" screen --as-of "${AS_OF}" --summary-only --lang both "$PROVINCE"
