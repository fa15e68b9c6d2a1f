// Recognises a snapshot folder of the Hugging Face cache (…/models--org--name/snapshots/<sha>/), whose files link into ../../blobs.
import { realpathSync } from 'node:fs';
import { dirname, sep } from 'node:path';

export interface HubCacheSnapshot {
  /** `org/name`, from the `models--org--name` folder. */
  model: string;
  /** The snapshot's commit sha (its folder name). */
  revision: string;
  /** The `models--org--name` folder: links that stay inside it (into blobs/) are followed. */
  linkRoot: string;
}

const SNAPSHOT = /(?:^|[\\/])models--([\w.-]+?)--([\w.-]+)[\\/]snapshots[\\/]([0-9a-f]{40})$/;

/** The snapshot `path` is, or undefined for any other folder. */
export async function hubCacheSnapshot(path: string): Promise<HubCacheSnapshot | undefined> {
  // Synchronous, as the walk is: node:fs/promises (with readline) costs ~3 ms to load at start-up.
  let real: string | undefined;
  try {
    real = realpathSync.native(path);
  } catch {
    real = undefined;
  }
  // Only a path with a models-- folder can be a snapshot (the expression is compiled only for one).
  const match = real?.includes('models--') ? SNAPSHOT.exec(real) : null;
  if (!real || !match) return undefined;
  return { model: `${match[1]}/${match[2]}`, revision: match[3]!, linkRoot: dirname(dirname(real)) + sep };
}
