// The cache of remote facts and Hub reads under the user's cache folder, keyed by repository and commit (immutable).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

type Env = Record<string, string | undefined>;

/** OSAI_CACHE_DIR, else $XDG_CACHE_HOME/osai, else ~/.cache/osai. */
export function cacheRoot(env: Env = process.env): string {
  return env['OSAI_CACHE_DIR'] || join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'osai');
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** `hf:org/name` at a sha → a folder name that cannot climb out of the cache. */
const slot = (source: string, revision: string) => join(source.replace(/[^\w.-]+/g, '--'), revision.replace(/[^\w.-]+/g, '_'));

export interface RemoteCache {
  root: string;
  get(source: string, revision: string, key: string): Uint8Array | undefined;
  put(source: string, revision: string, key: string, data: string | Uint8Array): void;
}

/** Entries are written through a rename, so a killed run never leaves half a file for the next one to trust. */
export function openCache(root: string): RemoteCache {
  const path = (source: string, revision: string, key: string) => join(root, slot(source, revision), sha256(key).slice(0, 32));
  return {
    root,
    get(source, revision, key) {
      try {
        return readFileSync(path(source, revision, key));
      } catch {
        return undefined;
      }
    },
    put(source, revision, key, data) {
      const file = path(source, revision, key);
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(`${file}.tmp`, data);
        renameSync(`${file}.tmp`, file);
      } catch {
        // A cache that cannot be written costs a later run some requests; it never changes a verdict.
      }
    },
  };
}
