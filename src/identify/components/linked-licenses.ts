// Licenses the card states beside a link to a component kept elsewhere.
import type { Documents, LicenseFinding } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { statedLicense } from '../card/stated-license.js';
import type { Found } from './components.js';

const CODE = new Set(['model-architecture', 'training-code', 'inference-code', 'evaluation-code', 'data-preprocessing-code', 'supporting-libraries-and-tools']);
/** A sentence whose subject is the code and the model together ("The code and the model weights are released under …"). */
const CODE_AND_MODEL = /[^.\n]*\b(?:code|source)\b[^.\n]{0,40}?\b(?:and|&)\b[^.\n]{0,20}?\b(?:models?|weights|checkpoints?)\b[^.\n]*|[^.\n]*\b(?:models?|weights|checkpoints?)\b[^.\n]{0,20}?\b(?:and|&)\b[^.\n]{0,40}?\b(?:code|source)\b[^.\n]*/gi;

/** The license a sentence states for "the code and the model", in the paragraph (lines up to a blank one) around `index`. */
function paragraphLicense(lines: string[], index: number, rules: RuleSet): string | undefined {
  let start = index;
  let end = index;
  // Bounded: a paragraph of a card is a few lines; a hostile one-paragraph card is read 40 lines around the link at most.
  while (start > 0 && index - start < 20 && lines[start - 1]!.trim() !== '') start--;
  while (end < lines.length - 1 && end - index < 20 && lines[end + 1]!.trim() !== '') end++;
  const paragraph = lines.slice(start, end + 1).join(' ').slice(0, 8192);
  for (const [sentence] of paragraph.matchAll(CODE_AND_MODEL)) {
    const expression = statedLicense(sentence.replace(/\b(?:released|available|distributed|provided|published|made available)\s+under\b/gi, 'licensed under'), rules);
    if (expression) return expression;
  }
  return undefined;
}

/**
 * A license the card states on the line that links a component kept elsewhere (code repositories, papers): the card is
 * the only evidence osai has offline, so the finding says so (kind card-section, confidence 0.9).
 */
export function linkedLicenses(card: NonNullable<Documents['card']>, found: Found, rules: RuleSet): LicenseFinding[] {
  const lines = card.body.split(/\r\n|\r|\n/);
  const out: LicenseFinding[] = [];
  for (const [component, items] of found) {
    if (component === 'datasets' || items.some((e) => e.kind === 'file')) continue;
    for (const item of items.filter((e) => e.kind === 'card-link' && e.file === card.file && e.line !== undefined)) {
      const onLine = statedLicense(lines[item.line! - card.bodyLine] ?? '', rules);
      const inParagraph = onLine || !CODE.has(component) ? undefined : paragraphLicense(lines, item.line! - card.bodyLine, rules);
      const expression = onLine ?? inParagraph;
      if (!expression) continue;
      const raw = onLine ? `stated next to ${item.detail ?? 'a link'}` : `stated for the code and the model in the paragraph that links ${item.detail ?? 'it'}`;
      out.push({ expression, confidence: 0.9, source: { file: card.file, line: item.line!, kind: 'card-section' }, scope: { kind: 'component', component }, raw });
    }
  }
  return out;
}
