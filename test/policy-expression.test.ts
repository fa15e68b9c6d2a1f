// The pure policy judgement, one license expression at a time: [expression, allow, deny, outcome code].
import { describe, expect, test } from 'vitest';
import { checkPolicy } from '../src/evaluate/policy.js';
import type { Evidence } from '../src/model.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';

type Row = [expression: string, allow: string[], deny: string[], code: string];

const TABLE: Row[] = [
  ['MIT', [], ['MIT'], 'license-denied'],
  ['MIT', [], ['mit'], 'license-denied'], // entries are matched in the SPDX list's spelling
  ['MIT', ['Apache-2.0'], [], 'license-not-allowed'],
  ['MIT', ['osi-approved'], [], 'license-policy-ok'],
  ['CC-BY-NC-4.0', ['osi-approved'], [], 'license-not-allowed'],
  ['CC-BY-NC-4.0', [], ['non-commercial'], 'license-denied'],
  ['MIT', [], ['osd-conformant'], 'license-denied'], // a category can be denied too (odd, but meant)
  ['CC-BY-NC-4.0', [], ['osd-conformant'], 'license-policy-ok'], // it is not osd-conformant
  ['CC-BY-4.0', ['open-content'], [], 'license-policy-ok'],
  ['LicenseRef-llama-3-community', [], ['acceptable-use'], 'license-denied'],
  ['LicenseRef-llama-3-community', ['osd-conformant'], [], 'license-not-allowed'],
  ['LicenseRef-llama-3-community', ['LicenseRef-llama-3-community'], [], 'license-policy-ok'],
  // OR: the licensee picks one side; AND: both bind
  ['CC-BY-NC-4.0 OR MIT', [], ['non-commercial'], 'license-policy-ok'],
  ['CC-BY-NC-4.0 AND MIT', [], ['non-commercial'], 'license-denied'],
  ['MIT OR Apache-2.0', ['Apache-2.0'], [], 'license-policy-ok'],
  ['MIT AND Apache-2.0', ['Apache-2.0'], [], 'license-not-allowed'],
  ['(MIT OR CC-BY-NC-4.0) AND Apache-2.0', ['osi-approved'], ['non-commercial'], 'license-policy-ok'],
  ['(CC-BY-NC-4.0 OR GPL-3.0-only) AND MIT', ['osi-approved'], ['GPL-3.0-only'], 'license-denied'],
  // one choice must satisfy allow and deny together, not allow on one side and deny on the other
  ['CC-BY-NC-4.0 OR Zlib', ['CC-BY-NC-4.0', 'Zlib'], ['CC-BY-NC-4.0'], 'license-policy-ok'],
  ['CC-BY-NC-4.0 OR Zlib', ['CC-BY-NC-4.0'], ['non-commercial'], 'license-denied'],
  // WITH: the base license still binds; an entry naming the exception matches only that exception
  ['GPL-3.0-only WITH GCC-exception-3.1', [], ['GPL-3.0-only'], 'license-denied'],
  ['GPL-3.0-only WITH GCC-exception-3.1', ['GPL-3.0-only WITH GCC-exception-3.1'], [], 'license-policy-ok'],
  ['GPL-3.0-only', ['GPL-3.0-only WITH GCC-exception-3.1'], [], 'license-not-allowed'],
  ['GPL-3.0-only WITH GCC-exception-3.1', ['fsf-libre', 'osi-approved'], [], 'license-policy-ok'],
  // ranges (spdx-satisfies)
  ['GPL-3.0-only', ['GPL-2.0-or-later'], [], 'license-policy-ok'],
  ['GPL-2.0-only', ['GPL-3.0-or-later'], [], 'license-not-allowed'],
  ['GPL-3.0-only', ['GPL-2.0+'], [], 'license-policy-ok'],
  ['GPL-3.0-only WITH GCC-exception-3.1', [], ['gpl-3.0-only with gcc-exception-3.1'], 'license-denied'],
  // a category cannot judge a license osai has no rating for; the id itself can
  ['Beerware', ['osi-approved'], [], 'license-policy-unknown'],
  ['Beerware', [], ['non-commercial'], 'license-policy-unknown'],
  ['Beerware', ['Beerware'], [], 'license-policy-ok'],
  ['Beerware', [], ['Beerware'], 'license-denied'],
  ['unknown', [], ['MIT'], 'license-policy-unknown'],
  ['MIT AND unknown', ['MIT'], [], 'license-policy-unknown'],
  ['MIT OR unknown', ['MIT'], [], 'license-policy-ok'],
];

describe('checkPolicy over one license finding', async () => {
  const rules = await loadRuleSet();
  test.each(TABLE)('%s, allow %j, deny %j → %s', (expression, allow, deny, code) => {
    const evidence: Evidence = {
      licenses: [{ expression, confidence: 1, source: { file: 'README.md', line: 2, kind: 'card-metadata' }, scope: { kind: 'repo' } }],
      components: [], dataInformation: { covered: [], missing: [] }, access: { gated: false, extraTerms: false }, conflicts: [], problems: [],
    };
    const ctx = { evidence, rules, component: (id: string) => ({ id, status: 'absent' as const, evidence: [] }) };
    const policy = { allow: allow.map((entry) => ({ entry })), deny: deny.map((entry) => ({ entry })), ignore: [] };
    const out = checkPolicy(ctx, policy);
    expect(out.map((o) => o.code)).toEqual([code]);
    expect(out[0]).toMatchObject({ file: 'README.md', line: 2 });
  });

  test('no allow and no deny: the policy says nothing', () => {
    const evidence = { licenses: [], components: [], dataInformation: { covered: [], missing: [] }, access: { gated: false as const, extraTerms: false }, conflicts: [], problems: [] };
    expect(checkPolicy({ evidence, rules, component: (id) => ({ id, status: 'absent', evidence: [] }) }, { allow: [], deny: [], ignore: [] })).toEqual([]);
  });
});
