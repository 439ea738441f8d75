#!/usr/bin/env bash
# Brings a Debian 12 machine (or CI) to the point where clout builds and tests:
#   1. Debian packages (apt-get install only what is missing; no prompts);
#   2. third-party C/C++ sources for the wasm build (Dear ImGui, zlib, libdeflate), fetched
#      from Debian's source packages into .deps/ without touching /etc/apt;
#   3. npm packages (package-lock.json): stopwords-iso, which the build needs (the keyword
#      stop words are generated from it), and the page tests' playwright-core.
# Idempotent and quick when everything is already there. Never commits third-party code.
#
# Usage: scripts/bootstrap.sh [--no-npm]   (--no-npm: skip npm unless the build's package is missing)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS="$ROOT/.deps"
WANT_NPM=1
for a in "$@"; do
  case "$a" in
    --no-npm) WANT_NPM=0 ;;
    *) echo "bootstrap: unknown option $a" >&2; exit 2 ;;
  esac
done

say() { printf 'bootstrap: %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else SUDO=""; fi
fi

# ---------------------------------------------------------------- 1. Debian packages
# (package, a file it installs: checked instead of asking dpkg for speed)
PKGS=(
  "emscripten:/usr/bin/em++"
  "cmake:/usr/bin/cmake"
  "g++:/usr/bin/g++"
  "make:/usr/bin/make"
  "nlohmann-json3-dev:/usr/include/nlohmann/json.hpp"
  "doctest-dev:/usr/include/doctest/doctest.h"
  "zlib1g-dev:/usr/include/zlib.h"
  "libdeflate-dev:/usr/include/libdeflate.h"
  "libcurl4-openssl-dev:/usr/bin/curl-config"
  "libisal-dev:/usr/include/isa-l/igzip_lib.h"
  "clang:/usr/bin/clang"
  "clang-14:/usr/bin/clang++-14"
  "libclang-rt-14-dev:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a"
  "chromium:/usr/bin/chromium"
  "fonts-inter:/usr/share/fonts/opentype/inter/Inter-Regular.otf"
  "fonts-fork-awesome:/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf"
  "debian-archive-keyring:/usr/share/keyrings/debian-archive-keyring.gpg"
  "xz-utils:/usr/bin/xz"
  "ca-certificates:/etc/ssl/certs/ca-certificates.crt"
  "python3:/usr/bin/python3"
  "tzdata:/usr/share/zoneinfo/Europe/Berlin"
)
missing=()
for entry in "${PKGS[@]}"; do
  pkg="${entry%%:*}"; file="${entry#*:}"
  [ -e "$file" ] || missing+=("$pkg")
done
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
else
  say "Debian packages: all present"
fi

# ---------------------------------------------------------------- 2. third-party sources
# Debian source packages, downloaded with a private apt state under .deps/apt (the
# system's sources.list is not touched). The upstream tarball is unpacked into .deps/.
mkdir -p "$DEPS"
APTD="$DEPS/apt"
apt_opts() {  # $1 = suite
  echo "-o APT::Sandbox::User=root -o Dir::Etc::SourceList=$APTD/$1.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$APTD/lists-$1 -o Dir::Cache=$APTD/cache -o Debug::NoLocking=1"
}
apt_updated=""
fetch_source() {  # $1 = package, $2 = directory glob that proves it is there, $3.. = suites to try
  local pkg="$1" glob="$2"; shift 2
  # shellcheck disable=SC2086
  if compgen -G "$DEPS/$glob" >/dev/null; then return 0; fi
  local suite
  for suite in "$@"; do
    mkdir -p "$APTD/lists-$suite/partial" "$APTD/cache/archives/partial" "$APTD/dl-$suite"
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" > "$APTD/$suite.list"
    if [[ " $apt_updated " != *" $suite "* ]]; then
      say "reading Debian $suite source index"
      # shellcheck disable=SC2046
      apt-get $(apt_opts "$suite") update -qq >/dev/null || { say "could not read the $suite index"; continue; }
      apt_updated="$apt_updated $suite"
    fi
    say "downloading the $pkg source package ($suite)"
    # shellcheck disable=SC2046
    if (cd "$APTD/dl-$suite" && apt-get $(apt_opts "$suite") source --download-only -qq "$pkg" >/dev/null 2>&1 \
          || compgen -G "${pkg}_*.orig.tar.*" >/dev/null); then
      local orig
      orig="$(ls "$APTD/dl-$suite/${pkg}"_*.orig.tar.* 2>/dev/null | grep -v '\.asc$' | sort -V | tail -1 || true)"
      if [ -n "$orig" ]; then
        tar -xf "$orig" -C "$DEPS"
        if compgen -G "$DEPS/$glob" >/dev/null; then return 0; fi
      fi
    fi
    say "$pkg: nothing usable from $suite"
  done
  say "error: could not fetch the $pkg sources"; return 1
}

fetch_source imgui 'imgui-*/imgui.h' trixie bookworm
fetch_source zlib 'zlib-*/zlib.h' bookworm trixie
fetch_source libdeflate 'libdeflate-*/libdeflate.h' bookworm trixie

# Dear ImGui must be 1.90.x (the backends and API the app is written against).
IMGUI_H="$(ls "$DEPS"/imgui-*/imgui.h | sort -V | tail -1)"
IMGUI_VERSION="$(sed -n 's/^#define IMGUI_VERSION *"\([^"]*\)".*/\1/p' "$IMGUI_H")"
case "$IMGUI_VERSION" in
  1.90*) : ;;
  *) say "error: Dear ImGui $IMGUI_VERSION found in $IMGUI_H; clout needs 1.90.x"; exit 1 ;;
esac
ln -sfn "$(dirname "$IMGUI_H")" "$DEPS/imgui"

# ---------------------------------------------------------------- 3. npm
# The build itself needs stopwords-iso: without it npm runs even with --no-npm.
[ -f "$ROOT/node_modules/stopwords-iso/stopwords-iso.json" ] || WANT_NPM=1
if [ "$WANT_NPM" = 1 ]; then
  if [ -f "$ROOT/node_modules/.package-lock.json" ] && \
     [ ! "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ] && \
     [ -d "$ROOT/node_modules/playwright-core" ] && [ -d "$ROOT/node_modules/stopwords-iso" ]; then
    say "npm packages: present"
  else
    say "installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
  fi
fi
say "ready (Dear ImGui $IMGUI_VERSION, $(basename "$(ls -d "$DEPS"/zlib-*/ | head -1)"), $(basename "$(ls -d "$DEPS"/libdeflate-*/ | head -1)"))"
