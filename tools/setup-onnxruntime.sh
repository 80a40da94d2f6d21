#!/usr/bin/env bash
# Obtains the ONNX Runtime native library the tests and the CLI load, caches it, verifies it and prints its path.
#
#   tools/setup-onnxruntime.sh            prints the path of a verified libonnxruntime.so.1 (fetching it once)
#   KANNADAKIT_ONNXRUNTIME=/path/lib.so   uses a library you already have (any ORT >= 1.30 build, CPU or GPU)
#
# Source: the npm package onnxruntime-node@1.30.0 (the only ORT build reachable from our package feeds), file
# bin/napi-v6/linux/x64/libonnxruntime.so.1. It is a CPU build; for CUDA see the README (ONNX Runtime section).
# Cache: ${XDG_CACHE_HOME:-~/.cache}/kannadakit/onnxruntime/1.30.0/. Progress goes to stderr, the path to stdout.
set -euo pipefail

version=1.30.0
member=package/bin/napi-v6/linux/x64/libonnxruntime.so.1
# SHA-256 of the file above in onnxruntime-node@1.30.0 (45,828,512 bytes).
expected=ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23

say() { echo "setup-onnxruntime: $*" >&2; }

if [[ -n "${KANNADAKIT_ONNXRUNTIME:-}" ]]; then
  if [[ -f "$KANNADAKIT_ONNXRUNTIME" ]]; then
    say "using KANNADAKIT_ONNXRUNTIME=$KANNADAKIT_ONNXRUNTIME (not checksummed: a library you chose)"
    echo "$KANNADAKIT_ONNXRUNTIME"
    exit 0
  fi
  say "KANNADAKIT_ONNXRUNTIME=$KANNADAKIT_ONNXRUNTIME does not exist"
  exit 1
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) say "only linux-x64 is fetched automatically; set KANNADAKIT_ONNXRUNTIME to your ONNX Runtime library"; exit 1 ;;
esac

cache="${XDG_CACHE_HOME:-$HOME/.cache}/kannadakit/onnxruntime/$version"
lib="$cache/libonnxruntime.so.1"

verify() { [[ -f "$1" ]] && [[ "$(sha256sum "$1" | cut -d' ' -f1)" == "$expected" ]]; }

if verify "$lib"; then
  echo "$lib"
  exit 0
fi

if ! command -v npm >/dev/null; then
  say "npm is needed once to fetch onnxruntime-node@$version (apt-get install npm), or set KANNADAKIT_ONNXRUNTIME"
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
say "fetching onnxruntime-node@$version with npm (about 110 MB, once)"
(cd "$work" && npm pack "onnxruntime-node@$version" --silent --no-fund --no-audit >/dev/null 2>"$work/npm.log") || {
  say "npm pack onnxruntime-node@$version failed: $(tail -n 1 "$work/npm.log")"
  exit 1
}
tar -xzf "$work"/onnxruntime-node-"$version".tgz -C "$work" "$member"
if ! verify "$work/$member"; then
  say "checksum mismatch for $member in onnxruntime-node@$version (expected sha256 $expected)"
  exit 1
fi
mkdir -p "$cache"
# Rename into place so a concurrent or interrupted run never leaves a half-written library in the cache.
cp "$work/$member" "$lib.tmp.$$" && mv -f "$lib.tmp.$$" "$lib"
say "cached $lib"
echo "$lib"
