// Which shard a target belongs to: a hash of its id, so adding or removing other targets never moves it.
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

export interface Shard { index: number; count: number }

/**
 * Parses `--shard I/N` (0 ≤ I < N). `I` may be `auto`: the index is then JOB_COMPLETION_INDEX, which a Kubernetes
 * Indexed Job sets in each pod (GitHub Actions passes `${{ matrix.shard }}` instead).
 */
export function parseShard(spec: string, env: Record<string, string | undefined>): Shard {
  const match = /^(\d+|auto)\/(\d+)$/.exec(spec.trim());
  if (!match) throw new UsageError(`--shard ${spec}: expected I/N, e.g. --shard 0/4`, 'give the shard index (from 0) and the number of shards, or auto/N to read JOB_COMPLETION_INDEX');
  const count = Number(match[2]);
  let raw = match[1]!;
  if (raw === 'auto') {
    raw = env['JOB_COMPLETION_INDEX'] ?? '';
    if (!/^\d+$/.test(raw)) throw new UsageError(`--shard auto/${count}: JOB_COMPLETION_INDEX is ${raw ? `"${raw}"` : 'not set'}`, 'run in a Kubernetes Indexed Job, or give the index: --shard I/N');
  }
  const index = Number(raw);
  if (count < 1 || count > 100_000) throw new UsageError(`--shard ${spec}: the number of shards must be 1 to 100000`);
  if (index >= count) throw new UsageError(`--shard ${spec}: the index must be below ${count} (shards count from 0)`, `use --shard 0/${count} … --shard ${count - 1}/${count}`);
  return { index, count };
}

/** The shard of a target id among `count`: the first 32 bits of its SHA-256, modulo count. Hub ids ignore case. */
export function shardOf(id: string, count: number): number {
  const key = /^hf:/i.test(id) ? id.toLowerCase() : id;
  return createHash('sha256').update(key).digest().readUInt32BE(0) % count;
}
