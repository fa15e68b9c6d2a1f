// osai scan: targets from folders, hf: ids, lists, applications and caches; streaming results, shards, summary, exit codes.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scan } from '../src/index.js';
import { bomModelOf, cycloneDxBom } from '../src/format/cyclonedx.js';
import { expandTargets } from '../src/scan/expand.js';
import { parseShard, shardOf } from '../src/scan/shard.js';
import type { ScanResult, ScanTarget } from '../src/scan/types.js';
// @ts-expect-error plain JS helper shared with bench/
import { startHubServer } from './helpers/hub-server.mjs';
// @ts-expect-error plain JS helper shared with bench/
import { APACHE, hubWorld, shardedFiles } from './helpers/hub-world.mjs';
import { CLI, fixture, ROOT } from './helpers/run-cli.js';

const APP = 'fixtures/scan-application-references';
const card = (front: string) => `---\n${front}\n---\n# Model\n\nA model.\n`;
const open = (sha: string) => ({ sha: sha.repeat(40), files: { 'README.md': card('license: apache-2.0'), LICENSE: APACHE, ...shardedFiles() } });

let server: { url: string; env: Record<string, string>; close(): Promise<void> };
let tmp: string;
let env: Record<string, string>;

beforeAll(async () => {
  const world = hubWorld();
  // The models the application fixture names; acme/served carries the Llama 3 license.
  for (const [id, sha] of [['acme/open-chat', '8'], ['acme/notebook-model', '7'], ['acme/classifier', '9'], ['acme/tiny-gguf', '0'], ['acme/snapshot-model', 'a'],
    ['acme/diffusion', 'b'], ['acme/api-served', 'c'], ['sentence-transformers/all-MiniLM-L6-v2', 'd']] as const) world.models[id] = open(sha);
  world.models['acme/served'] = { sha: 'e'.repeat(40), files: { 'README.md': card('license: llama3'), ...shardedFiles() } };
  server = await startHubServer(world);
  tmp = mkdtempSync(join(tmpdir(), 'osai-scan-'));
  env = { ...server.env, OSAI_CACHE_DIR: join(tmp, 'cache'), HF_HOME: join(tmp, 'no-hf-home') };
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const byId = (results: ScanResult[]) => Object.fromEntries(results.map((r) => [r.id, r]));

/** The CLI as a child process, without blocking this process's event loop (the local Hub runs in it). */
function runCli(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env, ...extraEnv } });
    let stdout = ''; let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('an application repository', () => {
  test('every kind of reference is found with its file and line, each model once', async () => {
    const targets = await collect(expandTargets([APP]));
    const refs = (t: ScanTarget) => t.references.map((r) => `${r.file}:${r.line} ${r.rule}`);
    const got = Object.fromEntries(targets.map((t) => [t.id.replace(`${APP}/`, './'), [t.kind, ...refs(t)]]));
    expect(got).toEqual({
      './assets': ['weights', 'assets/Modelfile.local:1 ollama-modelfile-from', 'assets/tiny-Q4_K_M.gguf:0 weights-file'],
      './models/local-model': ['folder', 'src/app.py:20 python-from-pretrained'],
      'hf:acme/api-served': ['hub', 'scripts/serve.sh:7 vllm-model-flag'],
      'hf:acme/classifier': ['hub', 'src/app.py:13 python-pipeline-model'],
      'hf:acme/diffusion': ['hub', 'src/app.py:18 python-from-pretrained'],
      'hf:acme/notebook-model': ['hub', 'notebooks/explore.ipynb:17 python-from-pretrained'],
      'hf:acme/open-chat': ['hub', 'src/app.py:8 python-from-pretrained', 'src/app.py:9 python-from-pretrained'],
      'hf:acme/served': ['hub', 'scripts/serve.sh:6 vllm-serve'],
      'hf:acme/snapshot-model': ['hub', 'src/app.py:17 python-snapshot-download'],
      'hf:acme/tiny-gguf': ['hub', 'scripts/serve.sh:4 ollama-pull-run', 'scripts/serve.sh:5 llama-cpp-hf', 'scripts/serve.sh:10 hub-file-url', 'src/app.py:16 python-hf-hub-download'],
      'hf:sentence-transformers/all-MiniLM-L6-v2': ['hub', 'src/app.py:15 python-sentence-transformer'],
      'ollama:llama3.1:8b': ['unresolved', 'Modelfile:2 ollama-modelfile-from'],
      'ollama:mistral': ['unresolved', 'scripts/serve.sh:3 ollama-pull-run'],
      'ollama:phi3': ['unresolved', 'notebooks/explore.ipynb:26 ollama-pull-run'],
      'unresolved:./scripts/serve.sh:8': ['unresolved', 'scripts/serve.sh:8 vllm-serve'],
      'unresolved:./src/app.py:23': ['unresolved', 'src/app.py:23 python-from-pretrained'],
      'unresolved:./src/app.py:24': ['unresolved', 'src/app.py:24 python-from-pretrained'],
      'unresolved:gpt2': ['unresolved', 'src/app.py:19 python-from-pretrained'],
    });
  });

  test('each target goes through check: hf: ids on the Hub, the local folder, the loose GGUF by its header alone', async () => {
    const results = byId(await collect(scan([APP], { profile: 'open-weights', env })));
    expect(results['hf:acme/open-chat']).toMatchObject({ kind: 'hub', verdict: 'pass', licenses: ['Apache-2.0'] });
    expect(results['hf:acme/open-chat']!.report!.target).toMatchObject({ model: 'acme/open-chat', revision: '8'.repeat(40) });
    expect(results['hf:acme/served']).toMatchObject({ verdict: 'fail' });
    expect(results[`${APP}/models/local-model`]).toMatchObject({ kind: 'folder', verdict: 'pass', licenses: ['MIT'] });
    // The application's own README is not the GGUF's card: only the header's Llama 3 license speaks.
    const gguf = results[`${APP}/assets`]!;
    expect(gguf.report!.components.find((c) => c.id === 'model-card')?.status).toBe('absent');
    expect(gguf).toMatchObject({ kind: 'weights', verdict: 'fail', licenses: ['LicenseRef-llama-3-community'] });
    // Computed and unresolvable references are unknown, with the reason and how to settle it.
    const computed = results[`unresolved:${APP}/src/app.py:23`]!;
    expect(computed).toMatchObject({ verdict: 'unknown', message: expect.stringContaining('os.environ["MODEL_ID"]') });
    expect(computed.hint).toMatch(/literal/);
    expect(results['ollama:llama3.1:8b']!.verdict).toBe('unknown');
    // In the AI-BOM a Hub model is named by its purl at the commit checked, with where the application names it.
    const open = results['hf:acme/open-chat']!;
    const bom = JSON.parse(cycloneDxBom([bomModelOf(open.id, open.report, { occurrences: [{ location: 'src/app.py', line: 8 }] })], { name: 'osai', version: '0' }));
    expect(bom.components[0]).toMatchObject({ name: 'acme/open-chat', version: '8'.repeat(40), purl: `pkg:huggingface/acme/open-chat@${'8'.repeat(40)}`, evidence: { occurrences: [{ location: 'src/app.py', line: 8 }] } });
  });

  test('the CLI: JSON lines as they are done, the table on stderr, exit 1 for the unknown references', async () => {
    const { code, stdout, stderr } = await runCli(['scan', APP, '--format', 'jsonl', '--profile', 'open-weights']);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as ScanResult);
    // One line per target, then the end record osai summary checks for.
    expect(lines).toHaveLength(19);
    expect(lines.every((l) => l.schemaVersion === 1)).toBe(true);
    expect(lines.at(-1)).toEqual({ schemaVersion: 1, end: true, results: 18 });
    expect(stderr).toContain('ollama:mistral: "mistral" is a model in Ollama\'s library');
    // No progress line when stderr is not a terminal (a CI log).
    expect(stderr).not.toContain('checked,');
    expect(stderr).toMatch(/18 targets under open-weights: \d+ pass, \d+ fail, 7 unknown, 0 could not be checked/);
  });
});

describe('fleets', () => {
  test('a folder of model repositories: one result each, exit 1 when one fails', async () => {
    const results = await collect(scan([fixture('scan-model-folders')]));
    expect(results.map((r) => [r.id.replace(fixture(''), ''), r.kind, r.verdict]).sort()).toEqual([
      ['scan-model-folders/cc-by-nc', 'folder', 'fail'],
      ['scan-model-folders/llama-3', 'folder', 'fail'],
      ['scan-model-folders/open-apache', 'folder', 'pass'],
    ]);
    const { code, stdout } = await runCli(['scan', 'fixtures/scan-model-folders/open-apache']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 target under osaid-1\.0: 1 pass, 0 fail, 0 unknown, 0 could not be checked/);
  });

  test('a cache folder: every snapshot, each at its own revision (the license changed between them)', async () => {
    const results = await collect(scan(['fixtures/scan-hf-cache-two-snapshots'], { profile: 'open-weights', concurrency: 1 }));
    expect(results.map((r) => [r.kind, r.report?.target.model, r.report?.target.revision, r.verdict])).toEqual([
      ['cache-snapshot', 'acme/tiny', '0123456789abcdef0123456789abcdef01234567', 'pass'],
      ['cache-snapshot', 'acme/tiny', '89abcdef0123456789abcdef0123456789abcdef', 'fail'],
    ]);
  });

  test('a cache root: models only (its datasets-- and spaces-- folders are not models), links into blobs/ followed', async () => {
    const hub = join(tmp, 'hub');
    cpSync(fixture('scan-hf-cache-two-snapshots'), hub, { recursive: true, verbatimSymlinks: true });
    const dataset = join(hub, 'datasets--acme--corpus', 'snapshots', '1'.repeat(40));
    mkdirSync(dataset, { recursive: true });
    writeFileSync(join(dataset, 'README.md'), '---\nlicense: cc-by-nc-4.0\ntask_categories: [text-generation]\n---\n# Corpus\n');
    const targets = await collect(expandTargets([hub]));
    expect(targets.map((t) => [t.kind, t.id.replace(`${hub}/`, '')])).toEqual([
      ['cache-snapshot', 'models--acme--tiny/snapshots/0123456789abcdef0123456789abcdef01234567'],
      ['cache-snapshot', 'models--acme--tiny/snapshots/89abcdef0123456789abcdef0123456789abcdef'],
    ]);
  });

  test('a GGUF under another name (model.bin) is weights by its magic bytes; another .bin is not', async () => {
    const app = join(tmp, 'renamed');
    mkdirSync(app, { recursive: true });
    cpSync(fixture('gguf-header-llama-3-card-apache/tiny-Q4_K_M.gguf'), join(app, 'model.bin'));
    writeFileSync(join(app, 'data.bin'), 'not weights');
    const targets = await collect(expandTargets([app]));
    expect(targets).toMatchObject([{ kind: 'weights', id: app, files: ['model.bin'] }]);
  });

  test('a targets file: comments and blank lines skipped, paths from its folder, hf: ids through the Hub', async () => {
    // Results come as they are done (a Hub check may finish after a later folder); concurrency 1 keeps the list's order.
    const results = await collect(scan(['fixtures/scan-targets-file/targets.txt'], { profile: 'open-weights', env, concurrency: 1 }));
    expect(results.map((r) => [r.id, r.verdict])).toEqual([
      ['fixtures/scan-model-folders/open-apache', 'pass'],
      ['fixtures/scan-model-folders/llama-3', 'fail'],
      ['hf:acme/open-sharded', 'pass'],
      ['fixtures/scan-hf-cache-two-snapshots/models--acme--tiny/snapshots/0123456789abcdef0123456789abcdef01234567', 'pass'],
      ['fixtures/scan-hf-cache-two-snapshots/models--acme--tiny/snapshots/89abcdef0123456789abcdef0123456789abcdef', 'fail'],
    ]);
  });

  test('a target osai cannot open is an error result and exit 2; the scan goes on', async () => {
    const list = join(tmp, 'bad.txt');
    writeFileSync(list, `${fixture('scan-model-folders/open-apache')}\nno-such-folder\nhf:not a model\n`);
    const results = await collect(scan([list], { concurrency: 1 }));
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'error', 'error']);
    expect(results[1]!.hint).toMatch(/folder/);
    const { code, stdout } = await runCli(['scan', list]);
    expect(code).toBe(2);
    expect(stdout).toContain('no such file or folder');
  });
});

describe('shards', () => {
  const targets = ['fixtures/scan-model-folders', 'fixtures/scan-hf-cache-two-snapshots', APP];
  test('N shards cover every target exactly once, and a target\'s shard does not move when others are added', async () => {
    const all = (await collect(expandTargets(targets))).map((t) => t.id).sort();
    const shards = await Promise.all([0, 1, 2].map(async (index) => (await collect(scan(targets, { shard: { index, count: 3 }, offline: true }))).map((r) => r.id)));
    expect(shards.flat().sort()).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(all.length);
    expect(shards.every((s) => s.length > 0)).toBe(true);
    const before = all.map((id) => shardOf(id, 3));
    expect([...all, 'hf:new/model', '/another/folder'].slice(0, all.length).map((id) => shardOf(id, 3))).toEqual(before);
    expect(shardOf('hf:Acme/Open-Chat', 7)).toBe(shardOf('hf:acme/open-chat', 7));
  });

  test('--shard I/N, auto/N from JOB_COMPLETION_INDEX, and what is wrong with a bad one', () => {
    expect(parseShard('1/4', {})).toEqual({ index: 1, count: 4 });
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 4 });
    expect(() => parseShard('auto/4', {})).toThrow(/JOB_COMPLETION_INDEX is not set/);
    expect(() => parseShard('4/4', {})).toThrow(/below 4/);
    expect(() => parseShard('1-4', {})).toThrow(/expected I\/N/);
  });

  test('osai summary merges the shards\' JSON lines into the same table and exit code as one run', { timeout: 180_000 }, async () => {
    const args = ['scan', ...targets, '--format', 'jsonl', '--offline'];
    const whole = await runCli(args);
    const table = await runCli(['scan', ...targets, '--offline']);
    const files: string[] = [];
    for (const index of [0, 1, 2]) {
      const file = join(tmp, `shard-${index}.jsonl`);
      const run = await runCli([...args, '--shard', 'auto/3', '--output', file], { JOB_COMPLETION_INDEX: String(index) });
      expect(run.code).not.toBe(-1);
      files.push(file);
    }
    const merged = await runCli(['summary', ...files.reverse()]);
    expect(merged.stdout).toBe(table.stdout);
    expect(merged.code).toBe(whole.code);
    expect(table.code).toBe(whole.code);
    const lines = files.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'));
    expect(lines.length - 3).toBe(whole.stdout.trim().split('\n').length - 1);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, shard: { index: 0, count: 3 } });
    // A shard whose output is missing, or cut short, cannot make the fleet pass: exit 2, naming it.
    const missing = await runCli(['summary', files[0]!, files[2]!]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 1/3 is missing');
    const cut = join(tmp, 'cut.jsonl');
    writeFileSync(cut, readFileSync(files[0]!, 'utf8').split('\n').slice(0, 1).join('\n') + '\n');
    const truncated = await runCli(['summary', cut]);
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toContain('has no end record');
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(bad, '{"not":"a scan line"}\n');
    const refused = await runCli(['summary', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('bad.jsonl:1');
  });
});
