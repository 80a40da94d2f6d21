#!/usr/bin/env node
// Throughput of the reference Hugging Face library (npm tokenizers, Rust core) on a text file, for bench/:
// prints one JSON line {sequential_mb_s, batch_mb_s, tokens} — MB = 10^6 UTF-8 bytes, no special tokens.
// Usage: node hf-bench.js TOKENIZER.json TEXT [passes]
'use strict';
const fs = require('fs');
const { Tokenizer } = require('tokenizers');

const [file, text, passesArg = '5'] = process.argv.slice(2);
const passes = Number(passesArg);
const tokenizer = Tokenizer.fromFile(file);
const lines = fs.readFileSync(text, 'utf8').replace(/\n$/, '').split('\n');
const bytes = Buffer.byteLength(lines.join('\n'), 'utf8');
(async () => {
  const opts = { addSpecialTokens: false };
  for (const l of lines.slice(0, 50)) await tokenizer.encode(l, null, opts); // warm-up
  let tokens = 0;
  let t0 = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) {
    for (const l of lines) tokens += (await tokenizer.encode(l, null, opts)).getLength();
  }
  const seq = Number(process.hrtime.bigint() - t0) / 1e9;
  t0 = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) await tokenizer.encodeBatch(lines, opts);
  const batch = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ sequential_mb_s: (bytes * passes) / seq / 1e6, batch_mb_s: (bytes * passes) / batch / 1e6,
    tokens: tokens / passes }));
})().catch((e) => { console.error(e.message); process.exit(1); });
