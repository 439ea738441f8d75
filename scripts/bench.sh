#!/usr/bin/env bash
# One command for the performance targets (docs/PERFORMANCE.md):
#   scripts/bench.sh [--runs N] [--quick] [--no-wasm] [--no-scale] [--no-pgo] [--dir TMP]
#
# Builds what it needs (native Release; the wasm CLI for Node when Emscripten is there),
# generates the archives with clout-gen into a temporary folder (deleted at the end), runs
#   - native `clout score --json` on 100k tweets (2 parts) + 300 MB of media, from the regular
#     Release build and from the profile-guided one (scripts/build_pgo.sh; --no-pgo skips it),
#     and on the same tweets in one tweets.js (the archive most people have: X splits only
#     for large accounts),
#   - the JavaScript baselines in Node on the same archive (scripts/bench_js.mjs):
#     JSON.parse alone of the tweets as one array; JSZip + JSON.parse; fflate + JSON.parse,
#   - the engine in wasm under Node (build-wasm/clout-node.js: the worker's engine flags),
#   - the page in headless Chromium (drop to report) when dist/ holds the worker
#     (scripts/bench_page.mjs), on the 2-part and on the one-file archive,
#   - the report of 1M posts after parsing (bench_score),
#   - dist/'s compressed size (gzip -9 of each file),
#   - a scaling table: 10k / 100k / 1M posts x 0 / 300 / 3000 MB of media (the media are a
#     sparse hole of zeros, written instantly; the reader never reads them anyway),
# and prints one table: target, measured (best and median of N runs), baseline, ratio, PASS/FAIL.
# The machine may be shared: times are wall clock AND CPU (user+system), best and median.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs
RUNS=3; QUICK=0; WASM=1; SCALE=1; PGO=1
TMP="${TMPDIR:-/tmp}/clout-bench.$$"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --quick) QUICK=1 ;;
    --no-wasm) WASM=0 ;;
    --no-scale) SCALE=0 ;;
    --no-pgo) PGO=0 ;;
    --dir) TMP="$2/clout-bench.$$"; shift ;;
    *) echo "usage: scripts/bench.sh [--runs N] [--quick] [--no-wasm] [--no-scale] [--no-pgo] [--dir TMP]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
say() { printf 'bench: %s\n' "$*" >&2; }
NODE="node --max-old-space-size=8192"

# ------------------------------------------------------------------ build
say "building (native Release)"
cmake -S "$ROOT" -B "$ROOT/build-native" -DCMAKE_BUILD_TYPE=Release >/dev/null &&
  cmake --build "$ROOT/build-native" -j2 --target clout clout-gen bench_score bench_hostile bench_rank >/dev/null || { say "native build failed"; exit 1; }
B="$ROOT/build-native"
[ -d "$ROOT/node_modules/jszip" ] && [ -d "$ROOT/node_modules/fflate" ] || (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
if [ "$WASM" = 1 ] && command -v emcmake >/dev/null; then
  say "building the wasm CLI for Node (build-wasm/clout-node.js)"
  [ -f "$ROOT/build-wasm/CMakeCache.txt" ] || emcmake cmake -S "$ROOT" -B "$ROOT/build-wasm" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build-wasm" -j2 --target clout_node >/dev/null || { say "wasm build failed: no wasm figures"; WASM=0; }
else
  WASM=0
fi

# ------------------------------------------------------------------ helpers
# stats FILE: lines "wall cpu rss_kb" -> "best_wall median_wall best_cpu median_cpu max_rss_mb"
stats() {
  python3 - "$1" <<'EOF'
import sys, statistics
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
w = sorted(r[0] for r in rows); c = sorted(r[1] for r in rows)
print(f"{w[0]:.3f} {statistics.median(w):.3f} {c[0]:.3f} {statistics.median(c):.3f} {max(r[2] for r in rows)/1024:.1f}")
EOF
}
# timed OUT CMD...: appends "wall cpu rss_kb" of one run to OUT (stdout of CMD discarded)
timed() {
  local out="$1"; shift
  /usr/bin/time -o "$TMP/t" -f "%e %U %S %M" "$@" >/dev/null 2>"$TMP/err" || { say "failed: $* ($(tail -1 "$TMP/err"))"; return 1; }
  awk '{printf "%s %.3f %s\n", $1, $2 + $3, $4}' "$TMP/t" >> "$out"
}
gen_x() {  # gen_x OUT TWEETS MEDIA_MB [sparse] (PARTS=N overrides the parts)
  local parts=1; [ "$2" -ge 50000 ] && parts=2; [ "$2" -ge 500000 ] && parts=8; parts=${PARTS:-$parts}
  local media=(); if [ "$3" -gt 0 ]; then
    if [ "${4:-}" = sparse ]; then media=(--sparse-media-mb "$3"); else media=(--media-files 2000 --media-mb "$3"); fi
  fi
  "$B/clout-gen" x-archive --tweets "$2" --parts "$parts" --likes $(( $2 / 2 )) --followers $(( $2 / 4 )) \
    --following 500 --note-tweets 20 "${media[@]}" "$1" > "$1.truth"
}

rows=()   # "target|measured|baseline|ratio|verdict"
row() { rows+=("$1|$2|$3|$4|$5"); }
verdict() { awk -v v="$1" -v lim="$2" 'BEGIN { print (v <= lim) ? "PASS" : "FAIL" }'; }

# ------------------------------------------------------------------ 100k tweets + 300 MB
TW=100000; MEDIA=300
[ "$QUICK" = 1 ] && { TW=20000; MEDIA=60; }
X="$TMP/x-$TW.zip"
say "generating $TW tweets + $MEDIA MB of media"
gen_x "$X" "$TW" "$MEDIA"
X1="$TMP/x-$TW-one.zip"   # the same tweets in one tweets.js
say "generating the same in one tweets.js"
PARTS=1 gen_x "$X1" "$TW" "$MEDIA"
JSON_MB=$(awk '/tweet_json_bytes/ {printf "%.1f", $2/1048576}' "$X.truth")
ZIP_MB=$(awk -v s="$(stat -c %s "$X")" 'BEGIN {printf "%.0f", s/1048576}')
say "archive: $ZIP_MB MB, $JSON_MB MB of tweet JSON; $RUNS runs of each"

# The two archives interleaved, so both see the same machine load.
for i in $(seq "$RUNS"); do
  timed "$TMP/native" "$B/clout" score --json "$X"
  timed "$TMP/native-one" "$B/clout" score --json "$X1"
done
read -r NW NWM NC NCM NR <<<"$(stats "$TMP/native")"
read -r OW OWM OC OCM OR <<<"$(stats "$TMP/native-one")"
for mode in parse jszip fflate; do
  for i in $(seq "$RUNS"); do
    /usr/bin/time -o "$TMP/t" -f "%U %S %M" $NODE "$ROOT/scripts/bench_js.mjs" "$mode" "$X" > "$TMP/o" 2>"$TMP/err" || { say "node $mode failed: $(tail -1 "$TMP/err")"; continue; }
    # wall = the script's own timing (from bytes in memory; JSON.parse alone for `parse`)
    read -r s _ heap < "$TMP/o"; read -r u sy rss < "$TMP/t"
    echo "$s $(awk -v a="$u" -v b="$sy" 'BEGIN{print a+b}') $rss $heap" >> "$TMP/js-$mode"
  done
done
js() { [ -s "$TMP/js-$1" ] && stats "$TMP/js-$1" || echo "nan nan nan nan nan"; }
read -r PW PWM _ _ PR <<<"$(js parse)"
read -r JW JWM _ _ JR <<<"$(js jszip)"
read -r FW FWM _ _ FR <<<"$(js fflate)"

T4=$(awk -v p="$PW" 'BEGIN{printf "%.3f", p/4}')
row "native clout score, ${TW} tweets in 2 parts + ${MEDIA} MB: <= JSON.parse/4" \
    "${NW} s best, ${NWM} s median wall; CPU ${NC} s" "JSON.parse alone ${PW} s (median ${PWM})" \
    "$(awk -v a="$PW" -v b="$NW" 'BEGIN{printf "%.1fx", a/b}')" "$(verdict "$NW" "$T4")"
row "native clout score, the same in one tweets.js: <= JSON.parse/4" \
    "${OW} s best, ${OWM} s median wall; CPU ${OC} s; ${OR} MB" "JSON.parse alone ${PW} s (median ${PWM})" \
    "$(awk -v a="$PW" -v b="$OW" 'BEGIN{printf "%.1fx", a/b}')" "$(verdict "$OW" "$T4")"
if [ "$PGO" = 1 ]; then
  say "building the profile-guided clout (scripts/build_pgo.sh)"
  if PGOBIN="$("$ROOT/scripts/build_pgo.sh" 2>"$TMP/pgo-err")"; then
    for i in $(seq "$RUNS"); do
      timed "$TMP/native-pgo" "$PGOBIN" score --json "$X"
      timed "$TMP/native-pgo-one" "$PGOBIN" score --json "$X1"
    done
    same="same reports"
    for a in "$X" "$X1"; do cmp -s <("$B/clout" score --json "$a") <("$PGOBIN" score --json "$a") || same="REPORT DIFFERS"; done
    read -r GW GWM GC GCM GR <<<"$(stats "$TMP/native-pgo")"
    read -r G1W G1WM G1C G1CM G1R <<<"$(stats "$TMP/native-pgo-one")"
    row "native clout score, profile-guided build (scripts/build_pgo.sh), 2 parts: <= JSON.parse/4" \
        "${GW} s best, ${GWM} s median wall; CPU ${GC} s; ${GR} MB; ${same}" "JSON.parse alone ${PW} s (median ${PWM})" \
        "$(awk -v a="$PW" -v b="$GW" 'BEGIN{printf "%.1fx", a/b}')" "$(verdict "$GW" "$T4")"
    row "native clout score, profile-guided build, one tweets.js: <= JSON.parse/4" \
        "${G1W} s best, ${G1WM} s median wall; CPU ${G1C} s; ${G1R} MB" "JSON.parse alone ${PW} s (median ${PWM})" \
        "$(awk -v a="$PW" -v b="$G1W" 'BEGIN{printf "%.1fx", a/b}')" "$(verdict "$G1W" "$T4")"
  else
    say "PGO build failed: $(tail -1 "$TMP/pgo-err")"
    row "native clout score, profile-guided build" "not measured (scripts/build_pgo.sh failed)" "-" "-" "SKIP"
  fi
fi
NMAX=$(awk -v a="$NR" -v b="$OR" 'BEGIN{print (a>b)?a:b}')
row "native peak memory <= 100 MB (either archive)" "${NR} MB 2 parts, ${OR} MB one file" "JSON.parse: ${PR} MB RSS" \
    "$(awk -v a="$PR" -v b="$NMAX" 'BEGIN{printf "%.0fx", a/b}')" "$(verdict "$NMAX" 100)"

if [ "$WASM" = 1 ]; then
  for i in $(seq "$RUNS"); do timed "$TMP/wasm" node --no-experimental-fetch "$ROOT/build-wasm/clout-node.js" score --json "$X"; done
  read -r WW WWM WC WCM WR <<<"$(stats "$TMP/wasm")"
  best_js=$(awk -v a="$JW" -v b="$FW" 'BEGIN{print (a<b)?a:b}')
  row "wasm engine under Node (worker proxy), drop to report <= 1.5 s" "${WW} s best, ${WWM} s median; CPU ${WC} s" \
      "JSZip+parse ${JW} s, fflate+parse ${FW} s" "$(awk -v a="$best_js" -v b="$WW" 'BEGIN{printf "%.1fx", a/b}')" "$(verdict "$WW" 1.5)"
  row "wasm under Node: memory (Node RSS = wasm heap + Node; the heap itself: page row)" "${WR} MB RSS" \
      "JSZip ${JR} MB, fflate ${FR} MB RSS" "$(awk -v a="$FR" -v b="$WR" 'BEGIN{printf "%.0fx", a/b}')" "info"
else
  row "wasm engine under Node" "not measured (no Emscripten build)" "JSZip+parse ${JW} s, fflate+parse ${FW} s" "-" "SKIP"
fi

# ------------------------------------------------------------------ the page
if [ -f "$ROOT/dist/clout-worker.js" ] && [ -f "$ROOT/scripts/bench_page.mjs" ] && [ -x /usr/bin/chromium ]; then
  # The two archives in one browser, runs interleaved (same machine load for both).
  if node "$ROOT/scripts/bench_page.mjs" "$ROOT/dist" "$X" "$RUNS" "$X1" > "$TMP/page" 2>"$TMP/err"; then
    read -r PGB PGM PFRAME PHEAP PGB1 PGM1 PHEAP1 < "$TMP/page"
    row "page: 2-part archive, drop to report <= 1.0 s" "${PGB} s best, ${PGM} s median" "JSZip+parse ${JW} s" \
        "$(awk -v a="$JW" -v b="$PGB" 'BEGIN{printf "%.1fx", a/b}')" "$(verdict "$PGB" 1.0)"
    row "page: one tweets.js, drop to report <= 1.2 s" "${PGB1} s best, ${PGM1} s median" "JSZip+parse ${JW} s" \
        "$(awk -v a="$JW" -v b="$PGB1" 'BEGIN{printf "%.1fx", a/b}')" "$(verdict "$PGB1" 1.2)"
    row "page: first frame <= 1 s (localhost)" "${PFRAME} s" "-" "-" "$(verdict "$PFRAME" 1)"
    PHMAX=$(awk -v a="$PHEAP" -v b="$PHEAP1" 'BEGIN{print (a>b)?a:b}')
    row "page: wasm heaps, worker + second worker together <= 128 MB" "${PHEAP} MB 2 parts, ${PHEAP1} MB one file" "JSZip ${JR} MB RSS" \
        "$(awk -v a="$JR" -v b="$PHMAX" 'BEGIN{printf "%.0fx", a/b}')" "$(verdict "$PHMAX" 128)"
    say "page: per run (stderr of bench_page.mjs):"; sed 's/^/  /' "$TMP/err" >&2
  else
    row "page (headless Chromium)" "failed: $(tail -1 "$TMP/err")" "-" "-" "FAIL"
  fi
else
  row "page (headless Chromium)" "not measured: dist/ has no worker (clout-worker.js) yet" "-" "-" "SKIP"
fi
if [ -f "$ROOT/dist/index.html" ]; then
  gz=0; while IFS= read -r -d '' f; do gz=$((gz + $(gzip -9c "$f" | wc -c))); done \
    < <(find -L "$ROOT/dist" -type f ! -name 'LICENSE-*' ! -path '*/sample/*' -print0)
  row "page weight: dist/ gzip -9 <= 1.5 MB" "$(awk -v g="$gz" 'BEGIN{printf "%.2f MB", g/1048576}')" "-" "-" \
      "$(verdict "$(awk -v g="$gz" 'BEGIN{print g/1048576}')" 1.5)"
else
  row "page weight" "not measured: no dist/ (./build_wasm.sh)" "-" "-" "SKIP"
fi

# ------------------------------------------------------------------ 1M posts: report after parsing
/usr/bin/time -o "$TMP/t" -f "%M" "$B/bench_score" > "$TMP/score" 2>/dev/null
SC_MS=$(sed -n 's/.*report + JSON: \([0-9.]*\) ms wall, \([0-9.]*\) ms CPU.*/\1 \2/p' "$TMP/score")
read -r SW SC <<<"$SC_MS"
SR=$(awk '{printf "%.0f", $1/1024}' "$TMP/t")
row "1M posts: report + trend after parsing <= 100 ms" "${SW} ms wall, ${SC} ms CPU (best of 3)" "-" "-" "$(verdict "$SC" 100)/cpu"
row "1M posts: memory <= 150 MB" "${SR} MB peak RSS (model + generator)" "-" "-" "$(verdict "$SR" 150)"

# ------------------------------------------------------------------ hostile inputs and rosters (the
# unit tests check what is answered; these limits were the tests' hang guards)
"$B/bench_hostile" "$TMP" > "$TMP/hostile" 2>/dev/null
HB=$(sed -n 's/^gzip bomb.*: \([0-9.]*\) s,.*/\1/p' "$TMP/hostile")
HM=$(sed -n 's/^Mastodon tar.gz.*: \([0-9.]*\) s,.*/\1/p' "$TMP/hostile")
row "300 MB gzip bomb refused at --max-entry-mb 64 <= 10 s" "${HB:-nan} s" "-" "-" "$(verdict "${HB:-1e9}" 10)"
row "Mastodon tar.gz, outbox behind 192 MB media <= 30 s" "${HM:-nan} s" "-" "-" "$(verdict "${HM:-1e9}" 30)"
"$B/bench_rank" 100000 > "$TMP/rank" 2>/dev/null
RK=$(awk '/^rank:/ { for (i = 2; i <= NF; ++i) if ($i ~ /^ms[,;]?$/) s += $(i-1) } END { printf "%.0f", s }' "$TMP/rank")
row "clout rank: 100k-row roster <= 20 s" "${RK} ms (every step)" "-" "-" "$(verdict "$RK" 20000)"

# ------------------------------------------------------------------ the table
echo
echo "clout performance ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs each, best and median)"
echo "archive: $TW tweets in $( [ "$TW" -ge 50000 ] && echo 2 || echo 1 ) parts (and again in one tweets.js), $JSON_MB MB of tweet JSON, $MEDIA MB of media, $ZIP_MB MB zip"
echo
printf '%s\n' "${rows[@]}" | python3 -c '
import sys
rows = [["target", "measured", "baseline", "ratio", "verdict"]] + [l.rstrip("\n").split("|") for l in sys.stdin]
w = [max(len(r[i]) for r in rows) for i in range(5)]
for k, r in enumerate(rows):
    print("  ".join(c.ljust(w[i]) for i, c in enumerate(r)))
    if k == 0: print("  ".join("-" * x for x in w))
'

# ------------------------------------------------------------------ scaling
if [ "$SCALE" = 1 ]; then
  echo
  echo "scaling: native clout score --json, one run each (wall s / CPU s / peak RSS MB); media = sparse zeros"
  counts=(10000 100000 1000000); [ "$QUICK" = 1 ] && counts=(10000 100000)
  printf '%10s' posts; for m in 0 300 3000; do printf '  %24s' "$m MB media"; done; echo
  for n in "${counts[@]}"; do
    printf '%10s' "$n"
    for m in 0 300 3000; do
      f="$TMP/s-$n-$m.zip"
      gen_x "$f" "$n" "$m" sparse
      : > "$TMP/s"; timed "$TMP/s" "$B/clout" score --json "$f"
      read -r w c r < "$TMP/s"
      printf '  %24s' "$w / $c / $(awk -v r="$r" 'BEGIN{printf "%.0f", r/1024}')"
      rm -f "$f"
    done
    echo
  done
fi
