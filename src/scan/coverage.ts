// The end record of a scan's JSON lines, and what `osai summary` makes of them: a shard whose output is missing or
// was cut short must not let the fleet's summary pass.
import type { Shard } from './shard.js';

/** The last line of `osai scan --format jsonl`: the run finished, with this many results, in this shard. */
export interface ScanEnd { schemaVersion: 1; end: true; results: number; shard?: Shard }

export function isScanEnd(value: unknown): value is ScanEnd {
  const v = value as Partial<ScanEnd> | null;
  return typeof v === 'object' && v !== null && v.end === true && typeof v.results === 'number';
}

/** What is wrong with a set of scan outputs as a whole, one sentence each (empty when every run is complete). */
export function coverageProblems(files: { file: string; ends: ScanEnd[]; results: number }[]): string[] {
  const problems: string[] = [];
  const shards = new Map<number, Map<number, string>>();
  for (const { file, ends, results } of files) {
    if (ends.length !== 1) {
      problems.push(ends.length === 0 ? `${file} has no end record: the scan did not finish (or this is not its whole output)` : `${file} has lines after its end record: outputs were concatenated`);
      continue;
    }
    const end = ends[0]!;
    if (end.results !== results) problems.push(`${file} ends with ${end.results} results but holds ${results}`);
    if (!end.shard) continue;
    const seen = shards.get(end.shard.count) ?? new Map<number, string>();
    const other = seen.get(end.shard.index);
    if (other) problems.push(`${file} and ${other} are both shard ${end.shard.index}/${end.shard.count}`);
    seen.set(end.shard.index, file);
    shards.set(end.shard.count, seen);
  }
  if (shards.size > 1) problems.push(`the outputs come from runs of different shard counts (${[...shards.keys()].sort((a, b) => a - b).join(', ')})`);
  for (const [count, seen] of shards) {
    const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
    if (missing.length > 0) problems.push(`shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`);
  }
  return problems;
}
