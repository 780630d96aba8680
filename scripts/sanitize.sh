#!/usr/bin/env bash
# Builds ConvStudio with a sanitizer and runs the tests it covers (docs/testing.md).
#
#   scripts/sanitize.sh asan [CTEST_ARGS...]   ASan + UBSan, gcc, in build-asan/:
#       the engine tests, the CLI tests and the fuzz corpus replays
#   scripts/sanitize.sh tsan [CTEST_ARGS...]   TSan, gcc, in build-tsan/:
#       the training worker/controller test and the engine tests
#
# Both builds keep assertions on (no NDEBUG) and stop at the first report
# (exit code non-zero, the report in the test's output). Only the targets the
# tests need are built, not the GUI (TSan builds the ui library for its test).
# Extra arguments go to ctest (e.g. -R engine.ModelTest).
#
# Environment:
#   CONVSTUDIO_BUILD_LOCK  a lock file: every build and test run holds it
#                          (flock), for machines where several builds share CPUs
#   JOBS                   parallel build and test jobs (default 2)
set -euo pipefail

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
mode=$1
shift

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=${JOBS:-2}
suppressions=$root/scripts/sanitizers

locked() {
    if [ -n "${CONVSTUDIO_BUILD_LOCK:-}" ]; then flock "$CONVSTUDIO_BUILD_LOCK" "$@"; else "$@"; fi
}

# Sanitized code runs 2-15 times slower: QtTest's 5-minute limit per test
# function would cut the end-to-end training tests short.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-3600000}
retry=()

case $mode in
asan)
    build=build-asan
    targets=(engine_tests convstudio-cli fuzz_replay_safetensors fuzz_replay_architecture
             fuzz_replay_idx fuzz_replay_cifar fuzz_replay_image)
    tests='^(engine|cli|fuzz)\.'
    # detect_stack_use_after_return costs memory but finds returned-stack use;
    # leaks count (Qt's and OpenCV's one-time allocations are suppressed).
    export ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:abort_on_error=0:${ASAN_OPTIONS:-}"
    export LSAN_OPTIONS="suppressions=$suppressions/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
    # LeakSanitizer's exit-time tracer itself crashes now and then ("Tracer
    # caught signal 11 ... LeakSanitizer has encountered a fatal error",
    # google/sanitizers#1353): a failed test gets one more run (both outputs shown).
    retry=(--repeat until-pass:2)
    ;;
tsan)
    build=build-tsan
    targets=(engine_tests ui_tests)
    tests='^(ui\.TrainingControllerTest|engine\..*)$'
    # oneTBB's worker threads run unchecked (see tsan_ignore_tbb_workers.cpp);
    # the library is preloaded into every test process.
    preload=$root/$build/libtsan_ignore_tbb_workers.so
    preload_source=$suppressions/tsan_ignore_tbb_workers.cpp
    export TSAN_OPTIONS="suppressions=$suppressions/tsan.supp:halt_on_error=1:second_deadlock_stack=1:history_size=7:${TSAN_OPTIONS:-}"
    ;;
*)
    usage
    ;;
esac

if [ ! -f "$build/CMakeCache.txt" ]; then
    locked cmake --preset "$mode" > /dev/null
fi
locked cmake --build "$build" -j "$jobs" --target "${targets[@]}"
if [ -n "${preload:-}" ]; then
    if [ ! -f "$preload" ] || [ "$preload_source" -nt "$preload" ]; then
        locked c++ -std=c++20 -Wall -Wextra -O2 -shared -fPIC -o "$preload" "$preload_source" -ldl
    fi
    export LD_PRELOAD="$preload${LD_PRELOAD:+:$LD_PRELOAD}"
fi
locked ctest --test-dir "$build" -R "$tests" -j "$jobs" --output-on-failure ${retry[@]+"${retry[@]}"} "$@"
