// Declares `osai scan` and `osai summary` on the command line; their code loads only when one of them runs.
import { Option, type Command } from 'commander';

export const SCAN_FORMATS = ['text', 'jsonl', 'cyclonedx'] as const;

export interface ScanFlags {
  profile?: string; format: (typeof SCAN_FORMATS)[number]; output?: string; shard?: string; concurrency: string;
  strict?: boolean; config?: string; allFiles?: boolean; token?: string; online?: boolean; offline?: boolean;
}

// One import() site: the bundle loads this cold module from dist/ (scripts/bundle.mjs counts the sites).
const loadCommand = () => import('./command.js');

export function registerScanCommands(program: Command): void {
  program.command('scan')
    .description('check many targets in one process: folders, hf: ids, files listing targets, applications (the models their code, Modelfiles and scripts name), Hugging Face caches (exit 0 all pass, 1 one fails or is unknown, 2 one could not be checked)')
    .argument('<targets...>', 'folders, hf:ORG/NAME[@REVISION] ids, or files that list targets one a line (# comments)')
    .option('-p, --profile <id>', 'the profile whose verdicts set the exit code (default: osaid-1.0, or each target\'s config)')
    .addOption(new Option('-f, --format <name>', 'text: the summary table; jsonl: one JSON line per target as it is done (the table goes to stderr); cyclonedx: one CycloneDX 1.6 AI-BOM').choices(SCAN_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the output to a file instead of standard output')
    .option('--shard <I/N>', 'check only shard I of N (0-based; the shard is a hash of each target id); auto/N reads I from JOB_COMPLETION_INDEX')
    .option('--concurrency <n>', 'checks in flight at once (remote targets)', '4')
    .option('-c, --config <file>', 'use this config file for every target instead of the .osai.yml found from each upward')
    .option('--strict', 'warnings fail the profile')
    .option('--all-files', 'in a git work tree, judge every file in each folder, not only those git tracks')
    .option('--token <token>', 'Hugging Face token for hf: targets (default: HF_TOKEN, else the huggingface-cli login token)')
    .option('--online', 'resolve base models, datasets and linked code where they live (hf: targets always do)')
    .option('--offline', 'use only osai.lock.json and the cache for remote facts; never open a connection')
    .action(async (targets: string[], flags: ScanFlags) => {
      const { runScan } = await loadCommand();
      process.exitCode = await runScan(targets, flags);
    });
  program.command('summary')
    .description('merge the JSON lines of osai scan runs (e.g. one per shard) into the summary table and the exit code of the worst verdict')
    .argument('<files...>', 'files written by osai scan --format jsonl')
    .action(async (files: string[]) => {
      const { runSummary } = await loadCommand();
      process.exitCode = await runSummary(files);
    });
}
