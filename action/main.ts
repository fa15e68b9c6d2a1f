// The GitHub Action's entry (bundled to action/dist/index.cjs by scripts/bundle-action.mjs): one check, rendered as
// annotations in the log, a SARIF file and the job summary, with the verdict and exit code as step outputs.
import { appendFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { OsaiError } from '../src/errors.js';
import { formatReport, type FormatName, FORMATS } from '../src/format/index.js';
import { exitCodeFor } from '../src/report/exit-code.js';
import { check } from '../src/run.js';

/** An input as the runner passes it: INPUT_<NAME> with the name upper-cased (hyphens kept), trimmed. */
function input(name: string, fallback = ''): string {
  return (process.env[`INPUT_${name.toUpperCase()}`] ?? fallback).trim();
}

/** Appends `name` = `value` to a GITHUB_* file in the multi-line form, so no value can forge another line. */
function appendValue(file: string | undefined, name: string, value: string): void {
  if (!file) return;
  const delimiter = `osai_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

async function main(): Promise<void> {
  // Paths in inputs, the report and annotations are relative to the workspace, the repository root in CI.
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  process.chdir(workspace);
  const path = input('path', '.') || '.';
  const format = (input('format', 'github') || 'github') as FormatName;
  if (!(format in FORMATS)) throw new OsaiError(`input format: "${format}" is not one of ${Object.keys(FORMATS).join(', ')}`);
  const profile = input('profile');
  const config = input('config');
  const sarifFile = input('sarif-file', 'osai.sarif');
  const report = await check(path, {
    ...(profile ? { profile } : {}),
    ...(config ? { config: resolve(workspace, config) } : {}),
    ...(input('strict') === 'true' ? { strict: true } : {}),
  });
  // Annotations and SARIF need paths from the repository root, which is the workspace.
  const root = relative(workspace, resolve(workspace, path)).split(sep).join('/');
  process.stdout.write(await formatReport(report, format, { color: false, root }));
  if (sarifFile) writeFileSync(resolve(workspace, sarifFile), await formatReport(report, 'sarif', { color: false, root }));
  if (input('summary', 'true') === 'true' && process.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, await formatReport(report, 'markdown', { color: false, root }));
  }
  const code = exitCodeFor(report);
  appendValue(process.env.GITHUB_OUTPUT, 'sarif-file', sarifFile);
  appendValue(process.env.GITHUB_OUTPUT, 'verdict', report.profile.verdict);
  appendValue(process.env.GITHUB_OUTPUT, 'exit-code', String(code));
  process.exitCode = code;
}

main().catch((error: unknown) => {
  // osai could not check (exit 2): one error annotation, and the outputs still say so.
  const message = error instanceof OsaiError ? `${error.message}${error.hint ? ` (${error.hint})` : ''}` : `internal error, please report it: ${(error as Error)?.stack ?? String(error)}`;
  process.stdout.write(`::error title=osai::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  appendValue(process.env.GITHUB_OUTPUT, 'verdict', '');
  appendValue(process.env.GITHUB_OUTPUT, 'exit-code', '2');
  process.exitCode = 2;
});
