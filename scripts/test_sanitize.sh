#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer and UndefinedBehaviorSanitizer
# (CMake option CLOUT_SANITIZE=ON) in build-asan/ and runs it; any sanitizer report fails
# the run (UBSan does not recover; ASan aborts on the first error; leaks are errors).
#
#   scripts/test_sanitize.sh [doctest options, e.g. -tc="zip*"]
#
# Environment: CXX / CC to choose the compiler (default: the system's g++),
# ASAN_BUILD_DIR (default build-asan), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${ASAN_BUILD_DIR:-$ROOT/build-asan}
if [[ ! -f $BUILD/CMakeCache.txt ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCLOUT_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    ${CLOUT_SAMPLES_DIR:+-DCLOUT_SAMPLES_DIR="$CLOUT_SAMPLES_DIR"} >/dev/null
fi
cmake --build "$BUILD" -j"${JOBS:-2}" --target clout_tests clout
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$BUILD/clout_tests" "$@"
echo "sanitized test suite: passed"
