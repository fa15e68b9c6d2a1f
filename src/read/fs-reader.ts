// Reads a repository from disk: a bounded walk that never follows a link out of the root.
import { open, readdir, realpath, stat, lstat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import type { FileEntry, Problem } from '../model.js';
import { DEFAULT_WALK_LIMITS, SKIPPED_DIRS, type Listing, type RepoReader, type WalkLimits } from './reader.js';

export function createFsReader(root: string): RepoReader {
  return {
    root,
    list: (limits = DEFAULT_WALK_LIMITS) => walk(root, limits),
    read: (path, maxBytes) => readAt(join(root, path), 0, maxBytes),
    readRange: (path, offset, length) => readAt(join(root, path), offset, length),
  };
}

/** Reads at most `length` bytes at `offset`; the buffer is sized by what the file holds, so a sparse giant costs nothing. */
async function readAt(file: string, offset: number, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.max(0, Math.min(size - offset, length)));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function walk(root: string, limits: WalkLimits): Promise<Listing> {
  const realRoot = await realpath(root);
  const entries: FileEntry[] = [];
  const problems: Problem[] = [];
  const stack: { dir: string; depth: number }[] = [{ dir: realRoot, depth: 0 }];
  let truncated = false;
  while (stack.length > 0 && !truncated) {
    const { dir, depth } = stack.pop()!;
    let children;
    try {
      children = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ code: 'file-unreadable', file: toPosix(relative(realRoot, dir)) || '.', args: { reason: errorCode(error) } });
      continue;
    }
    for (const child of children) {
      const full = join(dir, child.name);
      const path = toPosix(relative(realRoot, full));
      if (child.isDirectory()) {
        if (SKIPPED_DIRS.has(child.name)) continue;
        if (depth + 1 >= limits.maxDepth) { problems.push({ code: 'walk-depth-limit', file: path }); continue; }
        stack.push({ dir: full, depth: depth + 1 });
      } else if (child.isSymbolicLink()) {
        const target = await linkTarget(realRoot, full);
        if (target === 'outside' || target === 'broken') { problems.push({ code: `link-${target}`, file: path }); continue; }
        // A link to a file inside the root is read like the file; links to folders are not walked (no loops).
        if (target.isFile()) entries.push({ path, size: target.size });
      } else if (child.isFile()) {
        const info = await lstat(full).catch(() => undefined);
        entries.push({ path, size: info?.size ?? 0 });
      } else {
        problems.push({ code: 'special-file', file: path });
      }
      if (entries.length >= limits.maxFiles) {
        problems.push({ code: 'walk-file-limit', args: { limit: limits.maxFiles } });
        truncated = true;
        break;
      }
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, problems };
}

async function linkTarget(realRoot: string, full: string) {
  try {
    const target = await realpath(full);
    if (target !== realRoot && !target.startsWith(realRoot + sep)) return 'outside' as const;
    return await stat(target);
  } catch {
    return 'broken' as const;
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Opens a target folder; a path that is missing or not a folder is an input error (exit 2). */
export async function openFsRepo(path: string): Promise<RepoReader> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError(`path not found: ${path}`, 'give the folder of a model repository, e.g. `osai check .`');
  if (!info.isDirectory()) throw new InputError(`not a folder: ${path}`, 'osai checks a repository folder; give the folder that holds the model card');
  return createFsReader(path);
}
