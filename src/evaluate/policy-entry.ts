// The words an allow/deny entry may use: a license category, a restriction type, or one SPDX/LicenseRef license term.
import { parseLicenseTerm, type LicenseTerm } from '../spdx/match.js';
import type { Category } from '../ruleset/categories.js';
import { CATEGORIES, RESTRICTION_TYPES } from '../ruleset/vocabulary.js';

export type RestrictionType = (typeof RESTRICTION_TYPES)[number];

export type PolicyMatcher =
  | { kind: 'category'; category: Category }
  | { kind: 'restriction'; restriction: RestrictionType }
  | { kind: 'license'; term: LicenseTerm };

export const POLICY_ENTRY_HINT =
  `one SPDX or LicenseRef- license id (optionally with + or WITH an exception), or a category: ${[...CATEGORIES, ...RESTRICTION_TYPES].join(', ')}`;

/** How an entry is read; undefined when it is none of the accepted forms. Categories win over ids of the same spelling. */
export function parsePolicyEntry(text: string): PolicyMatcher | undefined {
  if ((CATEGORIES as readonly string[]).includes(text)) return { kind: 'category', category: text as Category };
  if ((RESTRICTION_TYPES as readonly string[]).includes(text)) return { kind: 'restriction', restriction: text as RestrictionType };
  const term = parseLicenseTerm(text);
  return term ? { kind: 'license', term } : undefined;
}

export function isPolicyEntry(text: string): boolean {
  return parsePolicyEntry(text) !== undefined;
}
