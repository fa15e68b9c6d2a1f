// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` annotation per finding, then the verdict.
import type { Report, Severity } from '../report/types.js';
import { locateFinding, repoPath, type FormatOptions } from './index.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

/** Escapes a command's message (actions/toolkit `escapeData`): a newline must not end the command early. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (`escapeProperty`): also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export default function formatGithub(report: Report, options: FormatOptions): string {
  const lines = report.findings.map((f) => {
    const at = locateFinding(report, f);
    const props = [
      `file=${escapeProperty(repoPath(at.file, options.root))}`,
      `line=${at.line}`,
      `title=${escapeProperty(`osai ${f.code}`)}`,
    ];
    const text = f.help ? `${f.message}\nfix: ${f.help}` : f.message;
    return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(text)}`;
  });
  const s = report.profiles.find((p) => p.id === report.profile.id)!.summary;
  lines.push(`osai: ${report.profile.verdict.toUpperCase()} ${report.profile.id}: ${s.errors} failed, ${s.unknown} unknown, ${s.warnings} warnings, ${report.ignored.length} ignored`);
  return `${lines.join('\n')}\n`;
}
