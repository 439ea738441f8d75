#!/usr/bin/env bash
# Builds the web app into dist/ (a static site with relative paths: it works from any
# static host or subfolder). `./build_wasm.sh serve` then serves it on http://127.0.0.1:8080.
#
#   ./build_wasm.sh            build dist/
#   ./build_wasm.sh serve      build, then serve dist/ (PORT=8080 by default)
#   ./build_wasm.sh tests      also build the doctest suite and the CLI for Node (build-wasm/clout_tests.js, clout-node.js)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
MODE="${1:-build}"
case "$MODE" in build|serve|tests) ;; *) echo "usage: ./build_wasm.sh [serve|tests]" >&2; exit 2 ;; esac

"$ROOT/scripts/bootstrap.sh" --no-npm

# ---- the native generator first: "Try a sample" opens an export it writes (below)
NATIVE="$ROOT/build-native"
if [ ! -f "$NATIVE/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$NATIVE" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$NATIVE" -j"${JOBS:-2}" --target clout-gen

export NODE_PATH=/usr/share/nodejs   # Emscripten's optimizer needs Debian's acorn (TOOLCHAIN.md)
BUILD="$ROOT/build-wasm"
JOBS="${JOBS:-2}"
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  emcmake cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release ${CLOUT_SAMPLES_DIR:+-DCLOUT_SAMPLES_DIR="$CLOUT_SAMPLES_DIR"} >/dev/null
fi
TARGETS=(--target clout_web)
[ "$MODE" = tests ] && TARGETS+=(--target clout_tests --target clout_node)   # clout_node: the CLI under Node (scripts/bench.sh), built here so it stays buildable
[ -f "$ROOT/src/worker/main.cpp" ] && TARGETS+=(--target clout_worker)
cmake --build "$BUILD" -j"$JOBS" "${TARGETS[@]}"

# ---- assemble dist/
DIST="$ROOT/dist"
rm -rf "$DIST.tmp"
mkdir -p "$DIST.tmp/assets"
cp web/index.html web/fetch.html web/style.css web/*.js "$DIST.tmp/"
cp "$BUILD/clout.js" "$BUILD/clout.wasm" "$DIST.tmp/"
[ -f "$BUILD/clout-worker.js" ] && cp "$BUILD/clout-worker.js" "$BUILD/clout-worker.wasm" "$DIST.tmp/"
cp assets/favicon.svg "$DIST.tmp/"
# "Try a sample": an X archive written by clout-gen (a year of tweets up to the export date,
# followers, likes given), the same every build (fixed seed). docs/JS_API.md, clout.trySample().
mkdir -p "$DIST.tmp/sample"
"$NATIVE/clout-gen" x-archive --tweets 6000 --likes 1500 --followers 600 --following 300 --seed 7 \
  "$DIST.tmp/sample/x-archive-sample.zip" >/dev/null
# "Try a sample roster" (the audience ranking, docs/RANKING.md "In the page"): 400 accounts
# with the header spellings and messy cells real spreadsheets have, a few bad rows (warnings).
"$NATIVE/clout-gen" roster --rows 400 --names --bad-every 97 --blank-every 150 --seed 7 \
  "$DIST.tmp/sample/audience-roster-sample.csv" >/dev/null
# Fonts come from Debian's packages at build time (fonts-inter, fonts-fork-awesome).
cp /usr/share/fonts/opentype/inter/Inter-Regular.otf /usr/share/fonts/opentype/inter/Inter-SemiBold.otf \
   /usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf "$DIST.tmp/assets/"
cp /usr/share/doc/fonts-inter/copyright "$DIST.tmp/assets/LICENSE-Inter.txt"
cp /usr/share/doc/fonts-fork-awesome/copyright "$DIST.tmp/assets/LICENSE-ForkAwesome.txt"
# share: the service worker's build id (a hash of every file) and its list of files to keep offline
build_id=$(cd "$DIST.tmp" && find . -type f ! -name sw.js -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)
files_json=$(cd "$DIST.tmp" && find . -type f ! -name sw.js | sed 's|^\./||' | sort | sed 's/.*/"&"/' | paste -sd, -)
sed -i -e "s|__CLOUT_BUILD__|$build_id|" -e "s|/\*__CLOUT_FILES__\*/|$files_json|" "$DIST.tmp/sw.js"
rm -rf "$DIST"
mv "$DIST.tmp" "$DIST"

# Page weight: what a browser downloads (raw) and what it transfers from a host that gzips.
raw=0; gz=0
while IFS= read -r -d '' f; do
  raw=$((raw + $(stat -c %s "$f")))
  gz=$((gz + $(gzip -9c "$f" | wc -c)))
done < <(find "$DIST" -type f ! -name 'LICENSE-*' -print0)
awk -v n="$(find "$DIST" -type f | wc -l)" -v raw="$raw" -v gz="$gz" -v wasm="$(stat -c %s "$DIST/clout.wasm")" \
  'BEGIN { printf "dist/: %d files, %.2f MB (%.2f MB gzipped); clout.wasm %.2f MB\n", n, raw/1048576, gz/1048576, wasm/1048576 }'

if [ "$MODE" = serve ]; then
  PORT="${PORT:-8080}"
  echo "clout is at http://127.0.0.1:$PORT/  (Ctrl+C stops the server)"
  exec node "$ROOT/scripts/serve.mjs" "$DIST" "$PORT"
fi
