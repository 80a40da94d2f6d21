#!/usr/bin/env node
// Encodes each line of a text file with the reference Hugging Face library and prints the ids, one line per input
// line (the same format as `kannadakit tokenizer encode --format ids`), so the two can be compared with diff.
// Usage: node hf-encode.js TOKENIZER.json TEXT [on|off] [ids|decode]
//   on|off: special tokens (default on); decode: print decode(ids) (special tokens kept) instead of the ids.
'use strict';
const fs = require('fs');
const { Tokenizer } = require('tokenizers');

const [file, text, specials = 'on', what = 'ids'] = process.argv.slice(2);
if (!file || !text) {
  console.error('usage: node hf-encode.js TOKENIZER.json TEXT [on|off] [ids|decode]');
  process.exit(2);
}
const tokenizer = Tokenizer.fromFile(file);
const lines = fs.readFileSync(text, 'utf8').replace(/\n$/, '').split('\n').map((l) => l.replace(/\r$/, ''));
(async () => {
  const out = [];
  for (const line of lines) {
    const e = await tokenizer.encode(line, null, { addSpecialTokens: specials === 'on' });
    out.push(what === 'decode' ? await tokenizer.decode(e.getIds(), false) : e.getIds().join(' '));
  }
  process.stdout.write(out.join('\n') + '\n');
})().catch((e) => { console.error(e.message); process.exit(1); });
