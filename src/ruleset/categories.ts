// Whether a license rule belongs to a category; `osi-approved` and `osd-conformant` follow from the rule itself.
import type { LicenseRule } from './schema.js';
import { FREEDOMS } from './vocabulary.js';

export type Category = 'osi-approved' | 'osd-conformant' | 'mot-open' | 'open-data' | 'open-content' | 'fsf-libre';

/** A rule that knows the id but not what the text allows (some freedom rated `unknown`): no category can be decided. */
export function isUnrated(rule: LicenseRule): boolean {
  return FREEDOMS.some((f) => rule.freedoms[f].rating === 'unknown');
}

/**
 * `osd-conformant` is derived, never listed: a license is conformant only if no freedom is restricted and it carries
 * no restriction, so a rules file cannot call a use-restricted license open by mistake.
 */
export function licenseInCategory(rule: LicenseRule, category: Category): boolean {
  switch (category) {
    case 'osi-approved':
      return rule.osiApproved;
    case 'osd-conformant':
      return rule.restrictions.length === 0 && FREEDOMS.every((f) => ['granted', 'conditional'].includes(rule.freedoms[f].rating));
    case 'mot-open':
      // The Model Openness Tool's predicate: OSI-approved, FSF-libre, or on its open-data list.
      return rule.osiApproved || rule.categories.includes('fsf-libre') || rule.categories.includes('mot-open');
    case 'open-data':
    case 'open-content':
    case 'fsf-libre':
      return rule.categories.includes(category);
  }
}
