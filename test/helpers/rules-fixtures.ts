// Fixture rows for issue 12 (restriction types in `deny:`, the EU AI Act profile), spread into test/fixtures.test.ts's table.
export type RulesRow = [fixture: string, profile: string, verdict: 'pass' | 'fail' | 'unknown', codes: string[]];

export const RULES_FIXTURES: RulesRow[] = [
  // The restriction types territory, business-model and revenue-threshold are policy entries.
  ['policy-deny-territory', 'open-weights', 'fail', ['license-denied']],
  ['policy-deny-territory-none', 'open-weights', 'pass', []],
  ['policy-deny-business-model', 'open-weights', 'fail', ['license-denied']],
  ['policy-deny-revenue-threshold', 'open-weights', 'fail', ['license-denied']],
];
