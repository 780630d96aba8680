#!/usr/bin/env bash
# The optional Debian 12 packages for scripts/fuzz.sh (clang with libFuzzer and
# its sanitizer runtimes). scripts/sanitize.sh needs nothing beyond
# scripts/install-deps.sh: gcc's ASan, UBSan and TSan come with build-essential.
# Runs apt-get through sudo unless already root.
set -euo pipefail
packages=(clang libclang-rt-14-dev libfuzzer-14-dev)
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
