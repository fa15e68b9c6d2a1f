// Every SPDX id has a rule: generated where the facts are mechanical, hand-rated where they are not, `unknown` otherwise.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRuleSetFromYaml } from '../src/ruleset/load.js';
import { DEFAULT_RULES_DIR } from '../src/ruleset/rule-set.js';
import { isUnrated, licenseInCategory } from '../src/ruleset/categories.js';
import { FREEDOMS } from '../src/ruleset/vocabulary.js';
import { expressionInCategory, rateFreedom } from '../src/evaluate/license-expression.js';
import { listLicenses } from '../src/explain/explain.js';
import { formatLicensesText } from '../src/explain/format.js';

const require = createRequire(import.meta.url);
const ids: string[] = require('spdx-license-ids/index.json');
const rules = loadRuleSetFromYaml(DEFAULT_RULES_DIR);
const ratings = (id: string) => FREEDOMS.map((f) => rules.licenses.get(id)!.freedoms[f].rating);

describe('SPDX coverage', () => {
  test('every current SPDX license id has a rule', () => {
    expect(ids.filter((id) => !rules.licenses.has(id))).toEqual([]);
  });

  test('osai licenses counts every rule and says how many are unrated', () => {
    const rows = listLicenses(rules);
    expect(rows.length).toBeGreaterThanOrEqual(ids.length);
    const unrated = [...rules.licenses.values()].filter(isUnrated).length;
    expect(formatLicensesText(rows)).toContain(`${rows.length} licenses (${rows.length - unrated} rated, ${unrated} unknown until read)`);
  });

  test('every unrated id is listed in rules/README.md, and every listed id is unrated', () => {
    const readme = readFileSync(`${DEFAULT_RULES_DIR}/README.md`, 'utf8');
    const block = readme.slice(readme.indexOf('<!-- UNRATED:START'), readme.indexOf('<!-- UNRATED:END'));
    const listed = new Set([...block.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
    const unrated = [...rules.licenses.values()].filter((r) => isUnrated(r) && !r.id.startsWith('LicenseRef-')).map((r) => r.id);
    expect(unrated.filter((id) => !listed.has(id))).toEqual([]);
    expect([...listed].filter((id) => !unrated.includes(id))).toEqual([]);
  });

  test('an unrated license never passes: every freedom unknown, no category decided, an unknown restriction', () => {
    const unrated = [...rules.licenses.values()].filter(isUnrated);
    expect(unrated.length).toBeGreaterThan(0);
    for (const rule of unrated) {
      expect(licenseInCategory(rule, 'osd-conformant'), rule.id).toBe(false);
      expect(expressionInCategory(rule.id, 'osd-conformant', rules), rule.id).toBe('unknown');
      for (const f of FREEDOMS) expect(rateFreedom(rule.id, f, rules).rating, `${rule.id} ${f}`).toBe('unknown');
    }
    // OR with an open license: the user may pick the open one; AND: the unrated one binds.
    expect(rateFreedom('MIT OR Beerware', 'use', rules).rating).toBe('granted');
    expect(rateFreedom('MIT AND Beerware', 'use', rules).rating).toBe('unknown');
  });
});

describe('-only / -or-later pairs and the AGPL-3.0 forms rate alike', () => {
  const pairs = ids.filter((id) => id.endsWith('-only') && ids.includes(id.replace(/-only$/, '-or-later')));
  test.each(pairs.map((id) => [id, id.replace(/-only$/, '-or-later')]))('%s and %s', (only, later) => {
    expect(ratings(later)).toEqual(ratings(only));
    const strip = (id: string) => ({ ...rules.licenses.get(id)!, id: '', name: '', aliases: [], sources: [], identify: undefined });
    expect(strip(later).restrictions).toEqual(strip(only).restrictions);
    expect(strip(later).categories).toEqual(strip(only).categories);
  });
  test('the deprecated AGPL-3.0 spelling resolves to AGPL-3.0-only', () => {
    expect(rules.aliases.get('agpl-3.0')).toBe('AGPL-3.0-only');
    expect(licenseInCategory(rules.licenses.get('AGPL-3.0-or-later')!, 'fsf-libre')).toBe(true);
  });
});

type Rating = 'granted' | 'conditional' | 'restricted';
const G: Rating = 'granted';
const C: Rating = 'conditional';
const R: Rating = 'restricted';

/** Hand-rated SPDX licenses that are not open: id → [use, study, modify, share] and the restriction types they carry. */
const HAND: [string, Rating, Rating, Rating, Rating, string[]][] = [
  ['BUSL-1.1', R, G, C, C, ['field-of-use']],
  ['SSPL-1.0', R, C, C, C, ['business-model']],
  ['Elastic-2.0', R, G, R, R, ['business-model', 'other']],
  ['PolyForm-Noncommercial-1.0.0', R, G, R, R, ['non-commercial']],
  ['PolyForm-Small-Business-1.0.0', R, G, R, R, ['revenue-threshold', 'user-threshold']],
  ['Hippocratic-2.1', R, G, C, C, ['acceptable-use']],
  ['Hippocratic-3.0-core', R, G, C, C, ['acceptable-use']],
  ['JSON', R, G, C, C, ['acceptable-use']],
  ['LicenseRef-commons-clause', R, G, G, R, ['business-model']],
  ['FSL-1.1-MIT', R, G, R, R, ['business-model']],
  ['FSL-1.1-ALv2', R, G, R, R, ['business-model']],
  ['BSD-3-Clause-No-Nuclear-License', R, G, C, C, ['field-of-use']],
  ['BSD-3-Clause-No-Nuclear-License-2014', R, G, C, C, ['field-of-use']],
  ['BSD-3-Clause-No-Military-License', R, G, C, C, ['field-of-use']],
  ['NCGL-UK-2.0', R, G, R, R, ['non-commercial']],
  ['MS-LPL', R, G, R, R, ['field-of-use']],
  ['Aladdin', G, G, C, R, ['non-commercial']],
  ['CC-BY-NC-4.0', R, G, R, R, ['non-commercial']],
  ['CC-BY-ND-4.0', G, G, R, C, ['no-derivatives']],
  ['CC-BY-NC-ND-3.0-IGO', R, G, R, R, ['non-commercial', 'no-derivatives']],
  ['CC-BY-NC-SA-2.0-UK', R, G, R, R, ['non-commercial']],
  ['CC-BY-NC-3.0-IGO', R, G, R, R, ['non-commercial']],
];

describe('hand-rated source-available, non-commercial and no-derivatives licenses', () => {
  test.each(HAND)('%s rates use %s, study %s, modify %s, share %s', (id, use, study, modify, share, types) => {
    expect(ratings(id)).toEqual([use, study, modify, share]);
    expect([...new Set(rules.licenses.get(id)!.restrictions.map((r) => r.type))].sort()).toEqual([...types].sort());
    expect(licenseInCategory(rules.licenses.get(id)!, 'osd-conformant')).toBe(false);
  });

  test('Commons Clause added to Apache-2.0 restricts what Apache grants', () => {
    expect(rateFreedom('Apache-2.0 AND LicenseRef-commons-clause', 'use', rules).rating).toBe('restricted');
    expect(rules.aliases.get('commons clause')).toBe('LicenseRef-commons-clause');
  });

  test('Blue Oak permissive ratings are generated; Blue Oak "Lead" stays unknown', () => {
    expect(ratings('BSD-4-Clause')).toEqual([G, G, C, C]);
    expect(ratings('Beerware')).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });
});
