// Finds what a license file says beyond the license text it matched: lines and sentences no matched reference
// accounts for and rules/benign-lines.yaml does not recognise (a copyright notice, a title, a URL, a pointer to
// NOTICE). Whatever is left is read as terms: osai cannot say it adds nothing.
import type { RuleSet } from '../../ruleset/rule-set.js';
import { canonicalSpdxId, parseExpression } from '../../spdx/expression.js';
import type { BenignLinesRules } from '../../ruleset/schema.js';
import { findAddedTerms } from '../added-terms.js';
import { isAscii, isPlaceholder, normalizeText, type MatchWords } from '../normalize.js';
import { ownLineKeys, referenceExtraGrams, referenceOwnLines, referenceTitle } from './reference-extras.js';
import { gramHashes } from './reference-index.js';
import { referenceHasGram, referenceVocabulary } from './reference-match.js';

export interface Unexplained { line: number; text: string }

/** Lines longer than this are never benign: the line patterns stay cheap on a hostile file. */
const MAX_LINE = 500;
/** A paragraph longer than this is not split into sentences and tested: it is terms. */
const MAX_PARAGRAPH = 4000;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
/** A heading this short may use any word of its license's text. */
const TITLE_VOCABULARY_WORDS = 8;
/** A line that is only a template's variable text: "{one line to give the program's name …}", "[name of author]". */
const PLACEHOLDER = /^(\{[^{}]{1,200}\}|\[[^[\]]{1,200}\]|<[^<>]{1,200}>)$/;
const TAG = /^spdx-license-identifier\s*:/i;
const NUMBER = /^(\d+(st|nd|rd|th)?|[ivx]{1,4})$/;
/** How many explained lines an open sentence is read over to its end. */
const CARRY_LINES = 4;
const AUTOLINK = /^\s*<https?:\/\/[^<>\s]{1,300}>\s*$/i;

interface Compiled {
  rules: BenignLinesRules; ruleSet: RuleSet; abbreviations: Set<string>; deny: Set<string>; title: Set<string>; hosts: Set<string>; urlPath: RegExp;
  sentences: RegExp[]; english: Set<string>;
}
const compiled = new WeakMap<BenignLinesRules, Compiled>();

function compile(ruleSet: RuleSet): Compiled {
  const rules = ruleSet.benignLines;
  let c = compiled.get(rules);
  if (!c) {
    c = {
      rules, ruleSet, abbreviations: new Set(rules.copyright.abbreviations), deny: new Set(rules.copyright.deny), title: new Set(rules.titleWords), hosts: new Set(rules.urlHosts),
      urlPath: new RegExp(rules.urlPath, 'iu'), sentences: Object.values(rules.sentences).map((p) => new RegExp(p, 'u')),
      english: new Set(rules.englishWords),
    };
    compiled.set(rules, c);
  }
  return c;
}

/**
 * The text of `text` outside the explained words (`explained[i]` for `mw.words[i]`) and outside the lines matchWords
 * leaves out (copyright and title lines), less what the benign rules recognise; at most `limit` items, each with its
 * line. `ids` are the matched licenses, whose own titles are benign.
 */
export function findUnexplained(
  text: string, mw: MatchWords, explained: Uint8Array, ids: string[], rules: RuleSet, limit = 3,
): Unexplained[] {
  // The candidates, in line order: lines matching left out, and lines with words no match explains.
  const candidates: { line: number; text: string; continues?: boolean }[] = [];
  if (explained.indexOf(0) < 0) {
    // Every word is the license's, and the lines left out are its own title lines as its text has them (the usual
    // copy of the Apache License): nothing is unexplained, without reading them.
    if (ids.length === 1 && sameLines(referenceOwnLines(ids[0]!), mw.dropped)) return [];
    candidates.push(...mw.dropped);
  } else {
    const lines = text.split(LINE_BREAK);
    // Per line: 0 no matching word on it, 1 all its words explained, 2 some not.
    const state = new Uint8Array(lines.length + 2);
    for (let i = 0; i < mw.words.length; i++) {
      const l = mw.lines[i]!;
      state[l] = explained[i] ? (state[l] || 1) : 2;
    }
    let d = 0;
    let word = 0;
    let open = false;
    let carried = 0;
    for (let l = 1; l <= lines.length; l++) {
      while (d < mw.dropped.length && mw.dropped[d]!.line < l) d++;
      if (d < mw.dropped.length && mw.dropped[d]!.line === l) {
        candidates.push(mw.dropped[d]!);
        carried = 0;
        open = !/[.!?;:]["')\]]*\s*$/.test(mw.dropped[d]!.text);
        continue;
      }
      if (state[l] !== 2) {
        // An explained line that ends a sentence an unexplained line began is read with it ("… use the GNU Lesser
        // General" / "Public License instead of this License.").
        // So is a URL in <> that matching read as markup and left no word of.
        // The sentence is read to its end, over a few lines at most.
        if (open && (state[l] === 1 || lines[l - 1]!.includes('://'))) {
          candidates.push({ line: l, text: lines[l - 1]!, continues: true });
          open = ++carried < CARRY_LINES && state[l] === 1 && !/[.!?;:]["')\]]*\s*$/.test(lines[l - 1]!);
        } else open = false;
        if (!open) carried = 0;
        continue;
      }
      // Only the words no match explains; the whole line when none of it is explained.
      while (word < mw.words.length && mw.lines[word]! < l) word++;
      const own: string[] = [];
      let before = 0;
      let tail = true;
      // Unexplained words that only lead the line, explained ones after them.
      let lead = 0;
      let leadOnly = true;
      for (let i = word; i < mw.words.length && mw.lines[i] === l; i++) {
        if (!explained[i]) { own.push(mw.words[i]!); if (before === 0 && tail) lead++; else leadOnly = false; } else if (own.length === 0) before++;
        else tail = false;
      }
      const raw = lines[l - 1]!;
      // A copyright line a re-wrap broke ("Copyright (C) 2000 … Free Software" / "Foundation, Inc. <…> Everyone is
      // permitted …"): the holder's words that lead the next line belong to it, and are read with it.
      const previous = candidates[candidates.length - 1];
      if (open && leadOnly && lead > 0 && !tail && previous?.line === l - 1 && mw.dropped[d - 1] === previous) {
        candidates[candidates.length - 1] = { line: previous.line, text: `${previous.text} ${rawBeforeWords(raw, lead)}` };
        open = false;
        continue;
      }
      // The line's end after its explained words is quoted as written (its punctuation ends sentences); a line
      // with unexplained words among explained ones is read whole.
      candidates.push({ line: l, text: before > 0 && tail && !open ? rawAfterWords(raw, before) : raw });
      carried = 0;
      open = !/[.!?;:]["')\]]*\s*$/.test(raw);
    }
  }
  // An SPDX tag needs no rules to be benign (and a tag-only file is read before any rules are).
  const open = candidates.filter((x) => !isTag(stripDecoration(x.text)));
  if (open.length === 0) return [];
  const c = compile(rules);
  let grams: Set<number>[] | undefined;
  const extraGrams = (): Set<number>[] => {
    grams ??= ids.flatMap((id) => { const g = gramSet(id); return g ? [g] : []; });
    return grams;
  };
  let titles: Set<string> | undefined;
  const titleWords = (): Set<string> => {
    if (!titles) titles = ids.length === 1 ? titleSet(ids[0]!, rules) : new Set(ids.flatMap((id) => [...titleSet(id, rules)]));
    return titles;
  };
  let vocabulary: Set<string> | undefined;
  const vocabularyWords = (): Set<string> => {
    vocabulary ??= new Set(ids.flatMap((id) => [...referenceVocabulary(id)]));
    return vocabulary;
  };
  const out: Unexplained[] = [];
  let paragraph: { line: number; text: string }[] = [];
  const flush = (): void => {
    if (paragraph.length > 0 && out.length < limit) out.push(...unexplainedSentences(paragraph, c, extraGrams, titleWords, ids).slice(0, limit - out.length));
    paragraph = [];
  };
  let afterCopyright = false;
  let previous = -1;
  for (const { line: l, text: candidate, continues } of open) {
    if (out.length >= limit) break;
    // A line between two candidates (blank, or explained) ends a paragraph.
    if (l !== previous + 1) { afterCopyright = false; flush(); }
    previous = l;
    // An explained line read only to finish a sentence counts only after an unexplained one.
    if (continues && paragraph.length === 0) continue;
    // A URL in <> is markup to stripDecoration, but a line of it alone is the URL a sentence points to.
    const line = stripDecoration(candidate) || (AUTOLINK.test(candidate) ? candidate.trim() : '');
    if (line === '') continue;
    const copyright = isCopyright(line, c);
    const url = isTagOrUrl(line, c);
    // A URL that ends a sentence ("For more information, please see" / "<https://…>") is read with it.
    const last = paragraph[paragraph.length - 1];
    // Its <> go, or the sentence would read it as markup and lose it.
    if (url && last && !/[.!?;]\s*$/.test(last.text)) { paragraph.push({ line: l, text: line.replace(/^<(.*)>$/, '$1') }); continue; }
    // A line inside a sentence the paragraph has begun ("… use the" / "GNU Lesser General Public" / "License
    // instead …") is part of it, never a heading.
    const inSentence = last !== undefined && !/[.!?;:]["')\]]*\s*$/.test(last.text);
    if (copyright || (afterCopyright && isContinuation(line, c)) || url || PLACEHOLDER.test(line) || (!inSentence && isTitle(line, c, titleWords, vocabularyWords))) {
      afterCopyright = copyright || afterCopyright;
      flush();
      continue;
    }
    afterCopyright = false;
    paragraph.push({ line: l, text: line });
  }
  flush();
  return out;
}

/** Whether the left-out lines of a text are a reference's own (referenceOwnLines), in the same places. */
function sameLines(own: string[] | undefined, dropped: readonly { line: number; text: string }[]): boolean {
  if (!own || own.length !== dropped.length) return false;
  const keys = ownLineKeys(dropped);
  return keys.every((k, i) => k === own[i]);
}

const gramSets = new Map<string, Set<number> | undefined>();
const titleSets = new Map<string, Set<string>>();

/** A reference's tail and left-out-line trigrams as a set, built once per id. */
function gramSet(id: string): Set<number> | undefined {
  if (!gramSets.has(id)) { const g = referenceExtraGrams(id); gramSets.set(id, g ? new Set(Array.from(g)) : undefined); }
  return gramSets.get(id);
}

/** The words a license's title lines may use, built once per id. */
function titleSet(id: string, rules: RuleSet): Set<string> {
  let set = titleSets.get(id);
  if (!set) {
    // Its SPDX name and heading lines, and the names the rules know it by ("ODC-ODbL").
    const rule = rules.licenses.get(id);
    set = new Set([referenceTitle(id) ?? normalizeText(rule?.name ?? ''), ...(rule?.aliases ?? []).map(normalizeText)].join(' ').split(' '));
    titleSets.set(id, set);
  }
  return set;
}

/** The tail and left-out-line trigrams of the matched ids (for explainedWords). */
export function extraGramSets(ids: string[]): Set<number>[] {
  return ids.flatMap((id) => { const g = gramSet(id); return g ? [g] : []; });
}

/** The line from its `n`-th word on (approximately: folds and list markers may shift the count by a word). */
function rawAfterWords(raw: string, n: number): string {
  const word = isAscii(raw) ? /[A-Za-z0-9]+/g : /[\p{L}\p{N}]+/gu;
  for (let k = 0; k < n && word.exec(raw); k++);
  return raw.slice(word.lastIndex);
}

/** The line up to the end of its `n`-th word (approximately, as rawAfterWords). */
function rawBeforeWords(raw: string, n: number): string {
  const word = /[\p{L}\p{N}]+/gu;
  for (let k = 0; k < n && word.exec(raw); k++);
  return raw.slice(0, word.lastIndex).trimEnd() + (/^\.?/.exec(raw.slice(word.lastIndex))![0]);
}

function stripDecoration(line: string): string {
  // Tags and placeholders go; other text in <> ("<except commercial use>") stays, as matching keeps it.
  const s = line.length > MAX_LINE ? line : line.replace(/<([^<>\n]{0,200})>/g, (m, inner: string) => (isPlaceholder(inner, '<') ? ' ' : ` ${inner} `));
  // And the placeholders matching emptied ("{}", "[]": see normalize.ts), as it dropped them.
  return s.replace(/\{\}|\[\]/g, ' ').replace(/^[\s#>*_`|=~+-]+/, '').replace(/[\s#>*_`|=~+-]+$/, '');
}

function words(line: string): string[] {
  const n = normalizeText(line);
  return n === '' ? [] : n.split(' ');
}

function isCopyright(line: string, c: Compiled): boolean {
  if (line.length > MAX_LINE) return false;
  const lower = line.toLowerCase();
  if (!c.rules.copyright.starts.some((s) => lower.startsWith(s))) return false;
  const rest = lower
    .replace(/copyright|\(c\)|©|all rights reserved/g, ' ')
    .replace(/<[^<>\s]{1,200}>/g, ' ')
    .replace(/[^\s@]{1,100}@[^\s@]{1,100}/g, ' ')
    .replace(/https?:\/\/\S{1,300}/g, ' ');
  const holder = words(rest).filter((w) => !NUMBER.test(w) && w !== 'present');
  return holder.length <= c.rules.copyright.maxWords && !holder.some((w) => c.deny.has(w)) && !secondSentence(rest, c)
    && findAddedTerms(holder, c.ruleSet) === undefined;
}

/** Whether a holder part goes on after a full stop or semicolon that ends no abbreviation ("Inc.", "Ltd."). */
function secondSentence(rest: string, c: Compiled): boolean {
  if (rest.includes(';')) return true;
  if (!rest.includes('.')) return false;
  // `rest` is lower-cased: on ASCII text [a-z0-9] are its letters and digits.
  const stop = isAscii(rest) ? /([a-z0-9]+)\.\s+(?=[a-z0-9])/g : /([\p{L}\p{N}]+)\.\s+(?=[\p{L}\p{N}])/gu;
  for (let m = stop.exec(rest); m; m = stop.exec(rest)) if (!c.abbreviations.has(m[1]!) && m[1]!.length > 1) return true;
  return false;
}

function isContinuation(line: string, c: Compiled): boolean {
  if (line.length > MAX_LINE) return false;
  const w = words(line);
  // It goes on with the holders ("and contributors", "& Co.", an address, capitalised names, a URL) and says
  // nothing more. (Each name word is a capital and small letters after it, so a line splits into names one way:
  // the pattern cannot backtrack far on a hostile line.)
  const holderLike = /^(and\b|&|,|<|\(|[^\s@]+@)/i.test(line) || /^(\p{Lu}[\p{Ll}.'-]*[\s,]*){1,16}$/u.test(line) || /^https?:\/\/\S+$/.test(line);
  return holderLike && w.length <= c.rules.copyright.continuationWords
    && !w.some((x) => c.deny.has(x)) && !secondSentence(line.toLowerCase(), c) && findAddedTerms(w, c.ruleSet) === undefined;
}

function isTagOrUrl(line: string, c: Compiled): boolean {
  if (line.length > MAX_LINE) return false;
  if (isTag(line)) return true;
  const link = /^\[[^\]]{0,200}\]\(([^()\s]{1,300})\)$/.exec(line);
  const url = (link ? link[1]! : line).replace(/^[<(]|[>).,]$/g, '');
  // An address without its scheme ("wiki.creativecommons.org/Considerations_for_licensors") only on a known host.
  const m = /^(https?:\/\/)?([^/\s]{1,200})(\/\S{0,300})?$/i.exec(url);
  if (!m) return false;
  const host = m[2]!.toLowerCase();
  let known = c.hosts.has(host) || c.hosts.has(host.replace(/^www\./, ''));
  for (const h of c.hosts) if (!known && host.endsWith(`.${h}`)) known = true;
  return known || (m[1] !== undefined && c.urlPath.test(m[3] ?? ''));
}

/** An SPDX-License-Identifier line whose value is an expression and nothing else (ids joined by AND, OR, WITH). */
function isTag(line: string): boolean {
  const m = TAG.exec(line);
  if (!m || line.length > MAX_LINE) return false;
  const value = line.slice(m[0].length).replace(/\*\/|-->/g, ' ').trim();
  return !/\bunknown\b/i.test(value) && parseExpression(canonicalSpdxId(value) ?? value) !== undefined;
}

function isTitle(line: string, c: Compiled, own: () => Set<string>, ownVocabulary: () => Set<string>): boolean {
  if (line.length > MAX_LINE) return false;
  const w = words(line);
  if (w.length === 0 || w.length > 20) return false;
  // List markers left alone on a line ("e.", "(iv)") are numbering, not words.
  // (An ideograph is a word of one character too: a line of them is a sentence.)
  if (w.every((x) => (x.length === 1 && x.charCodeAt(0) < 0x80) || NUMBER.test(x))) return true;
  const rest = w.filter((x) => !c.title.has(x) && !NUMBER.test(x));
  if (rest.length === 0) return true;
  const titles = own();
  if (rest.every((x) => titles.has(x))) return true;
  // A short heading in the license's own words ("Statement of Purpose"), not ending as a sentence does, with none
  // of the words that make a copyright line more than a notice.
  if (w.length > TITLE_VOCABULARY_WORDS || /[.;,:]\W*$/.test(line) || rest.some((x) => c.deny.has(x))) return false;
  const vocabulary = ownVocabulary();
  return rest.every((x) => vocabulary.has(x) || titles.has(x));
}

/** A paragraph's sentences that no sentence rule recognises, each with the line it starts on. */
function unexplainedSentences(
  paragraph: { line: number; text: string }[], c: Compiled, extra: () => Set<number>[], titles: () => Set<string>, ids: string[],
): Unexplained[] {
  const joined = paragraph.map((p) => p.text).join('\n');
  if (joined.length > MAX_PARAGRAPH) return [{ line: paragraph[0]!.line, text: joined }];
  const out: Unexplained[] = [];
  let at = 0;
  for (const sentence of joined.split(/(?<=[.!?;]["'”’)\]]{0,2})\s+(?=[^a-z])/)) {
    const start = joined.indexOf(sentence, at);
    at = start + sentence.length;
    const normal = normalizeText(sentence);
    if (normal === '' || isBenignSentence(normal, c, titles) || isCopyright(sentence.trim(), c) || inReference(normal, extra(), ids)) continue;
    let newlines = 0;
    for (let i = 0; i < start; i++) if (joined.charCodeAt(i) === 10) newlines++;
    out.push({ line: paragraph[Math.min(newlines, paragraph.length - 1)]!.line, text: sentence.replace(/\s+/g, ' ').trim() });
  }
  return out;
}

/**
 * Whether every word of a sentence is in a trigram the matched reference has: in its text, its left-out lines or its
 * tail (a copyright line a re-wrap ran into the license's first sentence, as GPL-2.0's "Everyone is permitted").
 */
function inReference(normal: string, sets: Set<number>[], ids: string[]): boolean {
  const w = normal.split(' ');
  if (w.length < 3) return false;
  const grams = gramHashes(w);
  const covered = new Uint8Array(w.length);
  for (let g = 0; g < grams.length; g++) {
    const h = grams[g]!;
    if (sets.some((s) => s.has(h)) || ids.some((id) => referenceHasGram(id, h))) { covered[g] = 1; covered[g + 1] = 1; covered[g + 2] = 1; }
  }
  return covered.indexOf(0) < 0;
}

function isBenignSentence(normal: string, c: Compiled, titles: () => Set<string>): boolean {
  for (const pattern of c.sentences) {
    const m = pattern.exec(normal);
    if (!m) continue;
    const free = m.groups?.['free'];
    if (free !== undefined && free.split(' ').some((w) => c.deny.has(w))) continue;
    // A `title` group must name the matched license: its words are the license's title words.
    const title = m.groups?.['title'];
    if (title !== undefined && !title.trim().split(' ').every((w) => c.title.has(w) || NUMBER.test(w) || titles().has(w))) continue;
    return true;
  }
  return false;
}

/** Whether text reads as a language osai has no vocabulary for: a non-Latin script, or eight or more words, and not one English word. */
export function isForeign(text: string, rules: RuleSet): boolean {
  const c = compile(rules);
  const w = words(text);
  const nonLatin = /[\u0370-\u03ff\u0400-\u04ff\u0590-\u08ff\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u.test(text);
  return (w.length >= 8 || nonLatin) && !w.some((x) => c.english.has(x));
}
