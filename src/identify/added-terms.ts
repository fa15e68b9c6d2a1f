// Finds words that limit use (non-commercial, research only, no training of other models, no redistribution) in text
// that no identified license explains: a sentence added after a standard license text, a NOTICE, a use policy, or a
// README License section. Such words may bind on top of the license, so the text settles nothing until a person
// says what it means (a `clarify:` entry, or removing the sentence). The vocabulary is rules data: rules/added-terms.yaml.
import type { RuleSet } from '../ruleset/rule-set.js';
import type { AddedTermsRules } from '../ruleset/schema.js';

export interface AddedTerms { index: number; words: string }

interface Vocabulary {
  window: number;
  always: (w: string) => boolean;
  limiter: (w: string) => boolean;
  topic: (w: string) => boolean;
  phrases: string[][];
  benign: string[][];
  contractions: Set<string>;
}

const compiled = new WeakMap<AddedTermsRules, Vocabulary>();

/** `word` matches exactly, `word*` as a prefix. */
function wordTest(entries: string[]): (w: string) => boolean {
  const exact = new Set(entries.filter((e) => !e.endsWith('*')));
  const prefixes = entries.filter((e) => e.endsWith('*')).map((e) => e.slice(0, -1));
  return (w) => exact.has(w) || prefixes.some((p) => w.startsWith(p));
}

function vocabulary(rules: AddedTermsRules): Vocabulary {
  let v = compiled.get(rules);
  if (!v) {
    v = {
      window: rules.window,
      always: wordTest(rules.always),
      limiter: wordTest(rules.limiters),
      topic: wordTest(rules.topics),
      phrases: rules.phrases.map((p) => p.split(' ')),
      benign: rules.benign.map((p) => p.split(' ')),
      contractions: new Set(rules.contractions),
    };
    compiled.set(rules, v);
  }
  return v;
}

/**
 * The first place in normalised words (see normalizeText) where a limiter stands within a few words of a purpose or
 * freedom, or where a word or phrase that is always a restriction appears; with a short excerpt around it.
 */
export function findAddedTerms(words: string[], rules: RuleSet): AddedTerms | undefined {
  const v = vocabulary(rules.addedTerms);
  const masked = maskBenign(words, v.benign);
  // "don't" normalises to "don t": the "t" is the "not" the limiters know.
  for (let i = 1; i < masked.length; i++) if (masked[i] === 't' && v.contractions.has(masked[i - 1]!)) masked[i] = 'not';
  for (let i = 0; i < masked.length; i++) {
    const w = masked[i]!;
    if (w === '') continue;
    let hit = v.always(w) || v.phrases.some((p) => p[0] === w && p.every((x, k) => masked[i + k] === x));
    if (!hit && v.limiter(w)) {
      for (let j = Math.max(0, i - v.window); j <= Math.min(masked.length - 1, i + v.window) && !hit; j++) hit = masked[j] !== '' && v.topic(masked[j]!);
    }
    if (hit) return { index: i, words: words.slice(Math.max(0, i - 8), i + 10).join(' ') };
  }
  return undefined;
}

/** A copy of the words with the benign phrases blanked out, index for index. */
function maskBenign(words: string[], benign: string[][]): string[] {
  const out = words.slice();
  for (const p of benign) {
    for (let i = 0; i + p.length <= out.length; i++) {
      if (p.every((w, k) => out[i + k] === w)) for (let k = 0; k < p.length; k++) out[i + k] = '';
    }
  }
  return out;
}
