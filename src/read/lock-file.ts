// osai.lock.json: each remote source a check used, with the commit it was read at and a hash of what was read.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';

export const LOCK_NAME = 'osai.lock.json';

export interface LockEntry { source: string; revision: string; sha256: string }
export interface LockFile { lockfileVersion: 1; sources: LockEntry[] }

/** The lock in `dir`, or undefined when there is none; a lock that is not one is an input error. */
export function readLock(dir: string): LockFile | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, LOCK_NAME), 'utf8');
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${join(dir, LOCK_NAME)} is not JSON (${(error as Error).message})`, 'run osai lock to write it again');
  }
  const lock = data as Partial<LockFile>;
  const valid = lock?.lockfileVersion === 1 && Array.isArray(lock.sources)
    && lock.sources.every((e) => typeof e?.source === 'string' && typeof e.revision === 'string' && typeof e.sha256 === 'string');
  if (!valid) throw new InputError(`${join(dir, LOCK_NAME)} is not an osai lock file (lockfileVersion 1)`, 'run osai lock to write it again');
  return lock as LockFile;
}

/** Sorted, one entry per source, so the same facts give the same bytes. */
export function writeLock(dir: string, entries: LockEntry[]): string {
  const bySource = new Map(entries.map((e) => [e.source, e]));
  const lock: LockFile = { lockfileVersion: 1, sources: [...bySource.values()].sort((a, b) => (a.source < b.source ? -1 : 1)) };
  const file = join(dir, LOCK_NAME);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(lock, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return file;
}
