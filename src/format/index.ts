// The formatter registry: the `--format` choices come from this one table; each formatter loads when used.
import type { Report } from '../report/types.js';
import type { Messages } from '../ruleset/schema.js';

export interface FormatOptions {
  color: boolean;
  /**
   * The checked folder relative to the repository root (the working directory in CI), POSIX, '' for the root:
   * SARIF and GitHub annotations prefix file paths with it so code scanning finds the files.
   */
  root?: string;
  /** Message templates by finding code (rules/messages.yaml), for SARIF rule descriptions; loaded when missing. */
  messages?: Messages;
  /** Text output: `quiet` = verdict and causes, `verbose` = every piece of evidence too (default `normal`). */
  detail?: 'quiet' | 'normal' | 'verbose';
  /** The README's address, for SARIF `helpUri` (one section per finding code). */
  docsUrl?: string;
}
export type Formatter = (report: Report, options: FormatOptions) => string;

export const FORMATS = {
  text: () => import('./text.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  markdown: () => import('./markdown.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  cyclonedx: () => import('./cyclonedx.js'),
} satisfies Record<string, () => Promise<{ default: Formatter }>>;
export type FormatName = keyof typeof FORMATS;

export async function formatReport(report: Report, format: FormatName, options: FormatOptions = { color: false }): Promise<string> {
  const { default: formatter } = await FORMATS[format]();
  if (format === 'sarif' && !options.messages) {
    const { loadRuleSet } = await import('../ruleset/rule-set.js');
    options = { ...options, messages: (await loadRuleSet()).messages };
  }
  return formatter(report, options);
}

/** A finding's file as a repository-relative POSIX path (prefixed with the checked folder). */
export function repoPath(file: string, root = ''): string {
  const prefix = root === '' || root === '.' || root.startsWith('../') || root === '..' ? '' : root.replace(/\/+$/, '');
  return prefix ? `${prefix}/${file}` : file;
}

/** Where a finding points: its own file, else the component's first evidence, else the model card (SARIF needs one). */
export function locateFinding(report: Report, f: { file?: string; line?: number; component?: string }): { file: string; line: number } {
  if (f.file) return { file: f.file, line: f.line && f.line > 0 ? f.line : 1 };
  const evidence = report.components.find((c) => c.id === f.component)?.evidence[0]
    ?? report.components.find((c) => c.id === 'model-card')?.evidence[0];
  return { file: evidence?.file ?? 'README.md', line: evidence?.line ?? 1 };
}
