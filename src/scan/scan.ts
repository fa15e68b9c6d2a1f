// `scan(targets, options)`: checks many targets in one process and yields one result per target as soon as it is done.
// At most `concurrency` checks are in flight and targets are expanded only as slots free, so memory does not grow
// with the number of targets. Each target goes through the same check() as `osai check` (folders, hf: ids, snapshots).
import { OsaiError } from '../errors.js';
import { createFsReader } from '../read/fs-reader.js';
import type { RepoReader } from '../read/reader.js';
import type { Report } from '../report/types.js';
import { check, checkReader, DEFAULT_PROFILE, type CheckOptions } from '../run.js';
import { expandTargets } from './expand.js';
import { shardOf, type Shard } from './shard.js';
import { SCAN_SCHEMA_VERSION, type ScanResult, type ScanTarget } from './types.js';

export interface ScanOptions extends CheckOptions {
  /** Checks in flight at once (remote targets wait on the network); default 4. */
  concurrency?: number;
  /** Only the targets whose id hashes to this shard. */
  shard?: Shard;
  /** Called after each result: how many are done, how many are known so far, and whether that is all of them. */
  onProgress?: (progress: ScanProgress) => void;
}

export interface ScanProgress { done: number; known: number; complete: boolean }

/** Targets expanded ahead of the checks (small records), so progress can tell a total and an ETA early. */
const LOOKAHEAD = 10_000;

/** Checks every target the arguments name (folders, hf: ids, targets files, applications, caches), one result each. */
export async function* scan(targets: Iterable<string> | AsyncIterable<string>, options: ScanOptions = {}): AsyncGenerator<ScanResult> {
  const { concurrency = 4, shard, onProgress, ...checkOptions } = options;
  const limit = Math.max(1, Math.min(64, Math.floor(concurrency)));
  const source = expandTargets(targets)[Symbol.asyncIterator]();
  const inflight = new Map<number, Promise<[number, ScanResult]>>();
  const queue: ScanTarget[] = [];
  let exhausted = false;
  let known = 0;
  let done = 0;
  let next = 0;
  try {
    for (;;) {
      // A few more targets each round (not all at once, so the first results come at once), up to LOOKAHEAD.
      for (let pulled = 0; !exhausted && queue.length < LOOKAHEAD && pulled < 64; pulled++) {
        const step = await source.next();
        if (step.done) { exhausted = true; break; }
        if (shard && shardOf(step.value.id, shard.count) !== shard.index) continue;
        queue.push(step.value);
        known++;
      }
      while (queue.length > 0 && inflight.size < limit) {
        const key = next++;
        inflight.set(key, checkTarget(queue.shift()!, checkOptions).then((result) => [key, result]));
      }
      if (inflight.size === 0) return;
      const [key, result] = await Promise.race(inflight.values());
      inflight.delete(key);
      done++;
      onProgress?.({ done, known, complete: exhausted });
      yield result;
    }
  } finally {
    await source.return?.(undefined);
  }
}

/** One target's result; a target osai cannot check is an `error` result, never the end of the scan. */
export async function checkTarget(target: ScanTarget, options: CheckOptions): Promise<ScanResult> {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const base = { schemaVersion: SCAN_SCHEMA_VERSION, id: target.id, kind: target.kind, profile, references: target.references };
  if (target.kind === 'unresolved' || target.kind === 'invalid') {
    return { ...base, verdict: target.kind === 'invalid' ? 'error' : 'unknown', profiles: {}, licenses: [], message: target.reason, hint: target.hint };
  }
  try {
    const report = target.kind === 'hub' ? await check(target.id, options)
      : target.kind === 'weights' ? await checkReader(onlyFiles(createFsReader(target.path), target.files), options)
        : await check(target.path, options);
    return resultOf(base, report);
  } catch (error) {
    if (error instanceof OsaiError) return { ...base, verdict: 'error', profiles: {}, licenses: [], message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
    const stack = (error as Error)?.stack ?? String(error);
    return { ...base, verdict: 'error', profiles: {}, licenses: [], message: `internal error, please report it: ${(error as Error)?.message ?? String(error)}`, hint: stack.split('\n').slice(0, 6).join('\n') };
  }
}

function resultOf(base: Omit<ScanResult, 'verdict' | 'profiles' | 'licenses'>, report: Report): ScanResult {
  const weights = report.components.find((c) => c.id === 'model-parameters-final')?.license;
  const licenses = weights ? [weights] : [...new Set(report.licenses.filter((l) => l.source.kind !== 'dataset').map((l) => l.expression))];
  return {
    ...base, verdict: report.profile.verdict, profile: report.profile.id,
    profiles: Object.fromEntries(report.profiles.map((p) => [p.id, p.verdict])), licenses, report,
  };
}

/** The reader cut to the named files: loose weights are judged by their own headers, not the folder around them. */
function onlyFiles(reader: RepoReader, files: string[]): RepoReader {
  const keep = new Set(files);
  return {
    ...reader,
    async list(limits) {
      const listing = await reader.list(limits);
      return { entries: listing.entries.filter((e) => keep.has(e.path)), problems: listing.problems.filter((p) => !p.file || keep.has(p.file)) };
    },
  };
}
