// Licenses the card states beside a link to a component kept elsewhere.
import type { Documents, LicenseFinding } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { statedLicense } from '../card/stated-license.js';
import type { Found } from './components.js';

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
      const expression = statedLicense(lines[item.line! - card.bodyLine] ?? '', rules);
      if (!expression) continue;
      out.push({ expression, confidence: 0.9, source: { file: card.file, line: item.line!, kind: 'card-section' }, scope: { kind: 'component', component }, raw: `stated next to ${item.detail ?? 'a link'}` });
    }
  }
  return out;
}
