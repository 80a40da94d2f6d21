#!/usr/bin/env bash
# Extracts the Kannada word list (Apache-2.0) that Debian's tesseract-ocr-kan ships inside kan.traineddata, for
# 'kannadakit lexicon build --words FILE --licence Apache-2.0'. The list is generated at setup and never committed.
#   usage: tools/lexicon/tesseract-wordlist.sh [OUT]   (default: ${XDG_CACHE_HOME:-~/.cache}/kannadakit/kan.wordlist)
# Needs: apt-get install tesseract-ocr tesseract-ocr-kan (combine_tessdata and dawg2wordlist come with tesseract-ocr).
set -euo pipefail
out="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/kannadakit/kan.wordlist}"
data=""
for d in /usr/share/tesseract-ocr/*/tessdata /usr/share/tessdata; do
  [[ -f "$d/kan.traineddata" ]] && data="$d/kan.traineddata" && break
done
if [[ -z "$data" ]]; then
  echo "tesseract-wordlist: kan.traineddata not found; install it with: apt-get install tesseract-ocr-kan" >&2
  exit 1
fi
for tool in combine_tessdata dawg2wordlist; do
  command -v "$tool" >/dev/null || { echo "tesseract-wordlist: $tool not found; install it with: apt-get install tesseract-ocr" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$data" "$work/kan.traineddata"
(cd "$work" && combine_tessdata -u kan.traineddata kan. >/dev/null 2>&1)
# The LSTM model's dictionary; older traineddata files carry the legacy word-dawg instead.
if [[ -f "$work/kan.lstm-word-dawg" ]]; then
  dawg2wordlist "$work/kan.lstm-unicharset" "$work/kan.lstm-word-dawg" "$work/kan.wordlist" >/dev/null 2>&1
elif [[ -f "$work/kan.word-dawg" ]]; then
  dawg2wordlist "$work/kan.unicharset" "$work/kan.word-dawg" "$work/kan.wordlist" >/dev/null 2>&1
else
  echo "tesseract-wordlist: $data has no word dictionary" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
# Written beside the target and renamed, so a failed run never leaves half a list.
tmp="$(mktemp "$(dirname "$out")/.kan.wordlist.XXXXXX")"
# The dictionary also holds a few OCR tokens with punctuation glued on ($ನಷ್ಟು, ``): keep Kannada-only words.
LC_ALL=C.UTF-8 grep -P '^[\x{0C80}-\x{0CFF}\x{200C}\x{200D}]+$' "$work/kan.wordlist" | LC_ALL=C sort -u > "$tmp"
mv "$tmp" "$out"
echo "$out: $(wc -l < "$out") Kannada words of $(wc -l < "$work/kan.wordlist") entries in $data (Apache-2.0)" >&2
