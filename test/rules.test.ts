// The rule set is internally consistent, and every AI license is rated (and recognised) as reviewed by hand.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { identifyLicenseText } from '../src/identify/license-text/license-text.js';
import { licenseInCategory } from '../src/ruleset/categories.js';
import { loadRuleSetFromYaml } from '../src/ruleset/load.js';
import { DEFAULT_RULES_DIR, deserializeRuleSet, licenseMatchers, serializeRuleSet } from '../src/ruleset/rule-set.js';
import { FREEDOMS } from '../src/ruleset/vocabulary.js';
import { ROOT } from './helpers/run-cli.js';

const rules = loadRuleSetFromYaml(DEFAULT_RULES_DIR);
const licenses = [...rules.licenses.values()];

describe('rule set consistency', () => {
  test('every Hugging Face id resolves to a license rule, or is a family label or sentinel', () => {
    const unresolved = [...rules.hubIds]
      .filter(([, hub]) => hub.kind === 'license' && !(hub.license && rules.licenses.has(hub.license)))
      .map(([id, hub]) => `${id} → ${hub.license ?? '(none)'}`);
    expect(unresolved).toEqual([]);
    const labels = [...rules.hubIds].filter(([, hub]) => hub.kind !== 'license');
    for (const [id, hub] of labels) expect(hub.license, `${id} is a ${hub.kind}; it must not name a license`).toBeUndefined();
  });

  test('the shared list of Hugging Face ids is covered by rules/huggingface-ids.yaml', () => {
    const tsv = `${ROOT}../shared/domain/hf-license-ids.tsv`;
    if (!existsSync(tsv)) return void console.warn(`skipped: ${tsv} not found`);
    const ids = readFileSync(tsv, 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]!).filter(Boolean);
    expect(ids.length).toBeGreaterThan(60);
    expect(ids.filter((id) => !rules.hubIds.has(id))).toEqual([]);
  });

  test('no license that counts as open for weights or data has a restricted freedom', () => {
    const openForWeights = licenses.filter((l) => licenseInCategory(l, 'osd-conformant')
      || (licenseInCategory(l, 'mot-open') && (l.suits.includes('weights') || l.suits.includes('data'))));
    expect(openForWeights.length).toBeGreaterThan(150);
    const bad = openForWeights.filter((l) => FREEDOMS.some((f) => l.freedoms[f].rating === 'restricted')).map((l) => l.id);
    expect(bad).toEqual([]);
  });

  test('every restricted freedom names its clause and a reason', () => {
    for (const l of licenses) {
      for (const f of FREEDOMS) {
        const r = l.freedoms[f];
        if (r.rating !== 'restricted') continue;
        expect(r.clause.trim(), `${l.id} ${f}`).not.toBe('');
        expect(r.reason.trim().length, `${l.id} ${f}`).toBeGreaterThan(10);
      }
    }
  });

  test('every freedom a restriction limits is rated restricted, and every restricted freedom has a restriction', () => {
    const problems: string[] = [];
    for (const l of licenses) {
      for (const r of l.restrictions) {
        for (const f of r.limits) if (l.freedoms[f].rating !== 'restricted') problems.push(`${l.id}: ${r.type} limits ${f}, rated ${l.freedoms[f].rating}`);
      }
      for (const f of FREEDOMS) {
        if (l.freedoms[f].rating === 'restricted' && !l.restrictions.some((r) => r.limits.includes(f))) {
          problems.push(`${l.id}: ${f} is restricted but no typed restriction limits it`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('user- and revenue-threshold restrictions carry their value', () => {
    for (const l of licenses) {
      for (const r of l.restrictions) {
        if (r.type === 'user-threshold') expect(r.value, `${l.id}`).toBeGreaterThan(0);
      }
    }
  });

  test('no two licenses share an id, name or alias (case-insensitive)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const l of licenses) {
      for (const alias of new Set([l.id, l.name, ...l.aliases].map((a) => a.toLowerCase()))) {
        const other = owner.get(alias);
        if (other && other !== l.id) clashes.push(`${alias}: ${other} and ${l.id}`);
        owner.set(alias, l.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  test('MOT type-appropriateness follows mof-licenses.json', () => {
    const suits = (id: string) => rules.licenses.get(id)?.suits;
    expect(suits('Apache-2.0')).toEqual(['code', 'docs']);
    expect(suits('MIT')).toEqual(['code']);
    expect(suits('BSD-3-Clause')).toEqual([]);
    expect(suits('CC-BY-4.0')).toEqual(['docs']);
    expect(suits('CDLA-Permissive-2.0')).toEqual(['data', 'weights']);
    expect(suits('OpenMDW-1.0')).toEqual(['code', 'weights', 'data', 'docs']);
    expect(suits('CC0-1.0')).toEqual(['docs']);
    const motOpen = (id: string) => licenseInCategory(rules.licenses.get(id)!, 'mot-open');
    expect(['ODbL-1.0', 'CC-BY-SA-4.0', 'CC-BY-3.0', 'GFDL-1.3-only', 'OpenMDW-1.0', 'ISC', 'PDDL-1.0'].filter((id) => !motOpen(id))).toEqual([]);
    expect(['LicenseRef-openmdw-1.1', 'CC-BY-NC-4.0', 'C-UDA-1.0', 'LicenseRef-llama-2-community'].filter(motOpen)).toEqual([]);
  });

  test('the compiled rule set (shared freedoms stored once) reads back exactly as the YAML', () => {
    const back = deserializeRuleSet(serializeRuleSet(rules));
    // One license parsed on lookup first, then the rest by iterating: same values, same order.
    expect(back.licenses.get('Apache-2.0')).toEqual(rules.licenses.get('Apache-2.0'));
    expect(back.licenses.has('no-such-license')).toBe(false);
    expect(back.licenses.size).toBe(rules.licenses.size);
    expect([...back.licenses]).toEqual([...rules.licenses]);
    // Normalised at build time, the same as at run time; a rule set with other licenses computes its own.
    expect(licenseMatchers(back)).toEqual(licenseMatchers(rules));
    expect(licenseMatchers({ ...back, licenses: new Map() })).toEqual([]);
    expect([...back.aliases]).toEqual([...rules.aliases]);
    // Looked up one by one (the compiled aliases are text searched by key), non-ASCII keys and values included.
    const nonAscii = [...rules.aliases].filter(([key, id]) => /[^\x00-\x7f]/.test(key + id));
    expect(nonAscii.length).toBeGreaterThan(0);
    const fresh = deserializeRuleSet(serializeRuleSet(rules));
    for (const [key, id] of [...nonAscii, ...[...rules.aliases].slice(0, 50)]) expect(fresh.aliases.get(key)).toBe(id);
    expect(fresh.aliases.get('no such alias \u00e9')).toBeUndefined();
    expect(back.profiles).toEqual(rules.profiles);
  });

  test('generated SPDX rules are not edited by hand and never shadow a hand-written one', () => {
    const hand = new Set(readdirSync(`${DEFAULT_RULES_DIR}/licenses`).filter((n) => n.endsWith('.yaml')));
    for (const name of readdirSync(`${DEFAULT_RULES_DIR}/licenses/spdx`)) {
      expect(hand.has(name), `${name} is both hand-written and generated`).toBe(false);
      expect(readFileSync(`${DEFAULT_RULES_DIR}/licenses/spdx/${name}`, 'utf8')).toMatch(/^# GENERATED by scripts\/generate-spdx-rules\.mjs/);
    }
  });
});

type Rating = 'granted' | 'conditional' | 'restricted';
const G: Rating = 'granted';
const C: Rating = 'conditional';
const R: Rating = 'restricted';

/** id → [use, study, modify, share]. A change here is a change of osai's legal reading: review it. */
const AI_RATINGS: [string, Rating, Rating, Rating, Rating][] = [
  ['LicenseRef-llama-2-community', R, G, R, R],
  ['LicenseRef-llama-3-community', R, G, R, R],
  ['LicenseRef-llama-3.1-community', R, G, R, R],
  ['LicenseRef-llama-3.2-community', R, G, R, R],
  ['LicenseRef-llama-3.3-community', R, G, R, R],
  ['LicenseRef-llama-4-community', R, G, R, R],
  ['LicenseRef-gemma-terms', R, G, R, R],
  ['LicenseRef-bigscience-bloom-rail-1.0', R, G, R, R],
  ['LicenseRef-bigscience-openrail-m', R, G, R, R],
  ['LicenseRef-creativeml-openrail-m', R, G, R, R],
  ['LicenseRef-creativeml-openrail-plus-plus-m', R, G, R, R],
  ['LicenseRef-bigcode-openrail-m', R, G, R, R],
  ['LicenseRef-deepseek-1.0', R, G, R, R],
  ['LicenseRef-tongyi-qianwen', R, G, R, R],
  ['LicenseRef-tongyi-qianwen-research', R, G, R, R],
  ['LicenseRef-tii-falcon-180b', R, G, R, R],
  ['LicenseRef-stability-ai-community', R, G, R, R],
  ['LicenseRef-stability-ai-non-commercial', R, G, R, R],
  ['LicenseRef-mistral-research', R, G, R, R],
  ['LicenseRef-mistral-non-production', R, G, R, R],
  ['LicenseRef-apple-sample-code', G, G, C, C],
  ['LicenseRef-apple-amlr', R, G, R, R],
  ['LicenseRef-fair-noncommercial-research', R, G, R, R],
  ['LicenseRef-nvidia-open-model', R, G, R, C],
  ['LicenseRef-grok-2-community', R, G, R, R],
  ['LicenseRef-deepfloyd-if-research', R, G, R, R],
  ['LicenseRef-h-research', R, G, R, R],
  ['LicenseRef-intel-research', R, G, R, R],
  ['OpenMDW-1.0', G, G, G, C],
  ['LicenseRef-openmdw-1.1', G, G, G, C],
];

describe('AI license ratings', () => {
  test.each(AI_RATINGS)('%s rates use %s, study %s, modify %s, share %s', (id, use, study, modify, share) => {
    const rule = rules.licenses.get(id);
    expect(rule, `${id} has no rule`).toBeDefined();
    expect(FREEDOMS.map((f) => rule!.freedoms[f].rating)).toEqual([use, study, modify, share]);
    if ([use, study, modify, share].includes(R)) expect(licenseInCategory(rule!, 'osd-conformant')).toBe(false);
  });

  test('the thresholds are the licenses\' numbers', () => {
    const value = (id: string, type: string) => rules.licenses.get(id)!.restrictions.find((r) => r.type === type)?.value;
    expect(value('LicenseRef-llama-2-community', 'user-threshold')).toBe(700_000_000);
    expect(value('LicenseRef-llama-3.1-community', 'user-threshold')).toBe(700_000_000);
    expect(value('LicenseRef-tongyi-qianwen', 'user-threshold')).toBe(100_000_000);
    expect(value('LicenseRef-stability-ai-community', 'revenue-threshold')).toBe(1_000_000);
  });

  test('Llama 2 bans improving other models; Llama 3.1 and later replace the ban with a naming rule', () => {
    const types = (id: string) => rules.licenses.get(id)!.restrictions.map((r) => r.type);
    expect(types('LicenseRef-llama-2-community')).toContain('no-improving-other-models');
    expect(types('LicenseRef-llama-3-community')).toContain('no-improving-other-models');
    for (const v of ['3.1', '3.2', '3.3', '4']) {
      const id = `LicenseRef-llama-${v}-community`;
      expect(types(id)).not.toContain('no-improving-other-models');
      expect(rules.licenses.get(id)!.obligations.map((o) => o.type)).toContain('naming');
    }
  });
});

describe('identify phrases', () => {
  // Phrases identify the licenses with no SPDX reference text; the others are matched against their text.
  const matchable = licenses.filter((l) => l.identify && l.id.startsWith('LicenseRef-'));
  test.each(matchable.map((l) => [l.id]))('a text made of the phrases of %s is identified as that license alone', (id) => {
    const rule = rules.licenses.get(id)!;
    const text = `${rule.name}\n${rule.identify!.phrases.join('\n')}\n`;
    expect(identifyLicenseText('LICENSE', text, 'repo', rules).map((f) => f.expression)).toEqual([id]);
  });
});

/** Each corpus text → the id it must be identified as, and nothing else. */
const CORPUS: [file: string, id: string][] = [
  ['creativeml-openrail-m.txt', 'LicenseRef-creativeml-openrail-m'],
  ['openrail-plus-plus-m.txt', 'LicenseRef-creativeml-openrail-plus-plus-m'],
  ['deepseek-license-1.0.txt', 'LicenseRef-deepseek-1.0'],
  ['llama-2-community.txt', 'LicenseRef-llama-2-community'],
  ['llama-3-community.txt', 'LicenseRef-llama-3-community'],
  ['llama-3.1-community.txt', 'LicenseRef-llama-3.1-community'],
  ['llama-3.2-community.txt', 'LicenseRef-llama-3.2-community'],
  ['llama-3.3-community.txt', 'LicenseRef-llama-3.3-community'],
  ['llama-4-community.txt', 'LicenseRef-llama-4-community'],
  ['tongyi-qianwen.txt', 'LicenseRef-tongyi-qianwen'],
  ['tongyi-qianwen-research.txt', 'LicenseRef-tongyi-qianwen-research'],
];
const CORPUS_DIR = `${ROOT}../shared/corpus/ai-licenses`;

describe.skipIf(!existsSync(CORPUS_DIR))(`AI license texts in ${CORPUS_DIR} are identified to their own id and version`, () => {
  test.each(CORPUS)('%s → %s', (file, id) => {
    const findings = identifyLicenseText(file, readFileSync(`${CORPUS_DIR}/${file}`, 'utf8'), 'repo', rules);
    expect(findings.map((f) => f.expression)).toEqual([id]);
  });
});
