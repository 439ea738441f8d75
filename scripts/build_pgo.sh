#!/usr/bin/env bash
# Builds a profile-guided native `clout` (docs/PERFORMANCE.md):
#   scripts/build_pgo.sh            -> build-pgo/clout
#
# 1. the regular Release build (build-native) and its generator write a training set into a
#    temporary folder: an X archive (2 tweets parts, likes, followers, long posts, community
#    tweets, media), one with a single tweets.js (read in halves) and one export of every
#    other network;
# 2. build-pgo is configured with CLOUT_PGO=GENERATE (GCC instrumentation) and its `clout`
#    scores each export (one thread and all threads) into build-pgo/pgo-profile;
# 3. the same folder is rebuilt with CLOUT_PGO=USE (the object paths must match the profile's);
# 4. every training export's report from build-pgo/clout must be byte for byte the regular
#    build's: otherwise the script fails (a PGO build may change speed, never a report).
# Prints the binary's path on stdout. GCC only (the default native compiler on Debian).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
B="$ROOT/build-pgo"
PROF="$B/pgo-profile"
JOBS="${JOBS:-2}"
say() { printf 'build_pgo: %s\n' "$*" >&2; }

cmake -S "$ROOT" -B "$ROOT/build-native" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$ROOT/build-native" -j"$JOBS" --target clout clout-gen >/dev/null
GEN="$ROOT/build-native/clout-gen"
REF="$ROOT/build-native/clout"

T="$(mktemp -d "${TMPDIR:-/tmp}/clout-pgo.XXXXXX")"
trap 'rm -rf "$T"' EXIT
say "writing the training exports"
"$GEN" x-archive --tweets 30000 --parts 2 --likes 15000 --followers 8000 --following 400 --note-tweets 20 \
  --community-tweets 50 --media-files 100 --media-mb 5 --seed 11 "$T/x.zip" >/dev/null
"$GEN" x-archive --tweets 2000 --2019 --seed 12 "$T/x2019.zip" >/dev/null
# One tweets.js of 16 MB or more: read in two halves (docs/ARCHITECTURE.md, Threads).
"$GEN" x-archive --tweets 14000 --parts 1 --likes 3000 --followers 2000 --note-tweets 10 --seed 21 "$T/x-one.zip" >/dev/null
"$GEN" mastodon-archive --format zip --originals 3000 --self-replies 500 --other-replies 800 --boosts 600 --likes 900 --seed 13 "$T/mastodon.zip" >/dev/null
"$GEN" mastodon-archive --format tar.gz --originals 1000 --boosts 200 --seed 14 "$T/mastodon.tar.gz" >/dev/null
"$GEN" bluesky-car --originals 3000 --self-replies 300 --other-replies 600 --quotes 100 --reposts 400 --likes 1500 --follows 800 --seed 15 "$T/bluesky.car" >/dev/null
"$GEN" instagram --posts 800 --comments 600 --followers 900 --following 300 --likes 700 --threads-posts 400 --seed 16 "$T/instagram.zip" >/dev/null
"$GEN" facebook --posts 800 --comments 500 --friends 400 --followers 300 --seed 17 "$T/facebook.zip" >/dev/null
"$GEN" linkedin --shares 600 --comments 400 --reactions 800 --connections 500 --seed 18 "$T/linkedin.zip" >/dev/null
"$GEN" tiktok --videos 600 --followers 900 --following 200 --likes 800 --history 1000 --seed 19 "$T/tiktok.zip" >/dev/null
"$GEN" reddit --posts 600 --comments 1500 --upvotes 900 --seed 20 "$T/reddit.zip" >/dev/null

say "instrumented build (CLOUT_PGO=GENERATE)"
rm -rf "$PROF"
cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=Release -DCLOUT_PGO=GENERATE -DCLOUT_PGO_DIR="$PROF" >/dev/null
cmake --build "$B" -j"$JOBS" --target clout >"$B/build.log" 2>&1 || { tail -20 "$B/build.log" >&2; exit 1; }
say "training"
for f in "$T"/*; do
  "$B/clout" score --json "$f" >/dev/null
done
"$B/clout" score --threads 1 --json "$T/x.zip" >/dev/null
"$B/clout" score --json "$T"/*.zip >/dev/null   # several exports in one report

say "optimised build (CLOUT_PGO=USE)"
cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=Release -DCLOUT_PGO=USE -DCLOUT_PGO_DIR="$PROF" >/dev/null
cmake --build "$B" -j"$JOBS" --target clout >"$B/build.log" 2>&1 || { tail -20 "$B/build.log" >&2; exit 1; }

say "checking that its reports are the regular build's"
for f in "$T"/*; do
  if ! cmp -s <("$REF" score --json "$f") <("$B/clout" score --json "$f"); then
    say "FAIL: the PGO build's report of $(basename "$f") differs from the regular build's"
    exit 1
  fi
done
say "ok: $B/clout"
echo "$B/clout"
