// The pure core on in-memory inputs: expressions, categories, verdict rules, and whole runs without a disk.
import { describe, expect, test } from 'vitest';
import { expressionInCategory, rateFreedom } from '../src/evaluate/license-expression.js';
import { conjoin, parseExpression } from '../src/spdx/expression.js';
import { createMemoryReader } from '../src/read/reader.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';
import { checkReader } from '../src/run.js';

const rules = await loadRuleSet();
/** The smallest weights osai counts: a readable safetensors header (8-byte length 80 + JSON), not a 1-byte stub. */
const WEIGHTS = `P${'\0'.repeat(7)}${'{"__metadata__":{"format":"pt"}}'.padEnd(80)}`;

describe('SPDX expressions', () => {
  test.each([
    ['MIT', 'granted'],
    ['MIT AND CC-BY-NC-4.0', 'restricted'],          // both bind: the worst rating wins
    ['MIT OR CC-BY-NC-4.0', 'granted'],              // the user may pick: the best wins
    ['CC-BY-NC-4.0 OR LicenseRef-llama-3-community', 'restricted'],
    ['MIT AND LicenseRef-not-in-rules', 'unknown'],  // an unrated license never passes
    ['MIT OR LicenseRef-not-in-rules', 'granted'],
    ['unknown', 'unknown'],
    ['not an expression ((', 'unknown'],
  ])('use freedom of %s is %s', (expression, rating) => {
    expect(rateFreedom(expression, 'use', rules).rating).toBe(rating);
  });

  test.each([
    ['Apache-2.0', 'osi-approved', 'yes'],
    ['CC-BY-4.0', 'osi-approved', 'no'],
    ['CC-BY-4.0', 'osd-conformant', 'yes'],
    ['CC-BY-NC-4.0', 'osd-conformant', 'no'],
    ['LicenseRef-llama-3-community', 'osd-conformant', 'no'],
    ['Apache-2.0 AND LicenseRef-llama-3-community', 'osd-conformant', 'no'],
    ['Apache-2.0 OR LicenseRef-llama-3-community', 'osd-conformant', 'yes'],
    ['Apache-2.0 AND LicenseRef-unrated', 'osi-approved', 'unknown'],
    ['LicenseRef-unrated', 'mot-open', 'unknown'],
  ])('%s in %s: %s', (expression, category, member) => {
    expect(expressionInCategory(expression, category as never, rules)).toBe(member);
  });

  test('conjoin brackets compound parts and drops repeats', () => {
    expect(conjoin(['MIT', 'MIT'])).toBe('MIT');
    expect(conjoin(['MIT OR Apache-2.0', 'CC-BY-4.0'])).toBe('(MIT OR Apache-2.0) AND CC-BY-4.0');
    expect(conjoin([])).toBe('unknown');
    expect(parseExpression(conjoin(['MIT OR Apache-2.0', 'CC-BY-4.0']))).toBeDefined();
  });
});

const CARD = (fm: string, body = '# Model\n') => `---\n${fm}\n---\n${body}`;

describe('whole runs on in-memory repositories', () => {
  test('an empty repository fails with a missing card, never passes', async () => {
    const report = await checkReader(createMemoryReader({}));
    expect(report.profile.verdict).toBe('fail');
    expect(report.profiles.every((p) => p.verdict !== 'pass')).toBe(true);
    expect(report.findings.map((f) => f.code)).toContain('card-missing');
  });

  test('a family label (license: openrail) with no LICENSE file is unidentified, not open', async () => {
    const report = await checkReader(createMemoryReader({ 'README.md': CARD('license: openrail'), 'model.safetensors': WEIGHTS }), { profile: 'open-weights' });
    expect(report.profile.verdict).not.toBe('pass');
    expect(report.findings.map((f) => f.code)).toContain('license-unidentified');
  });

  test('license: other without a name or link is unidentified', async () => {
    const report = await checkReader(createMemoryReader({ 'README.md': CARD('license: other'), 'model.safetensors': WEIGHTS }), { profile: 'open-weights' });
    expect(report.profile.verdict).not.toBe('pass');
  });

  test('a license list binds every entry (the card lists mit and cc-by-nc-4.0)', async () => {
    const report = await checkReader(createMemoryReader({ 'README.md': CARD('license:\n  - mit\n  - cc-by-nc-4.0'), 'model.safetensors': WEIGHTS }), { profile: 'open-weights' });
    expect(report.components.find((c) => c.id === 'model-parameters-final')?.license).toBe('MIT AND CC-BY-NC-4.0');
    expect(report.profile.verdict).toBe('fail');
  });

  test('an SPDX OR expression in the card lets the open branch govern', async () => {
    const report = await checkReader(createMemoryReader({ 'README.md': CARD('license: MIT OR CC-BY-NC-4.0'), 'model.safetensors': WEIGHTS }), { profile: 'open-weights' });
    expect(report.profile.verdict).toBe('pass');
  });

  test('manual gating fails the open-weights profile', async () => {
    const report = await checkReader(createMemoryReader({ 'README.md': CARD('license: apache-2.0\ngated: manual'), 'model.safetensors': WEIGHTS }), { profile: 'open-weights' });
    expect(report.findings.map((f) => f.code)).toContain('access-gated-manual');
    expect(report.profile.verdict).toBe('fail');
  });

  test('--strict turns a warning into a failure', async () => {
    const files = { 'README.md': CARD('license: apache-2.0\ngated: auto'), 'model.safetensors': WEIGHTS };
    expect((await checkReader(createMemoryReader(files), { profile: 'open-weights' })).profile.verdict).toBe('pass');
    expect((await checkReader(createMemoryReader(files), { profile: 'open-weights', strict: true })).profile.verdict).toBe('fail');
  });

  test('a LICENSE-CODE file governs code, the card governs the weights', async () => {
    const report = await checkReader(createMemoryReader({
      'README.md': CARD('license: cc-by-nc-4.0'),
      'LICENSE-CODE': 'SPDX-License-Identifier: MIT\n',
      'train.py': 'import torch\n\ndef train(model, data):\n    for batch in data:\n        model(batch).backward()\n',
      'model.safetensors': WEIGHTS,
    }));
    const byId = Object.fromEntries(report.components.map((c) => [c.id, c.license]));
    expect(byId['training-code']).toBe('MIT');
    expect(byId['model-parameters-final']).toBe('CC-BY-NC-4.0');
  });
});
