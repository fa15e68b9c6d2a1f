// Which files are the release: in a git work tree, the files git tracks (a fresh clone holds exactly those).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { classifyPath } from '../discover/classify.js';
import type { Problem } from '../model.js';
import type { Listing, RepoReader } from './reader.js';

export type ReleaseSelection =
  /** Not in a work tree, or `--all-files`: every file the walk lists. */
  | { kind: 'all' }
  /** The files `git ls-files` names, relative to the target. */
  | { kind: 'git'; tracked: ReadonlySet<string> }
  /** git is absent: the walk minus what the .gitignore files from the work tree's root down ignore. */
  | { kind: 'gitignore'; ignored: (path: string) => boolean };

const RELEASE_ROLES = new Set(['license', 'model-card', 'weights']);
const MAX_LIST_BYTES = 64 * 1024 * 1024;
const MAX_GITIGNORE_BYTES = 256 * 1024;

/** The work tree that holds `dir`: the nearest folder upward with a `.git` (a folder, or a file in a linked worktree). */
function workTreeOf(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/**
 * `git ls-files -z` in the target, run without a shell. The repository's own config must not run anything: an
 * fsmonitor hook in .git/config would be a command chosen by whoever wrote the repo, so it is switched off.
 */
async function gitLsFiles(root: string, git: string): Promise<Set<string> | 'absent' | 'failed'> {
  // Loaded here, not at start-up: node:child_process (with net and dgram) costs ~4 ms, and only a work tree needs it.
  const { execFile } = await import('node:child_process');
  return new Promise((done) => {
    execFile(git, ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', 'ls-files', '-z', '--cached'],
      { cwd: root, maxBuffer: MAX_LIST_BYTES, timeout: 30_000, windowsHide: true, encoding: 'buffer', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout) => {
        if (error) return done((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'failed');
        done(new Set(stdout.toString('utf8').split('\0').filter((p) => p !== '')));
      });
  });
}

/** Decides which files are the release for the folder `root`. `git` is the command to run (tests pass a missing one). */
export async function selectReleaseFiles(root: string, { allFiles = false, git = 'git' }: { allFiles?: boolean; git?: string } = {}): Promise<ReleaseSelection> {
  if (allFiles) return { kind: 'all' };
  const top = workTreeOf(root);
  if (!top) return { kind: 'all' };
  const tracked = await gitLsFiles(root, git);
  // A folder git tracks nothing of (a download inside an ignored folder) is not this work tree's release: judge it whole.
  if (tracked instanceof Set) return tracked.size > 0 ? { kind: 'git', tracked } : { kind: 'all' };
  // No git to ask (or it refused the repo, e.g. another user's): honour .gitignore as git would.
  return { kind: 'gitignore', ignored: await gitignoreMatcher(top, resolve(root)) };
}

/** A matcher over the .gitignore files from the work tree's root down to each path's folder. */
async function gitignoreMatcher(top: string, root: string): Promise<(path: string) => boolean> {
  const { default: ignore } = await import('ignore');
  const cache = new Map<string, ReturnType<typeof ignore> | null>();
  const rulesOf = (dir: string) => {
    if (!cache.has(dir)) {
      const file = join(dir, '.gitignore');
      let text: string | undefined;
      try { text = existsSync(file) ? readFileSync(file).subarray(0, MAX_GITIGNORE_BYTES).toString('utf8') : undefined; } catch { text = undefined; }
      cache.set(dir, text === undefined ? null : ignore().add(text));
    }
    return cache.get(dir)!;
  };
  return (path: string) => {
    const full = join(root, ...path.split('/'));
    // Each folder from the top down to the file's own: its rules apply to the part of the path below it.
    const parts = relative(top, full).split(sep);
    for (let depth = 0; depth < parts.length; depth++) {
      const rules = rulesOf(join(top, ...parts.slice(0, depth)));
      if (!rules) continue;
      const below = parts.slice(depth);
      for (let n = 1; n <= below.length; n++) {
        const candidate = below.slice(0, n).join('/') + (n < below.length ? '/' : '');
        if (rules.ignores(candidate)) return true;
      }
    }
    return false;
  };
}

/** The reader with its listing cut to the release; what was left out is one note, so the report can say so. */
export function releaseReader(reader: RepoReader, selection: ReleaseSelection): RepoReader {
  if (selection.kind === 'all') return reader;
  const keep = selection.kind === 'git' ? (p: string) => selection.tracked.has(p) : (p: string) => !selection.ignored(p);
  return {
    ...reader,
    async list(limits) {
      const listing: Listing = await reader.list(limits);
      const entries = listing.entries.filter((e) => keep(e.path));
      const left = listing.entries.filter((e) => !keep(e.path));
      const by = selection.kind === 'git' ? 'git ls-files' : '.gitignore';
      const problems: Problem[] = left.length > 0 ? [{ code: 'files-not-in-release', args: { count: left.length, by } }] : [];
      // A license, card or weights file left out is shown: a .git the checker did not make could hide the binding terms.
      for (const e of left.filter((f) => RELEASE_ROLES.has(classifyPath(f.path).role)).slice(0, 20)) {
        problems.push({ code: 'release-file-untracked', file: e.path, args: { role: classifyPath(e.path).role, by } });
      }
      return { entries, problems: [...listing.problems.filter((p) => !p.file || keep(p.file)), ...problems] };
    },
  };
}
