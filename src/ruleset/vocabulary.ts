// The fixed words of the rules: freedoms, component groups, license categories, restriction and obligation types.
// Kept apart from schema.ts so that evaluation can use them without loading zod.

export const FREEDOMS = ['use', 'study', 'modify', 'share'] as const;
export const GROUPS = ['code', 'weights', 'data', 'docs'] as const;
/** Categories a license can be put in by hand; `osi-approved` and `osd-conformant` are derived (see categories.ts). */
export const LISTED_CATEGORIES = ['open-data', 'open-content', 'fsf-libre', 'mot-open'] as const;
export const CATEGORIES = ['osi-approved', 'osd-conformant', 'mot-open', 'open-data', 'open-content', 'fsf-libre'] as const;
export const RESTRICTION_TYPES = [
  'user-threshold', 'revenue-threshold', 'acceptable-use', 'non-commercial', 'field-of-use', 'no-derivatives', 'no-improving-other-models',
  'approval-required', 'output-restriction', 'research-only', 'revocable', 'other',
  // `territory`: the grant excludes territories (listed in `territories`); `business-model`: a kind of business
  // (model-as-a-service, hosted service, competing product) needs a separate agreement.
  'territory', 'business-model',
] as const;
export const OBLIGATION_TYPES = [
  'attribution', 'notice', 'share-alike', 'state-changes', 'pass-on-license', 'pass-on-policy', 'naming', 'source-code',
] as const;
