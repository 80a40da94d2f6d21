#!/usr/bin/env bash
# Regenerates tests/KannadaKit.Tokenizers.Tests/Fixtures with the reference implementations:
# Hugging Face tokenizers (npm tokenizers@0.23.2, installed here from the lock file) and Debian's sentencepiece.
# Needs ../shared (training text and FLORES). Takes about a minute.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/tokenizer-fixtures"
if ! command -v spm_train >/dev/null; then
  echo "make-tokenizer-fixtures: spm_train not found; install Debian's sentencepiece package" >&2
  exit 1
fi
npm ci --no-fund --no-audit --silent
node make-fixtures.js
