// The eu-ai-act-53-2 profile: every verdict names its paragraph of C(2025) 5045, and the para 75 notes are always there.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check, checkReader } from '../src/run.js';
import { createMemoryReader } from '../src/read/reader.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';
import type { EuExemptionSpec } from '../src/ruleset/schema.js';
import { readUnderEu } from '../src/evaluate/checks/eu-exemption.js';
import { fixture, ROOT } from './helpers/run-cli.js';

const PROFILE = 'eu-ai-act-53-2';
const rules = await loadRuleSet();
const spec = rules.profiles.get(PROFILE)!.checks.find((c) => c.kind === 'eu-exemption') as EuExemptionSpec;

/** [fixture, verdict, the deciding code, its paragraph]. */
const TABLE: [string, 'pass' | 'fail' | 'unknown', string, string][] = [
  ['eu-apache-full-usage-passes', 'pass', 'eu-note-still-required', '75'],
  ['eu-llama-fails-user-threshold', 'fail', 'eu-license-disqualifies', '83'],
  ['eu-openrail-review-unknown', 'unknown', 'eu-license-review', '84'],
  ['eu-territory-excluding-fails', 'fail', 'eu-license-disqualifies', '79'],
  ['eu-stability-community-fails-revenue', 'fail', 'eu-license-disqualifies', '85-86'],
  ['eu-apache-gated-personal-data-unknown', 'unknown', 'eu-access-personal-data', '87'],
  ['eu-gated-eu-disallowed-fails', 'fail', 'eu-access-discriminates', '79'],
  ['eu-systemic-risk-declared-fails', 'fail', 'eu-systemic-risk', '75'],
  ['eu-usage-information-missing', 'unknown', 'eu-usage-information-missing', '91-92'],
];

describe('EU AI Act exemption fixtures', () => {
  test.each(TABLE)('%s is %s by %s (para %s)', async (name, verdict, code, para) => {
    const report = await check(fixture(name), { profile: PROFILE });
    expect(report.profile.verdict).toBe(verdict);
    const found = report.findings.filter((f) => f.code === code);
    expect(found.length, `${code} in ${report.findings.map((f) => f.code).join(', ')}`).toBeGreaterThan(0);
    expect(found.map((f) => String(f.args?.['para']))).toContain(para);
    // Every EU finding names its paragraph.
    for (const f of report.findings.filter((x) => x.code.startsWith('eu-'))) expect(f.args?.['para'], f.code).toBeTruthy();
    // The para 75 notes: never missing, never gating.
    const notes = report.findings.filter((f) => f.code === 'eu-note-still-required');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.severity).toBe('note');
  });

  test('the Stability community license also asks for the review of its use policy, but the revenue switch decides', async () => {
    const report = await check(fixture('eu-stability-community-fails-revenue'), { profile: PROFILE });
    expect(report.findings.find((f) => f.code === 'eu-license-disqualifies')!.message).toContain('revenue-threshold');
  });

  test('the declaration shows in the notes', async () => {
    const report = await check(fixture('eu-apache-full-usage-passes'), { profile: PROFILE });
    const note = report.findings.find((f) => f.code === 'eu-note-still-required')!;
    expect(note.message).toContain('https://example.com/copyright-policy');
    expect(report.findings.find((f) => f.code === 'eu-note-systemic-risk')!.message).toContain('declared no systemic risk');
  });

  test('the EU notes appear only under the EU profile', async () => {
    const report = await check(fixture('eu-apache-full-usage-passes'), { profile: 'open-weights' });
    expect(report.findings.filter((f) => f.code.startsWith('eu-'))).toEqual([]);
  });
});

/** License readings under the profile: [expression, verdict, paragraphs of the deciding reasons]. */
const READINGS: [string, 'pass' | 'fail' | 'unknown', string[]][] = [
  ['Apache-2.0', 'pass', []],
  ['MIT', 'pass', []],
  ['LicenseRef-openmdw-1.1', 'pass', []],
  ['LicenseRef-nvidia-nemotron-open-model', 'pass', []],
  ['LicenseRef-kimi-k2-modified-mit', 'pass', []], // an attribution trigger is allowed (para 80)
  ['LicenseRef-llama-3.1-community', 'fail', ['83']],
  ['LicenseRef-qwen', 'fail', ['83']],
  ['LicenseRef-kimi-k3', 'fail', ['83']],
  ['LicenseRef-qwen-community-1.0', 'fail', ['83']],
  ['LicenseRef-minimax-community', 'fail', ['79', '85-86']],
  ['LicenseRef-lfm-open-1.0', 'fail', ['85-86']],
  ['LicenseRef-ltx-2-community', 'fail', ['85-86']],
  ['CC-BY-NC-4.0', 'fail', ['83']],
  ['CC-BY-ND-4.0', 'fail', ['81']],
  ['LicenseRef-exaone-1.2-nc', 'fail', ['83']],
  ['LicenseRef-bigscience-openrail-m', 'unknown', ['84']],
  ['LicenseRef-deepseek-1.0', 'unknown', ['84', '80']],
  ['LicenseRef-tii-falcon-2.0', 'unknown', ['84']],
  ['Beerware', 'unknown', ['77-82']], // unrated SPDX id
  ['LicenseRef-not-in-rules', 'unknown', ['77-82']],
  ['MIT OR CC-BY-NC-4.0', 'pass', []], // the licensee may pick MIT
  ['MIT AND CC-BY-NC-4.0', 'fail', ['83']],
];

describe('licenses read under the EU profile', () => {
  test.each(READINGS)('%s → %s', (expression, verdict, paras) => {
    const reading = readUnderEu(expression, rules, spec);
    expect(reading.verdict).toBe(verdict);
    for (const p of paras) expect(reading.reasons.map((r) => r.para)).toContain(p);
  });

  test('every restriction type has a reading, so a new type cannot pass unread', () => {
    const types = new Set([...rules.licenses.values()].flatMap((l) => l.restrictions.map((r) => r.type)));
    for (const t of types) expect(spec.restrictions[t], t).toBeDefined();
  });

  test('an honest open release in memory passes; a heading inside a code fence is not usage information', async () => {
    const card = (body: string) => `---\nlicense: mit\npipeline_tag: text-generation\n---\n${body}`;
    const real = (f: string) => readFileSync(`${fixture('eu-apache-full-usage-passes')}/${f}`);
    const files = (body: string) => ({ 'README.md': card(body), 'model.safetensors': real('model.safetensors'), 'config.json': real('config.json') });
    const ok = await checkReader(createMemoryReader(files('## Uses\nx\n## Limitations\nx\n## Quickstart\nx\n')), { profile: PROFILE });
    expect(ok.profile.verdict).toBe('pass');
    // The Hub's model-card template, without pipeline_tag in the front matter: its headings cover every item.
    const template = '## Model Details\n### Model Description\nx\n## Uses\n### Direct Use\nx\n### Out-of-Scope Use\nx\n'
      + '## Bias, Risks, and Limitations\nx\n## How to Get Started with the Model\nx\n';
    const hub = await checkReader(createMemoryReader({ ...files(template), 'README.md': `---\nlicense: mit\n---\n${template}` }), { profile: PROFILE });
    expect(hub.profile.verdict).toBe('pass');
    const fenced = await checkReader(createMemoryReader(files('```\n## Uses\n## Limitations\n## Quickstart\n```\n')), { profile: PROFILE });
    expect(fenced.findings.map((f) => f.code)).toContain('eu-usage-information-missing');
  });
});

const CORPUS = `${ROOT}../shared/corpus/ai-licenses`;
describe.skipIf(!existsSync(CORPUS))(`real AI license texts in ${CORPUS} never read as exempt`, () => {
  const texts = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort() : [];
  test.each(texts.map((t) => [t]))('%s', async (file) => {
    const base = fixture('eu-apache-full-usage-passes');
    const dir = mkdtempSync(join(tmpdir(), 'osai-eu-'));
    try {
      for (const f of ['model.safetensors', 'config.json']) cpSync(join(base, f), join(dir, f));
      writeFileSync(join(dir, 'README.md'), readFileSync(join(base, 'README.md'), 'utf8').replace('license: apache-2.0', 'license: other\nlicense_link: LICENSE'));
      writeFileSync(join(dir, 'LICENSE'), readFileSync(join(CORPUS, file), 'utf8'));
      const report = await check(dir, { profile: PROFILE, allFiles: true });
      expect(report.profile.verdict).not.toBe('pass');
      expect(report.findings.some((f) => f.code === 'eu-license-disqualifies' || f.code === 'eu-license-review')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('Llama 3.2 and 4 withhold the multimodal grant from the EU: a territory clause', () => {
    for (const id of ['LicenseRef-llama-3.2-community', 'LicenseRef-llama-4-community']) {
      expect(rules.licenses.get(id)!.restrictions.find((r) => r.type === 'territory')?.territories).toEqual(['EU']);
    }
  });
});
