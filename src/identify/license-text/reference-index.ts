// The SPDX reference texts as matching needs them: an exact-match map of normalised-text hashes, and per license the
// sorted word-trigram hashes. Built once at build time into dist/ (build-reference-index.ts) and read with
// readFileSync + JSON.parse (cheaper at start-up than require(), which resolves and caches a module), numbers as
// raw binary files; a missing or stale file is rebuilt in memory from the spdx-license-list package, never downloaded.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import { lineValue } from '../../text-lines.js';
import { matchWords, setTemplateSlots, type OptionalSpan, type TemplateSlots } from '../normalize.js';

const require = createRequire(import.meta.url);

/** dist/license-slots.json: rules/license-templates.yaml's holder slots, which reference texts and queries both fold. */
export const SLOTS_FILE = join(PACKAGE_ROOT, 'dist', 'license-slots.json');
let slotsRead: { value: TemplateSlots | undefined } | undefined;
function readSlots(): TemplateSlots | undefined {
  if (slotsRead) return slotsRead.value;
  let value: TemplateSlots | undefined;
  try { value = JSON.parse(readFileSync(SLOTS_FILE, 'utf8')) as TemplateSlots; } catch { value = undefined; }
  // Read once: the build writes the file before anything reads it at run time.
  if (value) slotsRead = { value };
  return value;
}
setTemplateSlots(readSlots);

/** Per SPDX id, the optional phrases rules/license-templates.yaml lists (as the build wrote them). */
export function templateOptional(): Record<string, string[]> { return readSlots()?.optional ?? {}; }

let ignorableMissing: Set<string> | undefined;
/** The words rules/license-templates.yaml `ignorableMissing` lists (as the build wrote them). */
export function templateIgnorableMissing(): Set<string> { return (ignorableMissing ??= new Set(readSlots()?.ignorableMissing ?? [])); }

let variantWords: Set<string> | undefined;
/** The lone words rules/license-templates.yaml `variantWords` lists (as the build wrote them). */
export function templateVariantWords(): Set<string> { return (variantWords ??= new Set(readSlots()?.variantWords ?? [])); }

/** The optional spans rules/license-templates.yaml lists (as the build wrote them). */
export function templateSpans(): OptionalSpan[] { return readSlots()?.spans ?? []; }

/**
 * dist/license-exact.txt: normalised-text hash → SPDX id and where that text's words are in dist/license-exact-words.txt,
 * one line each. Small: with the one range of words it confirms, the only file an exact match reads.
 */
export const EXACT_FILE = join(PACKAGE_ROOT, 'dist', 'license-exact.txt');
/**
 * dist/license-exact-words.txt: the normalised words (joined by spaces, UTF-8) of every text an exact key stands for,
 * each once, a line each: a key hit is confirmed word for word by reading its range alone.
 */
export const EXACT_WORDS_FILE = join(PACKAGE_ROOT, 'dist', 'license-exact-words.txt');
/** dist/license-index.json: ids, sizes and offsets into the trigram hashes (read only on a miss). */
export const INDEX_FILE = join(PACKAGE_ROOT, 'dist', 'license-index.json');
/**
 * dist/license-index.bin: the Uint32 trigram hashes as raw bytes, read into a typed array as they are (a 3 MB
 * base64 string in JSON cost ~20 ms to read, parse and decode on every check that misses the exact map).
 */
export const GRAMS_FILE = join(PACKAGE_ROOT, 'dist', 'license-index.bin');
/**
 * dist/license-vocab.txt: the vocabulary of every reference text's matching words, one per line (a diff shows the
 * words a near miss lacks from it, so it needs neither the 5 MB package nor a tokenisation of its text), and
 * dist/license-vocab.bin: where each word starts in that text and its fnv1a hash, as Uint32 (version, count, starts,
 * hashes). A near miss looks up the few words it shows instead of parsing 17,000 strings of JSON.
 */
export const VOCAB_TEXT_FILE = join(PACKAGE_ROOT, 'dist', 'license-vocab.txt');
export const VOCAB_FILE = join(PACKAGE_ROOT, 'dist', 'license-vocab.bin');
/**
 * dist/license-words.bin: the words themselves, as Uint16 (or Uint32) numbers into the vocabulary, raw bytes (as
 * base64 in the JSON they were 1.8 MB to parse and decode on every near miss).
 */
export const WORD_IDS_FILE = join(PACKAGE_ROOT, 'dist', 'license-words.bin');
/** dist/license-samples.bin: which references hold each sampled trigram (see SampleIndex), read on a miss. */
export const SAMPLES_FILE = join(PACKAGE_ROOT, 'dist', 'license-samples.bin');

/** Bump when normalisation, hashing or a file's layout changes, so a stale dist/ index is rebuilt rather than trusted. */
export const INDEX_VERSION = 13;
/** Word n-gram size of the similarity index. */
export const GRAM = 3;
/** The appendix after this phrase (Apache-2.0, GPL "How to apply") is optional in the SPDX templates. */
const OPTIONAL_TAIL = 'end of terms and conditions';

export interface ReferenceEntry {
  id: string;
  /** Word count of the matching text (optional tail excluded). */
  words: number;
  /** Offset and count of its sorted unique trigram hashes in `grams`. */
  offset: number;
  count: number;
}

export interface ReferenceIndex { entries: ReferenceEntry[]; grams: Uint32Array }

/** The reference texts' words: entry after entry (in index order, `words` of each), as numbers into `vocab`. */
export interface ReferenceWords { vocab: string[]; ids: Uint16Array | Uint32Array }

/** The vocabulary the reference words are numbers into: a word and its fnv1a hash by number, and a number by word. */
export interface Vocabulary { size: number; word(n: number): string; hash(n: number): number; find(word: string): number | undefined }

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  return fnv1aBits(text, seed) >>> 0;
}

/**
 * fnv1a as its 32 bits in a signed integer. Hot loops keep hashes signed: the interpreter (where a start-up's loops run)
 * boxes every number outside the 32-bit signed range, so an unsigned hash cost a heap allocation per step.
 */
function fnv1aBits(text: string, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * A signed view of unsigned hashes (the same bits), for loops that must not box them; `x ^ SIGN` maps the unsigned
 * order onto the signed one, so sorted hashes stay sorted for comparisons.
 */
export const signedView = (a: Uint32Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length);
export const SIGN = -0x80000000;

/** The exact-match key of a normalised word list: two independent 32-bit hashes (64 bits) in hex. */
export function exactKey(words: readonly string[]): string {
  // fnv1a(words.join(' ')) with two seeds, in one pass and without building the joined string.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < words.length; i++) {
    if (i > 0) { a = Math.imul(a ^ 32, 0x01000193); b = Math.imul(b ^ 32, 0x01000193); }
    const w = words[i]!;
    for (let j = 0; j < w.length; j++) {
      const c = w.charCodeAt(j);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The trigram hashes of a word list, in text order (one per start position): each word hashed once, then mixed. */
export function gramHashes(words: readonly string[]): Uint32Array {
  // Hashing a word directly costs less than a Map lookup of its hash (which hashes and compares the string anyway).
  const wordHash = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHash[i] = fnv1aBits(words[i]!);
  return mixGrams(wordHash);
}

/** The trigram hashes from the words' own hashes (fnv1a of each word, in text order). */
export function mixGrams(wordHash: Uint32Array): Uint32Array {
  const n = Math.max(0, wordHash.length - GRAM + 1);
  const out = new Uint32Array(n);
  // Signed reads and a signed store: the same bits (Math.imul takes its sum modulo 2^32, and a Uint32Array store too).
  const w = signedView(wordHash);
  for (let i = 0; i < n; i++) {
    let h = Math.imul(w[i]! ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul((h ^ (h >>> 13)) + w[i + 1]!, 0xc2b2ae35);
    h = Math.imul((h ^ (h >>> 16)) + w[i + 2]!, 0x27d4eb2f);
    out[i] = h ^ (h >>> 15);
  }
  return out;
}

/** Where the optional tail starts in a word list, or the length when there is none. */
export function optionalTailStart(words: string[]): number {
  const tail = OPTIONAL_TAIL.split(' ');
  for (let i = 0; i + tail.length <= words.length; i++) {
    if (tail.every((w, j) => words[i + j] === w)) return i + tail.length;
  }
  return words.length;
}

/** The heading of the GPL-3.0 text that the LGPL-3.0 reference texts append to their own. */
const SUPPLEMENTED = /\n\s*GNU GENERAL PUBLIC LICENSE\s*\n\s*Version 3, 29 June 2007/;

/** Where a reference text's appended base license starts (past its own first 1,000 characters), if it has one. */
export function supplementStart(text: string): number | undefined {
  const m = SUPPLEMENTED.exec(text);
  return m && m.index > 1000 ? m.index : undefined;
}

interface SpdxFull { [id: string]: { name: string; licenseText: string } }

/**
 * SPDX ids whose texts are word-for-word the same as another's: the text cannot tell them apart, so it names the
 * preferred one (the `-only` form for GNU licenses: the bare text grants no "or later").
 */
function preferred(a: string, b: string): string {
  const rank = (id: string) => (/-or-later$/.test(id) ? 2 : /-only$/.test(id) ? 0 : 1);
  const order = rank(a) - rank(b) || a.length - b.length || (a < b ? -1 : 1);
  return order <= 0 ? a : b;
}

/**
 * `exact`: exact-match key → SPDX id; `texts`: the key → the words it was made from, joined by spaces, so a hit is
 * confirmed word for word (the 64-bit key is no cryptographic hash: a text made to collide with MIT's must not be MIT).
 */
export interface BuiltReferences { exact: Record<string, string>; texts: Record<string, string>; index: ReferenceIndex; words: ReferenceWords; shared: string[][] }

/** The words with each optional phrase (rules/license-templates.yaml) taken out where it occurs. */
export function withoutOptional(words: string[], phrases: string[] | undefined): string[] {
  let out = words;
  for (const phrase of phrases ?? []) {
    const p = phrase.split(' ');
    for (let i = 0; i + p.length <= out.length; i++) {
      if (p.every((w, k) => out[i + k] === w)) { out = [...out.slice(0, i), ...out.slice(i + p.length)]; i--; }
    }
  }
  return out;
}

/** Where a phrase first stands in a word list at or after `from`, or -1. */
function phraseAt(words: string[], phrase: string[], from: number): number {
  for (let i = from; i + phrase.length <= words.length; i++) if (phrase.every((w, k) => words[i + k] === w)) return i;
  return -1;
}

/**
 * The word ranges [start, end) of a reference text that optional spans cover (see rules/license-templates.yaml
 * `spans`): from where a span's `from` phrase first stands to where its `until` phrase then stands, or to the end.
 */
export function optionalSpanRanges(words: string[], spans: OptionalSpan[]): [number, number][] {
  const out: [number, number][] = [];
  for (const span of spans) {
    const start = phraseAt(words, span.from.split(' '), 0);
    if (start < 0) continue;
    const end = span.until === undefined ? words.length : phraseAt(words, span.until.split(' '), start + 1);
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** The words outside the optional spans. */
export function withoutSpans(words: string[], spans: OptionalSpan[]): string[] {
  const ranges = optionalSpanRanges(words, spans);
  if (ranges.length === 0) return words;
  const keep = new Uint8Array(words.length).fill(1);
  for (const [a, b] of ranges) keep.fill(0, a, b);
  return words.filter((_, i) => keep[i]);
}

/** Builds the index from the spdx-license-list package (deprecated ids left out). */
export function buildReferenceIndex(optional: Record<string, string[]> = templateOptional(), spans: OptionalSpan[] = templateSpans()): BuiltReferences {
  const full: SpdxFull = require('spdx-license-list/full');
  const deprecated = new Set<string>(require('spdx-license-ids/deprecated.json'));
  const exact: Record<string, string> = {};
  const texts: Record<string, string> = {};
  const byKey = new Map<string, string[]>();
  const byBody = new Map<string, number>();
  const entries: ReferenceEntry[] = [];
  const chunks: Uint32Array[] = [];
  const vocabulary = new Map<string, number>();
  const wordIds: number[] = [];
  let offset = 0;
  for (const id of Object.keys(full).sort()) {
    if (deprecated.has(id) || id.endsWith('+')) continue;
    const { words: fullWords } = matchWords(full[id]!.licenseText);
    if (fullWords.length === 0) continue;
    // The license alone: LGPL-3.0's SPDX text carries the GPL-3.0 it supplements, which a standalone LGPL-3.0 file
    // lacks. The whole text stays an exact key (a COPYING.LESSER with both is LGPL-3.0).
    const alone = supplementStart(full[id]!.licenseText);
    const whole = withoutOptional(alone === undefined ? fullWords : matchWords(full[id]!.licenseText.slice(0, alone)).words, optional[id]);
    // A text with optional spans (CC's notices) is two candidates: with them (a copy whose notice is another
    // version still scores as the license) and without (a copy that leaves them out).
    const bare = withoutSpans(whole, spans);
    for (const words of bare === whole ? [whole] : [whole, bare]) {
      const tail = optionalTailStart(words);
      for (const variant of [fullWords, words, words.slice(0, tail)]) {
        const key = exactKey(variant);
        const text = variant.join(' ');
        // Two different texts under one key would make one of them unmatchable: the build stops instead.
        if (texts[key] !== undefined && texts[key] !== text) throw new Error(`reference index: exact key ${key} stands for two texts (${id}, ${exact[key]})`);
        texts[key] = text;
        byKey.set(key, [...new Set([...(byKey.get(key) ?? []), id])]);
        exact[key] = exact[key] === undefined ? id : preferred(exact[key]!, id);
      }
      // Ids whose texts are word for word the same (GFDL-1.3-only and its -invariants-only, -or-later siblings) are
      // one candidate, named by the preferred id: a near miss of that text cannot tell them apart either.
      const bodyKey = exactKey(words.slice(0, tail));
      const twin = byBody.get(bodyKey);
      if (twin !== undefined) {
        entries[twin]!.id = preferred(entries[twin]!.id, id);
        continue;
      }
      byBody.set(bodyKey, entries.length);
      const grams = [...new Set(gramHashes(words.slice(0, tail)))].sort((a, b) => a - b);
      chunks.push(Uint32Array.from(grams));
      entries.push({ id, words: tail, offset, count: grams.length });
      offset += grams.length;
      for (let i = 0; i < tail; i++) {
        let n = vocabulary.get(words[i]!);
        if (n === undefined) { n = vocabulary.size; vocabulary.set(words[i]!, n); }
        wordIds.push(n);
      }
    }
  }
  const grams = new Uint32Array(offset);
  let at = 0;
  for (const chunk of chunks) { grams.set(chunk, at); at += chunk.length; }
  const shared = [...byKey.values()].filter((ids) => ids.length > 1);
  const vocab = [...vocabulary.keys()];
  const ids = vocab.length <= 0x10000 ? Uint16Array.from(wordIds) : Uint32Array.from(wordIds);
  return { exact, texts, index: { entries, grams }, words: { vocab, ids }, shared };
}

let exactMap: Map<string, string> | undefined;
/** The built exact table's text; null when it is missing or from another index version. */
let exactTable: string | null | undefined;
const EXACT_HEADER = `osai-exact ${INDEX_VERSION}`;
let built: BuiltReferences | undefined;
let source: IndexSource | undefined;

function fallback(): BuiltReferences {
  built ??= buildReferenceIndex();
  return built;
}

/**
 * Where a near miss reads the reference data from. The built files are read piecemeal: the entries (42 KB of JSON),
 * the sampled-trigram postings, and then only the hashes and words of the few candidates, by positional reads (the
 * whole hashes and words files are 3.7 MB; reading them, and building the sample map from 576K hashes, was most of
 * a near miss's start-up). Without built files (or stale ones), everything comes from an in-memory build.
 */
interface IndexSource {
  entries: ReferenceEntry[];
  /** Each entry's first word in the words file, by entry position. */
  wordStarts: Uint32Array;
  grams(at: number): Uint32Array;
  samples(): SampleIndex;
  vocab(): Vocabulary;
  wordIds(at: number): Uint16Array | Uint32Array;
}

/** Which references hold each sampled trigram (about one in eight): the candidates a query's samples vote for. */
export interface SampleIndex {
  /** The distinct sampled hashes, sorted. */
  keys: Uint32Array;
  /** postings[starts[k] .. starts[k + 1]) are the entry positions that hold keys[k]. */
  starts: Uint32Array;
  postings: Uint32Array;
  /** Per entry, how many sampled trigrams it has. */
  counts: Uint32Array;
}

/** A trigram hash is sampled when its low bits are zero. */
export const SAMPLE_MASK = 7;

/** Builds the sampled-trigram postings of an index (at build time, or in memory without built files). */
export function buildSampleIndex({ entries, grams }: ReferenceIndex): SampleIndex {
  const pairs: number[] = [];
  const counts = new Uint32Array(entries.length);
  entries.forEach((e, i) => {
    for (let j = e.offset; j < e.offset + e.count; j++) {
      if ((grams[j]! & SAMPLE_MASK) === 0) { pairs.push(grams[j]!, i); counts[i] = counts[i]! + 1; }
    }
  });
  const order = Array.from({ length: pairs.length / 2 }, (_, k) => k).sort((a, b) => pairs[2 * a]! - pairs[2 * b]! || pairs[2 * a + 1]! - pairs[2 * b + 1]!);
  const keys: number[] = [];
  const starts: number[] = [];
  const postings = new Uint32Array(order.length);
  order.forEach((k, n) => {
    if (keys.length === 0 || keys[keys.length - 1] !== pairs[2 * k]) { keys.push(pairs[2 * k]!); starts.push(n); }
    postings[n] = pairs[2 * k + 1]!;
  });
  starts.push(order.length);
  return { keys: Uint32Array.from(keys), starts: Uint32Array.from(starts), postings, counts };
}

/** The sample index as one little-endian Uint32 file: version, keys, postings and entries counts, then the arrays. */
export function serializeSamples(samples: SampleIndex): Buffer {
  const { keys, starts, postings, counts } = samples;
  const out = new Uint32Array(4 + keys.length + starts.length + postings.length + counts.length);
  out.set([INDEX_VERSION, keys.length, postings.length, counts.length]);
  let at = 4;
  for (const part of [keys, starts, postings, counts]) { out.set(part, at); at += part.length; }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

function parseSamples(bytes: Buffer, entries: number): SampleIndex | undefined {
  if (bytes.byteLength < 16 || bytes.byteLength % 4 !== 0) return undefined;
  const all = new Uint32Array(alignedBytes(bytes));
  const [version, n, m, e] = all as unknown as [number, number, number, number];
  if (version !== INDEX_VERSION || e !== entries || all.length !== 4 + n + (n + 1) + m + e) return undefined;
  let at = 4;
  const take = (count: number) => all.subarray(at, (at += count));
  return { keys: take(n), starts: take(n + 1), postings: take(m), counts: take(e) };
}

function wordStartsOf(entries: ReferenceEntry[]): Uint32Array {
  const starts = new Uint32Array(entries.length + 1);
  entries.forEach((e, i) => { starts[i + 1] = starts[i]! + e.words; });
  return starts;
}

/** A vocabulary over the words in memory (an in-memory build). */
function listVocabulary(words: string[]): Vocabulary {
  const hashes = new Map<number, number>();
  let numbers: Map<string, number> | undefined;
  return {
    size: words.length,
    word: (n) => words[n]!,
    hash: (n) => hashes.get(n) ?? hashes.set(n, fnv1a(words[n]!)).get(n)!,
    find: (word) => (numbers ??= new Map(words.map((w, n) => [w, n]))).get(word),
  };
}

/**
 * The built vocabulary: the words file's text and, per number, where its word starts and the word's hash. A word is
 * cut from the text only when it is asked for; a number is found by a string search and a binary search of the starts.
 */
function textVocabulary(text: string, starts: Uint32Array, hashes: Uint32Array): Vocabulary {
  const size = hashes.length;
  const word = (n: number) => text.slice(starts[n]!, starts[n + 1]! - 1);
  return {
    size,
    word,
    hash: (n) => hashes[n]!,
    find: (w) => {
      if (w.includes('\n')) return undefined;
      let at = 0;
      if (!text.startsWith(`${w}\n`)) {
        at = text.indexOf(`\n${w}\n`);
        if (at < 0) return undefined;
        at++;
      }
      let lo = 0;
      let hi = size - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! < at) lo = mid + 1; else if (starts[mid]! > at) hi = mid - 1; else return mid;
      }
      return undefined;
    },
  };
}

/** The vocabulary files the build writes: the words one per line, and their starts and hashes. */
export function serializeVocabulary(words: string[]): { text: string; bin: Buffer } {
  if (words.some((w) => w.includes('\n'))) throw new Error('reference index: a vocabulary word holds a line break');
  const out = new Uint32Array(2 + (words.length + 1) + words.length);
  out[0] = INDEX_VERSION;
  out[1] = words.length;
  let start = 0;
  words.forEach((w, n) => {
    out[2 + n] = start;
    out[2 + words.length + 1 + n] = fnv1a(w);
    start += w.length + 1;
  });
  out[2 + words.length] = start;
  return { text: words.map((w) => `${w}\n`).join(''), bin: Buffer.from(out.buffer, out.byteOffset, out.byteLength) };
}

/** The built vocabulary, or undefined when its files are missing or from another build. */
function builtVocabulary(): Vocabulary | undefined {
  const bytes = builtBytes(VOCAB_FILE);
  let text: string | undefined;
  try { text = readFileSync(VOCAB_TEXT_FILE, 'utf8'); } catch (error) { if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; }
  if (!bytes || text === undefined || bytes.byteLength < 8 || bytes.byteLength % 4 !== 0) return undefined;
  const all = new Uint32Array(alignedBytes(bytes));
  const n = all[1]!;
  if (all[0] !== INDEX_VERSION || all.length !== 2 + (n + 1) + n || all[2 + n] !== text.length) return undefined;
  return textVocabulary(text, all.subarray(2, 3 + n), all.subarray(3 + n));
}

function memorySource(): IndexSource {
  const { index, words } = fallback();
  let samples: SampleIndex | undefined;
  let vocabulary: Vocabulary | undefined;
  const wordStarts = wordStartsOf(index.entries);
  return {
    entries: index.entries,
    wordStarts,
    grams: (at) => index.grams.subarray(index.entries[at]!.offset, index.entries[at]!.offset + index.entries[at]!.count),
    samples: () => (samples ??= buildSampleIndex(index)),
    vocab: () => (vocabulary ??= listVocabulary(words.vocab)),
    wordIds: (at) => words.ids.subarray(wordStarts[at]!, wordStarts[at + 1]!),
  };
}

/** The built files as a source, or undefined when any is missing or from another build (sizes are checked up front). */
function builtSource(): IndexSource | undefined {
  const data = builtData<{ version: number; entries: ReferenceEntry[]; count: number; wordWidth: 2 | 4 }>(INDEX_FILE);
  if (!data) return undefined;
  const { entries, wordWidth: width } = data;
  const wordStarts = wordStartsOf(entries);
  const size = (file: string) => statSync(file, { throwIfNoEntry: false })?.size;
  // A half-finished build (index, hashes and words of different builds) is rebuilt, never misread.
  if (size(GRAMS_FILE) !== data.count * 4 || size(WORD_IDS_FILE) !== wordStarts[entries.length]! * width) return undefined;
  const samplesBytes = builtBytes(SAMPLES_FILE);
  const samples = samplesBytes && parseSamples(samplesBytes, entries.length);
  if (!samples) return undefined;
  // The vocabulary is read only when a diff needs words (a candidate scored high enough to be described).
  let vocab: Vocabulary | undefined;
  return {
    entries,
    wordStarts,
    grams: (at) => new Uint32Array(readRange(GRAMS_FILE, entries[at]!.offset * 4, entries[at]!.count * 4)),
    samples: () => samples,
    vocab: () => {
      vocab ??= builtVocabulary();
      if (!vocab) throw new Error(`osai: ${VOCAB_FILE} is missing or from another build than ${INDEX_FILE}; rebuild (npm run build)`);
      return vocab;
    },
    wordIds: (at) => {
      const bytes = readRange(WORD_IDS_FILE, wordStarts[at]! * width, entries[at]!.words * width);
      return width === 2 ? new Uint16Array(bytes) : new Uint32Array(bytes);
    },
  };
}

/** `length` bytes of a file from `position`, in an ArrayBuffer of their own. */
function readRange(file: string, position: number, length: number): ArrayBuffer {
  const out = new ArrayBuffer(length);
  const fd = openSync(file, 'r');
  try {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, new Uint8Array(out, done), 0, length - done, position + done);
      if (n === 0) throw new Error(`osai: ${file} ends before byte ${position + length}; rebuild it (npm run build)`);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

function indexSource(): IndexSource {
  source ??= builtSource() ?? memorySource();
  return source;
}

/** The reference entries (ids, sizes, offsets), loaded only when a text is not an exact match. */
export function referenceEntries(): ReferenceEntry[] {
  return indexSource().entries;
}

/** The sorted distinct trigram hashes of the entry at position `at` of referenceEntries(). */
export function referenceGrams(at: number): Uint32Array {
  return indexSource().grams(at);
}

/** The sampled-trigram postings over referenceEntries(). */
export function referenceSamples(): SampleIndex {
  return indexSource().samples();
}

/** The vocabulary the reference words are numbers into. */
export function referenceVocab(): Vocabulary {
  return indexSource().vocab();
}

/** The words (numbers into referenceVocab()) of the entry at position `at`, optional tail left out. */
export function referenceWordIds(at: number): Uint16Array | Uint32Array {
  return indexSource().wordIds(at);
}

/** Built data from dist/, or undefined when it is missing or from another index version (then it is rebuilt). */
function builtData<T extends { version?: number }>(file: string): T | undefined {
  const bytes = builtBytes(file);
  if (!bytes) return undefined;
  // latin1: the build writes ASCII JSON (see asciiJson), which V8 parses fastest as a one-byte string.
  const data = JSON.parse(bytes.toString('latin1')) as T;
  return data.version === INDEX_VERSION ? data : undefined;
}

/** A built file's bytes, or undefined when it is not built (then the data is rebuilt in memory). */
function builtBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The exact-match table as built: a version line, then one `key<TAB>id<TAB>start<TAB>length` line per reference text
 * (the byte range of its words in EXACT_WORDS_FILE). A run looks up one key, so the text is searched, not parsed into
 * a map of ~700 entries.
 */
function exactText(): string | undefined {
  if (exactTable === undefined) {
    const bytes = builtBytes(EXACT_FILE);
    const text = bytes?.toString('latin1');
    exactTable = text?.startsWith(`${EXACT_HEADER}\n`) ? text : null;
  }
  return exactTable ?? undefined;
}

/**
 * The SPDX id whose normalised text is exactly these words, if any: looked up by the fast 64-bit key, then confirmed
 * word for word against the reference's own words, so a text crafted to share a reference's key is no match (it goes
 * on to similarity). Comparing costs less than a digest: node:crypto alone took 3–5 ms to load.
 */
export function exactMatch(words: readonly string[]): string | undefined {
  const key = exactKey(words);
  const table = exactText();
  if (table) {
    try {
      return confirmedExact(lineValue(table, key), words, (start, length) => Buffer.from(readRange(EXACT_WORDS_FILE, start, length)));
    } catch {
      // The words file is missing or shorter than the table says (a half-finished build): confirm from an in-memory
      // build instead, never from the key alone.
    }
  }
  const { exact, texts } = fallback();
  if (exact[key] === undefined) return undefined;
  const bytes = Buffer.from(texts[key]!, 'utf8');
  return confirmedExact(`${exact[key]}\t0\t${bytes.length}`, words, () => bytes);
}

/**
 * The id of an exact table's value (`id<TAB>start<TAB>length`) when the reference words it points at (`read` gives
 * those bytes) are `words`, joined by spaces, byte for byte; otherwise undefined.
 */
export function confirmedExact(value: string | undefined, words: readonly string[], read: (start: number, length: number) => Uint8Array): string | undefined {
  const [id, start, length, ...rest] = value?.split('\t') ?? [];
  if (!id || rest.length > 0 || !/^\d+$/.test(start ?? '') || !/^\d+$/.test(length ?? '')) return undefined;
  const own = Buffer.from(words.join(' '), 'utf8');
  return own.length === Number(length) && own.equals(read(Number(start), Number(length))) ? id : undefined;
}

/** The exact-match map: hash of normalised text → SPDX id (tests and tools; a check uses exactMatch). */
export function exactMatches(): Map<string, string> {
  if (!exactMap) {
    const text = exactText();
    exactMap = text
      ? new Map(text.split('\n').slice(1).filter((l) => l !== '').map((l) => l.split('\t').slice(0, 2) as [string, string]))
      : new Map(Object.entries(fallback().exact));
  }
  return exactMap;
}

/** The exact-match table and the words file it points into, one line per distinct text, as the build writes them. */
function serializeExact(exact: Record<string, string>, texts: Record<string, string>): { table: string; words: string } {
  const stored: string[] = [];
  const at = new Map<string, number>();
  let size = 0;
  for (const text of new Set(Object.values(texts))) {
    if (text.includes('\n')) throw new Error('reference index: an exact text holds a line break');
    at.set(text, size);
    stored.push(text);
    size += Buffer.byteLength(text, 'utf8') + 1;
  }
  const lines = Object.entries(exact).map(([key, id]) => {
    const text = texts[key];
    if (!/^[0-9a-f]+$/.test(key) || /[\t\n]/.test(id) || text === undefined) throw new Error(`reference index: exact key ${key} → ${id} cannot be a table line`);
    return `${key}\t${id}\t${at.get(text)!}\t${Buffer.byteLength(text, 'utf8')}\n`;
  });
  return { table: `${EXACT_HEADER}\n${lines.join('')}`, words: stored.map((s) => `${s}\n`).join('') };
}

/** The whole similarity index in memory (tests and tools; a check reads only its candidates' parts). */
export function referenceIndex(): ReferenceIndex {
  const { entries } = indexSource();
  const count = entries.reduce((n, e) => n + e.count, 0);
  const grams = new Uint32Array(count);
  entries.forEach((e, at) => grams.set(referenceGrams(at), e.offset));
  return { entries, grams };
}

/** All the reference words in memory, lined up with referenceIndex()'s entries (tests and tools). */
export function referenceWords(): ReferenceWords {
  const { entries, wordStarts } = indexSource();
  const first = referenceWordIds(0);
  const ids = first instanceof Uint16Array ? new Uint16Array(wordStarts[entries.length]!) : new Uint32Array(wordStarts[entries.length]!);
  entries.forEach((_, at) => ids.set(referenceWordIds(at), wordStarts[at]!));
  const vocab = referenceVocab();
  return { vocab: Array.from({ length: vocab.size }, (_, n) => vocab.word(n)), ids };
}

/**
 * Bytes in an ArrayBuffer of their own (typed-array views need an aligned start). readFileSync gives a large file a
 * buffer of its own, used as it is; a small read may share a pool, and is copied.
 */
export function alignedBytes(bytes: Buffer): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** JSON with every non-ASCII UTF-16 unit escaped (\uXXXX): the same value, and a one-byte string when read as latin1. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The index as the files the build writes. */
export function serializeIndex(built: BuiltReferences): { exact: { table: string; words: string }; index: string; grams: Buffer; vocab: { text: string; bin: Buffer }; wordIds: Buffer; samples: Buffer } {
  const { grams, entries } = built.index;
  const raw = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const { vocab, ids } = built.words;
  return {
    exact: serializeExact(built.exact, built.texts),
    index: asciiJson({ version: INDEX_VERSION, entries, count: grams.length, wordWidth: ids.BYTES_PER_ELEMENT }),
    grams: raw(grams),
    vocab: serializeVocabulary(vocab),
    wordIds: raw(ids),
    samples: serializeSamples(buildSampleIndex(built.index)),
  };
}
