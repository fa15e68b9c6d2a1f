// The SPDX reference texts as matching needs them: an exact-match map of normalised-text hashes, and per license the
// sorted word-trigram hashes. Built once at build time into dist/ (build-reference-index.ts) and read with
// readFileSync + JSON.parse (cheaper at start-up than require(), which resolves and caches a module), numbers as
// raw binary files; a missing or stale file is rebuilt in memory from the spdx-license-list package, never downloaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import { matchWords } from '../normalize.js';

const require = createRequire(import.meta.url);

/** dist/license-exact.json: normalised-text hash → SPDX id. Small: the only file an exact match reads. */
export const EXACT_FILE = join(PACKAGE_ROOT, 'dist', 'license-exact.json');
/** dist/license-index.json: ids, sizes and offsets into the trigram hashes (read only on a miss). */
export const INDEX_FILE = join(PACKAGE_ROOT, 'dist', 'license-index.json');
/**
 * dist/license-index.bin: the Uint32 trigram hashes as raw bytes, read into a typed array as they are (a 3 MB
 * base64 string in JSON cost ~20 ms to read, parse and decode on every check that misses the exact map).
 */
export const GRAMS_FILE = join(PACKAGE_ROOT, 'dist', 'license-index.bin');
/**
 * dist/license-words.json: the vocabulary of every reference text's matching words (read only to show the words a
 * near miss lacks), so a diff needs neither the 5 MB package nor a tokenisation of its text.
 */
export const WORDS_FILE = join(PACKAGE_ROOT, 'dist', 'license-words.json');
/**
 * dist/license-words.bin: the words themselves, as Uint16 (or Uint32) numbers into the vocabulary, raw bytes (as
 * base64 in the JSON they were 1.8 MB to parse and decode on every near miss).
 */
export const WORD_IDS_FILE = join(PACKAGE_ROOT, 'dist', 'license-words.bin');

/** Bump when normalisation, hashing or a file's layout changes, so a stale dist/ index is rebuilt rather than trusted. */
export const INDEX_VERSION = 7;
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

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The exact-match key of a normalised word list: two independent 32-bit hashes (64 bits) in hex. */
export function exactKey(words: string[]): string {
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
  for (let i = 0; i < words.length; i++) wordHash[i] = fnv1a(words[i]!);
  return mixGrams(wordHash);
}

/** The trigram hashes from the words' own hashes (fnv1a of each word, in text order). */
export function mixGrams(wordHash: Uint32Array): Uint32Array {
  const n = Math.max(0, wordHash.length - GRAM + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = Math.imul(wordHash[i]! ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul((h ^ (h >>> 13)) + wordHash[i + 1]!, 0xc2b2ae35);
    h = Math.imul((h ^ (h >>> 16)) + wordHash[i + 2]!, 0x27d4eb2f);
    out[i] = (h ^ (h >>> 15)) >>> 0;
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

export interface BuiltReferences { exact: Record<string, string>; index: ReferenceIndex; words: ReferenceWords; shared: string[][] }

/** Builds the index from the spdx-license-list package (deprecated ids left out). */
export function buildReferenceIndex(): BuiltReferences {
  const full: SpdxFull = require('spdx-license-list/full');
  const deprecated = new Set<string>(require('spdx-license-ids/deprecated.json'));
  const exact: Record<string, string> = {};
  const byKey = new Map<string, string[]>();
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
    const words = alone === undefined ? fullWords : matchWords(full[id]!.licenseText.slice(0, alone)).words;
    const tail = optionalTailStart(words);
    for (const key of new Set([exactKey(fullWords), exactKey(words), exactKey(words.slice(0, tail))])) {
      byKey.set(key, [...(byKey.get(key) ?? []), id]);
      exact[key] = exact[key] === undefined ? id : preferred(exact[key]!, id);
    }
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
  const grams = new Uint32Array(offset);
  let at = 0;
  for (const chunk of chunks) { grams.set(chunk, at); at += chunk.length; }
  const shared = [...byKey.values()].filter((ids) => ids.length > 1);
  const vocab = [...vocabulary.keys()];
  const ids = vocab.length <= 0x10000 ? Uint16Array.from(wordIds) : Uint32Array.from(wordIds);
  return { exact, index: { entries, grams }, words: { vocab, ids }, shared };
}

let exactMap: Map<string, string> | undefined;
let index: ReferenceIndex | undefined;
let referenceWordData: ReferenceWords | undefined;
let built: BuiltReferences | undefined;

function fallback(): BuiltReferences {
  built ??= buildReferenceIndex();
  return built;
}

/** Built data from dist/, or undefined when it is missing or from another index version (then it is rebuilt). */
function builtData<T extends { version?: number }>(file: string): T | undefined {
  const bytes = builtBytes(file);
  if (!bytes) return undefined;
  const data = JSON.parse(bytes.toString('utf8')) as T;
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

/** The exact-match map: hash of normalised text → SPDX id. */
export function exactMatches(): Map<string, string> {
  if (!exactMap) {
    const data = builtData<{ version: number; exact: Record<string, string> }>(EXACT_FILE);
    exactMap = new Map(Object.entries(data ? data.exact : fallback().exact));
  }
  return exactMap;
}

/** The similarity index, loaded only when a text is not an exact match. */
export function referenceIndex(): ReferenceIndex {
  if (!index) {
    const data = builtData<{ version: number; entries: ReferenceEntry[]; count: number }>(INDEX_FILE);
    const grams = data && gramsFile(data.count);
    index = data && grams ? { entries: data.entries, grams } : fallback().index;
  }
  return index;
}

/** The reference words, loaded only for the words a near miss lacks; they line up with referenceIndex()'s entries. */
export function referenceWords(): ReferenceWords {
  if (!referenceWordData) {
    const data = builtData<{ version: number; vocab: string[]; width: 2 | 4 }>(WORDS_FILE);
    const { entries } = referenceIndex();
    const total = entries.reduce((n, e) => n + e.words, 0);
    const bytes = data && builtBytes(WORD_IDS_FILE);
    const ids = data && bytes && bytes.byteLength % data.width === 0
      ? (data.width === 2 ? new Uint16Array(alignedBytes(bytes)) : new Uint32Array(alignedBytes(bytes))) : undefined;
    // Words built apart from the index it was loaded with (a half-finished build) are rebuilt, never misread.
    referenceWordData = data && ids && ids.length === total ? { vocab: data.vocab, ids } : fallback().words;
  }
  return referenceWordData;
}

/** The trigram hashes from dist/, or undefined when the file is missing or not the length the index names. */
function gramsFile(count: number): Uint32Array | undefined {
  const bytes = builtBytes(GRAMS_FILE);
  // A half-finished build (index and hashes of different builds) is rebuilt, never misread.
  if (!bytes || bytes.byteLength !== count * 4) return undefined;
  return new Uint32Array(alignedBytes(bytes));
}

/**
 * Bytes in an ArrayBuffer of their own (typed-array views need an aligned start). readFileSync gives a large file a
 * buffer of its own, used as it is (copying the 2.3 MB of hashes and 1.4 MB of words cost time and garbage); a
 * small read may share a pool, and is copied.
 */
function alignedBytes(bytes: Buffer): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The index as the files the build writes. */
export function serializeIndex(built: BuiltReferences): { exact: string; index: string; grams: Buffer; words: string; wordIds: Buffer } {
  const { grams, entries } = built.index;
  const raw = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const { vocab, ids } = built.words;
  return {
    exact: JSON.stringify({ version: INDEX_VERSION, exact: built.exact }),
    index: JSON.stringify({ version: INDEX_VERSION, entries, count: grams.length }),
    grams: raw(grams),
    words: JSON.stringify({ version: INDEX_VERSION, vocab, width: ids.BYTES_PER_ELEMENT }),
    wordIds: raw(ids),
  };
}
