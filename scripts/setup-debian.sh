#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages cadre needs that are missing;
# then buf, pinned in tools/buf/package.json, with npm into tools/buf/node_modules
# (project-local; the test proto.buf-lint runs it).
# Safe to run twice; non-interactive; quiet; uses sudo for apt-get when not root.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  build-essential cmake ninja-build pkg-config git
  libprotobuf-dev protobuf-compiler
  libboost-dev libboost-program-options-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  rapidjson-dev libsqlite3-dev
  doxygen graphviz
  chromium fonts-wqy-microhei  # the page in a real browser (test report.chromium), CJK glyphs
  python3 python3-protobuf python3-pytest
  clang libclang-rt-dev clang-format clang-tidy
  abigail-tools gcovr
)
# npm for buf: Debian's nodejs and npm, only when no npm is on PATH.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# buf, the version of tools/buf/package-lock.json, from the npm registry.
buf_dir="$root/tools/buf"
buf="$buf_dir/node_modules/.bin/buf"
buf_version="$(sed -n 's/.*"@bufbuild\/buf": *"\([^"]*\)".*/\1/p' "$buf_dir/package.json")"
if [ -x "$buf" ] && [ "$("$buf" --version 2>/dev/null)" = "$buf_version" ]; then
  echo "setup: buf $buf_version already installed"
else
  echo "setup: installing buf $buf_version into tools/buf/node_modules"
  npm ci --prefix "$buf_dir" --no-audit --no-fund --loglevel=error >/dev/null
  "$buf" --version >/dev/null
fi
echo "setup: done"
