// issue 13 over every fixture: SARIF has one result per cause with a README helpUri and no template slots, and
// the component table never contradicts the summary line.
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { OsaiError } from '../src/errors.js';
import { componentRows } from '../src/format/component-rows.js';
import { formatReport } from '../src/format/index.js';
import { check } from '../src/run.js';
import type { Report } from '../src/report/types.js';
import { ROOT } from './helpers/run-cli.js';

const fixtures = readdirSync(`${ROOT}fixtures`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

async function reportOf(name: string): Promise<Report | undefined> {
  try {
    return await check(`${ROOT}fixtures/${name}`, { today: '2026-01-01' });
  } catch (error) {
    if (error instanceof OsaiError) return undefined;
    throw error;
  }
}

describe.each(fixtures)('%s', (name) => {
  test('SARIF: one result per cause, helpUri to the code\'s README entry, help without slots', async () => {
    const report = await reportOf(name);
    if (!report) return;
    const sarif = JSON.parse(await formatReport(report, 'sarif'));
    const run = sarif.runs[0];
    expect(run.results).toHaveLength(report.findings.length);
    const keys = run.results.map((r: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
      JSON.stringify([r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine, r.message.text]));
    expect(keys.length - new Set(keys).size, 'results that repeat another result').toBe(0);
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`#code-${rule.id}$`));
      // A code span may show YAML or a placeholder on purpose (`eu_ai_act: {copyright_policy: <url>}`); prose may not.
      for (const text of [rule.shortDescription.text, rule.help.text]) expect(text.replace(/`[^`]*`/g, ''), rule.id).not.toMatch(/\{\w+\}|<[a-z]+>/);
    }
  });

  test('the component table and the summary line agree', async () => {
    const report = await reportOf(name);
    if (!report) return;
    const summary = report.profiles.find((p) => p.id === report.profile.id)!.summary;
    const rows = componentRows(report);
    const failing = rows.filter((r) => r.verdict === 'fail' || r.verdict === 'missing');
    const unknown = rows.filter((r) => r.verdict === 'unknown');
    if (report.profile.verdict === 'pass') expect([...failing, ...unknown].map((r) => r.component.id)).toEqual([]);
    if (failing.length > 0) expect(summary.errors).toBeGreaterThan(0);
    if (unknown.length > 0) expect(summary.unknown + summary.errors).toBeGreaterThan(0);
    expect(summary.errors).toBe(report.findings.filter((f) => f.verdict === 'fail').length);
  });
});
