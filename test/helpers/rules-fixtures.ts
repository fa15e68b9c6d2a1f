// Fixture rows for issue 12 (restriction types in `deny:`, the EU AI Act profile), spread into test/fixtures.test.ts's table.
export type RulesRow = [fixture: string, profile: string, verdict: 'pass' | 'fail' | 'unknown', codes: string[]];

export const RULES_FIXTURES: RulesRow[] = [
  // The restriction types territory, business-model and revenue-threshold are policy entries.
  ['policy-deny-territory', 'open-weights', 'fail', ['license-denied']],
  ['policy-deny-territory-none', 'open-weights', 'pass', []],
  ['policy-deny-business-model', 'open-weights', 'fail', ['license-denied']],
  ['policy-deny-revenue-threshold', 'open-weights', 'fail', ['license-denied']],
  // The EU AI Act open-source exemption (profile eu-ai-act-53-2); the notes of para 75 are always there.
  ['eu-apache-full-usage-passes', 'eu-ai-act-53-2', 'pass', ['eu-note-systemic-risk', 'eu-note-still-required']],
  ['eu-llama-fails-user-threshold', 'eu-ai-act-53-2', 'fail', ['eu-license-disqualifies', 'eu-note-systemic-risk']],
  ['eu-openrail-review-unknown', 'eu-ai-act-53-2', 'unknown', ['eu-license-review']],
  ['eu-territory-excluding-fails', 'eu-ai-act-53-2', 'fail', ['eu-license-disqualifies']],
  ['eu-stability-community-fails-revenue', 'eu-ai-act-53-2', 'fail', ['eu-license-disqualifies']],
  ['eu-apache-gated-personal-data-unknown', 'eu-ai-act-53-2', 'unknown', ['eu-access-personal-data']],
  ['eu-gated-eu-disallowed-fails', 'eu-ai-act-53-2', 'fail', ['eu-access-discriminates']],
  ['eu-systemic-risk-declared-fails', 'eu-ai-act-53-2', 'fail', ['eu-systemic-risk', 'eu-note-still-required']],
  ['eu-usage-information-missing', 'eu-ai-act-53-2', 'unknown', ['eu-usage-information-missing']],
];
