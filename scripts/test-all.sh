#!/usr/bin/env bash
# The README's second command: install what is missing, build and run every
# test: C++, C, Python, packaging, docs, lint, fuzz-corpus replay, first under
# AddressSanitizer + UndefinedBehaviorSanitizer (clang, with the libFuzzer
# targets and the library instrumented for them), then the thread tests under
# ThreadSanitizer (clang; only the targets they need), then the Release build.
# It ends with ctest's summary line of the Release run.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-debian.sh

echo "== debug-asan-ubsan: configure, build, test =="
cmake --preset debug-asan-ubsan >/dev/null
cmake --build --preset debug-asan-ubsan
ctest --preset debug-asan-ubsan

echo "== tsan: configure, build and run the thread tests =="
cmake --preset tsan >/dev/null
cmake --build --preset tsan
ctest --preset tsan

echo "== release: configure, build, test =="
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release
