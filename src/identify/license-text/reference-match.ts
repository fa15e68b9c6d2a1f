// Matches a text against the SPDX reference texts: exact on the normalised words, else the densest region of each
// candidate scored by Dice over word trigrams, with guards so a restricted text never comes out as an open license.
import { diffArrays } from 'diff';
import { noteCodePath } from '../../code-path.js';
import { HOLDER_SLOT, matchWords, normalizeText, type MatchWords } from '../normalize.js';
import { referenceTitle } from './reference-extras.js';
import {
  exactMatch, gramHashes, mixGrams, referenceEntries, referenceGrams, referenceSamples, referenceVocab,
  referenceWordIds, SAMPLE_MASK, SIGN, signedView, templateIgnorableMissing, templateOptional, templateVariantWords, type ReferenceEntry, type Vocabulary,
} from './reference-index.js';

/** Below this Dice score a region is not that license: the text is `unknown`, with the closest candidate. */
export const MATCH_THRESHOLD = 0.95;
/** Candidates below this score are not worth naming as the closest. */
const CLOSEST_FLOOR = 0.3;
/** How much lower a containing license may score and still go first (see preferLarger). */
const LARGER_MARGIN = 0.03;
/** No real license file holds more licenses than this; the cap bounds the work on a hostile one. */
const MAX_LICENSES_PER_TEXT = 6;

export interface Diff { missing: string[]; extra: string[] }

export interface ReferenceMatch {
  id: string;
  /** 1 for an exact match of the normalised text; else the Dice score of the matched region. */
  score: number;
  line: number;
  endLine: number;
  /** The words (indices into matchWords(text).words) the match explains. */
  words?: [number, number];
  diff?: Diff;
  /** Runs of words inside the region (indices, inclusive) that the reference does not have and its template does not explain. */
  inner?: [number, number][];
  /** Every reference word the region lacks (distinct), so a caller can refuse a match whose grant was cut. */
  missing?: string[];
  /**
   * The runs of reference words the region lacks where they stand, by an alignment of the two word sequences (a
   * phrase the reference has twice, as Apache-2.0's "perpetual, worldwide …", is missed by trigrams when one copy is
   * cut); undefined when the two are too far apart to align cheaply.
   */
  deleted?: string[][];
  /** Why a region that scored above the threshold was still refused. */
  refused?: string;
}

export interface ReferenceResult {
  matches: ReferenceMatch[]; closest?: ReferenceMatch; words: MatchWords;
  /** The words' trigram hashes (gramHashes(words.words)), when the match computed them. */
  grams?: Uint32Array;
}

/** Words whose presence in a text but absence from the reference adds a restriction the reference does not have. */
const RESTRICTING = ['noncommercial', 'noderivatives', 'noderivs', 'sharealike', 'research', 'nonprofit'];
/** License elements (Creative Commons) whose absence from a text makes it another license than one that has them. */
const CC_ELEMENTS = ['noncommercial', 'noderivatives', 'noderivs', 'sharealike'];
/** Extra words inside a matched region that can carry a new restriction. */
const RESTRICTIVE_EXTRA = /^(noncommercial|commercial|research|prohibit\w*|restrict\w*|forbid\w*|not|no|only|except|military|harm\w*|revoc\w*|terminat\w*|permission|users|in|within|inside|outside|during|until|before|after|per)$/;
/** Exact match first; then candidate regions, best first, each explaining text no better match explained. */
export function matchReferences(text: string): ReferenceResult {
  const mw = matchWords(text);
  if (mw.words.length === 0) return { matches: [], words: mw };
  const whole = exactMatch(mw.words);
  // The whole file is the license, title lines included, so it starts on the file's first non-blank line.
  if (whole) return { matches: [{ id: whole, score: 1, line: firstTextLine(text), endLine: mw.lines[mw.lines.length - 1]!, words: [0, mw.words.length - 1] }], words: mw };
  return { ...similar(mw), words: mw };
}

/**
 * A text's trigrams: in order, sorted and distinct, and each position's rank in the sorted list; `seen` and
 * `stamp` mark distinct trigrams (by rank) without clearing between uses.
 */
interface Query { grams: Uint32Array; sorted: Uint32Array; rank: Uint32Array; seen: Uint32Array; stamp: number }
/** A candidate's densest region; `inRef[r]` says whether the reference has the query's distinct trigram of rank r. */
interface Scored { entry: ReferenceEntry; at: number; score: number; shared: number; start: number; end: number; inRef: Uint8Array }

/** Texts of up to this many trigrams rank them in one sort (see queryOf): 2^21, so hash × span + position < 2^53. */
const RANK_SPAN = 2 ** 21;

function queryOf(grams: Uint32Array): Query {
  const n = grams.length;
  const sorted = new Uint32Array(n);
  const rank = new Uint32Array(n);
  let m = 0;
  if (n <= RANK_SPAN) {
    // Each trigram with its position in one number (hash × 2^21 + position, exact in a double), sorted natively: one
    // pass then gives the distinct hashes and every position's rank, with no search per position.
    const keyed = new Float64Array(n);
    for (let i = 0; i < n; i++) keyed[i] = grams[i]! * RANK_SPAN + i;
    keyed.sort();
    for (let k = 0; k < n; k++) {
      const v = keyed[k]!;
      const h = Math.floor(v / RANK_SPAN);
      if (m === 0 || sorted[m - 1] !== h) sorted[m++] = h;
      rank[v - h * RANK_SPAN] = m - 1;
    }
  } else {
    const all = grams.slice().sort();
    for (let i = 0; i < n; i++) if (m === 0 || all[i] !== all[m - 1]) sorted[m++] = all[i]!;
    const distinct = signedView(sorted.subarray(0, m));
    const signed = signedView(grams);
    for (let i = 0; i < n; i++) rank[i] = signedIndexOf(distinct, signed[i]!);
  }
  return { grams, sorted: sorted.subarray(0, m), rank, seen: new Uint32Array(m), stamp: 0 };
}

function similar(mw: MatchWords): Omit<ReferenceResult, 'words'> {
  noteCodePath('license-near-miss');
  const query = gramHashes(mw.words);
  if (query.length === 0) return { matches: [] };
  const q = queryOf(query);
  // A candidate's hashes are read once per run, whichever round asks for them.
  const refGrams = new Map<number, Uint32Array>();
  const refOf = (at: number) => refGrams.get(at) ?? refGrams.set(at, referenceGrams(at)).get(at)!;
  const covered = new Uint8Array(query.length);
  const matches: ReferenceMatch[] = [];
  let closest: ReferenceMatch | Scored | undefined;
  // Each round looks for the best license in the text no earlier match explained (Apache-2.0, then the MIT text in
  // its third-party notices), so a family of near-identical candidates cannot crowd a second license out.
  for (let round = 0; round < MAX_LICENSES_PER_TEXT; round++) {
    const scored = preferLarger(candidatesFor(q, round === 0 ? undefined : covered)
      .map((at) => region(q, refOf(at), referenceEntries()[at]!, at, round === 0 ? undefined : covered))
      .sort((a, b) => b.score - a.score || b.shared - a.shared));
    let accepted = false;
    for (const s of scored) {
      if (s.score < CLOSEST_FLOOR) break;
      if (s.score >= MATCH_THRESHOLD) {
        const match = describe(s, mw, q);
        if (!match.refused) {
          matches.push(match);
          for (let i = s.start; i <= s.end; i++) covered[i] = 1;
          accepted = true;
          break;
        }
        if (!closest || s.score > closest.score) closest = match;
      } else if (!closest || s.score > closest.score) closest = s;
    }
    if (!accepted) break;
  }
  matches.sort((a, b) => a.line - b.line);
  if (matches.length > 0 || !closest) return { matches, grams: query };
  return { matches, closest: 'id' in closest ? closest : describe(closest, mw, q), grams: query };
}

/**
 * A license that holds another whole (Cube holds Zlib, FSFULLRWD holds FSFULLR) scores a little lower on the same
 * text than the one it holds, yet explains more of it: within a small margin of the best score, the one that
 * explains most goes first.
 */
function preferLarger(scored: Scored[]): Scored[] {
  const top = scored[0];
  if (!top || top.score < MATCH_THRESHOLD) return scored;
  let best = top;
  for (const s of scored) {
    // So does a license's whole text over its entry without optional spans: its region explains a notice of
    // another version too.
    if (s.score >= MATCH_THRESHOLD && top.score - s.score <= LARGER_MARGIN && s.shared > best.shared
      && s.start <= top.start && s.end >= top.end) best = s;
  }
  return best === top ? scored : [best, ...scored.filter((s) => s !== best)];
}

/**
 * Candidate references (their positions in referenceEntries()): those with most of their sampled trigrams in the query
 * (about one trigram in eight), counted over the prebuilt postings of each sampled hash.
 */
function candidatesFor(q: Query, covered: Uint8Array | undefined): number[] {
  const { keys, starts, postings, counts } = referenceSamples();
  const hits = new Uint32Array(counts.length);
  const { grams, rank, seen } = q;
  const query = signedView(grams);
  const keyView = signedView(keys);
  const stamp = ++q.stamp;
  for (let i = 0; i < query.length; i++) {
    const h = query[i]!;
    if ((h & SAMPLE_MASK) !== 0 || covered?.[i] || seen[rank[i]!] === stamp) continue;
    seen[rank[i]!] = stamp;
    const k = signedIndexOf(keyView, h);
    if (k >= 0) for (let p = starts[k]!; p < starts[k + 1]!; p++) hits[postings[p]!] = hits[postings[p]!]! + 1;
  }
  const ranked: [number, number][] = [];
  hits.forEach((n, i) => { if (n > 0) ranked.push([i, n / Math.max(counts[i]!, 1)]); });
  return ranked.filter(([, c]) => c >= 0.3).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([i]) => i);
}

/** The position of `h` in a sorted array, or -1. */
function indexOf(sorted: Uint32Array, h: number): number {
  return signedIndexOf(signedView(sorted), h);
}

/** indexOf on a signed view of the sorted array (see signedView): compared signed, so nothing is boxed. */
function signedIndexOf(view: Int32Array, h: number): number {
  const key = h ^ SIGN;
  let lo = 0;
  let hi = view.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = view[mid]! ^ SIGN;
    if (v === key) return mid;
    if (v < key) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/** Which of the query's distinct trigrams (by their rank in `sorted`) the sorted reference has: a merge of two lists. */
function sharedWith(sorted: Uint32Array, ref: Uint32Array): Uint8Array {
  const out = new Uint8Array(sorted.length);
  const s = signedView(sorted);
  const r = signedView(ref);
  let i = 0; let j = 0;
  while (i < s.length && j < r.length) {
    const a = s[i]! ^ SIGN; const b = r[j]! ^ SIGN;
    if (a === b) { out[i] = 1; i++; j++; } else if (a < b) i++; else j++;
  }
  return out;
}

/** The densest run of the query in this reference (maximum subarray: +1 a shared trigram, -1 another), scored by Dice. */
function region(q: Query, ref: Uint32Array, entry: ReferenceEntry, at: number, covered: Uint8Array | undefined): Scored {
  const inRef = sharedWith(q.sorted, ref);
  const { rank } = q;
  let best = 0; let bestStart = 0; let bestEnd = -1;
  let sum = 0; let start = 0;
  for (let i = 0; i < rank.length; i++) {
    const w = covered?.[i] ? -1 : inRef[rank[i]!] ? 1 : -1;
    if (sum <= 0) { sum = 0; start = i; }
    sum += w;
    if (sum > best) { best = sum; bestStart = start; bestEnd = i; }
  }
  if (bestEnd < 0) return { entry, at, score: 0, shared: 0, start: 0, end: -1, inRef };
  // Distinct trigrams of the region; a trigram that also occurs before the region (in another license) still counts.
  q.stamp++;
  let inRegion = 0;
  let shared = 0;
  for (let i = bestStart; i <= bestEnd; i++) {
    const r = rank[i]!;
    if (q.seen[r] === q.stamp) continue;
    q.seen[r] = q.stamp;
    inRegion++;
    if (!covered?.[i] && inRef[r]) shared++;
  }
  // Only an exact match of the normalised text scores 1.
  const score = Math.min(0.999, (2 * shared) / (entry.count + inRegion));
  return { entry, at, score, shared, start: bestStart, end: bestEnd, inRef };
}

/** A scored region as a match: lines, the words that differ, and a refusal when the text adds a restriction. */
function describe(s: Scored, mw: MatchWords, q: Query): ReferenceMatch {
  const { inRef } = s;
  const { rank } = q;
  const extraWords: string[][] = [];
  const inner: [number, number][] = [];
  const innerRuns: [number, number][] = [];
  let run: string[] = [];
  const regionGuards = new Set<string>();
  for (let w = s.start; w <= s.end + 2 && w < mw.words.length; w++) {
    const word = mw.words[w]!;
    if (GUARD_WORDS.has(word)) regionGuards.add(word);
    // A word is extra when no trigram that covers it is in the reference.
    let found = false;
    for (let g = Math.max(s.start, w - 2); g <= Math.min(s.end, w); g++) if (inRef[rank[g]!]) { found = true; break; }
    if (!found) run.push(word);
    else if (run.length) { extraWords.push(run); innerRuns.push([w - run.length, w - 1]); run = []; }
  }
  if (run.length) extraWords.push(run);
  const ref = wordsOf(s.at);
  const missing = s.score < 1 ? missingWords(ref, q, s.start, s.end) : [];
  const lacking = new Set(missing.flat());
  for (const [a, b] of innerRuns) if (!explainedRun(mw.words.slice(a, b + 1), s.entry.id, lacking)) inner.push([a, b]);
  const match: ReferenceMatch = {
    id: s.entry.id, score: Math.round(s.score * 1000) / 1000, line: mw.lines[s.start] ?? 1, endLine: mw.lines[Math.min(s.end + 2, mw.lines.length - 1)] ?? 1,
    words: [s.start, Math.min(s.end + 2, mw.words.length - 1)],
  };
  if (inner.length > 0) match.inner = inner;
  let aligned: Deletion[] | undefined;
  if (s.score < 1) {
    match.missing = [...lacking];
    aligned = deletedRuns(ref, mw.words.slice(s.start, (match.words![1]) + 1), s.entry.id);
    if (aligned) match.deleted = aligned.map((d) => d.run);
    match.diff = { missing: phrases(missing), extra: phrases(extraWords) };
  }
  let droppedText: string | undefined;
  const dropped = (): string => (droppedText ??= ` ${mw.dropped.map((d) => normalizeText(d.text)).join(' | ')} `);
  const cuts = aligned?.filter((d) => !ignorableDeletion(d) && !onDroppedLine(d, dropped)).map((d) => d.run);
  // Moved words count as missing, for the grants check.
  if (aligned && match.missing) for (const d of aligned) if (onDroppedLine(d, dropped)) match.missing.push(...d.run.filter((w) => !match.missing!.includes(w)));
  const cut = !aligned && s.score < 1 ? ['…'] : cuts?.[0];
  const added = RESTRICTING.find((w) => regionGuards.has(w) && !ref.guards.has(w));
  const element = CC_ELEMENTS.find((w) => ref.guards.has(w) && !regionGuards.has(w));
  if (added) match.refused = `the text says "${added}" and ${s.entry.id} does not`;
  else if (element) match.refused = `${s.entry.id} says "${element}" and the text does not`;
  // A word of the license left out may widen or narrow it ("perpetual, … irrevocable" cut from a grant, "with or
  // without fee" made "with fee"): the text is not that license.
  else if (cut) {
    match.refused = `the text lacks "${cut.join(' ').slice(0, 80)}" of ${s.entry.id}`;
    // The alignment's runs say where words went, which trigrams miss when the reference has a phrase twice.
    if (match.diff && cuts) match.diff.missing = phrases(cuts);
  }
  else {
    const restrictive = extraWords.flat().find((w) => RESTRICTIVE_EXTRA.test(w));
    if (restrictive) match.refused = `words not in ${s.entry.id} ("${restrictive}") may add a restriction`;
  }
  return match;
}

/**
 * Whether words inside a matched region that the reference lacks are still that license: its template's optional
 * text ("(including the next paragraph)" in MIT), a reference word the region lacks that a hyphen or a space split
 * ("sub-licensable"), or a
 * lone variant word (rules/license-templates.yaml `variantWords`: "and" for "&", "http" for "https"). Any other word
 * is text the license does not have, which unexplained.ts reads as terms: a substitution of one word in a grant
 * ("for any purpose" made "for evaluation purposes") is a change of the license.
 */
function explainedRun(run: string[], id: string, lacking: Set<string>): boolean {
  // A holder's name (a slot matching folded) where the reference has a placeholder, which matching drops.
  if (run.length === 1 && (run[0] === HOLDER_SLOT || templateVariantWords().has(run[0]!))) return true;
  // Split words: the region lacks the reference word the run's words make together.
  if (run.length >= 2 && run.length <= 3 && lacking.has(run.join(''))) return true;
  const phrases = templateOptional()[id];
  if (phrases) {
    const joined = ` ${run.join(' ')} `;
    if (phrases.some((p) => ` ${p} `.includes(joined))) return true;
  }
  return false;
}

/** The words the guards look for, in a text's region or in a reference. */
const GUARD_WORDS = new Set([...RESTRICTING, ...CC_ELEMENTS]);

/** A reference text's words (as vocabulary numbers), its trigrams in text order, and which guard words it has. */
interface RefWords {
  vocab: Vocabulary; ids: Uint16Array | Uint32Array; grams: Uint32Array; guards: Set<string>;
  /** The words as strings, for the alignment (built on its first use). */
  words?: string[];
}

const refCache = new Map<number, RefWords>();
/** The guard words by vocabulary number (a guard word no reference has is not in it). */
let guardNumbers: Map<number, string> | undefined;

function wordsOf(at: number): RefWords {
  let ref = refCache.get(at);
  if (ref) return ref;
  const vocab = referenceVocab();
  if (!guardNumbers) {
    guardNumbers = new Map();
    for (const w of GUARD_WORDS) { const n = vocab.find(w); if (n !== undefined) guardNumbers.set(n, w); }
  }
  const ids = referenceWordIds(at);
  const hashes = new Uint32Array(ids.length);
  const guards = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    hashes[i] = vocab.hash(ids[i]!);
    const guard = guardNumbers.get(ids[i]!);
    if (guard !== undefined) guards.add(guard);
  }
  ref = { vocab, ids, grams: mixGrams(hashes), guards };
  refCache.set(at, ref); // at most one per reference entry
  return ref;
}

let positions: Map<string, number> | undefined;

/** Each id's first entry: its whole text (an id with optional spans has a second entry without them). */
function firstPositions(): Map<string, number> {
  const out = new Map<string, number>();
  referenceEntries().forEach((e, i) => { if (!out.has(e.id)) out.set(e.id, i); });
  return out;
}
const gramsById = new Map<string, Uint32Array | undefined>();

/** A reference's sorted trigram hashes by id, read once per id; undefined for an id with no reference text. */
function gramsOf(id: string): Uint32Array | undefined {
  if (!gramsById.has(id)) {
    positions ??= firstPositions();
    const at = positions.get(id);
    gramsById.set(id, at === undefined ? undefined : referenceGrams(at));
  }
  return gramsById.get(id);
}

/** Whether a reference text (by id) has a trigram; false for an id with no reference text. */
export function referenceHasGram(id: string, gram: number): boolean {
  const grams = gramsOf(id);
  return grams !== undefined && indexOf(grams, gram) >= 0;
}

const vocabularies = new Map<string, Set<string>>();

/** The distinct words of a reference text (empty for an id without one), built once per id. */
export function referenceVocabulary(id: string): Set<string> {
  let set = vocabularies.get(id);
  if (!set) {
    positions ??= firstPositions();
    const at = positions.get(id);
    const ref = at === undefined ? undefined : wordsOf(at);
    set = new Set(ref ? Array.from(ref.ids, (n) => ref.vocab.word(n)) : []);
    vocabularies.set(id, set);
  }
  return set;
}

/** A near miss differs from its reference in a few places; past this many edits the alignment is not worth it. */
const MAX_EDITS = 400;

/** A run of reference words the region lacks. */
interface Deletion { run: string[] }

/** The reference's words that an alignment with the region's words finds deleted, run by run. */
function deletedRuns(ref: RefWords, region: string[], id: string): Deletion[] | undefined {
  const words = (ref.words ??= Array.from(ref.ids, (n) => ref.vocab.word(n)));
  // Only the part between the common start and end is aligned: the diff's cost grows with its length times the edits.
  let head = 0;
  while (head < words.length && head < region.length && words[head] === region[head]) head++;
  let tail = 0;
  while (tail < words.length - head && tail < region.length - head && words[words.length - 1 - tail] === region[region.length - 1 - tail]) tail++;
  const parts = diffArrays(words.slice(head, words.length - tail), region.slice(head, region.length - tail), { maxEditLength: MAX_EDITS });
  if (!parts) return undefined;
  const out: Deletion[] = [];
  parts.forEach((p, i) => {
    if (!p.removed) return;
    // A word the copy splits ("sublicensable" written "sub-licensable") is no deletion.
    const beside = [parts[i - 1], parts[i + 1]].find((x) => x?.added);
    if (beside && beside.value.join('') === p.value.join('')) return;
    // The license's title, which a copy may give as a heading matching left out, or not repeat.
    if (p.value.every((w) => titleWords(id).has(w) || /^\d+$/.test(w))) return;
    out.push({ run: p.value });
  });
  return out;
}

const titles = new Map<string, Set<string>>();
/** The words of a license's SPDX title and id, and "version" and "v" (none that changes a grant), built once per id. */
function titleWords(id: string): Set<string> {
  let set = titles.get(id);
  if (!set) {
    set = new Set(normalizeText(`${referenceTitle(id) ?? ''} ${id} version v`).split(' '));
    // Words that change a grant are never only a title's ("LGPL-2.1-only", "or later").
    // Nor a Creative Commons element a title names ("Attribution-NonCommercial"): cut from a grant, it widens it.
    for (const w of ['only', 'or', 'later', 'and', 'not', 'no', 'non', 'except', 'without', 'commercial', 'derivatives', 'share', 'alike', ...GUARD_WORDS]) set.delete(w);
    titles.set(id, set);
  }
  return set;
}

/** A number, a roman numeral or a letter: a list's numbering, which a re-wrap may leave inside a line. */
const LIST_MARKER = /^(\d+|[ivx]{1,4}|[a-z])$/;

/**
 * A deleted run that changes nothing: list numbering, a holder's slot, or only the words
 * rules/license-templates.yaml `ignorableMissing` lists (articles, the parts of an address).
 */
function ignorableDeletion(d: Deletion): boolean {
  const ignorable = templateIgnorableMissing();
  return d.run.every((w) => w === HOLDER_SLOT || LIST_MARKER.test(w) || ignorable.has(w));
}

/**
 * Whether a deleted run stands, in order, on a line matching left out as a copyright line: a notice the license
 * carries ("This License is Copyright (C) 2005 Lawrence Rosen", "… LaTeX3 Project Everyone is allowed …") that a
 * re-wrap put on one line with it. Its words are in the file; refuseCutGrants (license-text.ts) still refuses the
 * match when one of them is a grant's (rules/added-terms.yaml `grants`), so a grant's word moved into a holder's
 * name is still a cut.
 */
function onDroppedLine(d: Deletion, dropped: () => string): boolean {
  return dropped().includes(` ${d.run.join(' ')} `);
}

/** Runs of reference words that no trigram of the region [start, end] covers. */
function missingWords(ref: RefWords, q: Query, start: number, end: number): string[][] {
  const stamp = ++q.stamp;
  for (let i = start; i <= end; i++) q.seen[q.rank[i]!] = stamp;
  const { grams, ids, vocab } = ref;
  const inRegion = new Uint8Array(grams.length);
  const sorted = signedView(q.sorted);
  const refGrams = signedView(grams);
  for (let g = 0; g < grams.length; g++) {
    const r = signedIndexOf(sorted, refGrams[g]!);
    inRegion[g] = r >= 0 && q.seen[r] === stamp ? 1 : 0;
  }
  const out: string[][] = [];
  let run: string[] = [];
  for (let w = 0; w < ids.length; w++) {
    let found = false;
    for (let g = Math.max(0, w - 2); g <= Math.min(grams.length - 1, w); g++) if (inRegion[g]) { found = true; break; }
    if (!found) run.push(vocab.word(ids[w]!));
    else if (run.length) { out.push(run); run = []; }
  }
  if (run.length) out.push(run);
  return out;
}

/** A few phrases of a few words each: enough to show what differs, short enough for a report. */
function phrases(runs: string[][]): string[] {
  return runs.sort((a, b) => b.length - a.length).slice(0, 3).map((r) => (r.length > 12 ? `${r.slice(0, 12).join(' ')} …` : r.join(' ')));
}

function firstTextLine(text: string): number {
  const first = text.search(/\S/);
  let line = 1;
  for (let i = 0; i < first; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
