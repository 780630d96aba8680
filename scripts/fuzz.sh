#!/usr/bin/env bash
# Fuzzes the engine's loaders with libFuzzer (docs/testing.md).
#
#   scripts/fuzz.sh SECONDS [HARNESS...]
#
# Builds the clang libFuzzer + ASan + UBSan programs (the "fuzz" preset, in
# build-fuzz/) if needed, then runs each harness SECONDS seconds, one after the
# other (default: all of safetensors architecture idx cifar image), starting
# from the seed corpus fuzz/corpus/<harness> (read only). New inputs go to a
# scratch folder, not into the repository. Runs continue past findings
# (libFuzzer's fork mode) and end with a table: harness, executions, corpus
# size, crashes / out-of-memory / timeouts, reproducer files.
#
# A finding is any crash, sanitizer report, uncaught exception other than
# cs::Error, an allocation over 1 GiB at once (-malloc_limit_mb), more than
# 2 GiB resident (-rss_limit_mb) or an input taking over 10 s (-timeout).
# Reproduce one with: build-fuzz/fuzz/fuzz_<harness> FILE
#
# Environment:
#   FUZZ_WORK              scratch folder (default: a new /tmp/convstudio-fuzz.XXXXXX,
#                          kept: it holds the reproducers and the new corpus)
#   FUZZ_FLAGS             extra libFuzzer flags
#   FUZZ_NO_BUILD=1        run the programs already in build-fuzz/ without a build step
#   CONVSTUDIO_BUILD_LOCK  a lock file held (flock) while building
#   JOBS                   parallel build jobs (default 2)
# The fuzzers run under `nice -n 19`.
set -euo pipefail

usage() { sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
seconds=$1
shift
[[ $seconds =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || usage
all=(safetensors architecture idx cifar image)
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=("${all[@]}")

root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz
work=${FUZZ_WORK:-$(mktemp -d /tmp/convstudio-fuzz.XXXXXX)}
mkdir -p "$work"

locked() {
    if [ -n "${CONVSTUDIO_BUILD_LOCK:-}" ]; then flock "$CONVSTUDIO_BUILD_LOCK" "$@"; else "$@"; fi
}

command -v clang++ > /dev/null || {
    echo "clang++ not found: run scripts/install-sanitizer-deps.sh" >&2
    exit 1
}
targets=()
for h in "${harnesses[@]}"; do
    [ -f "$root/fuzz/fuzz_$h.cpp" ] || { echo "unknown harness '$h' (known: ${all[*]})" >&2; exit 2; }
    targets+=("fuzz_$h")
done
if [ "${FUZZ_NO_BUILD:-0}" = 0 ]; then
    if [ ! -f "$build/CMakeCache.txt" ]; then
        (cd "$root" && locked cmake --preset fuzz > /dev/null)
    fi
    locked cmake --build "$build" -j "${JOBS:-2}" --target "${targets[@]}"
fi

# The dictionary of a harness: its own entries, plus JSON's for those that read JSON.
dictionary() {
    local h=$1 out=$work/$1.dict
    : > "$out"
    [ -f "$root/fuzz/dict/$h.dict" ] && cat "$root/fuzz/dict/$h.dict" >> "$out"
    case $h in safetensors | architecture) cat "$root/fuzz/dict/json_keys.dict" >> "$out" ;; esac
    [ -s "$out" ] && echo "-dict=$out"
}

# Allocations the harness makes on purpose stay far below these limits.
export ASAN_OPTIONS="allocator_may_return_null=0:detect_leaks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

declare -A runs corpus crashes ooms timeouts
for h in "${harnesses[@]}"; do
    mkdir -p "$work/corpus/$h" "$work/findings/$h"
    log=$work/$h.log
    echo "== $h: $seconds s, log $log"
    # TMPDIR: the harness's own scratch files stay inside the work folder.
    # shellcheck disable=SC2046,SC2086
    (cd "$work" && TMPDIR=$work nice -n 19 "$build/fuzz/fuzz_$h" \
        -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
        -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 \
        -artifact_prefix="$work/findings/$h/" $(dictionary "$h") ${FUZZ_FLAGS:-} \
        "$work/corpus/$h" "$root/fuzz/corpus/$h") > "$log" 2>&1 || true
    # Fork mode's progress lines: "#RUNS: cov: C ft: F corp: N exec/s E oom/timeout/crash: O/T/C ...".
    last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1 || true)
    runs[$h]=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<< "$last")
    corpus[$h]=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<< "$last")
    read -r ooms[$h] timeouts[$h] crashes[$h] < <(sed -nE 's#.*oom/timeout/crash: ([0-9]+)/([0-9]+)/([0-9]+).*#\1 \2 \3#p' <<< "$last" || true)
done

echo
printf '%-13s %12s %8s %8s %6s %9s %10s\n' harness runs corpus crashes ooms timeouts "files"
for h in "${harnesses[@]}"; do
    files=$(find "$work/findings/$h" -type f | wc -l)
    printf '%-13s %12s %8s %8s %6s %9s %10s\n' "$h" "${runs[$h]:-?}" "${corpus[$h]:-?}" \
        "${crashes[$h]:-?}" "${ooms[$h]:-?}" "${timeouts[$h]:-?}" "$files"
done
echo
echo "reproducers: $work/findings/<harness>/ (rerun one: build-fuzz/fuzz/fuzz_<harness> FILE)"
echo "new corpus:  $work/corpus/<harness>/   logs: $work/<harness>.log"
total=$(find "$work/findings" -type f | wc -l)
[ "$total" -eq 0 ]
