#!/bin/sh
# Builds a small program twice, natively (g++) and as WebAssembly (em++, run under Node). It
# prints a hash of the report JSON of every generated profile on two networks, plus the
# worked example, and the script checks that both builds print the same lines (the same
# JSON bytes). Usage: tools/check_wasm_determinism.sh [build dir, default /tmp/clout-wasmcheck]
# Needs: g++, em++ (Debian emscripten), node; a configured build-native/ for the header symlinks.
set -eu
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/clout-wasmcheck}
mkdir -p "$OUT"
cat > "$OUT/main.cpp" <<'CPP'
#include <cstdio>
#include "activity_gen.h"
#include "report/report.h"
using namespace clout;
int main() {
    for (auto p : gen::all_profiles())
        for (Network n : {Network::X, Network::Mastodon}) {
            gen::ActivityGenOptions o;
            o.network = n;
            o.seed = 3;
            const std::string j = report_to_json(build_report(gen::make_activity(p, o)));
            std::printf("%s %s %016llx %zu\n", gen::profile_id(p), network_id(n), (unsigned long long)hash64(j), j.size());
        }
    std::printf("model %s\n", model_version().c_str());
}
CPP
SRCS="$(ls src/core/model/*.cpp src/core/score/*.cpp src/core/report/*.cpp) src/core/util/text.cpp src/core/util/time.cpp tools/gen/activity_gen.cpp"
INC="-Isrc/core -Itools/gen -Ibuild-native/third_party_include"
g++ -std=c++20 -O2 $INC "$OUT/main.cpp" $SRCS -o "$OUT/native"
NODE_PATH=/usr/share/nodejs em++ -std=c++20 -O2 -fexceptions -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 $INC "$OUT/main.cpp" $SRCS -o "$OUT/wasm.js"
"$OUT/native" > "$OUT/native.txt"
node --no-experimental-fetch "$OUT/wasm.js" > "$OUT/wasm.txt"
if diff "$OUT/native.txt" "$OUT/wasm.txt"; then
    echo "native and wasm reports are byte-identical ($(wc -l < "$OUT/native.txt") reports)"
else
    echo "native and wasm reports DIFFER" >&2
    exit 1
fi
