// One row per fixture: [fixture, profile, verdict, finding codes that must appear]. The name of a fixture is its spec.
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { check } from '../src/run.js';
import { fixture, ROOT } from './helpers/run-cli.js';

type Row = [fixture: string, profile: string, verdict: 'pass' | 'fail' | 'unknown', codes: string[]];

const TABLE: Row[] = [
  ['apache-weights-full-release', 'osaid-1.0', 'pass', []],
  ['llama-3-weights', 'osaid-1.0', 'fail', ['freedom-restricted', 'license-category']],
  ['cc-by-nc-weights', 'osaid-1.0', 'fail', ['freedom-restricted']],
  ['mit-weights-only', 'osaid-1.0', 'fail', ['component-missing', 'component-missing-any', 'data-information-missing']],
  ['card-apache-license-llama-3', 'osaid-1.0', 'fail', ['license-conflict', 'freedom-restricted']],
  ['no-model-card', 'osaid-1.0', 'fail', ['card-missing']],
  ['front-matter-invalid', 'osaid-1.0', 'fail', ['front-matter-invalid']],
  ['license-file-empty', 'osaid-1.0', 'fail', ['license-file-empty']],
  ['license-file-binary', 'osaid-1.0', 'fail', ['license-file-binary']],
  ['training-code-declared', 'osaid-1.0', 'pass', []],
  ['declared-without-license', 'osaid-1.0', 'fail', ['license-missing']],
  ['card-family-label-license-file', 'open-weights', 'pass', []],
  ['card-family-label-no-file', 'open-weights', 'unknown', ['license-unidentified']],
];

describe('fixtures', () => {
  test.each(TABLE)('%s under %s is %s', async (name, profile, verdict, codes) => {
    const report = await check(fixture(name), { profile });
    expect(report.profile.verdict).toBe(verdict);
    const found = new Set(report.findings.map((f) => f.code));
    for (const code of codes) expect(found, `expected finding ${code}`).toContain(code);
    if (verdict === 'pass') expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('every fixture folder has a row', () => {
    const folders = readdirSync(`${ROOT}fixtures`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const rows = new Set(TABLE.map(([name]) => name));
    expect(folders.filter((f) => !rows.has(f))).toEqual([]);
  });
});

describe('what the fixtures must say', () => {
  test('Llama 3 restricts use and share and names the 700M MAU and acceptable-use clauses', async () => {
    const report = await check(fixture('llama-3-weights'));
    const weights = report.freedoms.filter((f) => f.component === 'model-parameters-final');
    const verdict = Object.fromEntries(weights.map((f) => [f.freedom, f.verdict]));
    expect(verdict).toMatchObject({ use: 'fail', share: 'fail', study: 'pass' });
    const useReasons = weights.find((f) => f.freedom === 'use')!.reasons;
    expect(useReasons.map((r) => r.clause)).toEqual(expect.arrayContaining(['§2', '§1(b)(iv)']));
    expect(useReasons.some((r) => r.text.includes('700 million'))).toBe(true);
    expect(useReasons.some((r) => /acceptable use policy/i.test(r.text))).toBe(true);
  });

  test('CC-BY-NC-4.0 fails the use freedom of the weights, while the MIT code passes', async () => {
    const report = await check(fixture('cc-by-nc-weights'));
    const use = report.findings.find((f) => f.code === 'freedom-restricted' && f.component === 'model-parameters-final' && f.freedom === 'use');
    expect(use?.reasons?.[0]?.license).toBe('CC-BY-NC-4.0');
    expect(report.components.find((c) => c.id === 'training-code')).toMatchObject({ license: 'MIT', verdict: 'pass' });
  });

  test('weights alone: each missing component is named with what to add', async () => {
    const report = await check(fixture('mit-weights-only'));
    const missing = report.findings.filter((f) => f.code === 'component-missing').map((f) => f.component).sort();
    expect(missing).toEqual(['data-preprocessing-code', 'inference-code', 'model-architecture', 'supporting-libraries-and-tools', 'training-code']);
    for (const f of report.findings) expect(f.help, f.code).not.toBe('');
  });

  test('card apache-2.0 but LICENSE is Llama 3: a conflict, and the stricter license governs', async () => {
    const report = await check(fixture('card-apache-license-llama-3'));
    const conflict = report.findings.find((f) => f.code === 'license-conflict')!;
    expect(conflict.args).toMatchObject({ a: 'Apache-2.0', b: 'LicenseRef-llama-3-community', bFile: 'LICENSE' });
    const weights = report.components.find((c) => c.id === 'model-parameters-final')!;
    expect(weights.license).toBe('Apache-2.0 AND LicenseRef-llama-3-community');
    expect(weights.verdict).toBe('fail');
  });

  test('bad input names the file and line', async () => {
    const fm = (await check(fixture('front-matter-invalid'))).findings.find((f) => f.code === 'front-matter-invalid')!;
    expect(fm).toMatchObject({ file: 'README.md', line: 3 });
    const empty = (await check(fixture('license-file-empty'))).findings.find((f) => f.code === 'license-file-empty')!;
    expect(empty.file).toBe('LICENSE');
  });

  test('a component declared in .osai.yml counts, with the line that declares it', async () => {
    const report = await check(fixture('training-code-declared'));
    const training = report.components.find((c) => c.id === 'training-code')!;
    expect(training).toMatchObject({ status: 'declared', license: 'Apache-2.0', verdict: 'pass' });
    expect(training.evidence).toEqual([{ file: '.osai.yml', line: 3, kind: 'declaration', detail: 'https://github.com/example/tiny-model' }]);
  });

  test('a component declared without a license is released but unlicensed', async () => {
    const report = await check(fixture('declared-without-license'));
    const f = report.findings.find((x) => x.code === 'license-missing' && x.component === 'training-code');
    expect(f).toMatchObject({ file: '.osai.yml', line: 2 });
  });

  test('every profile is evaluated and reported', async () => {
    const report = await check(fixture('apache-weights-full-release'));
    expect(report.profiles.map((p) => p.id)).toEqual(['mof-class-1', 'mof-class-2', 'mof-class-3', 'open-weights', 'osaid-1.0']);
    expect(report.profiles.find((p) => p.id === 'open-weights')?.verdict).toBe('pass');
  });
});
