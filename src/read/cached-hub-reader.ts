// A Hub target read through the cache (online: reads are stored) or from it alone (--offline: the lock names the commit).
import { InputError } from '../errors.js';
import type { FileEntry, Problem, RemoteModel } from '../model.js';
import { parseHubSpec } from './hub-target.js';
import type { LockEntry } from './lock-file.js';
import type { RepoReader } from './reader.js';
import { sha256, type RemoteCache } from './remote-cache.js';

/** Each byte range read from the target (path, offset, length) → the sha256 of the bytes. */
export type ReadLog = Map<string, string>;

/**
 * What the lock's hash of an hf: target covers: the model record, the file list, and every byte range the check
 * read (so a cached license text or header that was changed after `osai lock` is caught offline).
 */
export function targetLockText(model: RemoteModel, entries: FileEntry[], log: ReadLog): string {
  const reads = [...log].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, h]) => `${k.replace(/\0/g, ' ')} ${h}`);
  return `${JSON.stringify({ model, entries })}\n${reads.join('\n')}`;
}

export interface CachedListing { model: RemoteModel; listing: { entries: FileEntry[]; problems: Problem[] } }

/** Reads of a Hub target pass through the cache, so a later --offline run finds the same bytes at the same commit. */
export function cachingReader(inner: RepoReader, listing: CachedListing['listing'], cache: RemoteCache, log: ReadLog): RepoReader {
  const revision = inner.source!.revision;
  return {
    root: inner.root,
    source: inner.source!,
    list: async () => listing,
    read: (path, max) => cached(path, 0, max),
    readRange: (path, offset, length) => cached(path, offset, length),
  };
  async function cached(path: string, offset: number, length: number): Promise<Uint8Array> {
    const key = `${path}\0${offset}\0${length}`;
    const hit = cache.get(inner.root, revision, key);
    const bytes = hit ?? await inner.readRange(path, offset, length);
    if (!hit) cache.put(inner.root, revision, key, bytes);
    log.set(key, sha256(bytes));
    return bytes;
  }
}

/** An hf: target from the lock and the cache alone; without both, osai cannot check it offline (exit 2). */
export function offlineHubTarget(spec: string, locked: Map<string, LockEntry>, cache: RemoteCache, log: ReadLog): { reader: RepoReader; target: RemoteModel; listing: CachedListing['listing'] } {
  const parsed = parseHubSpec(spec);
  if ('error' in parsed) throw new InputError(parsed.error, 'name a model as hf:ORG/NAME or hf:ORG/NAME@REVISION');
  const pin = locked.get(parsed.spec);
  const bytes = pin ? cache.get(parsed.spec, pin.revision, 'fact') : undefined;
  if (!pin || !bytes) {
    throw new InputError(`--offline: ${parsed.spec} is not in ${pin ? `the cache at ${pin.revision}` : 'osai.lock.json'}`, 'run `osai lock` once with network access (or restore the cache) first');
  }
  // The listing and every read are checked against the lock's hash once the reads are done (remote-run.ts).
  const { model, listing } = JSON.parse(new TextDecoder().decode(bytes)) as CachedListing;
  const read = async (path: string, offset: number, length: number) => {
    const hit = cache.get(parsed.spec, pin.revision, `${path}\0${offset}\0${length}`);
    if (!hit) throw Object.assign(new Error(`${path} is not in the cache`), { code: 'ENOTCACHED' });
    log.set(`${path}\0${offset}\0${length}`, sha256(hit));
    return hit;
  };
  return {
    target: model, listing,
    reader: { root: parsed.spec, source: { revision: pin.revision, model: model.id }, list: async () => listing, read: (p, m) => read(p, 0, m), readRange: read },
  };
}
