#!/usr/bin/env bash
# Installs, with apt-get only, the Debian 12 packages cadre needs that are missing.
# Safe to run twice; non-interactive; uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libprotobuf-dev protobuf-compiler
  libboost-dev libboost-program-options-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  doxygen graphviz
  python3 python3-protobuf python3-pytest
  clang libclang-rt-dev clang-format clang-tidy
  abigail-tools
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
