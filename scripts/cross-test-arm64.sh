#!/usr/bin/env bash
# Builds the kernels' test (engine.KernelTest) for 64-bit ARM and runs it under
# QEMU's user-mode emulation: the portable kernels must compile and be right on
# an architecture other than x86-64 (docs/testing.md).
#
#   scripts/cross-test-arm64.sh [TEST_FUNCTION...]
#
# On arm64 the engine builds one kernel path, `generic` (isa_vector.h: 4-float
# NEON vectors, 32 registers, FMA), with the architecture's baseline flags, as
# engine/CMakeLists.txt does there. This script compiles that path, the code
# that chooses it (core/kernels.cpp), the Winograd kernel transform and the
# test (tests/engine/test_kernels.cpp with its main) with Debian's
# aarch64-linux-gnu-g++ and Qt's arm64 libraries, then runs the test binary
# with qemu-aarch64-static. The rest of the engine is not built here (its
# arm64 dependencies, OpenCV, oneTBB, HDF5, ONNX, would be many more packages).
#
# It installs what it needs with apt, which on x86-64 means enabling Debian's
# arm64 architecture (dpkg --add-architecture arm64) for Qt's arm64 libraries,
# installed beside the native ones. Correctness only: QEMU translates every
# instruction, so no time it reports says anything about speed.
# Exit 0 only if the test binary passed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=$root/build-arm64
for f in "$@"; do
    [[ $f =~ ^[A-Za-z0-9_]+$ ]] || { echo "cross-test-arm64.sh: '$f' is not a test function name" >&2; exit 2; }
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if [ "$(dpkg --print-architecture)" != arm64 ] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $sudo dpkg --add-architecture arm64
    $sudo apt-get update -qq
fi
packages=(g++-aarch64-linux-gnu qemu-user-static qt6-base-dev:arm64 qt6-base-dev-tools pkg-config)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cxx=aarch64-linux-gnu-g++
qt=$(PKG_CONFIG_PATH=/usr/lib/aarch64-linux-gnu/pkgconfig pkg-config --cflags --libs Qt6Test Qt6Core)
# The engine's own flags (CMakeLists.txt): C++20, -O3, warnings; Qt wants position-independent code.
flags=(-std=c++20 -O3 -DNDEBUG -Wall -Wextra -fPIC -I"$root" -DCS_CHECKS=0 -DQT_NO_KEYWORDS
       -DCONVSTUDIO_SOURCE_DIR="\"$root\"")
mkdir -p "$out"

echo "== compiling the generic kernels for aarch64"
objects=()
for src in engine/core/kernels/*.cpp; do
    obj=$out/kernel_$(basename "$src" .cpp).o
    $cxx "${flags[@]}" -ffp-contract=fast -DCS_KERNEL_ISA=generic -DCS_KERNEL_ISA_GENERIC -c "$src" -o "$obj"
    objects+=("$obj")
done
for src in engine/core/kernels.cpp engine/core/winograd.cpp; do
    obj=$out/$(basename "$src" .cpp).o
    $cxx "${flags[@]}" -c "$src" -o "$obj"
    objects+=("$obj")
done

echo "== compiling the test for aarch64"
/usr/lib/qt6/libexec/moc -o "$out/test_kernels.moc" tests/engine/test_kernels.cpp
# shellcheck disable=SC2086 # $qt is a list of flags
$cxx "${flags[@]}" -I"$out" -c tests/engine/test_kernels.cpp -o "$out/test_kernels.o" $qt
# shellcheck disable=SC2086
$cxx "${flags[@]}" -c tests/engine/test_main.cpp -o "$out/test_main.o" $qt
# shellcheck disable=SC2086
$cxx -o "$out/kernel_tests" "$out/test_main.o" "$out/test_kernels.o" "${objects[@]}" $qt -pthread
file "$out/kernel_tests" | sed "s|$out/||"

echo "== running KernelTest under qemu-aarch64-static"
# -L: the arm64 loader and libraries live in / beside the native ones (multiarch).
qemu-aarch64-static -L / "$out/kernel_tests" KernelTest "$@"
