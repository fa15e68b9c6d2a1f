// Judges OSAID data information on content: which of the required items a card or data card describes.
import type { DataInformation, SourceLocation } from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { normalizeText } from './normalize.js';

export interface DataText { source: SourceLocation; text: string }

/** Coverage over all the texts that describe the training data, with the first text as the source. */
export function assessDataInformation(texts: DataText[], rules: RuleSet): DataInformation {
  const covered = new Set<string>();
  let source: SourceLocation | undefined;
  for (const { text, source: where } of texts) {
    const normalized = ` ${normalizeText(text)}`;
    for (const item of rules.dataInformation) {
      // Keywords match at the start of a word, so `deduplicat` finds deduplicated and deduplication.
      if (item.anyOf.some((kw) => normalized.includes(` ${normalizeText(kw)}`))) {
        covered.add(item.id);
        source ??= where;
      }
    }
  }
  const all = rules.dataInformation.map((i) => i.id);
  return { ...(source ? { source } : {}), covered: all.filter((i) => covered.has(i)), missing: all.filter((i) => !covered.has(i)) };
}
