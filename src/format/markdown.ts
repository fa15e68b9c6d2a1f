// Markdown for pull-request comments and $GITHUB_STEP_SUMMARY: verdict, profiles, components, freedoms, findings.
import type { Report, Verdict } from '../report/types.js';
import { componentRows, type RowVerdict } from './component-rows.js';
import { freedomRows } from './freedom-rows.js';
import type { FormatOptions } from './index.js';

const MARK: Record<Verdict, string> = { pass: '✅ pass', fail: '❌ fail', unknown: '❔ unknown' };

/**
 * Text from the checked repository (license names, file names) lands in a PR comment, so Markdown and HTML
 * syntax in it is escaped: it cannot open a link, an image, a mention-like tag or break the table.
 */
function cell(text: string | number | undefined): string {
  return String(text ?? '').replace(/[\\`*_[\]<>|#!~]/g, (ch) => `\\${ch}`).replace(/\s*\r?\n\s*/g, ' ');
}

function table(head: string[], rows: (string | number | undefined)[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export default function formatMarkdown(report: Report, _options: FormatOptions): string {
  const { profile } = report;
  const s = report.profiles.find((p) => p.id === profile.id)!.summary;
  const out: string[] = [];
  out.push(`## osai: ${MARK[profile.verdict]} — ${cell(profile.id)} (${cell(profile.name)})${profile.strict ? ' [strict]' : ''}`, '');
  out.push(`\`${report.target.path.replace(/`/g, "'")}\` · ${s.errors} failed, ${s.unknown} unknown, ${s.warnings} warnings · osai ${cell(report.tool.version)}`, '');

  out.push('### Profiles', '', ...table(['Profile', 'Verdict'], report.profiles.map((p) => [`${p.id} (${p.name})`, MARK[p.verdict]])), '');

  // Judged by the chosen profile's findings, as the summary line is, so the two never disagree.
  const ROW: Record<RowVerdict, string> = { ...MARK, missing: '❌ missing', 'not required': '—' };
  out.push('### Components', '');
  out.push(...table(['Component', 'Required', 'Status', 'License', `Verdict (${profile.id})`],
    componentRows(report).map(({ component: c, verdict }) => [c.id, c.required ? 'yes' : '', c.status, c.license ?? '—', ROW[verdict]])), '');

  const rows = freedomRows(report);
  if (rows.length > 0) {
    out.push('### Freedoms not granted', '', ...table(['Freedom', 'Verdict', 'Components', 'Why'],
      rows.map((r) => [r.freedom, MARK[r.verdict], r.components.join(', '), r.why])), '');
  }

  out.push(`### Findings (${report.findings.length})`, '');
  if (report.findings.length === 0) out.push('None.', '');
  else {
    out.push(...table(['Severity', 'Code', 'Where', 'Finding', 'Fix'], report.findings.map((f) => [
      f.severity, f.code, f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '', f.message, f.help,
    ])), '');
  }
  if (report.ignored.length > 0) {
    out.push(`### Ignored by the config (${report.ignored.length})`, '');
    out.push(...table(['Code', 'Where', 'Finding', 'Reason', 'Until'], report.ignored.map((f) => [
      f.code, f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '', f.message, f.ignore.reason, f.ignore.until ?? '',
    ])), '');
  }
  return `${out.join('\n')}\n`;
}
