// SARIF 2.1.0 as GitHub code scanning reads it: ruleId = finding code, repo-relative locations, stable fingerprints.
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Report, Severity } from '../report/types.js';
import { locateFinding, repoPath, type FormatOptions } from './index.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', note: 'note' };

export default function formatSarif(report: Report, options: FormatOptions): string {
  const codes = [...new Set(report.findings.map((f) => f.code))].sort();
  const rules: ReportingDescriptor[] = codes.map((code) => {
    const template = options.messages?.[code];
    // Templates hold `{name}` slots; in a rule description they read as placeholders.
    const slot = (text: string) => text.replace(/\{(\w+)\}/g, '<$1>');
    const severity = report.findings.find((f) => f.code === code)!.severity;
    return {
      id: code,
      name: code,
      shortDescription: { text: template ? slot(template.message) : code },
      ...(template?.help ? { help: { text: slot(template.help) } } : {}),
      defaultConfiguration: { level: LEVEL[severity] },
      properties: { tags: ['license', 'openness'] },
    };
  });
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules } },
      automationDetails: { id: `osai/${report.profile.id}/` },
      results: report.findings.map((f) => result(report, f, options, codes.indexOf(f.code))),
      properties: { profile: report.profile.id, verdict: report.profile.verdict, strict: report.profile.strict },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(report: Report, f: Finding, options: FormatOptions, ruleIndex: number): Result {
  const at = locateFinding(report, f);
  const uri = repoPath(at.file, options.root);
  return {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.help ? `${f.message}. Fix: ${f.help}` : f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: at.line } } }],
    partialFingerprints: { 'osai/v1': fingerprint(f, uri) },
    properties: { verdict: f.verdict, ...(f.component ? { component: f.component } : {}), ...(f.freedom ? { freedom: f.freedom } : {}) },
  };
}

/** Stable across runs and line moves: the code, the file, what it is about, and its text arguments (not line numbers). */
function fingerprint(f: Finding, uri: string): string {
  const args = Object.entries(f.args).filter(([, v]) => typeof v === 'string').sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify([f.code, uri, f.component ?? '', f.freedom ?? '', args])).digest('hex').slice(0, 32);
}
