// Hostile and broken repositories: osai never crashes, never hangs, and never turns unreadable input into a pass.
// Large, binary and special files are made here in temp folders, not committed. No timed assertions: speed is
// measured by bench/hostile.mjs; a hang shows up as vitest's timeout.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { readFrontMatter } from '../src/read/front-matter.js';
import { createFsReader } from '../src/read/fs-reader.js';
import { MAX_COMMENT_FILES, MAX_CONFIGS, MAX_PROSE_DOCS, MAX_TEXT_BYTES, MAX_TOTAL_TEXT_BYTES } from '../src/read/read-documents.js';
import { commentSyntax } from '../src/read/comments.js';
import { createMemoryReader } from '../src/read/reader.js';
import { check, checkReader } from '../src/run.js';
import { codes, countingReader, expectNoPass, expectValidReport, passingFiles, readerFailingOn, tempRepo } from './helpers/hostile-repo.js';
import { runCli } from './helpers/run-cli.js';

const require = createRequire(import.meta.url);
const MIT: string = require('spdx-license-list/licenses/MIT.json').licenseText;
const APACHE: string = require('spdx-license-list/licenses/Apache-2.0.json').licenseText;
const GB = 1024 ** 3;
const isRoot = process.getuid?.() === 0;
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

/** A sparse file: `prefix`, then zeros up to `size`, written instantly and taking no disk space. */
function sparse(path: string, prefix: Uint8Array, size: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, prefix);
  closeSync(fd);
  truncateSync(path, size);
}

function safetensorsPrefix(): Buffer {
  const header = Buffer.from(JSON.stringify({ __metadata__: { format: 'pt' }, w: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([length, header]);
}

function ggufPrefix(): Buffer {
  const b = Buffer.alloc(24);
  b.write('GGUF', 0, 'latin1');
  b.writeUInt32LE(3, 4);
  b.writeBigUInt64LE(1n, 8);
  b.writeBigUInt64LE(0n, 16);
  return b;
}

describe('bounded work', () => {
  test('a 6 GiB sparse weights file is never read past its head, end to end through check()', async () => {
    const dir = tempRepo();
    sparse(join(dir, 'model.safetensors'), safetensorsPrefix(), 6 * GB);
    sparse(join(dir, 'model-q4.gguf'), ggufPrefix(), 6 * GB);
    const before = process.memoryUsage().rss;
    expectValidReport(await check(dir));
    // Reading the whole file would allocate gigabytes (or throw past Buffer's limit).
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 ** 2);
    const { reader, bytes } = countingReader(createFsReader(dir));
    expectValidReport(await checkReader(reader));
    expect(bytes()).toBeLessThan(8 * 1024 ** 2);
  });

  test('a license text over the cap is read up to the cap and reported', async () => {
    const dir = tempRepo({ LICENSE: APACHE + '\n'.repeat(MAX_TEXT_BYTES) });
    const { reader, bytes } = countingReader(createFsReader(dir));
    const report = await checkReader(reader);
    expect(codes(report)).toContain('file-too-large');
    expect(bytes()).toBeLessThan(3 * MAX_TEXT_BYTES);
  });

  test('a 4 GiB sparse LICENSE (zeros) is binary, read only up to the cap, and fails', async () => {
    const dir = tempRepo();
    sparse(join(dir, 'LICENSE'), new Uint8Array(0), 4 * GB);
    const report = await check(dir);
    expect(codes(report)).toContain('license-file-binary');
    expectNoPass(report);
  });

  test('a total read budget: 80 license files of 1 MiB are not all read, and the profile fails', async () => {
    const mib = new TextEncoder().encode(`${APACHE}\n${' '.repeat(MAX_TEXT_BYTES - APACHE.length - 1)}`);
    const files: Record<string, Uint8Array> = { ...passingFiles() };
    for (let i = 0; i < 80; i++) files[`LICENSE-${String(i).padStart(2, '0')}`] = mib;
    const { reader, bytes } = countingReader(createMemoryReader(files));
    const report = await checkReader(reader);
    expect(codes(report)).toContain('read-budget-exceeded');
    expect(bytes()).toBeLessThanOrEqual(MAX_TOTAL_TEXT_BYTES + 64 * 1024);
    expectNoPass(report);
  });

  // A config states terms ("license": "cc-by-nc-4.0"); one past the read bound was skipped in silence before.
  test.each([
    // With the passing repo's own config.json: MAX_CONFIGS files in all, then one more.
    ['at the bound: every config is read, the restriction found', MAX_CONFIGS - 1, false],
    ['past the bound: the unread configs are metadata-file-limit, never a pass', MAX_CONFIGS, true],
  ])('config files %s', async (_name, count, limited) => {
    const files: Record<string, Uint8Array | string> = { ...passingFiles() };
    const config = (license?: string) => JSON.stringify({ architectures: ['TinyForCausalLM'], model_type: 'tiny', ...(license ? { license } : {}) });
    // Sorted after the passing repo's own config.json, the last variant is the one past the bound.
    for (let i = 1; i < count; i++) files[`variants/v${String(i).padStart(3, '0')}/config.json`] = config();
    files[`variants/v${String(count).padStart(3, '0')}/config.json`] = config('cc-by-nc-4.0');
    const report = await checkReader(createMemoryReader(files));
    expect(codes(report).has('metadata-file-limit')).toBe(limited);
    expectNoPass(report);
  });

  // A docs page states terms; one past the read bound is prose-doc-limit (unknown), never silence.
  test.each([
    ['at the bound: every page is read, the restriction found', MAX_PROSE_DOCS, false],
    ['past the bound: the unread pages are prose-doc-limit, never a pass', MAX_PROSE_DOCS + 1, true],
  ])('docs pages %s', async (_name, count, limited) => {
    const files: Record<string, Uint8Array | string> = { ...passingFiles() };
    for (let i = 1; i < count; i++) files[`docs/p${String(i).padStart(3, '0')}.md`] = `# Page ${i}\n\nHow to run the model, part ${i}.\n`;
    files[`docs/p${String(count).padStart(3, '0')}.md`] = '# Last page\n\nThe weights are for academic use only.\n';
    const report = await checkReader(createMemoryReader(files));
    expect(codes(report).has('prose-doc-limit')).toBe(limited);
    expect(codes(report).has('license-terms-added')).toBe(!limited);
    expectNoPass(report);
  });

  // Source files' comments state terms; one past the read bound is comment-file-limit (unknown), never silence.
  test.each([
    ['at the bound: every file is read, the restriction found', MAX_COMMENT_FILES, false],
    ['past the bound: the unread files are comment-file-limit, never a pass', MAX_COMMENT_FILES + 1, true],
  ])('source files %s', async (_name, count, limited) => {
    const files: Record<string, Uint8Array | string> = { ...passingFiles() };
    const own = Object.keys(files).filter((f) => commentSyntax(f)).length;
    for (let i = 1; i < count - own; i++) files[`zz/m${String(i).padStart(4, '0')}.py`] = `# Part ${i} of the model.\nX = ${i}\n`;
    files[`zz/m${String(count - own).padStart(4, '0')}.py`] = '# The weights are for academic use only.\nX = 0\n';
    const report = await checkReader(createMemoryReader(files));
    expect(codes(report).has('comment-file-limit')).toBe(limited);
    expect(codes(report).has('license-terms-added')).toBe(!limited);
    expectNoPass(report);
  });

  test('the file-count cap: reached, reported, and the listing stops', async () => {
    const dir = tempRepo();
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `extra-${i}.txt`), 'x');
    const listing = await createFsReader(dir).list({ maxFiles: 10, maxDepth: 16 });
    expect(listing.entries.length).toBeLessThanOrEqual(10);
    expect(listing.problems.map((p) => p.code)).toContain('walk-file-limit');
  });

  test('the file-count cap counts folders too: 30 empty folders with maxFiles 10', async () => {
    const dir = tempRepo({}, null);
    for (let i = 0; i < 30; i++) mkdirSync(join(dir, `d${i}`));
    const listing = await createFsReader(dir).list({ maxFiles: 10, maxDepth: 16 });
    expect(listing.problems.map((p) => p.code)).toContain('walk-file-limit');
  });

  test('the default file-count cap (20,000) fails the profile end to end', async () => {
    const dir = tempRepo();
    mkdirSync(join(dir, 'bulk'));
    for (let i = 0; i < 20_010; i++) writeFileSync(join(dir, 'bulk', `${i}.dat`), '');
    const report = await check(dir);
    expect(codes(report)).toContain('walk-file-limit');
    expectNoPass(report);
  });

  test('the depth cap: a file 20 folders down is reported, not examined', async () => {
    const deep = Array.from({ length: 20 }, (_, i) => `d${i}`).join('/');
    const dir = tempRepo({ [`${deep}/LICENSE`]: MIT });
    const report = await check(dir);
    expect(codes(report)).toContain('walk-depth-limit');
    expect(report.licenses.some((l) => l.source.file.startsWith('d0/'))).toBe(false);
    const shallow = await createFsReader(dir).list({ maxFiles: 1000, maxDepth: 3 });
    expect(shallow.problems).toContainEqual({ code: 'walk-depth-limit', file: 'd0/d1/d2' });
  });
});

describe('YAML in the front matter', () => {
  const card = (yaml: string) => `---\n${yaml}\n---\n# Model\n`;

  test.each([
    ['billion laughs', ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`), 'license: apache-2.0'].join('\n')],
    ['deep nesting', `license: apache-2.0\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['deep block nesting', `license: apache-2.0\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} v`],
    ['duplicate keys', 'license: apache-2.0\nlicense: llama3'],
    ['a python tag', 'license: !!python/object/apply:os.system ["echo hi"]'],
    ['an unknown tag', 'license: !custom apache-2.0'],
  ])('%s is invalid front matter, never a crash', (_name, yaml) => {
    const fm = readFrontMatter(card(yaml));
    if (fm.kind === 'ok') {
      // Deep block nesting is valid YAML; it must still be plain data.
      expect(_name).toBe('deep block nesting');
      return;
    }
    expect(fm.kind).toBe('invalid');
  });

  test('a merge key is a plain key: it does not pull a license in', () => {
    const fm = readFrontMatter(card('base: &b {license: apache-2.0}\n<<: *b'));
    expect(fm.kind).toBe('ok');
    if (fm.kind !== 'ok') return;
    expect(fm.metadata['license']).toBeUndefined();
  });

  test('__proto__ and constructor keys stay data, top level and nested', () => {
    const fm = readFrontMatter(card('__proto__: {license: apache-2.0}\nconstructor: {license: mit}\ndatasets: [{__proto__: {polluted: 1}}]\nx: {y: {__proto__: {polluted: 1}}}'));
    expect(fm.kind).toBe('ok');
    if (fm.kind !== 'ok') return;
    expect(Object.getPrototypeOf(fm.metadata)).toBe(null);
    expect(fm.metadata['license']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['license']).toBeUndefined();
  });

  test('a card whose license hides behind __proto__ does not pass', async () => {
    const report = await check(tempRepo({ 'README.md': `${card('__proto__: {license: apache-2.0}')}\n`, LICENSE: '' }));
    expectValidReport(report);
    expectNoPass(report);
    expect(({} as Record<string, unknown>)['license']).toBeUndefined();
  });

  test.each([
    ['a list', 'license: [apache-2.0, {x: 1}, [mit]]'], ['a mapping', 'license: {id: apache-2.0}'], ['a number', 'license: 2.0'],
    ['null', 'license: null'], ['a boolean', 'license: true'], ['an empty string', 'license: ""'], ['a huge string', `license: ${'a'.repeat(200_000)}`],
    ['a date', 'license: 2024-01-01'], ['a binary', 'license: !!binary aGVsbG8='], ['an expression of 5,000 ids', `license: ${Array(5000).fill('MIT').join(' AND ')}`],
    ['deeply bracketed', `license: "${'('.repeat(5000)}MIT${')'.repeat(5000)}"`],
  ])('license as %s: a valid report', async (_name, yaml) => {
    const report = await check(tempRepo({ 'README.md': card(yaml), LICENSE: '' }));
    expectValidReport(report);
    expectNoPass(report);
  });

  test('a billion-laughs card end to end is a finding, not a crash', async () => {
    const laughs = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)];
    const report = await check(tempRepo({ 'README.md': card(`license: apache-2.0\n${laughs.join('\n')}`) }));
    expect(codes(report)).toContain('front-matter-invalid');
    expectNoPass(report);
  });
});

describe('YAML and JSON in the config', () => {
  test.each([
    ['billion laughs', ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n')],
    ['deep nesting', `profile: ${'['.repeat(50_000)}`],
    ['duplicate keys', 'profile: open-weights\nprofile: osaid-1.0'],
    ['a python tag', 'profile: !!python/object/apply:os.system ["echo hi"]'],
    ['an unknown tag', 'profile: !custom open-weights'],
    ['a merge key', 'base: &b {profile: open-weights}\n<<: *b'],
    ['__proto__', '__proto__: {profile: open-weights}'],
    ['constructor', 'constructor: {profile: open-weights}'],
    ['nested __proto__', 'components:\n  - {id: training-code, location: x, __proto__: {license: MIT}}'],
  ])('%s in .osai.yml exits 2 with one line naming the file', (_name, yaml) => {
    const dir = tempRepo({ '.osai.yml': yaml });
    const { code, stdout, stderr } = runCli(['check', dir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/\.osai\.yml/);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(({} as Record<string, unknown>)['profile']).toBeUndefined();
  });

  test('package.json: an inherited or __proto__ osai key does nothing; a nested __proto__ is refused', async () => {
    const inherited = tempRepo({ 'package.json': '{"__proto__": {"osai": {"profile": "open-weights"}}}' });
    const report = await check(inherited);
    expect(report.profile.id).toBe('osaid-1.0');
    const nested = tempRepo({ 'package.json': '{"osai": {"__proto__": {"profile": "open-weights"}}}' });
    const result = await check(nested).then((r) => r.profile.id, (e: Error) => e.name);
    expect(['osaid-1.0', 'InputError']).toContain(result);
    expect(({} as Record<string, unknown>)['profile']).toBeUndefined();
    expect(({} as Record<string, unknown>)['osai']).toBeUndefined();
  });

  test('a .osai.yml that is a folder, a FIFO or too large exits 2 with one line', () => {
    const folder = tempRepo();
    mkdirSync(join(folder, '.osai.yml'));
    const large = tempRepo({ '.osai.yml': `# ${'x'.repeat(300 * 1024)}\nprofile: osaid-1.0\n` });
    const cases = [folder, large];
    const viaFlag = runCli(['check', tempRepo(), '--config', folder]);
    expect(viaFlag.code).toBe(2);
    expect(viaFlag.stderr).not.toMatch(/internal error|\n\s+at /);
    if (hasMkfifo) {
      const fifo = tempRepo();
      spawnSync('mkfifo', [join(fifo, '.osai.yml')]);
      cases.push(fifo);
    }
    for (const dir of cases) {
      const { code, stderr } = runCli(['check', dir]);
      expect(code, dir).toBe(2);
      expect(stderr).toMatch(/^osai: .*\.osai\.yml/);
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  test('a broken package.json exits 2 naming it', () => {
    const { code, stderr } = runCli(['check', tempRepo({ 'package.json': '{"osai": ' })]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/package\.json: invalid JSON/);
  });
});

describe('file system', () => {
  test('a LICENSE linked out of the root is not followed, is reported, and fails the profile', async () => {
    const outside = tempRepo({ LICENSE: MIT }, null);
    const dir = tempRepo();
    const lic = join(dir, 'LICENSE');
    writeFileSync(lic, ''); // replaced by the link below
    spawnSync('rm', [lic]);
    symlinkSync(join(outside, 'LICENSE'), lic);
    symlinkSync('/etc/passwd', join(dir, 'NOTICE'));
    const report = await check(dir);
    expect(codes(report)).toContain('link-outside');
    expect(report.findings.filter((f) => f.code === 'release-file-skipped').map((f) => f.file).sort()).toEqual(['LICENSE', 'NOTICE']);
    expect(report.licenses.some((l) => l.source.file === 'LICENSE')).toBe(false);
    expectNoPass(report);
  });

  test('link loops and links to folders are reported, never walked', async () => {
    const dir = tempRepo();
    symlinkSync('.', join(dir, 'here'));
    symlinkSync('..', join(dir, 'up'));
    symlinkSync('self', join(dir, 'self'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('../sub', join(dir, 'sub', 'again'));
    mkdirSync(join(dir, 'docs'));
    symlinkSync('docs', join(dir, 'docs-link'));
    symlinkSync('missing', join(dir, 'dangling'));
    const report = await check(dir);
    const found = (code: string) => report.findings.filter((f) => f.code === code).map((f) => f.file).sort();
    expect(found('link-loop')).toEqual(['here', 'self', 'sub/again']);
    expect(found('link-outside')).toEqual(['up']);
    expect(found('link-folder')).toEqual(['docs-link']);
    expect(found('link-broken')).toEqual(['dangling']);
    expectValidReport(report);
  });

  test('a link to a file inside the root is read like the file', async () => {
    const dir = tempRepo({ 'legal/apache.txt': APACHE });
    spawnSync('rm', [join(dir, 'LICENSE')]);
    symlinkSync('legal/apache.txt', join(dir, 'LICENSE'));
    const report = await check(dir);
    expect(report.licenses.find((l) => l.source.file === 'LICENSE')?.expression).toBe('Apache-2.0');
  });

  test('an unreadable LICENSE (simulated EACCES) is a finding and no profile passes', async () => {
    const report = await checkReader(readerFailingOn(passingFiles(), ['LICENSE']));
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'file-unreadable', file: 'LICENSE' }));
    expectNoPass(report);
  });

  test('an unreadable weights file (simulated EACCES) is a finding and no profile passes', async () => {
    const report = await checkReader(readerFailingOn(passingFiles(), ['model.safetensors']));
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'file-unreadable', file: 'model.safetensors' }));
    expectNoPass(report);
  });

  test.skipIf(isRoot)('an unreadable LICENSE on disk (chmod 000) is a finding and fails', async () => {
    const dir = tempRepo();
    chmodSync(join(dir, 'LICENSE'), 0o000);
    const report = await check(dir);
    expect(codes(report)).toContain('file-unreadable');
    expectNoPass(report);
  });
  if (isRoot) console.log('hostile.test.ts: running as root, where chmod 000 does not block reads; the on-disk permission case is skipped (the EACCES cases above simulate it in memory)');

  test.skipIf(!hasMkfifo)('a FIFO named LICENSE is skipped with a finding (no hang) and fails the profile', async () => {
    const dir = tempRepo();
    spawnSync('rm', [join(dir, 'LICENSE')]);
    spawnSync('mkfifo', [join(dir, 'LICENSE')]);
    spawnSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync('pipe', join(dir, 'pipe-link'));
    const report = await check(dir);
    const found = report.findings.filter((f) => f.code === 'special-file').map((f) => f.file).sort();
    expect(found).toEqual(['LICENSE', 'pipe', 'pipe-link']);
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'release-file-skipped', file: 'LICENSE' }));
    expectNoPass(report);
  });

  test('reading a FIFO directly is refused instead of blocking', async () => {
    if (!hasMkfifo) return void console.log('mkfifo not available: FIFO read case skipped');
    const dir = tempRepo({}, null);
    spawnSync('mkfifo', [join(dir, 'f')]);
    await expect(createFsReader(dir).read('f', 10)).rejects.toMatchObject({ code: 'ENOTREG' });
    await expect(createFsReader(dir).read('../etc/passwd', 10)).rejects.toMatchObject({ code: 'EOUTSIDE' });
  });

  test('names with a newline or invalid UTF-8 are reported and skipped; a LICENSE so named fails', async () => {
    const dir = tempRepo();
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x4c, 0x49, 0x43, 0x45, 0x4e, 0x53, 0x45, 0xff])]), MIT);
    writeFileSync(join(dir, 'notes\nfake line.md'), 'hello');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/data-`), Buffer.from([0xc3, 0x28]), Buffer.from('.csv')]), 'a,b');
    const report = await check(dir);
    const invalid = report.findings.filter((f) => f.code === 'file-name-invalid').map((f) => f.file).sort();
    expect(invalid).toEqual(['LICENSE\\xff', 'data-\\xc3(.csv', 'notes\\x0afake line.md']);
    for (const f of report.findings) expect(f.file ?? '').not.toMatch(/\n/);
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'release-file-skipped', file: 'LICENSE\\xff' }));
    expectNoPass(report);
  });

  test('LICENSE and license: both read, the duplicate reported', async () => {
    const report = await check(tempRepo({ license: MIT }));
    expect(codes(report)).toContain('case-duplicate');
    expect(report.licenses.map((l) => l.source.file)).toEqual(expect.arrayContaining(['LICENSE', 'license']));
  });

  test('an empty repository fails with card-missing', async () => {
    const empty = tempRepo({}, null);
    const report = await check(empty);
    expect(codes(report)).toContain('card-missing');
    expectNoPass(report);
    mkdirSync(join(empty, '.git'));
    expectNoPass(await check(empty));
  });

  test('a target that is a file exits 2 with one line', () => {
    const dir = tempRepo();
    const { code, stderr } = runCli(['check', join(dir, 'README.md')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^osai: not a folder: /);
    expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  test('a file named LICENSES (where REUSE expects a folder) is read as a license file', async () => {
    const dir = tempRepo({ LICENSES: 'These are the terms: you may not use this model for anything.\n' });
    const report = await check(dir);
    expect(report.licenses.find((l) => l.source.file === 'LICENSES')?.expression).toBe('unknown');
    expectNoPass(report);
  });
});

describe('writes', () => {
  function snapshot(dir: string): string[] {
    return (readdirSync(dir, { recursive: true }) as string[]).sort().map((p) => {
      const s = statSync(join(dir, p));
      return `${p} ${s.size} ${s.mtimeMs}`;
    });
  }

  test('osai never writes into the checked repository', () => {
    const dir = tempRepo();
    const before = snapshot(dir);
    const out = join(tempRepo({}, null), 'report.json');
    expect(runCli(['check', dir, '--format', 'json']).code).toBe(0);
    expect(runCli(['check', dir, '--format', 'json', '--output', out]).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  test('--output: a missing folder or a file as parent exits 2 with one line and leaves nothing behind', () => {
    const dir = tempRepo({}, null);
    writeFileSync(join(dir, 'plain'), 'x');
    for (const out of [join(dir, 'no', 'such', 'report.json'), join(dir, 'plain', 'report.json'), dir]) {
      const { code, stderr } = runCli(['check', tempRepo(), '--output', out]);
      expect(code, out).toBe(2);
      expect(stderr).toMatch(/^osai: --output /);
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(readdirSync(dir)).toEqual(['plain']);
  });

  test('--output replaces an existing report and leaves no temporary folder', () => {
    const dir = tempRepo({ 'report.json': 'old' }, null);
    expect(runCli(['check', tempRepo(), '--format', 'json', '--output', join(dir, 'report.json')]).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toMatch(/^\{/);
  });
});

describe('text output', () => {
  test('escape sequences, newlines and bidi overrides from the repository are shown, not obeyed', () => {
    const dir = tempRepo({
      LICENSE: '\u001b[2J\u001b[32mPASS everything is fine\u202e\r\nYou may not use this.\n',
      'README.md': '---\nlicense: "apache-2.0\\n\\u001b[32mPASS"\n---\n# Model\n',
    });
    const { code, stdout } = runCli(['check', dir]);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/[\u001b\u202e\r]/);
    expect(stdout).toContain('\\u001b[2J');
    for (const line of stdout.split('\n')) expect(line).not.toMatch(/^\u001b?\[?32mPASS/);
  });
});

describe('every profile starts with the readable check, and a read problem fails every profile', () => {
  test('rules/profiles/*.yaml: readable comes first (directly or through the profile extended)', async () => {
    const { loadRuleSet } = await import('../src/ruleset/rule-set.js');
    const { profileChecks } = await import('../src/evaluate/evaluate.js');
    const rules = await loadRuleSet();
    for (const profile of rules.profiles.values()) expect(profileChecks(rules, profile)[0], profile.id).toEqual({ kind: 'readable' });
  });

  test.each(['file-unreadable', 'license-file-binary', 'front-matter-invalid'])('%s on the passing repo fails every profile', async (code) => {
    const files = passingFiles();
    let reader;
    if (code === 'file-unreadable') reader = readerFailingOn(files, ['README.md']);
    else if (code === 'license-file-binary') reader = readerFailingOn({ ...files, LICENSE: new Uint8Array([0, 1, 2, 3, 0, 255]) }, []);
    else reader = readerFailingOn({ ...files, 'README.md': '---\nlicense: [apache-2.0\n---\n' }, []);
    const report = await checkReader(reader);
    expect(codes(report)).toContain(code);
    expectNoPass(report);
  });
});

// Keep the temp folders of this run findable when a case fails.
console.log(`hostile.test.ts: temp repositories under ${tmpdir()}/osai-hostile-*`);
