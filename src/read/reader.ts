// The I/O edge: a RepoReader lists and reads a repository, from disk or from memory (for tests).
import type { FileEntry, Problem } from '../model.js';

export interface WalkLimits { maxFiles: number; maxDepth: number }
export const DEFAULT_WALK_LIMITS: WalkLimits = { maxFiles: 20_000, maxDepth: 16 };

export interface Listing { entries: FileEntry[]; problems: Problem[] }

export interface RepoReader {
  /** A label for the root, shown in the report. */
  readonly root: string;
  /** For a remote repository: the commit it was read at and when (report.target.revision / readAt). */
  readonly source?: { revision: string; readAt?: string; model?: string };
  /** Lists the regular files below the root, sorted by path, without reading them. */
  list(limits?: WalkLimits): Promise<Listing>;
  /** Reads at most `maxBytes` from the start of a file. */
  read(path: string, maxBytes: number): Promise<Uint8Array>;
  /** Reads at most `length` bytes starting at `offset` (fewer at the end of the file). */
  readRange(path: string, offset: number, length: number): Promise<Uint8Array>;
}

/** Folders that never hold release material. */
export const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '__pycache__', '.venv', '.tox']);

/** A reader over an in-memory map of path → contents, for tests and for callers that already hold the files. */
export function createMemoryReader(files: Record<string, string | Uint8Array>, root = '<memory>'): RepoReader {
  const encoder = new TextEncoder();
  const bytes = new Map(Object.entries(files).map(([p, c]) => [p, typeof c === 'string' ? encoder.encode(c) : c]));
  return {
    root,
    async list(limits = DEFAULT_WALK_LIMITS) {
      const problems: Problem[] = [];
      const entries: FileEntry[] = [];
      for (const [path, data] of [...bytes].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (path.split('/').some((part) => SKIPPED_DIRS.has(part))) continue;
        if (path.split('/').length > limits.maxDepth) { problems.push({ code: 'walk-depth-limit', file: path }); continue; }
        if (entries.length >= limits.maxFiles) { problems.push({ code: 'walk-file-limit', args: { limit: limits.maxFiles } }); break; }
        entries.push({ path, size: data.byteLength });
      }
      return { entries, problems };
    },
    async read(path, maxBytes) {
      const data = bytes.get(path);
      if (!data) throw new Error(`no such file: ${path}`);
      return data.subarray(0, maxBytes);
    },
    async readRange(path, offset, length) {
      const data = bytes.get(path);
      if (!data) throw new Error(`no such file: ${path}`);
      return data.subarray(offset, offset + length);
    },
  };
}
