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
    const severity = report.findings.find((f) => f.code === code)!.severity;
    const helpUri = codeHelpUri(code, report, options);
    // One fix for every finding of the code: say it as it is; else the template, its slots said as nouns.
    const helps = [...new Set(report.findings.filter((f) => f.code === code).map((f) => f.help))];
    const fix = helps.length === 1 && helps[0] ? helps[0].replace(/\.$/, '') : template?.help ? generic(template.help) : '';
    const help = fix ? `${fix}. See ${helpUri}` : `See ${helpUri}`;
    return {
      id: code,
      name: code,
      shortDescription: { text: template ? generic(template.message) : code },
      helpUri,
      help: { text: help, markdown: `${fix ? `${fix}. ` : ''}[${code} in the osai README](${helpUri})` },
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

/** The README section of a finding code (`<a id="code-…">` in README.md), at this version of the package. */
export function codeHelpUri(code: string, report: Report, options: FormatOptions): string {
  const base = options.docsUrl ?? `https://www.npmjs.com/package/${report.tool.name}/v/${report.tool.version}`;
  return `${base}#code-${code}`;
}

const NOUN: Record<string, string> = { a: 'one source', b: 'the other', add: 'what the component needs', raw: 'the text read', by: 'git or .gitignore' };

/**
 * A rule describes every finding of its code, so a template's `{slot}` becomes the noun it stands for
 * (`{component}` → "the component", `{aFile}` → "a file"): no placeholder reaches code scanning.
 */
export function generic(text: string): string {
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(' ');
    // aFile / bLine: the two sides of a conflict.
    if (words.length > 1 && (words[0] === 'a' || words[0] === 'b')) return `${words[0] === 'a' ? 'one' : 'the other'} ${words.slice(1).join(' ')}`;
    if (name in NOUN) return NOUN[name]!;
    return `the ${words.join(' ')}`;
  }).replace(/\.$/, '');
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
