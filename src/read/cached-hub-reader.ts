// A Hub target read through the cache (online: reads are stored) or from it alone (--offline: the lock names the commit).
import { InputError } from '../errors.js';
import type { FileEntry, Problem, RemoteModel } from '../model.js';
import { parseHubSpec } from './hub-target.js';
import type { LockEntry } from './lock-file.js';
import type { RepoReader } from './reader.js';
import { sha256, type RemoteCache } from './remote-cache.js';

export const listingText = (model: RemoteModel, entries: FileEntry[]) => JSON.stringify({ model, entries });

export interface CachedListing { model: RemoteModel; listing: { entries: FileEntry[]; problems: Problem[] } }

/** Reads of a Hub target pass through the cache, so a later --offline run finds the same bytes at the same commit. */
export function cachingReader(inner: RepoReader, listing: CachedListing['listing'], cache: RemoteCache): RepoReader {
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
    if (hit) return hit;
    const bytes = await inner.readRange(path, offset, length);
    cache.put(inner.root, revision, key, bytes);
    return bytes;
  }
}

/** An hf: target from the lock and the cache alone; without both, osai cannot check it offline (exit 2). */
export function offlineHubTarget(spec: string, locked: Map<string, LockEntry>, cache: RemoteCache): { reader: RepoReader; target: RemoteModel } {
  const parsed = parseHubSpec(spec);
  if ('error' in parsed) throw new InputError(parsed.error, 'name a model as hf:ORG/NAME or hf:ORG/NAME@REVISION');
  const pin = locked.get(parsed.spec);
  const bytes = pin ? cache.get(parsed.spec, pin.revision, 'fact') : undefined;
  if (!pin || !bytes) {
    throw new InputError(`--offline: ${parsed.spec} is not in ${pin ? `the cache at ${pin.revision}` : 'osai.lock.json'}`, 'run `osai lock` once with network access (or restore the cache) first');
  }
  const { model, listing } = JSON.parse(new TextDecoder().decode(bytes)) as CachedListing;
  if (sha256(listingText(model, listing.entries)) !== pin.sha256) throw new InputError(`--offline: the cached listing of ${parsed.spec} does not match osai.lock.json`, 'run `osai lock` again to re-read it');
  const read = async (path: string, offset: number, length: number) => {
    const hit = cache.get(parsed.spec, pin.revision, `${path}\0${offset}\0${length}`);
    if (!hit) throw Object.assign(new Error(`${path} is not in the cache`), { code: 'ENOTCACHED' });
    return hit;
  };
  return {
    target: model,
    reader: { root: parsed.spec, source: { revision: pin.revision, model: model.id }, list: async () => listing, read: (p, m) => read(p, 0, m), readRange: read },
  };
}
