// The policy matrix as a user meets it: .osai.yml allow / deny / ignore / strict, spawned through the CLI, with exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../src/run.js';
import { fixture, runCli } from './helpers/run-cli.js';

type Row = [fixture: string, exit: 0 | 1, active: string[], ignored: string[]];

const MATRIX: Row[] = [
  ['policy-allow-osi-approved', 0, [], []], // allow a category the license is in
  ['policy-allow-list-miss', 1, ['license-not-allowed'], []], // allow list without the license
  ['policy-deny-license', 1, ['license-denied'], []], // deny by SPDX id
  ['policy-deny-category-or', 0, [], []], // CC-BY-NC-4.0 OR MIT: the licensee may pick MIT
  ['policy-deny-category-and', 1, ['license-denied'], []], // MIT AND CC-BY-NC-4.0: both bind
  ['policy-with-exception-denied', 1, ['license-denied'], []], // GPL-3.0-only WITH …: the base license still binds
  ['policy-with-exception-allowed', 0, [], []],
  ['policy-unrated-license-category', 1, ['license-policy-unknown'], []], // a category cannot be judged without a rating
  ['policy-strict-warning', 1, ['access-gated-auto'], []], // strict: a warning fails
  ['policy-ignore', 0, [], ['access-gated-auto']], // ignored: out of the verdict, still in the report
  ['policy-ignore-expired', 1, ['access-gated-auto', 'ignore-expired'], []],
  ['policy-ignore-scoped', 1, ['access-gated-auto', 'ignore-unmatched'], []], // scoped to another file: does not apply, and says so
  // Restriction types as deny entries (issue 12): territory lists where, business-model and revenue-threshold gate.
  ['policy-deny-territory', 1, ['license-denied'], []],
  ['policy-deny-territory-none', 0, [], []], // Kimi K2's attribution trigger is no territory clause
  ['policy-deny-business-model', 1, ['license-denied'], []],
  ['policy-deny-revenue-threshold', 1, ['license-denied'], []],
];

describe('policy matrix (osai check --format json)', () => {
  test.each(MATRIX)('%s exits %i', (name, exit, active, ignored) => {
    const { code, stdout, stderr } = runCli(['check', fixture(name), '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(exit);
    const report = JSON.parse(stdout);
    expect(report.findings.map((f: { code: string }) => f.code).sort()).toEqual(active);
    expect(report.ignored.map((f: { code: string }) => f.code)).toEqual(ignored);
  });
});

describe('policy details', () => {
  test('a denied license is reported at the line that names it, with the entry that denies it', async () => {
    const report = await check(fixture('policy-deny-category-and'));
    const f = report.findings.find((x) => x.code === 'license-denied')!;
    expect(f).toMatchObject({ file: '.osai.yml', line: 4, severity: 'error', verdict: 'fail' });
    expect(f.args).toMatchObject({ license: 'MIT AND CC-BY-NC-4.0', denied: 'CC-BY-NC-4.0 (deny: non-commercial)', components: 'training-code' });
  });

  test('an ignored finding keeps its reason, expiry and the config line', async () => {
    const report = await check(fixture('policy-ignore'));
    expect(report.ignored[0]).toMatchObject({
      code: 'access-gated-auto', file: 'README.md', line: 3,
      ignore: { reason: expect.stringContaining('legal accepted it'), until: '2999-12-31', file: '.osai.yml', line: 4 },
    });
  });

  test('the expiry date is injected: the same ignore applies before its date and fails after it', async () => {
    const before = await check(fixture('policy-ignore-expired'), { today: '2020-01-01' });
    expect(before.profile.verdict).toBe('pass');
    const after = await check(fixture('policy-ignore-expired'), { today: '2020-01-02' });
    expect(after.findings.map((f) => f.code)).toContain('ignore-expired');
    expect(after.profile.verdict).toBe('fail');
  });

  test('library options replace the config policy', async () => {
    const report = await check(fixture('policy-deny-license'), { deny: [], allow: ['MIT'] });
    expect(report.profile.verdict).toBe('pass');
    await expect(check(fixture('mit-weights-only'), { deny: ['not a license'] })).rejects.toThrow(/not a license id or a category/);
  });

  test('without --strict the warning passes; the policy applies to every profile', async () => {
    const report = await check(fixture('policy-strict-warning'), { strict: false });
    expect(report.profile.verdict).toBe('pass');
    const denied = await check(fixture('policy-deny-license'));
    expect(denied.profiles.every((p) => p.verdict !== 'pass')).toBe(true);
  });

  test.each([
    ['allow: [not-a-category]', /allow\.0/],
    ['allow: []', /allow: an empty allow list/],
    ['deny: ["MIT OR Apache-2.0"]', /deny\.0/],
    ['ignore: [{code: access-gated-auto}]', /ignore\.0\.reason/],
    ['ignore: [{code: access-gated-auto, reason: x, until: "next year"}]', /ignore\.0\.until/],
  ])('a bad policy entry exits 2 naming the key and line: %s', (yaml, where) => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-policy-'));
    writeFileSync(join(dir, '.osai.yml'), `profile: open-weights\n${yaml}\n`);
    const { code, stderr } = runCli(['check', fixture('mit-weights-only'), '--config', join(dir, '.osai.yml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\.osai\.yml:2: /);
    expect(stderr).toMatch(where);
  });
});
