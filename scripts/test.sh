#!/usr/bin/env bash
# Builds everything and runs every test suite:
#   1. native: the `clout` CLI and the doctest suite (g++), run;
#   2. wasm: the same doctest suite compiled by Emscripten, run under Node;
#   3. page: the web app built into dist/ and checked in headless Chromium (tests/page/*.mjs),
#      and the CLI against loopback mock servers (tests/cli/*.mjs);
#   4. the native suite under ASan + UBSan (scripts/test_sanitize.sh), and every libFuzzer
#      target briefly (scripts/fuzz.sh all $FUZZ_SECONDS, default 30 s, two at a time).
#      QUICK=1 leaves out step 4 (a faster local run; CI always runs it).
# Ends with one line "N passed, M failed" (suites) and a non-zero exit on any failure.
# CLOUT_SAMPLES_DIR overrides where the real sample exports are (default ../shared/samples).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs
JOBS="${JOBS:-2}"
SAMPLES="${CLOUT_SAMPLES_DIR:-$(cd "$ROOT/.." && pwd)/shared/samples}"
export CLOUT_SAMPLES_DIR="$SAMPLES"
[ -d "$SAMPLES" ] || echo "test: warning: no sample exports at $SAMPLES (set CLOUT_SAMPLES_DIR); tests that need them will fail" >&2

passed=0; failed=0; report=()
suite() {  # suite NAME COMMAND...
  local name="$1"; shift
  echo
  echo "=== $name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); report+=("  PASS  $name ($((SECONDS - t0)) s)")
  else
    failed=$((failed + 1)); report+=("  FAIL  $name ($((SECONDS - t0)) s)")
  fi
}

native() {
  cmake -S "$ROOT" -B "$ROOT/build-native" -DCMAKE_BUILD_TYPE=Release -DCLOUT_SAMPLES_DIR="$SAMPLES" >/dev/null &&
  cmake --build "$ROOT/build-native" -j"$JOBS" &&
  "$ROOT/build-native/clout_tests"
}
wasm() {
  if [ -f "$ROOT/build-wasm/CMakeCache.txt" ]; then
    emcmake cmake -S "$ROOT" -B "$ROOT/build-wasm" -DCLOUT_SAMPLES_DIR="$SAMPLES" >/dev/null || return 1
  fi
  local args=()
  [ -t 1 ] || args+=(--no-colors=true)   # Emscripten's stdout always claims to be a terminal
  "$ROOT/build_wasm.sh" tests &&
  node --no-experimental-fetch "$ROOT/build-wasm/clout_tests.js" "${args[@]}"
}

if ! "$ROOT/scripts/bootstrap.sh"; then
  echo "0 passed, 1 failed"
  exit 1
fi
suite "native: build, clout CLI, doctest" native
suite "wasm: doctest under Node" wasm
for t in "$ROOT"/tests/page/*.mjs; do
  [ -e "$t" ] || continue
  if [ -f "$ROOT/dist/index.html" ]; then
    suite "page: $(basename "$t" .mjs) (headless Chromium)" node "$t"
  else
    failed=$((failed + 1)); report+=("  FAIL  page: $(basename "$t" .mjs) (no dist/: the wasm build failed)")
  fi
done
# the CLI against loopback mock servers (tests/cli/*.mjs: public counts on request)
for t in "$ROOT"/tests/cli/*.mjs; do
  [ -e "$t" ] || continue
  suite "cli: $(basename "$t" .mjs) (loopback mock)" node "$t"
done
if [ "${QUICK:-0}" != 1 ]; then
  suite "sanitizers: doctest under ASan + UBSan" "$ROOT/scripts/test_sanitize.sh"
  suite "fuzz: every target ${FUZZ_SECONDS:-30} s" env FUZZ_PARALLEL="${FUZZ_PARALLEL:-2}" "$ROOT/scripts/fuzz.sh" all "${FUZZ_SECONDS:-30}"
fi

echo
echo "=== summary"
printf '%s\n' "${report[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
