// The shipped command line: package.json `bin` runs the esbuild bundle through the V8 code cache. The cache holds
// code only (never a verdict), is keyed by osai, bundle and Node, and a missing, unwritable, corrupt or stale cache
// costs a compile, never a wrong or failed run. Speed itself is measured by `npm run bench`, not asserted here.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CLI, fixture, ROOT } from './helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'osai-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: { osai: string } };

function run(args: string[], env: Record<string, string | undefined>) {
  const full: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', ...env })) if (v !== undefined) full[k] = v;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: full });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh cache home: XDG_CACHE_HOME set to it, HOME too (so ~/.cache is never the developer's). */
function home(name: string): { dir: string; env: Record<string, string> } {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return { dir, env: { XDG_CACHE_HOME: dir, HOME: dir } };
}

const cacheFiles = (dir: string) => (existsSync(join(dir, 'osai')) ? readdirSync(join(dir, 'osai')) : []);
const args = ['check', fixture('apache-weights-full-release'), '--format', 'json'];
// The report without the run's own timing-free but path-bearing fields is the same in every run.
const uncached = run(args, { OSAI_NO_CODE_CACHE: '1', XDG_CACHE_HOME: join(work, 'never-used') });

describe('the bin', () => {
  test('package.json bin is the loader the build writes, beside the bundle it runs', () => {
    expect(pkg.bin.osai).toBe('dist/cli.cjs');
    expect(existsSync(join(ROOT, 'dist', 'cli-bundle.cjs'))).toBe(true);
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
  });

  test('dist/cli.js, the ES module entry, is the same command', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, OSAI_NO_CODE_CACHE: '1' } });
    expect(r.status).toBe(uncached.code);
    expect(r.stdout).toBe(uncached.stdout);
  });

  test('OSAI_NO_CODE_CACHE=1 writes nothing', () => {
    expect(uncached.code).toBe(0);
    expect(uncached.stderr).toBe('');
    expect(existsSync(join(work, 'never-used'))).toBe(false);
  });
});

describe('the code cache', () => {
  test('the first run writes one cache file named by osai version, bundle, Node and arch; later runs read it', () => {
    const h = home('fresh');
    const first = run(args, h.env);
    const files = cacheFiles(h.dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^cli-${pkg.version.replace(/\./g, '\\.')}-[0-9a-f]{16}-node${process.versions.node.replace(/\./g, '\\.')}-${process.arch}\\.v8$`));
    const written = statSync(join(h.dir, 'osai', files[0]!)).mtimeMs;
    const second = run(args, h.env);
    expect([first.code, first.stdout, first.stderr]).toEqual([uncached.code, uncached.stdout, '']);
    expect([second.code, second.stdout, second.stderr]).toEqual([uncached.code, uncached.stdout, '']);
    // An accepted cache is not rewritten.
    expect(statSync(join(h.dir, 'osai', files[0]!)).mtimeMs).toBe(written);
  });

  test('it caches code, not verdicts: the same cache, a changed repository, a new verdict', () => {
    const h = home('verdicts');
    const repo = join(work, 'repo');
    cpSync(fixture('mit-weights-only'), repo, { recursive: true });
    const before = run(['check', repo, '--format', 'json', '--profile', 'open-weights'], h.env);
    expect(before.code).toBe(0);
    writeFileSync(join(repo, 'README.md'), '---\nlicense: cc-by-nc-4.0\n---\n# A model\n');
    const after = run(['check', repo, '--format', 'json', '--profile', 'open-weights'], h.env);
    expect(cacheFiles(h.dir)).toHaveLength(1);
    expect(after.code).toBe(1);
    expect(JSON.parse(after.stdout).profile.verdict).toBe('fail');
  });

  // V8 checks only a header of cached data: a byte flipped in the body crashed Node (or could run other code) until the
  // loader checked the data itself (the file holds it twice; both copies must be the same).
  test('a corrupt, truncated or bit-flipped cache is never used, the run is the same, and the cache is rewritten', () => {
    for (const damage of ['garbage', 'truncated', 'flipped', 'one bit'] as const) {
      const h = home(`damaged-${damage.replace(' ', '-')}`);
      run(args, h.env);
      const [name] = cacheFiles(h.dir);
      const file = join(h.dir, 'osai', name!);
      const good = readFileSync(file);
      const damaged = damage === 'garbage' ? Buffer.alloc(good.length, 0x5a)
        : damage === 'truncated' ? good.subarray(0, good.length >> 1)
          : damage === 'flipped' ? Buffer.concat([good.subarray(0, good.length >> 1), Buffer.from([0xff, 0xff, 0xff, 0xff]), good.subarray((good.length >> 1) + 4)])
            : Buffer.concat([good.subarray(0, good.length - 100), Buffer.from([good[good.length - 100]! ^ 1]), good.subarray(good.length - 99)]);
      writeFileSync(file, damaged);
      const r = run(args, h.env);
      expect([r.code, r.stdout, r.stderr], damage).toEqual([uncached.code, uncached.stdout, '']);
      // Rewritten: a cache again (the same code, about the same size), no longer the damaged bytes.
      const rewritten = readFileSync(file);
      expect(rewritten.equals(damaged), damage).toBe(false);
      expect(Math.abs(rewritten.length - good.length), damage).toBeLessThan(good.length / 10);
    }
  });

  test('a run that uses code the cache lacks (a near-miss license, another format) rewrites it once to hold that code', () => {
    const h = home('code-paths');
    const repo = join(work, 'near-miss');
    mkdirSync(repo);
    writeFileSync(join(repo, 'README.md'), '---\nlicense: apache-2.0\n---\n# A model\n');
    writeFileSync(join(repo, 'LICENSE'), readFileSync(join(ROOT, 'LICENSE'), 'utf8').replace('Grant of Copyright License.', 'Grant of Copyright License to you.'));
    const paths = () => {
      const file = readFileSync(join(h.dir, 'osai', cacheFiles(h.dir)[0]!));
      return JSON.parse(file.toString('utf8', 4, 4 + file.readUInt32LE(0))) as string[];
    };
    run(args, h.env);
    expect(paths()).toEqual(['check:json']);
    const first = run(['check', repo, '--format', 'json'], h.env);
    expect(paths()).toEqual(['check:json', 'license-near-miss']);
    const written = statSync(join(h.dir, 'osai', cacheFiles(h.dir)[0]!)).mtimeMs;
    const again = run(['check', repo, '--format', 'json'], h.env);
    expect(again.stdout).toBe(first.stdout);
    expect(statSync(join(h.dir, 'osai', cacheFiles(h.dir)[0]!)).mtimeMs).toBe(written);
    run(['check', repo], h.env);
    expect(paths()).toEqual(['check:json', 'check:text', 'license-near-miss']);
  });

  // Cached code is code osai runs: in a folder others may write (a shared XDG_CACHE_HOME such as /tmp), a planted
  // file must not be run. The planted one here is damaged inside V8's data, which V8 would crash on unchecked.
  test.skipIf(process.platform === 'win32')('a cache folder or file that others may write is neither read nor written', () => {
    const good = home('good-source');
    run(args, good.env);
    const [name] = cacheFiles(good.dir);
    const planted = Buffer.from(readFileSync(join(good.dir, 'osai', name!)));
    for (let i = planted.length >> 2; i < (planted.length >> 2) + 64; i++) planted[i] = 0xff;
    for (const [label, folderMode, fileMode] of [['shared folder', 0o777, 0o600], ['shared file', 0o700, 0o666]] as const) {
      const h = home(label.replace(' ', '-'));
      mkdirSync(join(h.dir, 'osai'));
      chmodSync(join(h.dir, 'osai'), folderMode);
      writeFileSync(join(h.dir, 'osai', name!), planted);
      chmodSync(join(h.dir, 'osai', name!), fileMode);
      const r = run(args, h.env);
      expect([r.code, r.stdout, r.stderr], label).toEqual([uncached.code, uncached.stdout, '']);
      if (folderMode === 0o777) expect(readFileSync(join(h.dir, 'osai', name!)).equals(planted), label).toBe(true);
    }
  });

  test('a cache folder that cannot be created (its parent is a file) is simply not used', () => {
    const parent = join(work, 'a-file');
    writeFileSync(parent, 'not a folder');
    const r = run(args, { XDG_CACHE_HOME: parent, HOME: parent });
    expect([r.code, r.stdout, r.stderr]).toEqual([uncached.code, uncached.stdout, '']);
  });

  test.skipIf(process.getuid?.() === 0)('a read-only cache folder is simply not used (skipped as root, who can write anyway)', () => {
    const h = home('read-only');
    chmodSync(h.dir, 0o500);
    try {
      const r = run(args, h.env);
      expect([r.code, r.stdout, r.stderr]).toEqual([uncached.code, uncached.stdout, '']);
      expect(cacheFiles(h.dir)).toEqual([]);
    } finally {
      chmodSync(h.dir, 0o700);
    }
  });

  test('a relative XDG_CACHE_HOME is ignored (the XDG rule): the cache goes under HOME', () => {
    const h = home('relative');
    const r = run(args, { XDG_CACHE_HOME: 'relative/cache', HOME: h.dir });
    expect(r.code).toBe(uncached.code);
    expect(readdirSync(join(h.dir, '.cache', 'osai'))).toHaveLength(1);
    expect(existsSync(join(ROOT, 'relative'))).toBe(false);
  });

  test('a new build keeps the three newest other builds\' caches for the same Node, and leaves other Nodes\' alone', () => {
    const h = home('stale');
    mkdirSync(join(h.dir, 'osai'));
    const suffix = `-node${process.versions.node}-${process.arch}.v8`;
    // Five older builds, the first the oldest: several installs of osai may take turns, so not every other one goes.
    const stale = [1, 2, 3, 4, 5].map((n) => `cli-0.0.${n}-0123456789abcdef${suffix}`);
    const otherNode = 'cli-0.0.1-0123456789abcdef-node99.0.0-x64.v8';
    stale.forEach((name, n) => {
      writeFileSync(join(h.dir, 'osai', name), 'old');
      utimesSync(join(h.dir, 'osai', name), 1_000_000 + n * 1000, 1_000_000 + n * 1000);
    });
    writeFileSync(join(h.dir, 'osai', otherNode), 'other');
    const r = run(args, h.env);
    expect(r.code).toBe(uncached.code);
    const files = cacheFiles(h.dir);
    expect(files.filter((f) => stale.includes(f)).sort()).toEqual(stale.slice(2));
    expect(files).toContain(otherNode);
    expect(files).toHaveLength(5);
  });

  test('a run that needs a cold module (a config file: zod) loads it from dist/ with the cache on', () => {
    const h = home('cold');
    for (let i = 0; i < 2; i++) {
      const r = run(['check', fixture('policy-ignore'), '--format', 'json'], h.env);
      expect(r.stderr, `run ${i + 1}`).toBe('');
      expect(JSON.parse(r.stdout).profile.id).toBeTypeOf('string');
    }
  });
});

describe('what a check loads', () => {
  // Start-up: each of these built-in modules costs milliseconds of Node's own compiling, and a check of a folder
  // outside a git work tree needs none of them (git needs node:child_process; a Hub target loads its own). Load them
  // inside the function that needs them, and write output with writeStdout (src/terminal.ts), not process.stdout.
  // node:v8 (a flag for V8's own cache checksum) and node:crypto (a SHA-256 of an exact license's words) each pulled
  // in Node's streams: the loader compares the cache's two copies and an exact hit is compared word for word instead.
  const heavy = ['child_process', 'fs/promises', 'net', 'tty', 'readline', 'zlib', 'http', 'https', 'crypto', 'worker_threads', 'dgram', 'v8', 'stream'];
  const apache = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  // SARIF fingerprints are hashes: that formatter alone needs node:crypto (and with it Node's streams).
  test.each<[string, string, string[]]>([
    ['text', 'an exact', []], ['text', 'a near-miss', []], ['json', 'a near-miss', []], ['sarif', 'a near-miss', ['stream', 'crypto']],
  ])('--format %s of a card and %s LICENSE loads only %j of them', (format, license, allowed) => {
    const name = `${format}-${license.replace(/\W/g, '')}`;
    const repo = join(work, `loads-${name}`);
    mkdirSync(repo);
    writeFileSync(join(repo, 'README.md'), '---\nlicense: apache-2.0\n---\n# A model\n');
    writeFileSync(join(repo, 'LICENSE'), license === 'an exact' ? apache : apache.replace('Grant of Copyright License.', 'Grant of Copyright License to you.'));
    const list = join(work, `modules-${name}.txt`);
    const preload = join(work, 'module-list.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(process.env.OSAI_TEST_MODULE_LIST, process.moduleLoadList.join('\\n')));`);
    const h = home(`loads-${name}`);
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, ['-r', preload, CLI, 'check', repo, '--format', format], { encoding: 'utf8', env: { ...process.env, ...h.env, NO_COLOR: '1', OSAI_TEST_MODULE_LIST: list } });
      expect(r.stderr, `run ${i + 1}`).toBe('');
      expect(r.status, `run ${i + 1}`).toBe(1);
    }
    const loaded = readFileSync(list, 'utf8').split('\n').filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
    expect(loaded.filter((m) => heavy.includes(m))).toEqual(allowed);
  });
});

describe('the bundle and the library agree', () => {
  // The bundle is built by esbuild from the same sources, with package data required rather than read through
  // createRequire, two built-ins shimmed and zod's modules loaded from dist/: its reports must be the library's.
  const names = ['apache-weights-full-release', 'llama-3-weights', 'license-file-utf16', 'gguf-header-llama-3-card-apache',
    'policy-ignore', 'card-license-name-with-rider', 'clarify-matching', 'license-mit-with-added-terms', 'osi-olmo-like-passes'];
  test.each(names)('%s', async (name) => {
    const { check } = await import('../src/run.js');
    const { formatReport } = await import('../src/format/index.js');
    const path = fixture(name);
    const r = run(['check', path, '--format', 'json'], home('agree').env);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { tool: unknown };
    const expected = JSON.parse(await formatReport(await check(path), 'json', { color: false, root: '' })) as { tool: unknown };
    expect(report).toEqual(expected);
  });
});
