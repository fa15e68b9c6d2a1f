// `osai scan` and `osai summary` as commands: stream results to stdout (or a file), the table at the end, progress on
// stderr when it is a terminal. Loaded only when one of them runs.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { InputError, UsageError } from '../errors.js';
import { TOOL } from '../version.js';
import type { ScanFlags } from './register.js';
import { scan, type ScanProgress } from './scan.js';
import { parseShard } from './shard.js';
import { coverageProblems, type ScanEnd } from './coverage.js';
import { parseScanLine, Summary } from './summary.js';
import type { ScanResult } from './types.js';

/** Runs a scan and returns its exit code. */
export async function runScan(targets: string[], flags: ScanFlags): Promise<number> {
  const concurrency = Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency ${flags.concurrency}: expected a whole number from 1 to 64`);
  const shard = flags.shard ? parseShard(flags.shard, process.env) : undefined;
  const out = openOutput(flags.output);
  // The table needs every row; beside JSON lines or a BOM only counts are kept (osai summary prints the table).
  const summary = new Summary({ keepRows: flags.format === 'text' });
  const progress = process.stderr.isTTY === true ? startProgress() : undefined;
  const bom: import('../format/cyclonedx.js').BomModel[] = [];
  const cyclonedx = flags.format === 'cyclonedx' ? await import('../format/cyclonedx.js') : undefined;
  let results = 0;
  try {
    for await (const result of scan(targets, {
      concurrency, ...(shard ? { shard } : {}), ...(progress ? { onProgress: progress.update } : {}),
      ...(flags.profile ? { profile: flags.profile } : {}), ...(flags.strict ? { strict: true } : {}), ...(flags.config ? { config: flags.config } : {}),
      ...(flags.allFiles ? { allFiles: true } : {}), ...(flags.token ? { token: flags.token } : {}),
      ...(flags.online ? { online: true } : {}), ...(flags.offline ? { offline: true } : {}),
    })) {
      results++;
      summary.add(result);
      if (flags.format === 'jsonl') await out.write(`${JSON.stringify(result)}\n`);
      if (cyclonedx) bom.push(cyclonedx.bomModelOf(result.id, result.report, digestExtra(result)));
    }
  } finally {
    progress?.stop();
  }
  // The end record: osai summary tells a finished run (and which shard) from a missing or cut-off one.
  if (flags.format === 'jsonl') await out.write(`${JSON.stringify({ schemaVersion: 1, end: true, results, ...(shard ? { shard } : {}) } satisfies ScanEnd)}\n`);
  // Beside JSON lines or a BOM, stderr gets the totals (and what was not checked); the table is `osai summary`'s.
  if (flags.format === 'text') await out.write(summary.format());
  else process.stderr.write(summary.format());
  if (cyclonedx) await out.write(cyclonedx.cycloneDxBom(bom, TOOL));
  await out.close();
  return summary.exitCode();
}

/** What a BOM entry needs from a result without a report (unresolved, error) and where each model is referenced. */
function digestExtra(result: ScanResult): Partial<import('../format/cyclonedx.js').BomModel> {
  return {
    occurrences: result.references.map((r) => ({ location: `${r.root.replace(/\/+$/, '')}/${r.file}`, ...(r.line > 0 ? { line: r.line } : {}) })),
    ...(result.report ? {} : { verdict: result.verdict, profile: result.profile, ...(result.message ? { message: result.message } : {}) }),
  };
}

/** Merges scan outputs (one per shard) into the table; returns the exit code of the worst verdict. */
export async function runSummary(files: string[]): Promise<number> {
  const summary = new Summary();
  const outputs: { file: string; ends: ScanEnd[]; results: number }[] = [];
  for (const file of files) {
    let n = 0;
    const output = { file, ends: [] as ScanEnd[], results: 0 };
    outputs.push(output);
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        n++;
        if (line.trim() === '') continue;
        const parsed = parseScanLine(line);
        if ('end' in parsed) { output.ends.push(parsed); continue; }
        if ('error' in parsed) throw new InputError(`${file}:${n}: ${parsed.error}`, 'pass the files osai scan --format jsonl wrote');
        if (output.ends.length > 0) output.ends.push(output.ends[0]!);
        output.results++;
        summary.add(parsed);
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'pass the files osai scan --format jsonl wrote');
    }
  }
  process.stdout.write(summary.format());
  // Incomplete outputs could hide failing targets: that is "could not check", whatever the rows say.
  const problems = coverageProblems(outputs);
  for (const problem of problems) process.stderr.write(`osai summary: ${problem}\n`);
  if (problems.length > 0) return 2;
  if (summary.duplicates > 0) process.stderr.write(`osai summary: ${summary.duplicates} result(s) repeat a target id: do the shards overlap, or is a target listed twice?\n`);
  return summary.exitCode();
}

interface Output { write(text: string): Promise<void>; close(): Promise<void> }

/** Standard output or a file, written with backpressure so a slow reader holds the scan rather than its memory. */
function openOutput(file: string | undefined): Output {
  const stream: NodeJS.WritableStream = file ? createWriteStream(file) : process.stdout;
  let failed: Error | undefined;
  stream.on('error', (error: Error) => { failed = error; });
  return {
    async write(text) {
      if (failed) throw new UsageError(`--output ${file}: cannot write (${(failed as NodeJS.ErrnoException).code ?? failed.message})`);
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async close() {
      if (file) await new Promise<void>((done) => (stream as WriteStream).end(done));
      if (failed) throw new UsageError(`--output ${file}: cannot write (${(failed as NodeJS.ErrnoException).code ?? failed.message})`);
    },
  };
}

/** Count, rate and ETA on one terminal line; the ETA once every target is known (the scan expands as it goes). */
function startProgress(): { update(p: ScanProgress): void; stop(): void } {
  const start = Date.now();
  let shown = 0;
  let drawn = false;
  return {
    update({ done, known, complete }) {
      if (Date.now() - shown < 200) return;
      shown = Date.now();
      const seconds = (shown - start) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const eta = complete && rate > 0 ? `, ETA ${Math.ceil((known - done) / rate)} s` : `, ${known - done}+ to go`;
      process.stderr.write(`\r\x1b[2Kosai scan: ${done}${complete ? `/${known}` : ''} checked, ${rate.toFixed(1)}/s${eta}`);
      drawn = true;
    },
    stop() { if (drawn) process.stderr.write('\r\x1b[2K'); },
  };
}
