#!/usr/bin/env bash
# Runs engine test classes on the AVX-512 kernels of a machine without AVX-512,
# under Bochs' emulation of a Skylake-X CPU (docs/testing.md).
#
#   scripts/emulate-avx512.sh [TEST_CLASS[:FUNCTION]...]
#       default: KernelTest LayerReferenceTest GradientCheckTest ModelTest TrainingTest
#
# KernelTest runs every path the emulated CPU has (avx512, avx2, generic); the
# other classes run once per path in EMULATION_ISAS (default avx512; e.g.
# "avx512 avx2" to compare two paths in one boot). ModelTest:streaming runs one
# function of a class. The datasets (../shared) are not in the guest: classes
# that need them skip those functions. Correctness only: an emulated
# instruction costs hundreds of real ones, so no figure measured here means
# anything for speed (bench/ on a real AVX-512 machine does).
#
# It builds engine_tests as the .deb is built (-DCONVSTUDIO_NATIVE=OFF, in
# build-emu/: a -march=native binary may hold instructions of this CPU that the
# emulated one lacks), packs it with the shared libraries it loads into an
# initramfs, boots Debian's kernel from an ISO image under Bochs (an X display
# from xvfb-run, Bochs' only display here that runs unattended) and copies the
# guest's serial console to standard output and build-emu/serial.log.
# Exit 0 only if every class passed. Booting takes about 3 minutes, the default
# classes about 13 more (KernelTest most of it), the package build 3-20.
#
# Environment:
#   CONVSTUDIO_BUILD_LOCK  a lock file held (flock) while building
#   EMULATION_TIMEOUT      seconds before the emulator is stopped (default 7200)
#   EMULATION_ISAS         the paths each class but KernelTest runs on
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=$root/build-emu
classes=("$@")
[ ${#classes[@]} -gt 0 ] || classes=(KernelTest LayerReferenceTest GradientCheckTest ModelTest TrainingTest)
for c in "${classes[@]}"; do
    [[ $c =~ ^[A-Za-z0-9_]+(:[A-Za-z0-9_]+)?$ ]] ||
        { echo "emulate-avx512.sh: '$c' is not TEST_CLASS or TEST_CLASS:FUNCTION" >&2; exit 2; }
done
read -r -a isas <<< "${EMULATION_ISAS:-avx512}"
for isa in "${isas[@]}"; do
    [[ $isa =~ ^(avx512|avx2|generic)$ ]] || { echo "emulate-avx512.sh: EMULATION_ISAS: unknown path '$isa'" >&2; exit 2; }
done

packages=(bochs bochsbios vgabios bochs-x xvfb xauth busybox-static isolinux syslinux-common xorriso zstd cpio)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

locked() {
    if [ -n "${CONVSTUDIO_BUILD_LOCK:-}" ]; then flock "$CONVSTUDIO_BUILD_LOCK" "$@"; else "$@"; fi
}
if [ ! -f "$build/CMakeCache.txt" ]; then
    locked cmake -S . -B "$build" -G Ninja -DCONVSTUDIO_NATIVE=OFF > /dev/null
fi
locked cmake --build "$build" --target engine_tests
tests=$build/tests/engine/engine_tests

# Debian's own kernel, unpacked (not installed) once.
kernel_dir=$build/emulation/kernel
if ! compgen -G "$kernel_dir/boot/vmlinuz-*" > /dev/null; then
    image=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/{print $2; exit}')
    mkdir -p "$kernel_dir"
    # (as root, apt warns that its _apt user cannot write here: harmless)
    (cd "$build/emulation" && apt-get download "$image" 2>&1 > /dev/null | grep -v 'unsandboxed as root' >&2 || true)
    compgen -G "$build/emulation/${image}_*.deb" > /dev/null ||
        { echo "emulate-avx512.sh: could not download $image from Debian's archive" >&2; exit 1; }
    dpkg-deb -x "$build/emulation/${image}"_*.deb "$kernel_dir"
    rm -f "$build/emulation/${image}"_*.deb
fi
vmlinuz=$(compgen -G "$kernel_dir/boot/vmlinuz-*" | head -1)

# The guest's only file system: busybox, the test binary and its libraries.
work=$build/emulation/run
rm -rf "$work"
mkdir -p "$work/rootfs"/{bin,proc,sys,dev,tmp,t} "$work/iso/isolinux"
cp /bin/busybox "$work/rootfs/bin/"
cp "$tests" "$work/rootfs/t/"
# Files some classes read from the source tree, at the same absolute paths.
for dir in resources tests/engine/fixtures; do
    mkdir -p "$work/rootfs$root/$dir"
    cp -r "$root/$dir/." "$work/rootfs$root/$dir/"
done
# The image codecs are a module the engine loads at run time (engine/CMakeLists.txt),
# looked for next to the build; it goes to the same path, with what it links.
codecs=$build/lib/convstudio
mkdir -p "$work/rootfs$codecs"
cp "$codecs"/*.so "$work/rootfs$codecs/"
for lib in $(ldd "$tests" "$codecs"/*.so | awk '/=>/ {print $3} /^\t\/lib64/ {print $1}' | sort -u); do
    mkdir -p "$work/rootfs$(dirname "$lib")"
    cp -L "$lib" "$work/rootfs$lib"
done
{
    echo '#!/bin/busybox sh'
    echo '/bin/busybox --install -s /bin'
    echo 'mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev'
    echo 'echo "=== guest CPU: $(grep -o "avx512[a-z]*" /proc/cpuinfo | sort -u | tr "\n" " ")"'
    echo 'cd /t; export HOME=/tmp QT_QPA_PLATFORM=offscreen QTEST_FUNCTION_TIMEOUT=36000000'
    runs=0
    for c in "${classes[@]}"; do
        paths=("${isas[@]}")
        [ "${c%%:*}" = KernelTest ] && paths=(auto) # it runs every path itself
        for isa in "${paths[@]}"; do
            echo "echo '=== run CONVSTUDIO_ISA=$isa ${c/:/ }'"
            echo "CONVSTUDIO_ISA=$isa ./engine_tests ${c/:/ } 2>&1; echo \"=== exit \$? $c $isa\""
            runs=$((runs + 1))
        done
    done
    # poweroff does not wait for the serial port to send what is queued
    # (seen: the last lines cut off); a few guest seconds let it drain.
    echo 'echo "=== guest done"; sleep 5; poweroff -f'
} > "$work/rootfs/init"
chmod +x "$work/rootfs/init"
(cd "$work/rootfs" && find . | cpio -o -H newc --quiet) | zstd -3 -q -T0 > "$work/iso/isolinux/initrd.img"

# clearcpuid=xsaves,xsavec: Bochs 2.7 reports the standard XSAVE area's size
# where CPUID leaf 0xD.1 should give the compacted one; Linux 6.1 sees the
# mismatch and turns XSAVE off, and AVX and AVX-512 with it. Without XSAVES and
# XSAVEC the kernel uses the standard layout, whose size Bochs reports right.
cp "$vmlinuz" "$work/iso/isolinux/vmlinuz"
cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/ldlinux.c32 "$work/iso/isolinux/"
cat > "$work/iso/isolinux/isolinux.cfg" <<'EOF'
default linux
prompt 0
timeout 0
label linux
  kernel vmlinuz
  append initrd=initrd.img console=ttyS0,115200 rdinit=/init clearcpuid=xsaves,xsavec mitigations=off tsc=reliable no_timer_check
EOF
xorriso -as mkisofs -quiet -o "$work/boot.iso" -b isolinux/isolinux.bin -c isolinux/boot.cat \
    -no-emul-boot -boot-load-size 4 -boot-info-table "$work/iso" 2> /dev/null

serial=$build/serial.log
cat > "$work/bochsrc" <<EOF
memory: guest=2048, host=2048
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
ata0-master: type=cdrom, path=$work/boot.iso, status=inserted
boot: cdrom
cpu: model=corei7_skylake_x, count=1
clock: sync=none, time0=local
com1: enabled=1, mode=file, dev=$serial
display_library: x
log: $work/bochs.log
panic: action=fatal
error: action=ignore
info: action=ignore
debug: action=ignore
EOF
printf 'continue\nquit\n' > "$work/debugger.rc" # Debian's Bochs starts in its debugger
: > "$serial" # empty, for tail -f to follow from the start
tail -f "$serial" &
tail_pid=$!
status=0
timeout "${EMULATION_TIMEOUT:-7200}" xvfb-run -a bochs-bin -q -f "$work/bochsrc" -rc "$work/debugger.rc" \
    > "$work/bochs.out" 2>&1 < /dev/null || status=$?
sleep 1
kill "$tail_pid" 2> /dev/null || true

if ! grep -q '^=== guest done' "$serial"; then
    echo "emulate-avx512.sh: the guest did not finish (emulator exit $status; see $work/bochs.out and $work/bochs.log)" >&2
    exit 1
fi
if ! grep -q '^=== guest CPU: .*avx512f' "$serial"; then
    echo "emulate-avx512.sh: the emulated CPU showed no AVX-512 to the guest" >&2
    exit 1
fi
failed=$(grep '^=== exit ' "$serial" | awk '$3 != 0 {print $4 " on " $5 ","}' | tr '\n' ' ')
passed=$(grep -c '^=== exit 0 ' "$serial" || true)
if [ -n "$failed" ] || [ "$passed" -ne "$runs" ]; then
    echo "emulate-avx512.sh: failed on AVX-512: ${failed:-a class did not report}" >&2
    exit 1
fi
echo "emulate-avx512.sh: ${classes[*]} passed on the emulated AVX-512 CPU (${isas[*]}; KernelTest on every path)"
