#!/usr/bin/env bash
# Declares the current C ABI and cadre.v1 schema as the baselines that the
# gates compare against (tests abi.check and proto.buf-breaking):
#   abi/libcadre.abixml            the ABI of libcadre's public C functions (abidw)
#   abi/VERSION                    the ABI version both baselines were taken for
#   proto/baseline/cadre-v1.binpb  the buf image of proto/ (cadre.v1)
#
# Run it (1) at a release, to declare what was released, and (2) after raising
# the major version in CMakeLists.txt for an incompatible change. Never run it
# to silence a failing gate within one major version: that gate is the promise.
#
# Usage: scripts/update-baselines.sh [BUILD_DIR]   (default build/release;
# the library is built there first).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${1:-build/release}"
buf="$root/tools/buf/node_modules/.bin/buf"
[ -x "$buf" ] || ./scripts/setup-debian.sh

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake --preset release >/dev/null
fi
cmake --build "$build" --target cadre_shared
lib="$(find "$build/src" -maxdepth 1 -name 'libcadre.so.*.*' -type f | head -n1)"
[ -n "$lib" ] || { echo "update-baselines: no libcadre.so.* in $build/src" >&2; exit 1; }
abi="$(sed -n 's/^CADRE_ABI_VERSION:[A-Z]*=//p' "$build/CMakeCache.txt")"
if [ -z "$abi" ]; then
  abi="$(sed -n 's/^#define CADRE_ABI_VERSION \([0-9]*\)$/\1/p' "$build/include/cadre/version.h")"
fi
[ -n "$abi" ] || { echo "update-baselines: cannot read the ABI version" >&2; exit 1; }

python3 tests/abi/abi_gate.py dump --lib "$lib" --headers include/cadre --out abi/libcadre.abixml
echo "$abi" > abi/VERSION
(cd proto && BUF_CACHE_DIR="$root/$build/buf-cache" "$buf" build --exclude-source-info \
  -o baseline/cadre-v1.binpb)
echo "update-baselines: ABI $abi declared:"
echo "  abi/libcadre.abixml ($(grep -c '<function-decl' abi/libcadre.abixml) functions)"
echo "  proto/baseline/cadre-v1.binpb ($(wc -c < proto/baseline/cadre-v1.binpb) bytes)"
echo "Commit abi/ and proto/baseline/ together with the change that needs them."
