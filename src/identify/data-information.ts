// Judges OSAID data information on content: which of the required items a card or data card describes.
import type { DataInformation, SourceLocation } from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { normalizeText } from './normalize.js';

export interface DataText { source: SourceLocation; text: string }

/** Coverage over all the texts that describe the training data; each covered item names the first text that describes it. */
export function assessDataInformation(texts: DataText[], rules: RuleSet): DataInformation {
  const sources: Record<string, SourceLocation> = {};
  let source: SourceLocation | undefined;
  for (const { text, source: where } of texts) {
    const normalized = ` ${normalizeText(text)}`;
    for (const item of rules.dataInformation) {
      // Keywords match at the start of a word, so `deduplicat` finds deduplicated and deduplication.
      if (!sources[item.id] && item.anyOf.some((kw) => normalized.includes(` ${normalizeText(kw)}`))) {
        sources[item.id] = where;
        source ??= where;
      }
    }
  }
  const all = rules.dataInformation.map((i) => i.id);
  return {
    ...(source ? { source } : {}),
    covered: all.filter((i) => sources[i]), missing: all.filter((i) => !sources[i]),
    ...(source ? { sources } : {}),
  };
}
