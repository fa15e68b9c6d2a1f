// What a reference text holds beyond the words it is matched on: each license's own title words (its SPDX name and
// the heading lines its text starts with), and the trigrams of its optional tail (Apache-2.0's appendix, the GNU "How
// to apply these terms") and of the lines matching leaves out (copyright lines that carry a sentence, as OLDAP's and
// Unicode's do). Built at build time into dist/license-extras.txt (one `id<TAB>start<TAB>count<TAB>title words` line
// each, found by a string search: a run needs the lines of its matched ids only) and dist/license-extras.bin (the
// trigram hashes as Uint32, each id's `count` from `start`), read only when a file has words its match does not explain.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import { escapeLines, lineValue, unescapeLines } from '../../text-lines.js';
import { matchWords, normalizeText } from '../normalize.js';
import { alignedBytes, exactKey, gramHashes, INDEX_VERSION, optionalSpanRanges, optionalTailStart, templateSpans } from './reference-index.js';

const require = createRequire(import.meta.url);

export const EXTRAS_FILE = join(PACKAGE_ROOT, 'dist', 'license-extras.txt');
export const EXTRA_GRAMS_FILE = join(PACKAGE_ROOT, 'dist', 'license-extras.bin');

export interface ReferenceExtras {
  /** id → the words its title lines may use (space-separated, each once). */
  titles: Record<string, string>;
  /** id → the sorted trigram hashes of its optional tail and its left-out lines, for the ids that have any. */
  grams: Record<string, number[]>;
  /** id → the lines matchWords leaves out of its own text (its title lines), as ownLineKeys gives them. */
  ownLines: Record<string, string[]>;
}

/**
 * Lines left out of a text by matchWords, each as `<lines since the one before>:<its text, spaces collapsed>`: equal
 * lists mean the same lines in the same places (paragraphs and all).
 */
export function ownLineKeys(dropped: readonly { line: number; text: string }[]): string[] {
  return dropped.map((d, i) => `${i === 0 ? 0 : d.line - dropped[i - 1]!.line}:${d.text.replace(/\s+/g, ' ').trim()}`);
}

/** Builds the extras from the spdx-license-list package. */
export function buildReferenceExtras(spans = templateSpans()): ReferenceExtras {
  const full: Record<string, { name: string; licenseText: string }> = require('spdx-license-list/full');
  const titles: Record<string, string> = {};
  const extra: Record<string, number[]> = {};
  const ownLines: Record<string, string[]> = {};
  const groups = new Map<string, string[]>();
  for (const id of Object.keys(full).sort()) {
    const { name, licenseText } = full[id]!;
    const mw = matchWords(licenseText);
    if (mw.dropped.length > 0) ownLines[id] = ownLineKeys(mw.dropped);
    const lines = licenseText.split(/\r\n|[\r\n\u2028\u2029]/);
    // The heading lines matchWords leaves out of the reference (everything above its first matching word).
    const head = lines.slice(0, Math.max(0, (mw.lines[0] ?? 1) - 1)).join(' ');
    const words = new Set([...normalizeText(`${name} ${id.replace(/[-.]/g, ' ')} ${head}`).split(' ')].filter((w) => w !== ''));
    titles[id] = [...words].join(' ');
    // Ids whose texts are the same words (GPL-3.0-only and -or-later, OFL-1.1 and -RFN) share their titles: a text
    // titled "GNU General Public License v3.0 or later" over the GPL-3.0 text has no words beyond the license.
    const key = exactKey(mw.words);
    groups.set(key, [...(groups.get(key) ?? []), id]);
    const grams = new Set<number>();
    const tail = optionalTailStart(mw.words);
    // The tail starts after "end of terms and conditions"; its first words overlap the body's last trigrams.
    if (tail < mw.words.length) for (const g of gramHashes(mw.words.slice(Math.max(0, tail - 2)))) grams.add(g);
    // Optional spans (CC's notices around its legal code) explain a copy that has them, as the tail does.
    for (const [a, b] of optionalSpanRanges(mw.words, spans)) for (const g of gramHashes(mw.words.slice(Math.max(0, a - 2), b + 2))) grams.add(g);
    // Its title lines as one run into its first words: a re-wrap joins them ("PREAMBLE The goals of …" in OFL-1.1).
    const headWords = normalizeText(head);
    if (headWords !== '') for (const g of gramHashes([...headWords.split(' '), ...mw.words.slice(0, 2)])) grams.add(g);
    const kept = new Set(mw.lines);
    lines.forEach((line, i) => {
      if (kept.has(i + 1) || !/[\p{L}\p{N}]/u.test(line)) return;
      const words = normalizeText(line);
      if (words !== '') for (const g of gramHashes(words.split(' '))) grams.add(g);
    });
    if (grams.size > 0) extra[id] = [...grams].sort((a, b) => a - b);
  }
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    const shared = [...new Set(ids.flatMap((id) => titles[id]!.split(' ')))].join(' ');
    for (const id of ids) titles[id] = shared;
  }
  return { titles, grams: extra, ownLines };
}

/** The two build outputs: a version line and one line per id, and the hashes the lines point into. */
export function serializeExtras(extras: ReferenceExtras): { lines: string; grams: Buffer } {
  const ids = Object.keys(extras.titles).sort();
  const all = new Uint32Array(ids.reduce((n, id) => n + (extras.grams[id]?.length ?? 0), 0));
  let start = 0;
  const lines = ids.map((id) => {
    const g = extras.grams[id] ?? [];
    all.set(g, start);
    const own = extras.ownLines[id];
    // ASCII (escapeLines), so a run reads the file as latin1, not as 130 KB of UTF-8 to decode.
    const line = `${id}\t${start}\t${g.length}\t${escapeLines(`${extras.titles[id]!}${own ? `\t${JSON.stringify(own)}` : ''}`)}\n`;
    start += g.length;
    return line;
  });
  return { lines: `${INDEX_VERSION}\n${lines.join('')}`, grams: Buffer.from(all.buffer, all.byteOffset, all.byteLength) };
}

let built: ReferenceExtras | undefined;
/** Both parts rebuilt in memory, for a dist/ without them or from another index version. */
const rebuilt = (): ReferenceExtras => (built ??= buildReferenceExtras());

/** The built files (the lines, and the hashes read on first need), or null when they are missing or stale. */
let files: { lines: string; grams: () => Uint32Array } | null | undefined;
function builtFiles(): typeof files {
  if (files !== undefined) return files;
  let lines: string | undefined;
  try {
    lines = readFileSync(EXTRAS_FILE, 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let grams: Uint32Array | undefined;
  files = lines !== undefined && lines.startsWith(`${INDEX_VERSION}\n`)
    ? { lines, grams: () => (grams ??= new Uint32Array(alignedBytes(readFileSync(EXTRA_GRAMS_FILE)))) }
    : null;
  return files;
}

/** An id's line of the built file, split: [start, count, title, own lines as JSON]; undefined when the id has none. */
function lineOf(lines: string, id: string): [number, number, string, string | undefined] | undefined {
  const value = lineValue(lines, id);
  if (value === undefined) return undefined;
  const [start, count, title, own] = unescapeLines(value).split('\t');
  return [Number(start), Number(count), title ?? '', own];
}

/** The lines matchWords leaves out of an id's own text (ownLineKeys), or undefined for an id without an SPDX text. */
export function referenceOwnLines(id: string): string[] | undefined {
  if (ownLinesRead.has(id)) return ownLinesRead.get(id);
  const f = builtFiles();
  const line = f && lineOf(f.lines, id);
  const own = !f ? rebuilt().ownLines[id] : line ? (line[3] ? JSON.parse(line[3]) as string[] : []) : undefined;
  ownLinesRead.set(id, own);
  return own;
}
const ownLinesRead = new Map<string, string[] | undefined>();

/** The words an id's title lines may use (space-separated), or undefined for an id without an SPDX text. */
export function referenceTitle(id: string): string | undefined {
  const f = builtFiles();
  return f ? lineOf(f.lines, id)?.[2] : rebuilt().titles[id];
}

/** The sorted trigram hashes of an id's optional tail and left-out lines, or undefined when it has none. */
export function referenceExtraGrams(id: string): ArrayLike<number> | undefined {
  const f = builtFiles();
  if (!f) return rebuilt().grams[id];
  const line = lineOf(f.lines, id);
  return line && line[1] > 0 ? f.grams().subarray(line[0], line[0] + line[1]) : undefined;
}
