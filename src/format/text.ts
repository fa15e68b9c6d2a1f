// Text output for a person. The first screen: the verdict, then one line per cause with its next step, then the
// component table. `detail: 'quiet'` stops after the causes; `'verbose'` adds the evidence behind every verdict.
import { styleText } from 'node:util';
import type { Finding, Report, Verdict } from '../report/types.js';
import { componentRows, type RowVerdict } from './component-rows.js';
import { freedomRows } from './freedom-rows.js';
import type { FormatOptions } from './index.js';

/**
 * The styles the text uses. Node's own util.styleText writes the same basic ANSI codes a colour library would, and
 * costs no module at start-up; the caller decides whether the output is a terminal that wants colour.
 */
type Style = 'green' | 'red' | 'yellow' | 'dim' | 'bold';
type Palette = Record<Style, (text: string) => string>;
const STYLES: Style[] = ['green', 'red', 'yellow', 'dim', 'bold'];
const PLAIN = Object.fromEntries(STYLES.map((s) => [s, (text: string) => text])) as Palette;
// validateStream off: styleText would otherwise look at process.stdout (creating its stream) and drop the codes.
const COLORED = Object.fromEntries(STYLES.map((s) => [s, (text: string) => styleText(s, text, { validateStream: false })])) as Palette;

export default function formatText(input: Report, options: FormatOptions): string {
  // Strings from the repository (license text, card values, file names) are shown, never obeyed by the terminal.
  const report = visibleData(input);
  const detail = options.detail ?? 'normal';
  const c = options.color ? COLORED : PLAIN;
  const paint = (v: Verdict, text: string = v.toUpperCase()) => (v === 'pass' ? c.green(text) : v === 'fail' ? c.red(text) : c.yellow(text));
  const paintRow = (v: RowVerdict) => (v === 'missing' ? c.red(v) : v === 'not required' ? c.dim(v) : paint(v, v));
  const { profile } = report;
  const s = report.profiles.find((p) => p.id === profile.id)!.summary;
  const summary = `${s.errors} failed, ${s.unknown} unknown, ${s.warnings} warnings${report.ignored.length ? `, ${report.ignored.length} ignored` : ''}`;
  const out: string[] = [];
  out.push(`${paint(profile.verdict)}  ${profile.id} (${profile.name})${profile.strict ? ' [strict]' : ''}: ${report.target.path}`);

  // Under --strict a warning fails the profile, so it is a cause like an error.
  const isCause = (f: Finding) => f.severity === 'error' || (profile.strict && f.severity === 'warning');
  const causes = report.findings.filter(isCause);
  const others = report.findings.filter((f) => !isCause(f));
  const line = (f: Finding) => {
    const sev = f.severity === 'error' ? (f.verdict === 'unknown' ? c.yellow('unknown') : c.red('fail   ')) : f.severity === 'warning' ? c.yellow('warning') : c.dim('note   ');
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}  ` : '';
    out.push(`  ${sev} ${where}${f.message} ${c.dim(`[${f.code}]`)}`);
    if (detail !== 'quiet' && f.help) out.push(`          ${c.bold('next:')} ${f.help}`);
    if (detail === 'verbose') for (const r of f.reasons ?? []) out.push(`          ${c.dim(`${r.license} ${r.clause}:`)} ${r.text}`);
  };
  out.push('', c.bold(causes.length === 0 ? 'No cause fails this profile' : `Causes (${causes.length})`));
  causes.forEach(line);
  if (others.length > 0) {
    out.push('', c.bold(`Warnings and notes (${others.length})`));
    others.forEach(line);
  }
  if (detail === 'quiet') return `${out.join('\n')}\n`;

  out.push('', c.bold(`Components (* required by ${profile.id})`));
  for (const row of componentRows(report)) {
    const comp = row.component;
    const name = `${comp.id}${comp.required ? '*' : ''}`;
    out.push(`  ${name.padEnd(32)} ${comp.status.padEnd(10)} ${(comp.license ?? '-').padEnd(28)} ${paintRow(row.verdict)}`);
    if (detail === 'verbose') for (const e of comp.evidence) out.push(`      ${c.dim(`${e.kind}:`)} ${e.file}${e.line ? `:${e.line}` : ''}${e.detail ? ` (${e.detail})` : ''}`);
  }

  if (detail === 'verbose') verboseSections(report, out, c, paint);
  else out.push('', c.dim('(--verbose: licenses found, evidence, freedoms and every profile; --quiet: verdict and causes only)'));
  out.push('', `${paint(profile.verdict)} ${profile.id}: ${summary}`);
  return `${out.join('\n')}\n`;
}

function verboseSections(report: Report, out: string[], c: Palette, paint: (v: Verdict, text?: string) => string): void {
  out.push('', c.bold('Licenses found'));
  if (report.licenses.length === 0) out.push('  none: no license in the card metadata or in a license file');
  for (const l of report.licenses) {
    const where = `${l.source.file}${l.source.line ? `:${l.source.line}` : ''}`;
    const raw = l.raw ? ` (read: "${l.raw}")` : '';
    out.push(`  ${l.expression.padEnd(28)} ${where.padEnd(24)} ${l.source.kind}, confidence ${l.confidence.toFixed(2)}${raw}`);
  }
  const rows = freedomRows(report);
  if (rows.length > 0) {
    out.push('', c.bold('Freedoms not granted (by each component\'s license)'));
    for (const row of rows) {
      out.push(`  ${paint(row.verdict, row.verdict.padEnd(7))} ${row.freedom.padEnd(6)} ${row.components.join(', ')}`);
      out.push(`                 ${row.why}`);
    }
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
}

// C0 and C1 controls (escape sequences, newlines that would forge report lines) and bidirectional overrides.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const HAS_UNSAFE = new RegExp(UNSAFE.source);

function visible(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The report with every string made visible: an array or object is copied only where a string in it changes (a
 * report is JSON data), so the usual report, which has nothing to escape, is used as it is.
 */
function visibleData<T>(value: T): T {
  if (typeof value === 'string') return (HAS_UNSAFE.test(value) ? visible(value) : value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const shown = visibleData(v);
      if (shown !== v) (out ??= value.slice())[i] = shown;
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      const shown = visibleData(v);
      if (shown !== v) (out ??= { ...(value as Record<string, unknown>) })[key] = shown;
    }
    return (out ?? value) as T;
  }
  return value;
}
