#!/usr/bin/env bash
# The README's first command: install what is missing, build (Release) and run
# the main job: 'cadre screen' on the bundled example roster as of a date.
set -euo pipefail
cd "$(dirname "$0")/.."
AS_OF="${1:-2025-06-30}"

./scripts/setup-debian.sh
cmake --preset release -DCADRE_BUILD_DOCS=OFF -DCADRE_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release --target cadre_cli
echo
echo "== cadre screen --as-of ${AS_OF} (bundled roster data/example-roster.json) =="
./build/release/tools/cadre/cadre screen --as-of "${AS_OF}" --lang both
