#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (docs/FUZZING.md).
#
#   scripts/fuzz.sh [TARGET[,TARGET...]|all] [SECONDS]   default: all, 60 s per target
#   scripts/fuzz.sh list                       the targets
#   FUZZ_PARALLEL=2 scripts/fuzz.sh all 30     two targets at a time (CI: both cores)
#
# TARGET is a name from fuzz/ without "fuzz_" (zip, tar, car, x_archive, ...). Builds the
# targets with clang (ASan + UBSan + libFuzzer) in build-fuzz/, writes fresh seed corpora
# from the generators and the real samples into build-fuzz/seeds/TARGET/ (plus the kept
# crashers of tests/data/regress/TARGET/), then fuzzes each target in turn, ONE AT A TIME,
# each as one in-process libFuzzer run (no -jobs/-workers: -jobs=1 would run the same
# single fuzzer in a child process logging to ./fuzz-0.log). The corpus grown by earlier
# runs is kept in build-fuzz/corpus/TARGET/. Prints one summary line per target:
#   fuzz TARGET: ok, N runs in S s, corpus C
#   fuzz TARGET: CRASH (build-fuzz/findings/TARGET/crash-...)
# and exits non-zero when any target found a crash, leak, timeout or out-of-memory.
# New findings land in build-fuzz/findings/TARGET/; minimise and keep them as regression
# tests (tests/test_regressions.cpp). Environment: CLOUT_SAMPLES_DIR (default
# ../shared/samples), FUZZ_BUILD_DIR (default build-fuzz), FUZZ_JOBS for the build (2).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TARGET=${1:-all}
SECONDS_PER=${2:-60}
BUILD=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
SAMPLES=${CLOUT_SAMPLES_DIR:-$ROOT/../shared/samples}

ALL_TARGETS=$(ls fuzz/fuzz_*.cpp | sed 's|fuzz/fuzz_||; s|\.cpp$||' | sort)
# Every fuzz/fuzz_*.cpp is a target.
if [[ "$TARGET" == list ]]; then
  echo "$ALL_TARGETS"
  exit 0
fi
if [[ "$TARGET" == all ]]; then
  TARGETS=$ALL_TARGETS
else
  TARGETS=""
  for t in ${TARGET//,/ }; do   # one target or a comma-separated list
    t=${t#fuzz_}
    if [[ ! -f fuzz/fuzz_$t.cpp ]]; then
      echo "fuzz.sh: no target '$t' (have: $(echo $ALL_TARGETS))" >&2
      exit 2
    fi
    TARGETS="$TARGETS $t"
  done
fi

# ---- toolchain: clang with libFuzzer and the sanitizer runtimes
need_pkgs=()
command -v clang++ >/dev/null 2>&1 || command -v clang++-14 >/dev/null 2>&1 || need_pkgs+=(clang-14)
if ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  need_pkgs+=(libclang-rt-14-dev)
fi
command -v cmake >/dev/null 2>&1 || need_pkgs+=(cmake)
[[ -f /usr/include/zlib.h ]] || need_pkgs+=(zlib1g-dev)
[[ -d /usr/include/nlohmann ]] || need_pkgs+=(nlohmann-json3-dev)
[[ -d /usr/include/doctest ]] || need_pkgs+=(doctest-dev)
if (( ${#need_pkgs[@]} )); then
  echo "fuzz.sh: installing ${need_pkgs[*]}" >&2
  if [[ $(id -u) -eq 0 ]]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >&2
fi
CXX_BIN=$(command -v clang++ || command -v clang++-14)
CC_BIN=$(command -v clang || command -v clang-14)

# ---- build (-O1: quick to compile, fast enough to fuzz)
if [[ ! -f $BUILD/CMakeCache.txt ]]; then
  mkdir -p "$BUILD"
  cmake -S "$ROOT" -B "$BUILD" -DCLOUT_FUZZ=ON -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER="$CXX_BIN" -DCMAKE_C_COMPILER="$CC_BIN" \
    -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" -DCLOUT_SAMPLES_DIR="$SAMPLES" >"$BUILD/configure.log" 2>&1 ||
    { cat "$BUILD/configure.log" >&2; exit 1; }
else
  # An existing build folder learns of fuzz targets added since it was configured.
  cmake "$BUILD" >"$BUILD/configure.log" 2>&1 || { cat "$BUILD/configure.log" >&2; exit 1; }
fi
build_targets=(fuzz_seeds)
for t in $TARGETS; do build_targets+=("fuzz_$t"); done
cmake --build "$BUILD" -j"${FUZZ_JOBS:-2}" --target "${build_targets[@]}" >"$BUILD/build.log" 2>&1 ||
  { tail -50 "$BUILD/build.log" >&2; echo "fuzz.sh: build failed (see $BUILD/build.log)" >&2; exit 1; }

# ---- seeds: regenerated every run (never committed), plus the kept crashers
rm -rf "$BUILD/seeds"
"$BUILD/fuzz_seeds" "$BUILD/seeds" "$SAMPLES"

# One target: fuzzes it, writes its summary line to $BUILD/fuzz-$t.result, returns non-zero
# on a finding.
fuzz_one() {
  local t=$1
  local corpus=$BUILD/corpus/$t
  local findings=$BUILD/findings/$t
  mkdir -p "$corpus" "$findings"
  local seeds=()
  [[ -d $BUILD/seeds/$t ]] && seeds+=("$BUILD/seeds/$t")
  [[ -d $ROOT/tests/data/regress/$t ]] && seeds+=("$ROOT/tests/data/regress/$t")
  local log=$BUILD/fuzz-$t.log
  local start
  start=$(date +%s)
  set +e
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$BUILD/fuzz_$t" "$corpus" "${seeds[@]}" -max_total_time="$SECONDS_PER" \
      -seed="${FUZZ_SEED:-1}" -timeout=25 -rss_limit_mb=2048 -max_len=300000 -print_final_stats=1 \
      -artifact_prefix="$findings/" >"$log" 2>&1
  local rc=$?
  set -e
  local took=$(( $(date +%s) - start ))
  local runs cov size
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  size=$(ls "$corpus" | wc -l)
  if [[ $rc -eq 0 ]]; then
    echo "fuzz $t: ok, ${runs:-?} runs in ${took} s, coverage ${cov:-?}, corpus $size" >"$BUILD/fuzz-$t.result"
    return 0
  fi
  local art what
  art=$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //')
  what=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-z-]+|runtime error: .*|deadly signal|uncaught exception|==ERROR: [^\n]*' "$log" | head -1)
  echo "fuzz $t: CRASH after ${took} s: ${what:-exit $rc} (${art:-see $log})" >"$BUILD/fuzz-$t.result"
  return 1
}

# FUZZ_PARALLEL=N fuzzes N targets at a time (each still one in-process run); the summary
# lines come out in target order either way.
status=0
PAR=${FUZZ_PARALLEL:-1}
batch=()
flush() {
  local pids=() t
  for t in "${batch[@]}"; do fuzz_one "$t" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
  for t in "${batch[@]}"; do cat "$BUILD/fuzz-$t.result"; done
  batch=()
}
for t in $TARGETS; do
  batch+=("$t")
  (( ${#batch[@]} >= PAR )) && flush
done
(( ${#batch[@]} )) && flush
exit $status
