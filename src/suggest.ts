// "Did you mean …": the closest valid name to a mistyped one (config keys, finding codes, profile ids).
import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `word` by edit distance, when it is near enough to be a typo (at most a third of the
 * word's length, and at least 2 edits allowed); else undefined, so an unrelated word gets no misleading guess.
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const d = distance(word.toLowerCase(), name.toLowerCase());
    if (d <= limit && (!best || d < best.d || (d === best.d && name < best.name))) best = { name, d };
  }
  return best?.name;
}

/** ` (did you mean "x"?)`, or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const name = closestName(word, candidates);
  return name ? ` (did you mean "${name}"?)` : '';
}
