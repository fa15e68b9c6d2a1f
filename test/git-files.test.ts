// What git tracks is the release: a repo with ignored files gives the same verdict locally and on a fresh clone.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFsRepo } from '../src/read/fs-reader.js';
import { releaseReader, selectReleaseFiles } from '../src/read/git-files.js';
import { check, checkReader } from '../src/run.js';
import { fixture } from './helpers/run-cli.js';

const hasGit = (() => { try { execFileSync('git', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });

let dir = '';
let repo = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'osai-git-'));
  repo = join(dir, 'repo');
  // The fixture's `gitignore` becomes `.gitignore` here: a nested .git (and its ignores) cannot be committed to osai.
  cpSync(fixture('git-ignored-weights'), repo, { recursive: true });
  renameSync(join(repo, 'gitignore'), join(repo, '.gitignore'));
  if (!hasGit) return;
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'release');
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe.skipIf(!hasGit)('git ls-files decides the release (skipped: git is not installed)', () => {
  test('ignored weights and an ignored LICENSE are not judged; --all-files judges them', async () => {
    const tracked = await check(repo, { profile: 'open-weights' });
    expect(tracked.profile.verdict).toBe('pass');
    expect(tracked.findings.map((f) => f.code)).not.toContain('weights-header-invalid');
    // What was left out is named when it could hold the terms: a .git the checker did not make could hide them.
    expect(tracked.findings.filter((f) => f.code === 'release-file-untracked').map((f) => [f.file, f.severity])).toEqual([
      ['local-Q4.gguf', 'warning'], ['scratch/LICENSE', 'warning'],
    ]);
    const all = await check(repo, { profile: 'open-weights', allFiles: true });
    expect(all.profile.verdict).not.toBe('pass');
    expect(all.findings.map((f) => f.file)).toEqual(expect.arrayContaining(['local-Q4.gguf', 'scratch/LICENSE']));
  });

  test('a fresh clone gives the same verdict and the same components', async () => {
    const clone = join(dir, 'clone');
    execFileSync('git', ['clone', '-q', repo, clone], { stdio: 'ignore' });
    const [local, fresh] = [await check(repo), await check(clone)];
    // Only the notes and warnings about what the local folder holds beyond the release may differ.
    expect(fresh.profiles.map((p) => [p.id, p.verdict])).toEqual(local.profiles.map((p) => [p.id, p.verdict]));
    expect(fresh.components).toEqual(local.components);
    expect(fresh.licenses).toEqual(local.licenses);
  });

  test('a folder git tracks nothing of is judged whole', async () => {
    const selection = await selectReleaseFiles(join(repo, 'scratch'));
    expect(selection.kind).toBe('all');
  });
});

describe('without git, .gitignore decides', () => {
  test('the fallback walk leaves out what .gitignore ignores', async () => {
    const selection = await selectReleaseFiles(repo, { git: join(dir, 'no-such-git') });
    expect(selection.kind).toBe('gitignore');
    const reader = releaseReader(await openFsRepo(repo), selection);
    const paths = (await reader.list()).entries.map((e) => e.path);
    expect(paths).toEqual(['.gitignore', 'LICENSE', 'README.md', 'config.json', 'model.safetensors']);
    expect((await checkReader(reader, { profile: 'open-weights' })).profile.verdict).toBe('pass');
  });
});
