// Finds words that limit use (non-commercial, research only, no training of other models, no redistribution) in text
// that no identified license explains: a sentence added after a standard license text, a NOTICE, a use policy, or a
// README License section. Such words may bind on top of the license, so the text settles nothing until a person
// says what it means (a `clarify:` entry, or removing the sentence).

/** Always a restriction, wherever it stands. */
const ALWAYS = new Set(['noncommercial', 'nonprofit']);
/** Phrases that bring in a use policy, a purpose the grant is limited to, or a ban on a use. */
const ALWAYS_PHRASES = [
  'acceptable use', 'use policy', 'usage policy', 'use restrictions', 'use restriction',
  'academic use', 'personal use', 'research use', 'internal use', 'evaluation use', 'academic purposes', 'personal purposes',
  'research purposes', 'research only', 'evaluation only', 'evaluation purposes',
  'do not use', 'not to use', 'may not use', 'may not be used', 'must not use', 'must not be used', 'shall not use',
  'shall not be used', 'cannot be used', 'can not be used', 'is not permitted', 'are not permitted', 'not allowed',
].map((p) => p.split(' '));
/** Words that limit or deny. */
const LIMITER = /^(not|no|only|solely|exclusively|prohibit\w*|restrict\w*|forbid\w*|cannot|except|permission|consent|approval|separate|requires?|need|needs|obtain)$/;
/** What a limit may be about: a purpose, a kind of user, or one of the freedoms. */
const TOPIC = /^(commercial\w*|research|academic|personal|internal|military|evaluat\w*|train\w*|redistribut\w*|distribut\w*|derivative\w*|modif\w*|compet\w*|sell|sale|resell\w*|production|revenue|employees|paid|fees?|monthly)$/;
/** Words that make a grant revocable: a restriction wherever they stand. */
const REVOCABLE = /^revo(c|k)/;
/** How many words apart a limiter and its topic may stand. */
const WINDOW = 12;
/** Standard phrases with a limiter that grant rather than limit (removed before the test). */
const BENIGN = [
  'you may not use this file except in compliance with the license', 'without restriction', 'without limitation',
  'no restrictions', 'except in compliance with the license',
  'except as required by applicable law', 'except as otherwise noted', 'no warranty', 'not limited to',
];

export interface AddedTerms { index: number; words: string }

/**
 * The first place in normalised words (see normalizeText) where a limiter stands within a few words of a purpose or
 * freedom, or where a word that is always a restriction appears; with a short excerpt around it.
 */
export function findAddedTerms(words: string[]): AddedTerms | undefined {
  const masked = maskBenign(words);
  for (let i = 0; i < masked.length; i++) {
    const w = masked[i]!;
    let hit = ALWAYS.has(w) || REVOCABLE.test(w) || ALWAYS_PHRASES.some((p) => p[0] === w && p.every((x, k) => masked[i + k] === x));
    if (!hit && LIMITER.test(w)) {
      for (let j = Math.max(0, i - WINDOW); j <= Math.min(masked.length - 1, i + WINDOW) && !hit; j++) hit = TOPIC.test(masked[j]!);
    }
    if (hit) return { index: i, words: words.slice(Math.max(0, i - 8), i + 10).join(' ') };
  }
  return undefined;
}

/** A copy of the words with the benign phrases blanked out, index for index. */
function maskBenign(words: string[]): string[] {
  const out = words.slice();
  for (const phrase of BENIGN) {
    const p = phrase.split(' ');
    for (let i = 0; i + p.length <= out.length; i++) {
      if (p.every((w, k) => out[i + k] === w)) for (let k = 0; k < p.length; k++) out[i + k] = '';
    }
  }
  return out;
}
