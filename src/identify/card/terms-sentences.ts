// Reads one sentence as terms (rules/card-terms.yaml): which restriction it states, if any, after negations and advice.
import type { CardTermsRules } from '../../ruleset/schema.js';
import { isAscii } from '../normalize.js';

export interface TermsHit { type: string; sentence: string }

type Phrase = (string | null)[]; // null = a gap of up to GAP words
const GAP = 4;

interface Compiled {
  restrictions: [string, Phrase[]][]; negations: Phrase[]; advisory: Phrase[]; artifacts: Phrase[]; binding: Set<string>;
  selfKinds: Set<string>; selfSubjects: Phrase[]; selfPurposes: Phrase[]; codePurposes: Phrase[]; codeRelease: Phrase[];
  handling: { phrases: Phrase[]; verbs: string[]; passive: string[]; objects: string[]; release: Phrase[] };
  bound: {
    kind: string; binders: Phrase[]; strictBinders: Phrase[]; documents: Phrase[]; strictDocuments: Phrase[]; allDocuments: Phrase[]; allBinders: Phrase[];
    own: { documents: Phrase[]; between: Set<string>; after: Set<string> };
    statements: { verbs: Set<string>; subjects: Set<string>; others: Set<string>; pronouns: Set<string>; auxiliaries: Set<string>; imperatives: Set<string>; comparisons: Set<string> };
    notBeforeLicenses: Phrase[];
    choice: Phrase[];
  };
}
const compiled = new WeakMap<CardTermsRules, Compiled>();

// Most phrases have no gap: their words are the phrase as they are (a map over every word of ~1,000 phrases was ~0.3 ms).
const toPhrase = (p: string): Phrase => (p.includes('~') ? p.split(' ').map((w) => (w === '~' ? null : w)) : p.split(' '));

function compile(rules: CardTermsRules): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    c = {
      restrictions: Object.entries(rules.restrictions).map(([type, phrases]) => [type, phrases.map(toPhrase)]),
      negations: rules.negations.map(toPhrase), advisory: rules.advisory.map(toPhrase),
      artifacts: rules.prose.artifacts.map(toPhrase), binding: new Set(rules.prose.binding),
      selfKinds: new Set(rules.prose['about-itself'].kinds), selfSubjects: rules.prose['about-itself'].subjects.map(toPhrase),
      selfPurposes: rules.prose['about-itself'].purposes.map(toPhrase),
      codePurposes: rules.comments['code-purposes'].map(toPhrase), codeRelease: rules.comments.release.map(toPhrase),
      handling: {
        phrases: rules.handling.kinds.flatMap((k) => rules.restrictions[k] ?? []).map(toPhrase),
        verbs: rules.handling.verbs, passive: rules.handling.passive, objects: rules.handling.objects,
        release: rules.handling.release.map(toPhrase),
      },
      bound: compileBound(rules.bound),
    };
    compiled.set(rules, c);
  }
  return c;
}

/**
 * rules/card-terms.yaml `bound`, compiled. `notBeforeLicenses` and `own.documents` hold the very phrases of `binders`
 * and `documents` (the schema checks they are among them), so that `includes` finds them.
 */
function compileBound(b: CardTermsRules['bound']): Compiled['bound'] {
  const binders = b.binders.map(toPhrase);
  const strictBinders = b['strict-binders'].map(toPhrase);
  const documents = b.documents.map(toPhrase);
  const strictDocuments = b['strict-documents'].map(toPhrase);
  const among = (phrases: Phrase[], raw: string[], wanted: string[]) => phrases.filter((_, i) => wanted.includes(raw[i]!));
  return {
    kind: b.kind, binders, strictBinders, documents, strictDocuments,
    allDocuments: [...documents, ...strictDocuments], allBinders: [...binders, ...strictBinders],
    notBeforeLicenses: among(binders, b.binders, b['not-before-licenses']), choice: b.choice.map(toPhrase),
    statements: {
      verbs: new Set(b.statements.verbs), subjects: new Set(b.statements.subjects), others: new Set(b.statements['not-subjects']),
      pronouns: new Set(b.statements.pronouns), auxiliaries: new Set(b.statements.auxiliaries),
      imperatives: new Set(b.statements.imperatives), comparisons: new Set(b.statements.comparisons),
    },
    own: { documents: among(documents, b.documents, b['own-license'].documents), between: new Set(b['own-license'].between), after: new Set(b['own-license'].after) },
  };
}

/**
 * Cyrillic and Greek letters drawn like Latin ones (lower case, after NFKC), by the Latin letter they pass for. A word
 * that mixes them with Latin letters ("nоn-commercial" with a Cyrillic о) is read as the Latin word it shows.
 */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c',
  т: 't', у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c',
};
const LOOKALIKE = /[\u0370-\u03ff\u0400-\u052f\u0261]/gu;
const HAS_LOOKALIKE = /[\u0370-\u03ff\u0400-\u052f\u0261]/u;

function unmix(word: string): string {
  if (!HAS_LOOKALIKE.test(word)) return word;
  // Latin letters beside the look-alikes (the Script class is built only here, for text that is not ASCII).
  return /\p{Script=Latin}/u.test(word) ? word.replace(LOOKALIKE, (ch) => CONFUSABLES[ch] ?? ch) : word;
}

/** Lower-case words with contractions opened (don't → do not, can't → can not) and punctuation dropped. */
export function termsWords(text: string): string[] {
  const opened = text.normalize('NFKC').toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\bcan't\b/g, 'can not').replace(/\bwon't\b/g, 'will not').replace(/\bshan't\b/g, 'shall not')
    .replace(/n't\b/g, ' not');
  // ASCII text has no look-alike letters to unmix, and [a-z0-9] are its letters and digits.
  return isAscii(opened) ? opened.split(/[^a-z0-9]+/).filter(Boolean) : opened.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(unmix);
}

const wordMatches = (pattern: string, word: string | undefined) =>
  word !== undefined && word !== '' && (pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern);

/** Where `phrase` matches `words` from `at`: the index after its last word, or -1. */
/** Words a gap of a grant (a negation phrase) may not skip: "commercial use is not permitted" grants nothing. */
const DENIALS = new Set(['not', 'no', 'never', 'nor', 'without', 'except', 'only']);

function matchAt(phrase: Phrase, words: string[], at: number, k = 0, grant = false): number {
  if (k === phrase.length) return at;
  const p = phrase[k];
  if (p === null) {
    for (let skip = 0; skip <= GAP && at + skip <= words.length; skip++) {
      if (grant && skip > 0 && DENIALS.has(words[at + skip - 1]!)) break;
      const end = matchAt(phrase, words, at + skip, k + 1, grant);
      if (end >= 0) return end;
    }
    return -1;
  }
  return wordMatches(p!, words[at]) ? matchAt(phrase, words, at + 1, k + 1, grant) : -1;
}

/**
 * A list of phrases by first word: those that start with a plain word under it, the rest (a `*` stem, a gap) apart.
 * A phrase that starts with a plain word matches only where that word stands, so `find` tries each position's few
 * phrases instead of every phrase of the list (a card of a hundred sentences asked ~200 phrases at every word).
 */
interface FirstWords { exact: Map<string, Phrase[]>; rest: Phrase[] }
const firstWords = new WeakMap<Phrase[], FirstWords>();

function firstWordsOf(phrases: Phrase[]): FirstWords {
  let index = firstWords.get(phrases);
  if (!index) {
    index = { exact: new Map(), rest: [] };
    for (const p of phrases) {
      const first = p[0];
      if (typeof first === 'string' && !first.endsWith('*')) {
        const list = index.exact.get(first);
        if (list) list.push(p); else index.exact.set(first, [p]);
      } else index.rest.push(p);
    }
    firstWords.set(phrases, index);
  }
  return index;
}

/** Whether any of the phrases matches anywhere in the words. */
function find(phrases: Phrase[], words: string[]): boolean {
  const { exact, rest } = firstWordsOf(phrases);
  for (let i = 0; i < words.length; i++) {
    const candidates = exact.get(words[i]!);
    if (candidates !== undefined && candidates.some((p) => matchAt(p, words, i) >= 0)) return true;
    if (rest.length > 0 && rest.some((p) => matchAt(p, words, i) >= 0)) return true;
  }
  return false;
}

/** Words a bound sentence may hold between its binder and its document ("subject to the Acme Responsible AI Use Addendum"). */
const BOUND_GAP = 8;

/**
 * Whether a sentence binds the release to a document (rules/card-terms.yaml `bound`): a binder, then a document
 * within BOUND_GAP words; the strict documents ("requirements", "rules") only after a strict binder ("subject to").
 * The release's own license ("in accordance with the license", `own-license`) is no other document.
 */
function boundTo(c: Compiled, words: string[], pronoun: Pronoun): boolean {
  const { binders, strictBinders, documents, allDocuments, allBinders, own } = c.bound;
  // A statement ("released under") ends at its "under".
  const binderEndsAt = (k: number) => words[k - 1] === 'under' || allBinders.some((b) => k - b.length >= 0 && matchAt(b, words, k - b.length) === k);
  const ownLicense = (at: number, end: number) => {
    let k = at;
    while (k > 0 && own.between.has(words[k - 1]!)) k--;
    return binderEndsAt(k) && own.documents.some((d) => matchAt(d, words, at) === end) && (end >= words.length || words[end] === '' || own.after.has(words[end]!));
  };
  const documentWithin = (from: number, strict: boolean, licenses = true) => {
    for (let j = from; j <= from + BOUND_GAP && j < words.length; j++) {
      for (const d of strict ? allDocuments : documents) {
        const end = matchAt(d, words, j);
        if (end < 0) continue;
        // "the license terms": the word after the own license is part of it.
        if (ownLicense(j, end)) { j = end; break; }
        if (!licenses && own.documents.includes(d)) { j = end - 1; break; }
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < words.length; i++) {
    for (const b of strictBinders) { const end = matchAt(b, words, i); if (end >= 0 && documentWithin(end, true)) return true; }
    for (const b of binders) { const end = matchAt(b, words, i); if (end >= 0 && documentWithin(end, false, !c.bound.notBeforeLicenses.includes(b))) return true; }
    const under = statementUnder(c, words, i, pronoun);
    if (under > 0 && documentWithin(under, false)) return true;
  }
  return false;
}

/** Words a statement's subject is looked for in, before its verb ("The released weights of the 7B model are …"). */
const SUBJECT_WINDOW = 15;
const RELATIVE = new Set(['which', 'that', 'who']);

/**
 * "The weights are released under …" (rules/card-terms.yaml `bound.statements`): at a statement verb whose subject is
 * the release, the index after its "under" (up to three words later), or -1. `pronoun`: whether "It is …" is the release.
 */
function statementUnder(c: Compiled, words: string[], i: number, pronoun: Pronoun): number {
  if (!c.bound.statements.verbs.has(words[i]!)) return -1;
  let under = -1;
  for (let k = i + 1; k <= i + 4 && k < words.length; k++) if (words[k] === 'under') { under = k + 1; break; }
  if (under < 0) return -1;
  const from = Math.max(0, i - SUBJECT_WINDOW);
  return (referent(c, words, from, i) ?? subjectOf(c, words, from, i, pronoun)) ? under : -1;
}

/** Blanks every word of every match of `phrases`, index for index. */
function mask(phrases: Phrase[], words: string[]): string[] {
  const out = words.slice();
  for (const p of phrases) {
    for (let i = 0; i < out.length; i++) {
      const end = matchAt(p, out, i, 0, true);
      if (end > i) for (let k = i; k < end; k++) out[k] = '';
    }
  }
  return out;
}

/** Kinds of restriction that advice ("not suitable for …", "should not be used to …") does not make. */
const ADVICE_PROOF = new Set(['non-commercial', 'research-only']);

/**
 * How a sentence is read: from a card (`false`), a docs page (`true`: only binding kinds, or a sentence that names the
 * release, count), or a source comment (`'comment'`: read as a docs page, after what it says a function is for).
 */
export type TermsReading = boolean | 'comment';

/**
 * What a pronoun subject ("It is released under …") stands for: true for the release, false for another work; a
 * function is asked only when a sentence has one (what the sentence before names costs a reading of its words).
 */
export type Pronoun = boolean | (() => boolean);

/**
 * The restriction one sentence states, or undefined. Negated grants ("you do not need permission") are blanked
 * first; in a sentence of advice only the non-commercial and research-only phrases still count. In a source comment
 * that does not name the release, rules/card-terms.yaml `comments.code-purposes` ("FOO_ is for internal use only")
 * are blanked too. `pronoun`: by default another work (a table cell, a comment, a value read alone has nothing before it).
 */
export function sentenceTerms(sentence: string, rules: CardTermsRules, reading: TermsReading = false, pronoun: Pronoun = false): TermsHit | undefined {
  const c = compile(rules);
  const prose = reading !== false;
  const negated = maskHandled(c, mask(c.negations, termsWords(sentence)));
  const words = reading === 'comment' && !find(c.codeRelease, negated) ? mask(c.codePurposes, negated) : negated;
  const advice = find(c.advisory, words);
  // A docs page's sentence binds with a kind of rules.prose.binding, or when it names what is released (asked once,
  // and only of a sentence that has a restriction's words).
  let aboutRelease: boolean | undefined = prose ? undefined : true;
  // A sentence about the page itself ("This notebook is for demonstration purposes only"): the purposes it states of
  // the page are blanked for rules.prose.about-itself's kinds (the sentence binds still when it names the release).
  let selfWords: string[] | undefined;
  for (const [type, phrases] of c.restrictions) {
    if (advice && !ADVICE_PROOF.has(type)) continue;
    if (!find(phrases, words) && !(type === c.bound.kind && boundTo(c, words, pronoun))) continue;
    const aboutItself = prose && c.selfKinds.has(type) && find(c.selfSubjects, words);
    const binds = c.binding.has(type) && (!aboutItself || find(phrases, selfWords ??= mask(c.selfPurposes, words)));
    if (binds || (aboutRelease ??= find(c.artifacts, words))) return { type, sentence: sentence.replace(/\s+/g, ' ').trim().slice(0, 200) };
  }
  return substringTerms(sentence, rules);
}

/** Whether a sentence names what is released (rules/card-terms.yaml `prose.artifacts`: the model, weights, data …). */
export function namesRelease(sentence: string, rules: CardTermsRules): boolean {
  return find(compile(rules).artifacts, termsWords(sentence));
}

/**
 * What a sentence is about, by the first of rules/card-terms.yaml `bound.statements.subjects` (weights, model,
 * checkpoint: `release`) and `not-subjects` (data, code, base: `other`) it names; "the code and the weights" is the
 * release too. With `head` (the words before what is said of it), a "which" or "that" there points at the word before
 * it ("… code written by NVIDIA that is licensed under …" is the code's). Undefined when it names neither.
 */
export function sentenceSubject(sentence: string, rules: CardTermsRules, head?: string, pronoun: Pronoun = false): 'release' | 'other' | undefined {
  const c = compile(rules);
  if (head !== undefined) {
    const before = termsWords(head);
    const said = referent(c, before, 0, before.length) ?? subjectOf(c, before, 0, before.length, pronoun);
    if (said !== undefined) return said ? 'release' : 'other';
  }
  const words = termsWords(sentence);
  const at = subjectOf(c, words, 0, words.length, pronoun);
  return at === undefined ? undefined : at ? 'release' : 'other';
}

/** Whether a sentence offers licenses to choose from (rules/card-terms.yaml `bound.choice`: "dual-licensed", "either"). */
export function offersChoice(sentence: string, rules: CardTermsRules): boolean {
  return find(compile(rules).bound.choice, termsWords(sentence));
}

/** Words at the start of a sentence where what it is about is named ("The training data comes from …"). */
const LEADING_WORDS = 4;

/**
 * What a following "It is …" stands for after this sentence or heading (rules/card-terms.yaml `bound.statements`
 * `pronouns`): true for the release, false for another work, undefined when it names neither as its subject — a
 * heading by any of its words, a sentence by its first words unless it opens with one of `imperatives`.
 */
export function antecedentOf(text: string, rules: CardTermsRules, heading: boolean): boolean | undefined {
  const c = compile(rules);
  const words = termsWords(text);
  // A pronoun names nothing itself ("It is …"): undefined.
  if (heading) return subjectOf(c, words, 0, words.length, undefined);
  if (words.length === 0 || c.bound.statements.imperatives.has(words[0]!)) return undefined;
  return subjectOf(c, words, 0, Math.min(words.length, LEADING_WORDS), undefined);
}

/**
 * After the last "which"/"that"/"who" between `from` and `to`, whether the word before it is the release; undefined
 * without one (a first word "That" is a determiner: "That model is …").
 */
function referent(c: Compiled, words: string[], from: number, to: number): boolean | undefined {
  for (let k = to - 1; k >= Math.max(from, 1); k--) if (RELATIVE.has(words[k]!)) return c.bound.statements.subjects.has(words[k - 1] ?? '');
  return undefined;
}

/**
 * Between `from` and `to`: true for the release, false for another work, undefined for neither named. A pronoun before
 * an auxiliary ("It is", "They are") is `pronoun`; another work after "like" ("Like the base model, …") is compared
 * with, not spoken of.
 */
function subjectOf(c: Compiled, words: string[], from: number, to: number, pronoun: Pronoun | undefined = false): boolean | undefined {
  const { subjects, others, pronouns, auxiliaries, comparisons } = c.bound.statements;
  for (let k = from; k < to; k++) {
    if (subjects.has(words[k]!)) return true;
    if (pronouns.has(words[k]!) && auxiliaries.has(words[k + 1] ?? '')) return typeof pronoun === 'function' ? pronoun() : pronoun;
    if (!others.has(words[k]!)) continue;
    if (words.slice(Math.max(from, k - 3), k).some((w) => comparisons.has(w))) continue;
    // "The code and the model weights are released under …": the release is one of the subjects.
    const and = words.indexOf('and', k);
    return and > 0 && and < to && words.slice(and + 1, to).some((w) => subjects.has(w));
  }
  return undefined;
}

/** Scripts written without spaces between words, where rules/card-terms.yaml `substrings` are looked for. */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;

/** A restriction in Chinese, Japanese or Korean (`substrings`): each kind binds wherever it is written. */
function substringTerms(text: string, rules: CardTermsRules): TermsHit | undefined {
  if (!UNSPACED.test(text)) return undefined;
  const normal = text.normalize('NFKC');
  for (const [type, needles] of Object.entries(rules.substrings)) {
    if (needles.some((n) => normal.includes(n))) return { type, sentence: text.replace(/\s+/g, ' ').trim().slice(0, 200) };
  }
  return undefined;
}

/** Words that deny the verb after them: "do not remove this notice" is an instruction, not what was done to data. */
const DENY_VERB = new Set(['not', 'never', 'no']);
/** Words that make a participle passive: "research-only corpora were excluded". */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got']);

/**
 * Blanks restriction words that a data-handling verb governs (rules/card-terms.yaml `handling`): "We removed all
 * documents under non-commercial licenses", "research-only corpora were excluded", "# Filter out NC licenses" say
 * how the data was built, not terms of the release. What was handled (data, documents, licenses, …) must stand within
 * four words of the restriction; a denied verb governs nothing; a sentence that names the weights or
 * this repository is kept whole.
 */
function maskHandled(c: Compiled, words: string[]): string[] {
  const { verbs, passive, objects } = c.handling;
  const any = (list: string[], w: string | undefined) => list.some((v) => wordMatches(v, w));
  if (!words.some((w) => any(verbs, w)) || find(c.handling.release, words)) return words;
  const within = (from: number, to: number, test: (j: number) => boolean) => {
    for (let j = Math.max(0, from); j < Math.min(words.length, to); j++) if (test(j)) return true;
    return false;
  };
  const governed = (start: number, end: number) => within(start - GAP - 1, end + GAP + 1, (j) => (j < start || j >= end) && any(objects, words[j]))
    && (within(start - GAP - 1, start, (j) => any(verbs, words[j]) && !DENY_VERB.has(words[j - 1] ?? ''))
      || within(end, end + GAP + 1, (j) => any(passive, words[j]) && AUXILIARIES.has(words[j - 1] ?? '')));
  let out: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    for (const p of c.handling.phrases) {
      const end = matchAt(p, words, i);
      if (end <= i || !governed(i, end)) continue;
      out ??= words.slice();
      out.fill('', i, end);
    }
  }
  return out ?? words;
}

/** Restriction phrases by their first word (a `*` word under its stem with the `*`), for `mayStateTerms`. */
const byFirst = new WeakMap<CardTermsRules, { exact: Map<string, Phrase[]>; prefixes: [string, Phrase[]][]; gapFirst: boolean }>();

/**
 * Whether a text holds a restriction's words anywhere, sentences and negations aside: a quick test, never narrower
 * than `sentenceTerms` (a text for which it is false has no sentence that states terms). It lets thousands of source
 * comments be passed over without being parsed as Markdown. Link targets and HTML tags are dropped first, as the
 * Markdown reading drops them; a table row is always read.
 */
export function mayStateTerms(text: string, rules: CardTermsRules): boolean {
  let index = byFirst.get(rules);
  if (!index) {
    const exact = new Map<string, Phrase[]>();
    const prefixes = new Map<string, Phrase[]>();
    let gapFirst = false;
    const all = compile(rules);
    const statements = [...all.bound.statements.verbs].map((v): Phrase => [v, null, 'under']);
    for (const phrases of [...all.restrictions.map(([, p]) => p), all.bound.binders, all.bound.strictBinders, statements]) {
      for (const p of phrases) {
        const first = p[0];
        if (first === null || first === undefined) { gapFirst = true; continue; }
        const [map, key] = first.endsWith('*') ? [prefixes, first.slice(0, -1)] : [exact, first];
        map.set(key, [...(map.get(key) ?? []), p]);
      }
    }
    index = { exact, prefixes: [...prefixes], gapFirst };
    byFirst.set(rules, index);
  }
  if (index.gapFirst || (text.includes('|') && /^[ \t]*\|[^\n]*\|/m.test(text)) || substringTerms(text, rules)) return true;
  const plain = text.includes('](') || text.includes('<') ? text.replace(/\]\([^)]*\)/g, '] ').replace(/<[^>\n]{0,200}>/g, '') : text;
  const words = termsWords(plain);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const candidates = index.exact.get(w);
    if (candidates?.some((p) => matchAt(p, words, i) >= 0)) return true;
    for (const [stem, phrases] of index.prefixes) if (w.startsWith(stem) && phrases.some((p) => matchAt(p, words, i) >= 0)) return true;
  }
  return false;
}

/**
 * Where sentences end: after . ! ? ; (not after an abbreviation: "License, v. 2.0", "e.g. research", "et al. 2023")
 * and at blank lines.
 */
const SENTENCE_END = /(?<=[.!?;])(?<!\b(?:[Vv]|vs|e\.g|i\.e|cf|al|Inc|Ltd|No|Fig|Sec|Eq)\.)\s+|\n\s*\n/;

/** Sentences of a prose block, split at SENTENCE_END; a sentence wrapped over lines stays whole. */
export function sentencesOf(text: string): { sentence: string; lineOffset: number }[] {
  const out: { sentence: string; lineOffset: number }[] = [];
  let at = 0;
  for (const part of text.split(SENTENCE_END)) {
    const index = text.indexOf(part, at);
    if (part.trim()) out.push({ sentence: part, lineOffset: (text.slice(0, Math.max(index, 0)).match(/\n/g) ?? []).length });
    if (index >= 0) at = index + part.length;
  }
  return out;
}

/** The first restriction in a text of several sentences, with the line offset of its sentence. */
export function textTerms(text: string, rules: CardTermsRules, skip?: (lineOffset: number, sentence: string) => boolean): (TermsHit & { lineOffset: number }) | undefined {
  for (const { sentence, lineOffset } of sentencesOf(text)) {
    const hit = sentenceTerms(sentence, rules);
    if (hit && !skip?.(lineOffset, sentence)) return { ...hit, lineOffset };
  }
  return undefined;
}
