// Text output for a person: verdict first, then licenses, components, freedoms and every finding with its fix.
import { Chalk } from 'chalk';
import type { Report, Verdict } from '../report/types.js';
import { freedomRows } from './freedom-rows.js';
import type { FormatOptions } from './index.js';

export default function formatText(input: Report, options: FormatOptions): string {
  // Strings from the repository (license text, card values, file names) are shown, never obeyed by the terminal.
  const report = JSON.parse(JSON.stringify(input), (_key, value: unknown) => (typeof value === 'string' ? visible(value) : value)) as Report;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (v: Verdict, text = v.toUpperCase()) => (v === 'pass' ? c.green(text) : v === 'fail' ? c.red(text) : c.yellow(text));
  const out: string[] = [];
  const { profile } = report;
  out.push(`${c.bold('osai check')} ${report.target.path}`);
  out.push(`${paint(profile.verdict)}  ${profile.id} (${profile.name})${profile.strict ? ' [strict]' : ''}`, '');

  out.push(c.bold('Licenses found'));
  if (report.licenses.length === 0) out.push('  none: no license in the card metadata or in a license file');
  for (const l of report.licenses) {
    const where = `${l.source.file}${l.source.line ? `:${l.source.line}` : ''}`;
    const raw = l.raw ? ` (read: "${l.raw}")` : '';
    out.push(`  ${l.expression.padEnd(28)} ${where.padEnd(24)} ${l.source.kind}, confidence ${l.confidence.toFixed(2)}${raw}`);
  }
  out.push('', c.bold('Components'));
  for (const comp of report.components) {
    if (comp.status === 'absent' && !comp.required) continue;
    const name = `${comp.id}${comp.required ? '*' : ''}`;
    // An absent component has no license to judge: say it is missing rather than print a bare "unknown".
    const verdict = comp.status === 'absent' ? c.red('missing') : paint(comp.verdict, comp.verdict);
    out.push(`  ${name.padEnd(32)} ${comp.status.padEnd(10)} ${(comp.license ?? '-').padEnd(28)} ${verdict}`);
  }
  out.push(`  (* required by ${profile.id}; the verdict is whether the component's license grants all four freedoms)`);

  const rows = freedomRows(report);
  if (rows.length > 0) {
    out.push('', c.bold('Freedoms not granted'));
    for (const row of rows) {
      out.push(`  ${paint(row.verdict, row.verdict.padEnd(7))} ${row.freedom.padEnd(6)} ${row.components.join(', ')}`);
      out.push(`                 ${row.why}`);
    }
  }

  const findings = report.findings;
  out.push('', c.bold(`Findings (${findings.length})`));
  for (const f of findings) {
    const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.dim('note   ');
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}  ` : '';
    out.push(`  ${sev} ${where}${f.message} ${c.dim(`[${f.code}]`)}`);
    if (f.help) out.push(`          ${c.dim('fix:')} ${f.help}`);
  }
  if (report.ignored.length > 0) {
    out.push('', c.bold(`Ignored by the config (${report.ignored.length})`));
    for (const f of report.ignored) {
      const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}  ` : '';
      const until = f.ignore.until ? `, until ${f.ignore.until}` : '';
      out.push(`  ${c.dim('ignored')} ${where}${f.message} ${c.dim(`[${f.code}]`)}`);
      out.push(`          ${c.dim('why:')} ${f.ignore.reason}${until}`);
    }
  }
  out.push('', c.bold('All profiles'));
  for (const p of report.profiles) out.push(`  ${paint(p.verdict, p.verdict.padEnd(7))} ${p.id.padEnd(12)} ${p.name}`);
  const s = report.profiles.find((p) => p.id === profile.id)!.summary;
  out.push('', `${paint(profile.verdict)} ${profile.id}: ${s.errors} failed, ${s.unknown} unknown, ${s.warnings} warnings`);
  return `${out.join('\n')}\n`;
}

// C0 and C1 controls (escape sequences, newlines that would forge report lines) and bidirectional overrides.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
