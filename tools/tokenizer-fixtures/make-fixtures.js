#!/usr/bin/env node
// Regenerates the tokenizer parity fixtures in tests/KannadaKit.Tokenizers.Tests/Fixtures with the reference
// implementations: Hugging Face tokenizers (npm tokenizers@0.23.2, pinned in package.json) and Debian's
// sentencepiece (spm_train, spm_encode, spm_decode). Run it through tools/make-tokenizer-fixtures.sh.
//
// Training text comes from ../shared (CC BY-SA); it is only read here. What is committed:
//   hf/<name>.json                 tokenizers trained by the HF library (our own generated files)
//   hf/<name>.sentences.jsonl      HF's full output on Fixtures/sentences.txt (our own text)
//   hf/<name>.flores.jsonl         per FLORES line: token count and a SHA-256 prefix of the ids and of the decode. FLORES is
//                                  CC BY-SA, and ids plus a committed vocabulary would be a copy of it, so only digests.
//   hf/matrix.jsonl                one record per component variant, HF's output on the sentences
//   spm/<name>.model (+ .sentences.jsonl, .flores.jsonl) the same for SentencePiece.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { Tokenizer } = require('tokenizers');

const repo = path.resolve(__dirname, '..', '..');
const shared = process.env.KANNADAKIT_SHARED || path.resolve(repo, '..', 'shared');
const fixtures = path.join(repo, 'tests', 'KannadaKit.Tokenizers.Tests', 'Fixtures');
const hfDir = path.join(fixtures, 'hf');
const spmDir = path.join(fixtures, 'spm');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-tokfix-'));

const read = (p) => fs.readFileSync(p, 'utf8');
const lines = (p) => read(p).replace(/\n$/, '').split('\n');
// First 16 hex digits of SHA-256: enough to tell lines apart, a quarter of the size.
const sha = (s) => crypto.createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16);
const writeJson = (p, o) => fs.writeFileSync(p, JSON.stringify(o, null, 1) + '\n');
const writeJsonl = (p, rows) => fs.writeFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

// Training text: Kannada Wikipedia (first 6,000 lines of the 5 MB file) and NTREX news in both languages.
// FLORES dev is kept out of training: it is the held-out test text.
const trainKn = path.join(work, 'train.kn.txt');
const trainEn = path.join(work, 'train.en.txt');
fs.writeFileSync(trainKn, lines(path.join(shared, 'corpora/dakshina-kn/kn.wiki-valid.5MB.txt')).slice(0, 6000).join('\n')
  + '\n' + read(path.join(shared, 'news/ntrex128-kan/newstest2019-ref.kan.txt')));
fs.writeFileSync(trainEn, read(path.join(shared, 'news/ntrex128-kan/newstest2019-src.eng.txt')));
const trainFiles = [trainKn, trainEn];

const sentences = lines(path.join(fixtures, 'sentences.txt'));
const flores = [
  ['kn', lines(path.join(shared, 'corpora/flores200/kan_Knda.dev'))],
  ['en', lines(path.join(shared, 'corpora/flores200/eng_Latn.dev'))],
];

const LLAMA3_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const VOCAB = 8000;

function shell(model, over = {}) {
  return Object.assign({ version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null,
    pre_tokenizer: null, post_processor: null, decoder: null, model }, over);
}
function train(json) {
  const t = Tokenizer.fromString(JSON.stringify(json));
  t.train(trainFiles);
  const out = path.join(work, 'trained.json');
  t.save(out);
  return JSON.parse(read(out));
}
const special = (id, content) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });

// BPE vocab/merges are in training order, so keeping the first merges is the same as training a smaller vocabulary.
// keepChar filters the initial alphabet (rare characters then go through byte fallback or the unknown token).
function pruneBpe(model, head, size, keepChar) {
  const merges = model.merges.map((m) => (Array.isArray(m) ? m : m.split(' ')));
  const byId = Object.entries(model.vocab).sort((a, b) => a[1] - b[1]).map((e) => e[0]);
  const mergeResults = new Set(merges.map((m) => m[0] + m[1]));
  const kept = new Set();
  const vocab = {};
  const add = (tok) => { if (!(tok in vocab)) vocab[tok] = Object.keys(vocab).length; kept.add(tok); };
  head.forEach(add);
  for (const tok of byId) if (!mergeResults.has(tok) && keepChar(tok)) add(tok);
  const keptMerges = [];
  for (const [a, b] of merges) {
    if (Object.keys(vocab).length >= size) break;
    if (!kept.has(a) || !kept.has(b)) continue;
    keptMerges.push([a, b]);
    add(a + b);
  }
  model.vocab = vocab;
  model.merges = keptMerges;
  return model;
}

function byteTokens() {
  return Array.from({ length: 256 }, (_, i) => '<0x' + i.toString(16).toUpperCase().padStart(2, '0') + '>');
}

// ---- the four trained tokenizers ----
function bytelevelBpe() {
  const t = train(shell({ type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null,
    fuse_unk: false, byte_fallback: false, ignore_merges: true, vocab: {}, merges: [] }, {
    pre_tokenizer: { type: 'Sequence', pretokenizers: [
      { type: 'Split', pattern: { Regex: LLAMA3_SPLIT }, behavior: 'Isolated', invert: false },
      { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false }] },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
  }));
  // The byte alphabet must be complete or unseen bytes would vanish; HF lists it as ByteLevel.alphabet().
  const alphabet = byteLevelAlphabet();
  const model = pruneBpe(t.model, alphabet, VOCAB - 2, () => true);
  const n = Object.keys(model.vocab).length;
  // Llama-3 files carry merges as "a b" strings: exercise that form here.
  model.merges = model.merges.map((m) => m.join(' '));
  t.added_tokens = [special(n, '<|begin_of_text|>'), special(n + 1, '<|end_of_text|>')];
  t.post_processor = { type: 'Sequence', processors: [
    { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
    { type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '<|begin_of_text|>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '<|begin_of_text|>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '<|begin_of_text|>', type_id: 1 } }, { Sequence: { id: 'B', type_id: 1 } }],
      special_tokens: { '<|begin_of_text|>': { id: '<|begin_of_text|>', ids: [n], tokens: ['<|begin_of_text|>'] } } }] };
  return t;
}

function byteLevelAlphabet() {
  const bs = [];
  for (let b = 0x21; b <= 0x7e; b++) bs.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bs.push(b);
  for (let b = 0xae; b <= 0xff; b++) bs.push(b);
  const map = {};
  let n = 0;
  for (let b = 0; b < 256; b++) map[b] = bs.includes(b) ? String.fromCodePoint(b) : String.fromCodePoint(256 + n++);
  return Array.from({ length: 256 }, (_, b) => map[b]);
}

function charsmapFromSpm(modelPath) {
  // ModelProto.normalizer_spec (3) → NormalizerSpec.precompiled_charsmap (2); hand-read protobuf.
  const buf = fs.readFileSync(modelPath);
  const fields = (b) => {
    const out = [];
    let i = 0;
    const varint = () => { let r = 0n, s = 0n; for (;;) { const x = b[i++]; r |= BigInt(x & 0x7f) << s; s += 7n; if (!(x & 0x80)) return r; } };
    while (i < b.length) {
      const key = Number(varint());
      const f = key >> 3, w = key & 7;
      if (w === 0) varint();
      else if (w === 5) i += 4;
      else if (w === 1) i += 8;
      else if (w === 2) { const len = Number(varint()); out.push([f, b.subarray(i, i + len)]); i += len; }
      else throw new Error('wire type ' + w);
    }
    return out;
  };
  const norm = fields(buf).find((f) => f[0] === 3)[1];
  return Buffer.from(fields(norm).find((f) => f[0] === 2)[1]).toString('base64');
}

function unigramMetaspace(charsmap) {
  const normalizer = { type: 'Sequence', normalizers: [
    { type: 'Precompiled', precompiled_charsmap: charsmap },
    { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }] };
  const meta = { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true };
  const t = train(shell({ type: 'Unigram', unk_id: null, vocab: [], byte_fallback: false }, { normalizer, pre_tokenizer: meta, decoder: meta }));
  // T5 layout: <pad> 0, </s> 1, <unk> 2, then the trained pieces.
  t.model.vocab = [['<pad>', 0], ['</s>', 0], ['<unk>', 0], ...t.model.vocab.slice(0, VOCAB - 3)];
  t.model.unk_id = 2;
  t.added_tokens = [special(0, '<pad>'), special(1, '</s>'), special(2, '<unk>')];
  t.post_processor = { type: 'TemplateProcessing',
    single: [{ Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
    pair: [{ Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } },
      { Sequence: { id: 'B', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
    special_tokens: { '</s>': { id: '</s>', ids: [1], tokens: ['</s>'] } } };
  return t;
}

function bpeByteFallback() {
  // Trained on ▁-marked words; at run time the whole line is one piece (Llama-2/Gemma files have no pre-tokenizer),
  // which gives the same tokens because no learned merge crosses a ▁ boundary.
  const t = train(shell({ type: 'BPE', dropout: null, unk_token: '<unk>', continuing_subword_prefix: null, end_of_word_suffix: null,
    fuse_unk: true, byte_fallback: true, ignore_merges: false, vocab: {}, merges: [] }, {
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'first', split: true } }));
  // Keep Kannada, ASCII and Latin-1 letters; everything else (curly quotes, dashes, other scripts) goes to bytes.
  const keep = (tok) => [...tok].every((c) => { const u = c.codePointAt(0); return u < 0x100 || (u >= 0x0c80 && u <= 0x0cff) || c === '▁'; });
  const model = pruneBpe(t.model, ['<unk>', '<s>', '</s>', ...byteTokens()], VOCAB, keep);
  t.model = model;
  t.pre_tokenizer = null;
  t.normalizer = { type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: '▁' }, { type: 'Replace', pattern: { String: ' ' }, content: '▁' }] };
  t.decoder = { type: 'Sequence', decoders: [{ type: 'Replace', pattern: { String: '▁' }, content: ' ' },
    { type: 'ByteFallback' }, { type: 'Fuse' }, { type: 'Strip', content: ' ', start: 1, stop: 0 }] };
  t.added_tokens = [special(0, '<unk>'), special(1, '<s>'), special(2, '</s>')];
  t.post_processor = { type: 'TemplateProcessing',
    single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
    pair: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } },
      { SpecialToken: { id: '<s>', type_id: 1 } }, { Sequence: { id: 'B', type_id: 1 } }],
    special_tokens: { '<s>': { id: '<s>', ids: [1], tokens: ['<s>'] } } };
  return t;
}

function wordpieceBert() {
  const normalizer = { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true };
  const t = train(shell({ type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: {} },
    { normalizer, pre_tokenizer: { type: 'BertPreTokenizer' }, decoder: { type: 'WordPiece', prefix: '##', cleanup: true } }));
  const heads = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  const vocab = {};
  heads.forEach((h, i) => { vocab[h] = i; });
  for (const [tok] of Object.entries(t.model.vocab).sort((a, b) => a[1] - b[1])) {
    if (Object.keys(vocab).length >= VOCAB) break;
    if (!(tok in vocab)) vocab[tok] = Object.keys(vocab).length;
  }
  t.model.vocab = vocab;
  t.added_tokens = heads.map((h, i) => special(i, h));
  t.post_processor = { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] };
  return t;
}

// ---- recording HF's behaviour ----
async function record(json, texts, withPairs) {
  const t = Tokenizer.fromString(JSON.stringify(json));
  const rows = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    const e = await t.encode(text);
    const plain = await t.encode(text, null, { addSpecialTokens: false });
    const row = { text, ids: e.getIds(), tokens: e.getTokens(), offsets: e.getOffsets(), type_ids: e.getTypeIds(),
      special_mask: e.getSpecialTokensMask(), ids_plain: plain.getIds(),
      decoded: await t.decode(e.getIds(), true), decoded_keep: await t.decode(e.getIds(), false) };
    if (withPairs) {
      const p = await t.encode(text, texts[(i + 1) % texts.length]);
      row.pair_ids = p.getIds();
      row.pair_type_ids = p.getTypeIds();
    }
    rows.push(row);
  }
  return rows;
}

async function recordFlores(json) {
  const t = Tokenizer.fromString(JSON.stringify(json));
  const rows = [];
  for (const [set, texts] of flores) {
    for (let i = 0; i < texts.length; i++) {
      const ids = (await t.encode(texts[i])).getIds();
      const decoded = await t.decode(ids, true);
      rows.push({ set, line: i + 1, count: ids.length, ids_hash: sha(ids.join(' ')), decoded_hash: sha(decoded) });
    }
  }
  return rows;
}

// ---- component matrix: each variant swaps components of a base tokenizer ----
function matrix(bases) {
  const m = (name, base, over) => ({ name, base, over });
  const ws = { type: 'WhitespaceSplit' };
  return [
    m('nfc', 'bpe-bytefallback', { normalizer: { type: 'NFC' }, pre_tokenizer: ws }),
    m('nfd', 'bpe-bytefallback', { normalizer: { type: 'NFD' }, pre_tokenizer: ws }),
    m('nfkc', 'bpe-bytefallback', { normalizer: { type: 'NFKC' }, pre_tokenizer: ws }),
    m('nfkd', 'bpe-bytefallback', { normalizer: { type: 'NFKD' }, pre_tokenizer: ws }),
    m('lowercase-strip', 'bpe-bytefallback', { normalizer: { type: 'Sequence', normalizers: [{ type: 'Lowercase' }, { type: 'Strip', strip_left: true, strip_right: true }] }, pre_tokenizer: ws }),
    m('strip-accents', 'bpe-bytefallback', { normalizer: { type: 'Sequence', normalizers: [{ type: 'NFD' }, { type: 'StripAccents' }] }, pre_tokenizer: ws }),
    m('replace-regex', 'bpe-bytefallback', { normalizer: { type: 'Replace', pattern: { Regex: '[0-9]+' }, content: '#' }, pre_tokenizer: ws }),
    m('bert-normalizer-default', 'wordpiece-bert', { normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true } }),
    m('bert-normalizer-cased', 'wordpiece-bert', { normalizer: { type: 'BertNormalizer', clean_text: false, handle_chinese_chars: false, strip_accents: false, lowercase: false } }),
    m('whitespace', 'bpe-bytefallback', { pre_tokenizer: { type: 'Whitespace' } }),
    m('digits-individual', 'bpe-bytefallback', { pre_tokenizer: { type: 'Sequence', pretokenizers: [ws, { type: 'Digits', individual_digits: true }] } }),
    m('digits-grouped', 'bpe-bytefallback', { pre_tokenizer: { type: 'Sequence', pretokenizers: [ws, { type: 'Digits', individual_digits: false }] } }),
    m('punctuation', 'bpe-bytefallback', { pre_tokenizer: { type: 'Sequence', pretokenizers: [ws, { type: 'Punctuation', behavior: 'Isolated' }] } }),
    m('punctuation-contiguous', 'bpe-bytefallback', { pre_tokenizer: { type: 'Sequence', pretokenizers: [ws, { type: 'Punctuation', behavior: 'Contiguous' }] } }),
    m('char-delimiter', 'bpe-bytefallback', { pre_tokenizer: { type: 'CharDelimiterSplit', delimiter: ',' } }),
    ...['Removed', 'Isolated', 'MergedWithPrevious', 'MergedWithNext', 'Contiguous'].map((b) =>
      m('split-' + b.toLowerCase(), 'bpe-bytefallback', { pre_tokenizer: { type: 'Split', pattern: { String: ' ' }, behavior: b, invert: false } })),
    m('split-regex-invert', 'bpe-bytefallback', { pre_tokenizer: { type: 'Split', pattern: { Regex: '[\\p{L}\\p{M}]+' }, behavior: 'Removed', invert: true } }),
    m('split-regex-possessive', 'bpe-bytefallback', { pre_tokenizer: { type: 'Split', pattern: { Regex: '\\p{L}++|[^\\p{L}\\s]++|\\s++' }, behavior: 'Isolated', invert: false } }),
    m('metaspace-first', 'unigram-metaspace', { pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'first', split: true } }),
    m('metaspace-never-nosplit', 'unigram-metaspace', { pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'never', split: false },
      decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'never', split: false } }),
    m('gpt2-bytelevel', 'bytelevel-bpe', { pre_tokenizer: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
      post_processor: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true } }),
    m('bytelevel-noprefix', 'bytelevel-bpe', { pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true } }),
    m('roberta', 'bytelevel-bpe', { pre_tokenizer: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
      post_processor: { type: 'RobertaProcessing', sep: ['<|end_of_text|>', VOCAB - 1], cls: ['<|begin_of_text|>', VOCAB - 2], trim_offsets: true, add_prefix_space: true } }),
    m('bert-pretokenizer-template', 'wordpiece-bert', { post_processor: { type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } } } }),
    m('wordpiece-short-words', 'wordpiece-bert', { model: { max_input_chars_per_word: 6 } }),
    m('wordpiece-no-cleanup', 'wordpiece-bert', { decoder: { type: 'WordPiece', prefix: '##', cleanup: false } }),
    m('bpe-no-bytefallback', 'bpe-bytefallback', { model: { byte_fallback: false },
      decoder: { type: 'Sequence', decoders: [{ type: 'Replace', pattern: { String: '▁' }, content: ' ' }, { type: 'Fuse' }] } }),
    m('bpe-unk-unfused', 'bpe-bytefallback', { model: { byte_fallback: false, fuse_unk: false } }),
    m('bytelevel-honour-merges', 'bytelevel-bpe', { model: { ignore_merges: false } }),
    // The whole vocabulary is replaced here (byte pieces added, rare characters dropped), so it is stored in full.
    m('unigram-byte-fallback', 'unigram-metaspace', { model: { byte_fallback: true, vocab: [...bases['unigram-metaspace'].model.vocab.slice(0, 3),
      ...byteTokens().map((b) => [b, -20]), ...bases['unigram-metaspace'].model.vocab.slice(3, 3000).filter(([p]) => [...p].every((c) => c.codePointAt(0) < 0x2000 || c === '▁'))] } }),
    m('added-tokens', 'bpe-bytefallback', { added_tokens: [special(0, '<unk>'), special(1, '<s>'), special(2, '</s>'),
      { id: VOCAB, content: 'ಕನ್ನಡ', single_word: true, lstrip: false, rstrip: false, normalized: false, special: false },
      { id: VOCAB + 1, content: '[CLS]', single_word: false, lstrip: true, rstrip: true, normalized: false, special: true },
      { id: VOCAB + 2, content: 'hello', single_word: false, lstrip: false, rstrip: false, normalized: true, special: false }],
      normalizer: { type: 'Lowercase' }, pre_tokenizer: ws }),
    m('decoder-bpe-suffix', 'bpe-bytefallback', { decoder: { type: 'BPEDecoder', suffix: '▁' } }),
    m('decoder-ctc', 'bpe-bytefallback', { decoder: { type: 'CTC', pad_token: '<unk>', word_delimiter_token: '▁', cleanup: true } }),
    m('no-decoder', 'bpe-bytefallback', { decoder: null, post_processor: null }),
    m('nmt-prepend', 'unigram-metaspace', { normalizer: { type: 'Sequence', normalizers: [{ type: 'Nmt' }, { type: 'NFKC' }, { type: 'Prepend', prepend: ' ' }] } }),
  ];
}

// Top-level components are replaced whole; "model" fields are merged into the base model.
function applyOverride(base, over) {
  const out = JSON.parse(JSON.stringify(base));
  for (const [k, v] of Object.entries(JSON.parse(JSON.stringify(over)))) {
    if (k === 'model') Object.assign(out.model, v); else out[k] = v;
  }
  return out;
}

function spm(name, type, extra) {
  const prefix = path.join(work, name);
  execFileSync('spm_train', [`--input=${trainKn},${trainEn}`, `--model_prefix=${prefix}`, `--model_type=${type}`,
    '--vocab_size=8000', '--character_coverage=0.9995', '--num_threads=2', '--minloglevel=2', ...extra], { stdio: 'inherit' });
  fs.copyFileSync(prefix + '.model', path.join(spmDir, name + '.model'));
  const run = (args, input) => execFileSync(args[0], args.slice(1), { input, maxBuffer: 1 << 28 }).toString('utf8').replace(/\n$/, '').split('\n');
  const idsOf = (texts) => run(['spm_encode', `--model=${prefix}.model`, '--output_format=id'], texts.join('\n') + '\n');
  const piecesOf = (texts) => run(['spm_encode', `--model=${prefix}.model`, '--output_format=piece'], texts.join('\n') + '\n');
  const decode = (idLines) => run(['spm_decode', `--model=${prefix}.model`, '--input_format=id'], idLines.join('\n') + '\n');
  const ids = idsOf(sentences), pieces = piecesOf(sentences), dec = decode(ids);
  writeJsonl(path.join(spmDir, name + '.sentences.jsonl'), sentences.map((text, i) => ({ text,
    ids: ids[i] === '' ? [] : ids[i].split(' ').map(Number), pieces: pieces[i] === '' ? [] : pieces[i].split(' '), decoded: dec[i] })));
  const rows = [];
  for (const [set, texts] of flores) {
    const fi = idsOf(texts), fd = decode(fi);
    texts.forEach((_, i) => rows.push({ set, line: i + 1, count: fi[i] === '' ? 0 : fi[i].split(' ').length,
      ids_hash: sha(fi[i]), decoded_hash: sha(fd[i]) }));
  }
  writeJsonl(path.join(spmDir, name + '.flores.jsonl'), rows);
  return prefix + '.model';
}

(async () => {
  fs.mkdirSync(hfDir, { recursive: true });
  fs.mkdirSync(spmDir, { recursive: true });
  const spmUnigram = spm('spm-unigram', 'unigram', []);
  spm('spm-bpe', 'bpe', ['--byte_fallback=true', '--split_digits=true']);

  const bases = {
    'bytelevel-bpe': bytelevelBpe(),
    'unigram-metaspace': unigramMetaspace(charsmapFromSpm(spmUnigram)),
    'bpe-bytefallback': bpeByteFallback(),
    'wordpiece-bert': wordpieceBert(),
  };
  for (const [name, json] of Object.entries(bases)) {
    // Save through the library so the committed file is exactly what HF writes and reads.
    const saved = path.join(hfDir, name + '.json');
    Tokenizer.fromString(JSON.stringify(json)).save(saved, true);
    const back = JSON.parse(read(saved));
    writeJsonl(path.join(hfDir, name + '.sentences.jsonl'), await record(back, sentences, true));
    writeJsonl(path.join(hfDir, name + '.flores.jsonl'), await recordFlores(back));
    bases[name] = back;
    console.log(`${name}: ${Object.keys(back.model.vocab).length} pieces`);
  }
  const rows = [];
  for (const v of matrix(bases)) {
    const json = applyOverride(bases[v.base], v.over);
    rows.push({ name: v.name, base: v.base, override: v.over, results: await record(json, sentences, false) });
  }
  writeJsonl(path.join(hfDir, 'matrix.jsonl'), rows);
  console.log(`matrix: ${rows.length} variants`);
  fs.rmSync(work, { recursive: true, force: true });
})().catch((e) => { console.error(e); process.exit(1); });
