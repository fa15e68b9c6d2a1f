// Reads one sentence as terms (rules/card-terms.yaml): which restriction it states, if any, after negations and advice.
import type { CardTermsRules } from '../../ruleset/schema.js';
import { isAscii } from '../normalize.js';

export interface TermsHit { type: string; sentence: string }

type Phrase = (string | null)[]; // null = a gap of up to GAP words
const GAP = 4;

interface Compiled {
  restrictions: [string, Phrase[]][]; negations: Phrase[]; advisory: Phrase[]; artifacts: Phrase[]; binding: Set<string>;
  selfKinds: Set<string>; selfSubjects: Phrase[]; selfPurposes: Phrase[];
}
const compiled = new WeakMap<CardTermsRules, Compiled>();

const toPhrase = (p: string): Phrase => p.split(' ').map((w) => (w === '~' ? null : w));

function compile(rules: CardTermsRules): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    c = {
      restrictions: Object.entries(rules.restrictions).map(([type, phrases]) => [type, phrases.map(toPhrase)]),
      negations: rules.negations.map(toPhrase), advisory: rules.advisory.map(toPhrase),
      artifacts: rules.prose.artifacts.map(toPhrase), binding: new Set(rules.prose.binding),
      selfKinds: new Set(rules.prose['about-itself'].kinds), selfSubjects: rules.prose['about-itself'].subjects.map(toPhrase),
      selfPurposes: rules.prose['about-itself'].purposes.map(toPhrase),
    };
    compiled.set(rules, c);
  }
  return c;
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

function unmix(word: string): string {
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

function find(phrases: Phrase[], words: string[]): boolean {
  for (let i = 0; i < words.length; i++) if (phrases.some((p) => matchAt(p, words, i) >= 0)) return true;
  return false;
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
 * The restriction one sentence states, or undefined. Negated grants ("you do not need permission") are blanked
 * first; in a sentence of advice only the non-commercial and research-only phrases still count.
 */
export function sentenceTerms(sentence: string, rules: CardTermsRules, prose = false): TermsHit | undefined {
  const c = compile(rules);
  const words = mask(c.negations, termsWords(sentence));
  const advice = find(c.advisory, words);
  // A docs page's sentence binds with a kind of rules.prose.binding, or when it names what is released (asked once,
  // and only of a sentence that has a restriction's words).
  let aboutRelease: boolean | undefined = prose ? undefined : true;
  // A sentence about the page itself ("This notebook is for demonstration purposes only"): the purposes it states of
  // the page are blanked for rules.prose.about-itself's kinds (the sentence binds still when it names the release).
  let selfWords: string[] | undefined;
  for (const [type, phrases] of c.restrictions) {
    if (advice && !ADVICE_PROOF.has(type)) continue;
    if (!find(phrases, words)) continue;
    const aboutItself = prose && c.selfKinds.has(type) && find(c.selfSubjects, words);
    const binds = c.binding.has(type) && (!aboutItself || find(phrases, selfWords ??= mask(c.selfPurposes, words)));
    if (binds || (aboutRelease ??= find(c.artifacts, words))) return { type, sentence: sentence.replace(/\s+/g, ' ').trim().slice(0, 200) };
  }
  return undefined;
}

/** Sentences of a prose block: split after . ! ? ; and at blank lines; a sentence wrapped over lines stays whole. */
export function sentencesOf(text: string): { sentence: string; lineOffset: number }[] {
  const out: { sentence: string; lineOffset: number }[] = [];
  let at = 0;
  for (const part of text.split(/(?<=[.!?;])\s+|\n\s*\n/)) {
    const index = text.indexOf(part, at);
    if (part.trim()) out.push({ sentence: part, lineOffset: (text.slice(0, Math.max(index, 0)).match(/\n/g) ?? []).length });
    if (index >= 0) at = index + part.length;
  }
  return out;
}

/** The first restriction in a text of several sentences, with the line offset of its sentence. */
export function textTerms(text: string, rules: CardTermsRules): (TermsHit & { lineOffset: number }) | undefined {
  for (const { sentence, lineOffset } of sentencesOf(text)) {
    const hit = sentenceTerms(sentence, rules);
    if (hit) return { ...hit, lineOffset };
  }
  return undefined;
}
