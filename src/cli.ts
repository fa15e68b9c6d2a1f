#!/usr/bin/env node
// The command line: parse flags → check() → write the formatted report → set process.exitCode.
import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { noteCodePath } from './code-path.js';
import { OsaiError, UsageError } from './errors.js';
import { FORMATS, formatReport, type FormatName } from './format/index.js';
import { exitCodeFor } from './report/exit-code.js';
import { registerScanCommands } from './scan/register.js';
import { isTerminal, writeStdout } from './terminal.js';
import { TOOL } from './version.js';

interface CheckFlags {
  profile?: string; format: FormatName; output?: string; config?: string; strict?: boolean; color?: boolean;
  token?: string; online?: boolean; offline?: boolean; allFiles?: boolean; quiet?: boolean; verbose?: boolean;
}

const remoteFlags = (flags: CheckFlags) => ({
  ...(flags.token ? { token: flags.token } : {}), ...(flags.online ? { online: true } : {}), ...(flags.offline ? { offline: true } : {}),
});

/** The commands, for building only the one a run names (see buildProgram). */
const COMMANDS = ['check', 'lock', 'licenses', 'explain', 'init', 'scan', 'summary'];

/**
 * The command line. `only`: the command the arguments name, the one defined (a run pays for commander parsing the
 * flags of one command, not of eight); without it (help, a typo, no command) every command is, for the help and
 * suggestions commander gives.
 */
function buildProgram(only?: string): Command {
  const wanted = (name: string) => only === undefined || only === name;
  const program = new Command('osai')
    .description('Tells whether an AI model release is really open source.')
    .version(TOOL.version)
    .exitOverride()
    .showHelpAfterError('(run osai --help for usage)')
    // The code cache holds what runs used (scripts/cli-loader.cjs): each command and format is a code path.
    .hook('preAction', (_, action) => noteCodePath(`${action.name()}:${String(action.opts()['format'] ?? '')}`));
  if (wanted('check')) program.command('check')
    .description('check a model repository against an openness profile (exit 0 pass, 1 fail, 2 could not check)')
    .argument('[path]', 'the repository folder, or a Hub model as hf:ORG/NAME[@REVISION]', '.')
    .option('-p, --profile <id>', 'the profile that sets the exit code (default: osaid-1.0, or the config\'s)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATS)).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'use this config file instead of the .osai.yml found from the path upward')
    .option('--strict', 'warnings fail the profile')
    .option('--all-files', 'in a git work tree, judge every file in the folder, not only those git tracks')
    .option('--no-color', 'no colour in text output (also off when not a TTY or NO_COLOR is set)')
    .addOption(new Option('-q, --quiet', 'text output: only the verdict and its causes').conflicts('verbose'))
    .option('-v, --verbose', 'text output: also the licenses found, the evidence of each component, the freedoms and every profile')
    .option('--token <token>', 'Hugging Face token for hf: targets and --online (default: HF_TOKEN, else the huggingface-cli login token)')
    .option('--online', 'resolve base models, datasets and linked code repositories where they live (hf: targets always do)')
    .option('--offline', 'use only osai.lock.json and the cache for remote facts; never open a connection')
    .action(async (path: string, flags: CheckFlags) => {
      const { check } = await import('./run.js');
      const report = await check(path, {
        ...remoteFlags(flags),
        ...(flags.profile ? { profile: flags.profile } : {}),
        ...(flags.strict ? { strict: true } : {}),
        ...(flags.config ? { config: flags.config } : {}),
        ...(flags.allFiles ? { allFiles: true } : {}),
      });
      const color = flags.color !== false && !flags.output && !('NO_COLOR' in process.env) && isTerminal(1);
      // SARIF and annotations need paths from the repository root, which in CI is the working directory.
      const root = path.startsWith('hf:') ? '' : relative(process.cwd(), resolve(path)).split(sep).join('/');
      const detail = flags.quiet ? 'quiet' as const : flags.verbose ? 'verbose' as const : 'normal' as const;
      const text = await formatReport(report, flags.format, { color, root, detail });
      if (flags.output) writeAtomically(flags.output, text);
      else writeStdout(text);
      process.exitCode = exitCodeFor(report);
    });
  if (wanted('lock')) program.command('lock')
    .description('check a target online and write osai.lock.json with the commit and hash of every remote source it read')
    .argument('[path]', 'the repository folder, or a Hub model as hf:ORG/NAME[@REVISION]', '.')
    .option('-c, --config <file>', 'use this config file; the lock is written beside it')
    .option('--token <token>', 'Hugging Face token (default: HF_TOKEN, else the huggingface-cli login token)')
    .action(async (path: string, flags: { config?: string; token?: string }) => {
      const { lock } = await import('./run.js');
      const { report, file } = await lock(path, { ...(flags.token ? { token: flags.token } : {}), ...(flags.config ? { config: flags.config } : {}) });
      stdout().write(`wrote ${file} (${report.target.path}${report.target.revision ? ` at ${report.target.revision}` : ''})\n`);
    });
  if (wanted('licenses')) program.command('licenses')
    .description('list the licenses osai knows, with their rating of the four freedoms')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { format: 'text' | 'json' }) => {
      const [{ loadRuleSet }, { listLicenses }, { formatLicensesText }] = await Promise.all([
        import('./ruleset/rule-set.js'), import('./explain/explain.js'), import('./explain/format.js')]);
      const rows = listLicenses(await loadRuleSet());
      stdout().write(flags.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : formatLicensesText(rows));
    });
  if (wanted('explain')) program.command('explain')
    .description('explain one license freedom by freedom: clauses, restrictions, obligations and the profiles it can pass')
    .argument('<license>', 'a license id, Hugging Face id or name (e.g. llama3.1, "Apache License 2.0")')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (name: string, flags: { format: 'text' | 'json' }) => {
      const [{ loadRuleSet }, { explainLicense, findLicense }, { formatExplainJson, formatExplainText }] = await Promise.all([
        import('./ruleset/rule-set.js'), import('./explain/explain.js'), import('./explain/format.js')]);
      const rules = await loadRuleSet();
      const lookup = findLicense(name, rules);
      if (!lookup.found) {
        throw new UsageError(lookup.note ? `"${name}" names no single license (${lookup.note})` : `no license in the rule set matches "${name}"`,
          lookup.closest.length ? `closest ids: ${lookup.closest.join(', ')}` : 'run `osai licenses` to list them');
      }
      const explanation = explainLicense(lookup.found, rules);
      stdout().write(flags.format === 'json' ? formatExplainJson(explanation) : formatExplainText(explanation));
    });

  // osai init: a commented .osai.yml for the repository (its own block, so other commands merge cleanly).
  if (wanted('init')) program.command('init')
    .description('write a commented .osai.yml for the repository, listing the components osai could not find')
    .argument('[path]', 'the repository folder', '.')
    .option('-p, --profile <id>', 'the profile to start from', 'osaid-1.0')
    .option('--force', 'overwrite an existing .osai.yml')
    .action(async (path: string, flags: { profile: string; force?: boolean }) => {
      const file = join(path, '.osai.yml');
      const existing = ['.osai.yml', '.osai.yaml'].map((n) => join(path, n)).find((f) => existsSync(f));
      if (existing && !(flags.force && existing === file)) {
        throw new UsageError(`${existing} already exists; osai init does not overwrite it`, existing === file ? 'run osai init --force to replace it' : 'edit it, or remove it first');
      }
      const [{ checkReader }, { openFsRepo }, { renderInitConfig }] = await Promise.all([
        import('./run.js'), import('./read/fs-reader.js'), import('./config/init.js'),
      ]);
      // The repository as it stands, without any config found upward, so every undeclared component is listed.
      const report = await checkReader(await openFsRepo(path), { profile: flags.profile });
      writeAtomically(file, renderInitConfig(report));
      stdout().write(`wrote ${file}\n`);
    });
  // osai scan / osai summary: many targets in one process (src/scan/, loaded only when they run).
  if (wanted('scan') || wanted('summary')) registerScanCommands(program);
  return program;
}

/** Writes through a temporary file and a rename, so a reader never sees half a report; a failure leaves nothing behind. */
function writeAtomically(file: string, text: string): void {
  let existing;
  try {
    existing = statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw new UsageError(`--output ${file}: cannot write the report (${(error as NodeJS.ErrnoException).code})`, 'give a path in an existing, writable folder');
  }
  if (existing?.isDirectory()) {
    throw new UsageError(`--output ${file} is a folder`, 'give a file path, e.g. --output osai-report.json');
  }
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(dirname(file), '.osai-'));
    const temp = join(dir, 'report');
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`--output ${file}: cannot write the report (${code})`, 'give a path in an existing, writable folder');
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * process.stdout, with a reader that stops early (`osai licenses | head`) ending the run quietly with its exit code.
 * Touched only by commands that stream; `check` writes through writeStdout, which handles EPIPE itself.
 */
function stdout(): NodeJS.WriteStream {
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
  return process.stdout;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram(COMMANDS.includes(argv[2] ?? '') ? argv[2] : undefined).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; any other parse error is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof OsaiError) {
      process.stderr.write(`osai: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`osai: internal error, please report it with this output:\n${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    }
  }
}

void main(process.argv);
