// hf: targets, tokens, access states, remote resolution, cache and lock, against a local Hub the test starts on 127.0.0.1.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { check, lock } from '../src/run.js';
import { InputError } from '../src/errors.js';
import { RemoteError } from '../src/read/hub-http.js';
import { hubCredentials } from '../src/read/hub-credentials.js';
import { openHubTarget } from '../src/read/hub-reader.js';
import { parseHubSpec } from '../src/read/hub-target.js';
// @ts-expect-error plain JS helper shared with bench/
import { startHubServer } from './helpers/hub-server.mjs';
// @ts-expect-error plain JS helper shared with bench/
import { hubWorld } from './helpers/hub-world.mjs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { CLI, ROOT } from './helpers/run-cli.js';

/** The CLI as a child process, without blocking this process's event loop (the local Hub runs in it). */
function runCliAsync(args: string[], extraEnv: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...extraEnv } });
    let stdout = ''; let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let server: { url: string; env: Record<string, string>; stats: { requests: number; bytes: number; ranges: { path: string; start: number; end: number }[] }; world: ReturnType<typeof hubWorld>; close(): Promise<void> };
let tmp: string;
const env = (extra: Record<string, string> = {}) => ({ ...server.env, OSAI_CACHE_DIR: join(tmp, `cache-${Math.random()}`), HF_HOME: join(tmp, 'no-hf-home'), ...extra });
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

beforeAll(async () => {
  server = await startHubServer(hubWorld());
  tmp = mkdtempSync(join(tmpdir(), 'osai-hub-'));
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('hf: targets', () => {
  test('a public Apache-2.0 model with four 4 GiB shards passes open-weights from headers alone, at its resolved sha', async () => {
    server.stats.requests = 0; server.stats.bytes = 0; server.stats.ranges = [];
    const report = await check('hf:acme/open-sharded', { env: env(), profile: 'open-weights' });
    expect(report.profile.verdict).toBe('pass');
    expect(report.target).toMatchObject({ path: 'hf:acme/open-sharded', revision: 'a'.repeat(40), model: 'acme/open-sharded' });
    expect(Date.parse(report.target.readAt!)).not.toBeNaN();
    // Never the weights: every range into a shard ends inside its header, and the whole run moved well under 1 MB.
    const shardReads = server.stats.ranges.filter((r) => r.path.endsWith('.safetensors'));
    expect(shardReads.length).toBeGreaterThan(0);
    expect(shardReads.every((r) => r.end < 4096)).toBe(true);
    expect(server.stats.bytes).toBeLessThan(1_000_000);
    expect(server.stats.requests).toBeLessThan(30);
  });

  test('the Xet-backed shard is read by range through the redirect like the LFS ones', async () => {
    server.stats.ranges = [];
    await check('hf:acme/open-sharded', { env: env(), profile: 'open-weights' });
    expect(server.stats.ranges.filter((r) => r.path === 'model-00004-of-00004.safetensors').map((r) => r.start)).toEqual([0, 8]);
  });

  test('a server that ignores Range cannot make osai download the weights', async () => {
    server.world.ignoreRange = true;
    server.stats.bytes = 0;
    try {
      const report = await check('hf:acme/open-sharded', { env: env(), profile: 'open-weights' });
      expect(report.profile.verdict).toBe('fail');
      expect(report.findings.some((f) => f.code === 'file-unreadable' && /ignored the byte range/.test(f.message))).toBe(true);
    } finally {
      server.world.ignoreRange = false;
    }
    // The socket may have carried some buffered chunks before the cancel: still far from one 4 GiB shard.
    expect(server.stats.bytes).toBeLessThan(64 * 1024 * 1024);
  });

  test('a Llama fine-tune whose base_model chain ends at Llama 3 fails, naming the chain and each commit', async () => {
    const report = await check('hf:acme/llama-tune', { env: env(), profile: 'open-weights' });
    expect(report.profile.verdict).toBe('fail');
    expect(codes(report)).toContain('license-lineage-conflict');
    const lineage = report.licenses.find((l) => l.source.kind === 'lineage' && /chain/.test(l.raw ?? ''));
    expect(lineage?.raw).toBe(`base model chain acme/llama-instruct@${'c'.repeat(12)} → meta-llama/Meta-Llama-3-8B@${'d'.repeat(12)}`);
    expect(report.sources?.map((s) => [s.kind, s.id, s.revision, s.license])).toEqual([
      ['target', 'acme/llama-tune', 'b'.repeat(40), undefined],
      ['base-model', 'acme/llama-instruct', 'c'.repeat(40), 'Apache-2.0'],
      ['base-model', 'meta-llama/Meta-Llama-3-8B', 'd'.repeat(40), 'LicenseRef-llama-3-community'],
    ]);
  });

  test('a base model no table knows is rated from its Hub card; a cycle in the chain ends where it closes', async () => {
    const report = await check('hf:acme/unlisted-base-tune', { env: env(), profile: 'open-weights' });
    expect(codes(report)).not.toContain('base-model-unknown');
    expect(report.profile.verdict).toBe('pass');
    expect(report.sources?.filter((s) => s.kind === 'base-model').map((s) => s.id)).toEqual(['acme/apache-base', 'acme/cycle-a', 'acme/cycle-b']);
  });

  test('a dataset under CC-BY-NC is read from its dataset card', async () => {
    const report = await check('hf:acme/nc-data-model', { env: env(), profile: 'open-weights' });
    const finding = report.findings.find((f) => f.code === 'dataset-license-restricted');
    expect(finding?.args).toMatchObject({ dataset: 'acme/nc-corpus', license: 'CC-BY-NC-4.0' });
    expect(report.sources?.find((s) => s.kind === 'dataset')).toMatchObject({ id: 'acme/nc-corpus', revision: '7'.repeat(40) });
  });

  test('a GitHub-linked training-code repository under MIT is identified by osai\'s matcher, not left unverified', async () => {
    const report = await check('hf:acme/code-linked', { env: env(), profile: 'osaid-1.0' });
    expect(report.components.find((c) => c.id === 'training-code')).toMatchObject({ status: 'referenced', license: 'MIT' });
    expect(report.findings.filter((f) => f.code === 'license-unverified' && f.component === 'training-code')).toEqual([]);
    expect(report.sources?.find((s) => s.kind === 'code')).toMatchObject({ id: 'acme/train-code', license: 'MIT' });
  });
});

describe('access states', () => {
  test.each([
    ['no token', undefined, 'hub-gated-no-token', 'fail'],
    ['a token that has not accepted', 'hf_stranger', 'hub-gated-not-accepted', 'fail'],
    ['a token that has accepted', 'hf_accepted', undefined, 'pass'],
  ])('a gated model with %s', async (_, token, code, verdict) => {
    const report = await check('hf:acme/gated-auto', { env: env(), profile: 'open-weights', ...(token ? { token } : {}) });
    expect(report.profile.verdict).toBe(verdict);
    for (const c of ['hub-gated-no-token', 'hub-gated-not-accepted']) expect(codes(report).includes(c)).toBe(c === code);
    // The Hub's gate setting reaches the access check even though the card's front matter says nothing.
    expect(codes(report)).toContain('access-gated-auto');
  });

  test('a card that says gated: false cannot open a repository the Hub gates by manual approval', async () => {
    const report = await check('hf:acme/card-says-open', { env: env(), profile: 'open-weights', token: 'hf_accepted' });
    expect(report.profile.verdict).toBe('fail');
    expect(codes(report)).toContain('access-gated-manual');
  });

  test('not found and private are told apart from a gate: 401 anonymous, 404 with a token, both RepoNotFound', async () => {
    await expect(check('hf:acme/nope', { env: env() })).rejects.toThrow(InputError);
    await expect(check('hf:acme/private-model', { env: env(), token: 'hf_stranger' })).rejects.toThrow(/no such repository .* or it is private/);
    const report = await check('hf:acme/private-model', { env: env(), token: 'hf_owner', profile: 'open-weights' });
    expect(report.target.revision).toBe('6'.repeat(40));
  });

  test('an unknown revision is its own error', async () => {
    await expect(check('hf:acme/open-sharded@v9', { env: env() })).rejects.toThrow(/no such revision/);
  });

  test('429 is retried with backoff, then the check goes on', async () => {
    server.world.throttle = 2;
    const handle = await openHubTarget('hf:acme/open-sharded', { env: env() });
    expect(handle.http.stats.retries).toBe(2);
    expect(handle.reader.source?.revision).toBe('a'.repeat(40));
  });

  test('429 that never ends is exit 2, bounded', async () => {
    server.world.throttle = 100;
    try {
      await expect(openHubTarget('hf:acme/open-sharded', { env: env(), maxAttempts: 3 })).rejects.toThrow(RemoteError);
    } finally {
      server.world.throttle = 0;
    }
  });

  test('a network failure is exit 2 with one line, never a verdict', async () => {
    const port = await closedPort();
    const result = await runCliAsync(['check', 'hf:acme/open-sharded'], { HF_ENDPOINT: `http://127.0.0.1:${port}`, HF_HOME: join(tmp, 'none') });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([`osai: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`]);
  });

  test('a missing repository from the command line is exit 2 with the reason', async () => {
    const result = await runCliAsync(['check', 'hf:acme/nope'], { ...server.env, HF_HOME: join(tmp, 'none'), OSAI_CACHE_DIR: join(tmp, 'cli-cache') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/hf:acme\/nope: no such repository/);
  });
});

describe('credentials and specs', () => {
  test.each([
    ['hf:org/name', { repo: 'org/name', revision: 'main' }],
    ['hf:org/name@v1.0', { repo: 'org/name', revision: 'v1.0' }],
    ['hf:org/name@refs/pr/1', { repo: 'org/name', revision: 'refs/pr/1' }],
    ['hf:name-only', { error: expect.stringMatching(/does not name/) }],
    ['hf:org/../x', { error: expect.stringMatching(/does not name/) }],
    ['hf:org/name@a b', { error: expect.stringMatching(/not a revision/) }],
    ['hf:org/name@../main', { error: expect.stringMatching(/not a revision/) }],
  ])('%s', (spec, expected) => expect(parseHubSpec(spec)).toMatchObject(expected));

  test('--token over HF_TOKEN over the login token file; HF_ENDPOINT sets the Hub', () => {
    const home = join(tmp, 'hf-home');
    rmSync(home, { recursive: true, force: true });
    writeFileSync(join(tmp, 'token-file'), 'hf_fromfile\n');
    const base = { HF_TOKEN_PATH: join(tmp, 'token-file'), HF_ENDPOINT: 'http://hub.local/' };
    expect(hubCredentials(undefined, base)).toEqual({ hubUrl: 'http://hub.local', accessToken: 'hf_fromfile', tokenSource: join(tmp, 'token-file') });
    expect(hubCredentials(undefined, { ...base, HF_TOKEN: 'hf_env' }).accessToken).toBe('hf_env');
    expect(hubCredentials('hf_flag', { ...base, HF_TOKEN: 'hf_env' }).tokenSource).toBe('--token');
    expect(hubCredentials(undefined, { HF_HOME: home })).toEqual({ hubUrl: 'https://huggingface.co' });
    expect(() => hubCredentials('ghp_x', {})).toThrow(/not a Hugging Face token/);
  });
});

describe('lock and offline', () => {
  test('osai lock, then --offline checks from the lock and cache alone; a moved source is a finding', async () => {
    const dir = mkdtempSync(join(tmp, 'lock-'));
    writeFileSync(join(dir, '.osai.yml'), 'profile: open-weights\n');
    const config = join(dir, '.osai.yml');
    const cache = join(dir, 'cache');
    const online = { ...env(), OSAI_CACHE_DIR: cache };
    const { report, file } = await lock('hf:acme/llama-tune', { env: online, config });
    expect(file).toBe(join(dir, 'osai.lock.json'));
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.sources.map((s: { source: string; revision: string }) => [s.source, s.revision])).toEqual([
      ['hf:acme/llama-instruct', 'c'.repeat(40)], ['hf:acme/llama-tune', 'b'.repeat(40)], ['hf:meta-llama/Meta-Llama-3-8B', 'd'.repeat(40)],
    ]);
    // Offline, with the Hub pointed at a port nothing listens on: the same verdict from the lock and the cache.
    const offline = await check('hf:acme/llama-tune', { env: { ...online, HF_ENDPOINT: `http://127.0.0.1:${await closedPort()}` }, config, offline: true });
    expect(offline.profile.verdict).toBe(report.profile.verdict);
    expect(codes(offline)).toEqual(codes(report));
    // A cached license text changed after the lock is caught offline, whatever it now says.
    const slot = join(cache, 'hf--acme--llama-tune', 'b'.repeat(40));
    const licenseCopy = readdirSync(slot).map((f) => join(slot, f)).find((f) => readFileSync(f, 'utf8').startsWith('Apache License'))!;
    const original = readFileSync(licenseCopy);
    writeFileSync(licenseCopy, 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n');
    const tampered = await check('hf:acme/llama-tune', { env: online, config, offline: true });
    expect(tampered.findings.find((f) => f.code === 'lock-hash-mismatch')?.args).toMatchObject({ source: 'hf:acme/llama-tune' });
    expect(tampered.profile.verdict).toBe('fail');
    writeFileSync(licenseCopy, original);
    // Offline without a cache: each missing fact says so; the target itself cannot be checked at all.
    await expect(check('hf:acme/llama-tune', { env: { ...online, OSAI_CACHE_DIR: join(dir, 'empty') }, config, offline: true })).rejects.toThrow(/--offline: hf:acme\/llama-tune is not in the cache/);
    // The base moves: the next online check says so.
    server.world.models['acme/llama-instruct'].sha = '9'.repeat(40);
    try {
      const moved = await check('hf:acme/llama-tune', { env: online, config });
      expect(moved.findings.find((f) => f.code === 'lock-source-moved')?.args).toMatchObject({ source: 'hf:acme/llama-instruct', locked: 'c'.repeat(40), current: '9'.repeat(40) });
      expect(moved.profile.verdict).toBe('fail');
    } finally {
      server.world.models['acme/llama-instruct'].sha = 'c'.repeat(40);
    }
  });

  test('--online resolves a local folder\'s base-model chain through the Hub', async () => {
    const dir = mkdtempSync(join(tmp, 'local-'));
    writeFileSync(join(dir, 'README.md'), '---\nlicense: apache-2.0\nbase_model: acme/llama-instruct\n---\n# A fine-tune\n');
    const offline = await check(dir, { profile: 'open-weights', env: env() });
    expect(codes(offline)).toContain('base-model-unknown');
    const online = await check(dir, { profile: 'open-weights', env: env(), online: true });
    expect(codes(online)).toContain('license-lineage-conflict');
    expect(online.target.revision).toBeUndefined();
    expect(online.sources?.map((s) => s.id)).toEqual(['acme/llama-instruct', 'meta-llama/Meta-Llama-3-8B']);
  });

  test('osai lock on the command line writes osai.lock.json in the working directory for an hf: target', async () => {
    const dir = mkdtempSync(join(tmp, 'cli-lock-'));
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'lock', 'hf:acme/open-sharded'], { cwd: dir, env: { ...process.env, ...server.env, HF_HOME: join(tmp, 'none'), OSAI_CACHE_DIR: join(dir, 'cache') } });
      let stdout = '';
      child.stdout.on('data', (d) => { stdout += d; });
      child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`wrote osai.lock.json (hf:acme/open-sharded at ${'a'.repeat(40)})\n`);
    expect(JSON.parse(readFileSync(join(dir, 'osai.lock.json'), 'utf8')).sources).toHaveLength(1);
  });

  test('a local folder stays offline unless --online is given', async () => {
    const report = await check('fixtures/llama-3-finetune-apache', { env: { HF_ENDPOINT: `http://127.0.0.1:${await closedPort()}` } });
    expect(report.sources).toBeUndefined();
  });
});
