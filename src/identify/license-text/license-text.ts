// Identifies the licenses a file's text holds: SPDX-License-Identifier tags, REUSE file names, the SPDX reference
// texts (exact, then by similarity), and the rules' `identify:` phrases for licenses that have no SPDX text.
import type { FindingKind, LicenseFinding, LicenseScope } from '../../model.js';
import { licenseMatchers, type RuleSet } from '../../ruleset/rule-set.js';
import { findAddedTerms } from '../added-terms.js';
import { gramHashes } from './reference-index.js';
import { matchWords, normalizeText, type MatchWords } from '../normalize.js';
import { noticesIn } from './notices.js';
import { matchReferences, referenceHasGram, type ReferenceMatch, type ReferenceResult } from './reference-match.js';
import { extraGramSets, findUnexplained, isForeign } from './unexplained.js';
import { canonicalSpdxId, parseExpression, UNKNOWN } from '../../spdx/expression.js';

const matchersFor = licenseMatchers;

const SPDX_TAG = 'SPDX-License-Identifier:';
/** A notice is short: a text longer than this (in matching words) is never read as one. */
const NOTICE_WORDS = 400;
/** Tags past this many are not read: a file of a million tags must stay cheap. */
const MAX_TAGS = 50;
/** How many leading non-empty lines a `title:` must appear in. */
const TITLE_LINES = 8;
/** An SPDX-License-Identifier line this close to the top is the file's own declaration. */
const TAG_LINES = 5;
/** A use policy (Meta's Acceptable Use Policy) is no license: its first line says so. */
const USE_POLICY_TITLE = /\bacceptable use policy\W*$/i;

export interface TextOptions {
  kind?: FindingKind; lineOffset?: number; keepUnknown?: boolean;
  /** A NOTICE or use policy (by its name): naming no license is expected of it. */
  policy?: 'notice' | 'use-policy';
  /** For a NOTICE or use policy that names no license, give the words that limit use as a finding (they bind). */
  terms?: boolean;
}

/**
 * The licenses a file's text shows, each with the line where it starts. An unrecognised text gives one `unknown`
 * with the closest reference text and the words that differ; a use policy that is no license gives nothing.
 */
export function identifyLicenseText(file: string, text: string, scope: LicenseScope, rules: RuleSet, options: TextOptions = {}): LicenseFinding[] {
  const kind = options.kind ?? 'license-file';
  const offset = options.lineOffset ?? 0;
  // A license file is read whole: what its match leaves unexplained is terms. A NOTICE, a use policy or a card
  // section is prose around a license, where only words that limit use are terms.
  const strict = kind === 'license-file' && !options.policy;
  const source = (line: number) => ({ file, line: line + offset, kind });

  // A tag in the file's first lines declares its license; one further down (CAL-1.0 shows how to mark a work) only
  // speaks when the text itself is not identified.
  const tags = spdxTags(text);
  const tagFindings = (list: typeof tags) => list.map((t) => ({ expression: t.expression, confidence: 1, source: source(t.line), scope }));
  const top = tags.filter((t) => t.line <= TAG_LINES);
  if (top.length > 0) {
    // The tag declares the license, but words past it that no reference text explains may still limit use.
    const declared = tagFindings(top);
    if (top.some((t) => t.expression.includes('LicenseRef-'))) return declared;
    const tagged = matchReferences(text);
    const explained = tagged.matches.flatMap((m) => (m.words ? [m.words] : []));
    const beside = top.map((t) => t.expression);
    const terms = strict
      ? unexplainedTerms(rules, text, tagged, tagged.matches, source, scope, beside)
      : addedTerms(rules, text, explained, source, scope, beside);
    return terms ? [...declared, terms] : declared;
  }

  const reuse = reuseId(file, kind);
  const result = refuseCutGrants(matchReferences(text), rules);
  const exact = result.matches.length === 1 && result.matches[0]!.score === 1 ? result.matches[0]! : undefined;
  if (exact && !reuse) {
    // The whole text is one reference text word for word, but the copyright and title lines matching leaves out
    // may still hold terms.
    const finding: LicenseFinding = { expression: exact.id, confidence: 1, source: source(exact.line), scope };
    const terms = strict ? unexplainedTerms(rules, text, result, result.matches, source, scope, [exact.id]) : undefined;
    return terms ? [finding, terms] : [finding];
  }
  const normalized = ` ${normalizeText(text)} `;
  const matchers = matchersFor(rules);
  const vetoed = (m: ReferenceMatch): boolean => {
    const rule = matchers.find((x) => x.id === m.id);
    if (!rule || rule.excludes.length === 0) return false;
    const region = ` ${normalizeText(text.split(/\r\n|\r|\n/).slice(m.line - 1, m.endLine).join('\n'))} `;
    // A phrase the reference text itself holds (GPL-3.0's appendix names the GNU Lesser GPL) vetoes nothing.
    return rule.excludes.some((p) => region.includes(` ${p} `) && !inOwnText(m.id, p));
  };
  const found: { id: string; line: number; confidence: number; match?: ReferenceMatch }[] = result.matches
    .filter((m) => !vetoed(m))
    .map((m) => ({ id: m.id, line: m.line, confidence: m.score, match: m }));

  // Licenses without an SPDX text (the AI licenses) are known by their rules' phrases and titles.
  const head = ` ${normalizeText(text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, TITLE_LINES).join('\n'))} `;
  const hits = matchers.filter((m) => !m.spdx
    && m.phrases.every((p) => normalized.includes(` ${p} `))
    && !m.excludes.some((p) => normalized.includes(` ${p} `))
    && (m.titles.length === 0 || m.titles.some((t) => head.includes(` ${t} `))));
  // A license whose phrases are all inside a longer match's is the same text, not a second license.
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.weight > h.weight && h.phrases.every((p) => o.phrases.includes(p))));
  for (const m of kept) found.push({ id: m.id, line: lineOf(text, m.titles[0] ?? m.phrases[0]!), confidence: 0.95 });

  if (reuse && !found.some((f) => f.id === reuse)) {
    // REUSE: LICENSES/<id>.txt names its license; a text that says otherwise is reported as well, never hidden.
    found.push({ id: reuse, line: 1, confidence: found.length === 0 ? 0.9 : 0.5 });
  }
  if (found.length === 0 && tags.length > 0) {
    // A tag further down an unidentified text: the tag speaks, and so do words in the text that limit use.
    const beside = tags.map((t) => t.expression);
    const terms = strict ? unexplainedTerms(rules, text, result, [], source, scope, beside) : addedTerms(rules, text, [], source, scope, beside);
    return terms ? [...tagFindings(tags), terms] : tagFindings(tags);
  }
  if (found.length === 0 && !options.policy && result.words.words.length <= NOTICE_WORDS && !(result.closest && result.closest.score >= 0.5)) {
    // No license text, but a notice naming one ("Licensed under the Apache License, Version 2.0"): that license,
    // as a notice; the text's other words are still read for terms. A cut or changed license text (its closest
    // reference near) is not a notice, though its appendix says "Licensed under …".
    const named = noticesIn(normalized);
    if (named.length > 0) {
      const notices: LicenseFinding[] = named.map((id) => ({ expression: id, confidence: 1, source: { file, line: offset + 1, kind: 'notice' as const }, scope }));
      const terms = strict ? unexplainedTerms(rules, text, result, [], source, scope, named) : addedTerms(rules, text, [], source, scope, named);
      return terms ? [...notices, terms] : notices;
    }
  }
  if (found.length === 0) {
    const usePolicy = options.policy === 'use-policy' || USE_POLICY_TITLE.test(firstLine(text));
    if ((options.policy || usePolicy) && !options.keepUnknown) {
      // No license, but terms that limit use: they bind next to whatever license the repository has. A use policy
      // limits use by what it is, whatever its words.
      if (!options.terms) return [];
      const terms = addedTerms(rules, text, [], source, scope)
        ?? (usePolicy ? { expression: UNKNOWN, confidence: 0, source: source(1), scope, raw: firstLine(text), addedTerms: { beside: [] } } : undefined);
      return terms ? [terms] : [];
    }
    const closest = result.closest;
    return [{
      expression: UNKNOWN, confidence: 0, source: source(closest?.line ?? 1), scope, raw: firstLine(text),
      ...(closest ? { closest: { id: closest.id, score: closest.score } } : {}),
      ...(closest?.diff ? { diff: closest.diff } : {}),
    }];
  }
  const out: LicenseFinding[] = found.sort((a, b) => a.line - b.line).map((f) => ({
    expression: f.id, confidence: f.confidence, source: source(f.line), scope,
    ...(f.match?.diff ? { diff: f.match.diff } : {}),
  }));
  // Text that no reference match explains (an "additional terms" paragraph after the Apache text) may add a
  // restriction; a text an AI license's phrases identified is that license whole, so it has nothing left over.
  const explained = found.flatMap((f) => (f.match?.words ? [f.match.words] : []));
  if (kept.length === 0 && explained.length > 0) {
    const matched = found.flatMap((f) => (f.match ? [f.match] : []));
    const terms = strict
      ? unexplainedTerms(rules, text, result, matched, source, scope, found.map((f) => f.id))
      : addedTerms(rules, text, explained, source, scope, found.map((f) => f.id));
    if (terms) out.push(terms);
  }
  return out;
}

/** Words that limit use in a text that holds no license (a README License section's sentences), as a finding. */
export function addedTermsIn(
  file: string, text: string, scope: LicenseScope, kind: FindingKind, rules: RuleSet, lineOffset = 0,
): LicenseFinding | undefined {
  return addedTerms(rules, text, [], (line) => ({ file, line: line + lineOffset, kind }), scope);
}

/**
 * An `unknown` finding for the first words outside the explained ranges that limit use (see added-terms.ts), each
 * stretch of unexplained words judged on its own; undefined when there are none.
 */
function addedTerms(
  rules: RuleSet, text: string, explained: [number, number][], source: (line: number) => LicenseFinding['source'], scope: LicenseScope, beside: string[] = [],
): LicenseFinding | undefined {
  const mw = matchWords(text);
  const inMatch = new Uint8Array(mw.words.length);
  for (const [a, b] of explained) for (let i = a; i <= b && i < inMatch.length; i++) inMatch[i] = 1;
  for (let i = 0; i < mw.words.length;) {
    if (inMatch[i]) { i++; continue; }
    let j = i;
    while (j < mw.words.length && !inMatch[j]) j++;
    const hit = findAddedTerms(mw.words.slice(i, j), rules);
    if (hit) {
      return {
        expression: UNKNOWN, confidence: 0, source: source(mw.lines[i + hit.index] ?? 1), scope, raw: hit.words,
        addedTerms: { beside },
      };
    }
    i = j;
  }
  return undefined;
}

/**
 * Refuses matches whose region lacks a word of the reference's grant (rules/added-terms.yaml `grants`): a license with
 * its grant cut is not that license. The best refused match becomes the closest.
 */
function refuseCutGrants(result: ReferenceResult, rules: RuleSet): ReferenceResult {
  const grants = rules.addedTerms.grants;
  const cut = (m: ReferenceMatch) => m.missing?.find((w) => grants.includes(w));
  if (!result.matches.some(cut)) return result;
  const matches: ReferenceMatch[] = [];
  let closest = result.closest;
  for (const m of result.matches) {
    const word = cut(m);
    if (!word) { matches.push(m); continue; }
    if (!closest || m.score > closest.score) closest = { ...m, refused: `the text lacks "${word}" of ${m.id}'s grant` };
  }
  return { ...result, matches, ...(closest ? { closest } : {}) };
}

/**
 * The file's words that no match explains and no benign rule recognises, as one `unknown` finding: the words that
 * limit use when the vocabulary finds some (quoted), else the first unexplained sentence. Undefined when none.
 */
function unexplainedTerms(
  rules: RuleSet, text: string, result: ReferenceResult, matches: ReferenceMatch[], source: (line: number) => LicenseFinding['source'],
  scope: LicenseScope, beside: string[],
): LicenseFinding | undefined {
  const mw = result.words;
  const explained = explainedWords(mw, matches, result.grams);
  const items = findUnexplained(text, mw, explained, matches.map((m) => m.id), rules);
  if (items.length === 0) return undefined;
  const finding = (line: number, raw: string): LicenseFinding => ({
    expression: UNKNOWN, confidence: 0, source: source(line), scope, raw, addedTerms: { beside },
  });
  // The words a match's region has and its license does not, on the item's line: what changed ("evaluation").
  const changed = (line: number): string => {
    const list = matches.flatMap((m) => (m.inner ?? []).filter(([a]) => mw.lines[a] === line).map(([a, b]) => [m.id, mw.words.slice(a, b + 1).join(' ')] as const));
    return list.length === 0 ? '' : ` (words ${list[0]![0]} does not have: "${list.map(([, w]) => w).join('", "').slice(0, 120)}")`;
  };
  for (const item of items) {
    const hit = findAddedTerms(normalizeText(item.text).split(' '), rules);
    if (hit) return finding(item.line, `${hit.words}${changed(item.line)}`);
  }
  const first = items[0]!;
  // A fragment too short to read ("2.", what is left of a heading line) is quoted as its whole line.
  const said = normalizeText(first.text).split(' ').length < 3 ? (text.split(/\r\n|\r|\n/)[first.line - 1] ?? first.text).trim() : first.text;
  const quote = said.length > 200 ? `${said.slice(0, 200)} …` : said;
  return finding(first.line, isForeign(said, rules) ? `${quote} (in a language osai has no vocabulary for: a person must read it)` : `${quote}${changed(first.line)}`);
}

/** Which words the matches explain: their regions, less long inner runs the reference lacks, plus optional tails. */
function explainedWords(mw: MatchWords, matches: ReferenceMatch[], textGrams?: Uint32Array): Uint8Array {
  const out = new Uint8Array(mw.words.length);
  for (const m of matches) {
    if (!m.words) continue;
    out.fill(1, m.words[0], Math.min(m.words[1] + 1, out.length));
    for (const [a, b] of m.inner ?? []) out.fill(0, a, b + 1);
  }
  if (out.indexOf(0) < 0) return out;
  // An appendix (Apache-2.0's "How to apply", the GNU one) is the license's optional text: its trigrams explain it.
  const sets = extraGramSets(matches.map((m) => m.id));
  if (sets.length === 0) return out;
  const grams = textGrams ?? gramHashes(mw.words);
  const covered = new Uint8Array(mw.words.length);
  for (let g = 0; g < grams.length; g++) {
    if (!sets.some((s) => s.has(grams[g]!))) continue;
    covered[g] = 1; covered[g + 1] = 1; covered[g + 2] = 1;
  }
  for (let i = 0; i < out.length; i++) if (covered[i]) out[i] = 1;
  return out;
}

/** Whether a normalised phrase is in a reference's own text (its matching words, tail and left-out lines). */
function inOwnText(id: string, phrase: string): boolean {
  const extra = extraGramSets([id]);
  const grams = gramHashes(phrase.split(' '));
  return grams.length > 0 && grams.every((g) => referenceHasGram(id, g) || extra.some((set) => set.has(g)));
}

/** Every `SPDX-License-Identifier:` line whose value is an expression; repeats of one expression count once. */
function spdxTags(text: string): { expression: string; line: number }[] {
  const out: { expression: string; line: number }[] = [];
  let line = 1;
  let counted = 0;
  // A scan, not a regex: linear on any line (a lazy regex over a megabyte of spaces after the tag is not).
  for (let index = text.indexOf(SPDX_TAG), seen = 0; index >= 0 && seen < MAX_TAGS; index = text.indexOf(SPDX_TAG, index + 1), seen++) {
    for (; counted < index; counted++) if (text.charCodeAt(counted) === 10) line++;
    const start = index + SPDX_TAG.length;
    let end = start;
    while (end < text.length && end - start < 500 && text[end] !== '\n' && text[end] !== '\r' && text[end] !== '*') end++;
    let value = text.slice(start, end);
    const comment = value.indexOf('-->');
    if (comment >= 0) value = value.slice(0, comment);
    value = value.trim();
    const canonical = canonicalSpdxId(value);
    const tree = value === '' ? undefined : parseExpression(canonical ?? value);
    if (!tree) continue; // not an expression: the text below the tag still speaks
    const single = 'license' in tree && !tree.exception && !tree.plus;
    const expression = single ? (canonical ?? value) : value;
    if (!out.some((o) => o.expression === expression)) out.push({ expression, line });
  }
  return out;
}

/** REUSE: a file `LICENSES/<SPDX id>.<ext>` is that license. */
function reuseId(file: string, kind: FindingKind): string | undefined {
  if (kind !== 'license-file') return undefined;
  const m = /^LICENSES\/([^/]+?)(\.(txt|md))?$/i.exec(file);
  if (!m) return undefined;
  const id = m[1]!;
  return canonicalSpdxId(id) ?? (/^LicenseRef-[A-Za-z0-9.-]+$/.test(id) ? id : undefined);
}

/** The 1-based line on which a normalised phrase starts (searching line by line, then line pairs for wrapped text). */
function lineOf(text: string, phrase: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const head = phrase.split(' ').slice(0, 4).join(' ');
  for (let i = 0; i < lines.length; i++) {
    const joined = normalizeText(`${lines[i]} ${lines[i + 1] ?? ''}`);
    if (` ${joined} `.includes(` ${head} `)) return i + 1;
  }
  return 1;
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim().slice(0, 120);
}
