// Every format on the same fixtures, as file snapshots with the exit code (colour off), plus the contracts each
// format must keep: SARIF 2.1.0 schema, the report JSON Schema, escaping of annotations and Markdown.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, test } from 'vitest';
import { escapeData, escapeProperty } from '../src/format/github.js';
import formatMarkdown from '../src/format/markdown.js';
import formatSarif from '../src/format/sarif.js';
import { check } from '../src/run.js';
import type { Report } from '../src/report/types.js';
import { ROOT, runCli } from './helpers/run-cli.js';

const FIXTURES = [
  'apache-weights-full-release', 'llama-3-weights', 'mit-weights-only', 'card-apache-license-llama-3',
  'policy-deny-category-and', 'policy-ignore', 'policy-ignore-expired',
];
const FORMATS = ['text', 'json', 'sarif', 'markdown', 'github', 'junit'];

/** Formats read from a relative path with the repo as working directory, as in CI: paths come out repo-relative. */
const run = (name: string, format: string) => runCli(['check', `fixtures/${name}`, '--format', format]);

describe('format snapshots', () => {
  test.each(FIXTURES.flatMap((f) => FORMATS.map((fmt) => [f, fmt])))('%s as %s', async (name, format) => {
    const { code, stdout, stderr } = run(name!, format!);
    expect(stderr).toBe('');
    await expect(`Exit code: ${code}\n\n${stdout}`).toMatchFileSnapshot(`__snapshots__/format/${name}.${format}`);
  });
});

const require = createRequire(import.meta.url);
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// The SARIF schema is draft-04; its uri formats are checked for shape, not resolved.
// unicodeRegExp off: the schema's language pattern is not valid as a /u regular expression.
const draft04 = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false, formats: {
  uri: /^[a-z][a-z0-9+.-]*:\S*$/i, 'uri-reference': /^\S*$/, 'date-time': true,
} });
const validateSarif = draft04.compile(sarifSchema);
const draft07 = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } });
const validateReport = draft07.compile(JSON.parse(readFileSync(`${ROOT}schemas/report.schema.json`, 'utf8')));

describe('SARIF 2.1.0', () => {
  test.each(FIXTURES)('%s validates against the SARIF 2.1.0 schema and suits GitHub code scanning', (name) => {
    const log = JSON.parse(run(name, 'sarif').stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    const report = JSON.parse(run(name, 'json').stdout) as Report;
    const [sarifRun] = log.runs;
    expect(sarifRun.results).toHaveLength(report.findings.length);
    const ruleIds = sarifRun.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const [i, result] of sarifRun.results.entries()) {
      const finding = report.findings[i]!;
      expect(result.ruleId).toBe(finding.code);
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      expect(result.level).toBe(finding.severity);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toMatch(new RegExp(`^fixtures/${name}/`));
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints['osai/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    for (const rule of sarifRun.tool.driver.rules) expect(rule.shortDescription.text).not.toBe(rule.id);
  });

  test('fingerprints are unique per finding and stable when lines move', async () => {
    const report = await check(`${ROOT}fixtures/mit-weights-only`);
    const log = JSON.parse(formatSarif(report, { color: false, messages: {} }));
    const prints = log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['osai/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const moved = { ...report, findings: report.findings.map((f) => ({ ...f, line: (f.line ?? 1) + 10 })) };
    const again = JSON.parse(formatSarif(moved, { color: false, messages: {} }));
    expect(again.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['osai/v1'])).toEqual(prints);
  });
});

describe('report JSON Schema', () => {
  test.each(FIXTURES)('the JSON report of %s validates against schemas/report.schema.json', (name) => {
    const report = JSON.parse(run(name, 'json').stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors, null, 2)).toBe(true);
  });

  test('the schema rejects a report with an unknown verdict', async () => {
    const report = JSON.parse(run('llama-3-weights', 'json').stdout);
    report.profile.verdict = 'maybe';
    expect(validateReport(report)).toBe(false);
  });
});

describe('escaping', () => {
  test('annotations: a newline or a comma in text cannot end the command or split its properties', () => {
    expect(escapeData('50% done\r\nnext ::error::x')).toBe('50%25 done%0D%0Anext ::error::x');
    expect(escapeProperty('a,b:c\nd')).toBe('a%2Cb%3Ac%0Ad');
  });

  test('markdown: repository text cannot open a link, inject HTML or break the table', async () => {
    const report = await check(`${ROOT}fixtures/llama-3-weights`);
    const hostile = { ...report, findings: [{ ...report.findings[0]!, message: 'see [x](http://evil) <img src=x> a|b\nnext' }] };
    const md = formatMarkdown(hostile, { color: false });
    const row = md.split('\n').find((l) => l.includes('evil'))!;
    expect(row).toContain('\\[x\\](http://evil) \\<img src=x\\> a\\|b next');
  });
});

test('the SARIF validator is not vacuous: a log without runs or with a bad level fails', () => {
  expect(validateSarif({ version: '2.1.0' })).toBe(false);
  const log = JSON.parse(run('llama-3-weights', 'sarif').stdout);
  log.runs[0].results[0].level = 'fatal';
  expect(validateSarif(log)).toBe(false);
});
