// The built CLI, spawned as a user runs it: exit codes, JSON on stdout, one-line errors without stack traces.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI, fixture, runCli } from './helpers/run-cli.js';

describe('osai check', () => {
  test.each([
    ['apache-weights-full-release', 0, 'pass'],
    ['llama-3-weights', 1, 'fail'],
    ['cc-by-nc-weights', 1, 'fail'],
    ['mit-weights-only', 1, 'fail'],
    ['card-apache-license-llama-3', 1, 'fail'],
    ['no-model-card', 1, 'fail'],
    ['front-matter-invalid', 1, 'fail'],
    ['license-file-empty', 1, 'fail'],
    ['license-file-binary', 1, 'fail'],
  ])('%s exits %i with verdict %s', (name, code, verdict) => {
    const { code: exit, stdout, stderr } = runCli(['check', fixture(name), '--format', 'json']);
    expect(exit).toBe(code);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.profile.verdict).toBe(verdict);
  });

  test('the Llama 3 report lists the restricted freedoms', () => {
    const report = JSON.parse(runCli(['check', fixture('llama-3-weights'), '--format', 'json']).stdout);
    const restricted = report.findings.filter((f: { code: string; components: string[] }) => f.code === 'freedom-restricted' && f.components.includes('model-parameters-final'));
    // One cause, one finding: the Llama license, with every freedom it restricts, at the LICENSE that holds it.
    expect(restricted).toHaveLength(1);
    expect(restricted[0]).toMatchObject({ file: 'LICENSE', line: 1, freedoms: ['use', 'modify', 'share'] });
  });

  test('a missing path exits 2 with one line naming it', () => {
    const { code, stdout, stderr } = runCli(['check', 'no/such/repo']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^osai: path not found: no\/such\/repo\n/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('an unknown profile exits 2 and lists the known ones', () => {
    const { code, stderr } = runCli(['check', fixture('mit-weights-only'), '--profile', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown profile "nope"');
    expect(stderr).toContain('osaid-1.0');
  });

  test('an unknown flag or format exits 2', () => {
    expect(runCli(['check', '--bogus']).code).toBe(2);
    expect(runCli(['check', '--format', 'yaml']).code).toBe(2);
  });

  test('--output writes the report to a file and nothing to stdout; a folder is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-out-'));
    const file = join(dir, 'report.json');
    const { code, stdout } = runCli(['check', fixture('llama-3-weights'), '--format', 'json', '--output', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).profile.verdict).toBe('fail');
    expect(runCli(['check', fixture('llama-3-weights'), '--output', dir]).code).toBe(2);
  });

  test('JSON output is byte-identical across runs', () => {
    const a = runCli(['check', fixture('apache-weights-full-release'), '--format', 'json']).stdout;
    const b = runCli(['check', fixture('apache-weights-full-release'), '--format', 'json']).stdout;
    expect(a).toBe(b);
  });

  test('--profile picks the profile that sets the exit code', () => {
    expect(runCli(['check', fixture('apache-weights-full-release'), '--profile', 'open-weights']).code).toBe(0);
    expect(runCli(['check', fixture('mit-weights-only'), '--profile', 'osaid-1.0']).code).toBe(1);
  });

  test('text output: verdict first, no colour when NO_COLOR is set', () => {
    const { stdout } = runCli(['check', fixture('llama-3-weights')]);
    expect(stdout.split('\n')[0]).toMatch(/^FAIL {2}osaid-1.0/);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stdout).toContain('§1(b)(iv)');
  });

  test('the first screen is the verdict, the causes and their next steps; --quiet and --verbose', () => {
    const normal = runCli(['check', fixture('llama-3-weights')]);
    const lines = normal.stdout.split('\n');
    expect(lines[2]).toBe('Causes (7)');
    expect(lines[3]).toMatch(/^ {2}fail {4}LICENSE:1 {2}LicenseRef-llama-3-community restricts/);
    expect(lines[4]).toMatch(/^ {10}next: /);
    const quiet = runCli(['check', fixture('llama-3-weights'), '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout.split('\n').filter(Boolean)).toHaveLength(1 + 1 + 7);
    expect(quiet.stdout).not.toContain('next:');
    const verbose = runCli(['check', fixture('llama-3-weights'), '--verbose']);
    for (const part of ['Licenses found', 'All profiles', '700 million', 'license-file, confidence', 'file: config.json']) expect(verbose.stdout).toContain(part);
    expect(runCli(['check', fixture('llama-3-weights'), '--quiet', '--verbose']).code).toBe(2);
  });

  test('a reader that closes the pipe early ends the run quietly with its exit code', () => {
    const bash = spawnSync('bash', ['-c', `node ${JSON.stringify(CLI)} check ${JSON.stringify(fixture('card-apache-license-llama-3'))} --format json | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(bash.stderr).toBe('');
    expect(bash.status).toBe(1);
  });

  test.each([
    // [.osai.yml, --profile, what stderr must suggest]
    ['profil: open-weights\n', undefined, /Unrecognized key: "profil".*did you mean "profile"/],
    ['ignore:\n  - code: license-conflict\n    reason: accepted\n    untill: 2999-12-31\n', undefined, /did you mean "until"/],
    ['', 'osaid-10', /unknown profile "osaid-10" \(did you mean "osaid-1.0"\?\)/],
    ['profile: mof-class3\n', undefined, /did you mean "mof-class-3"/],
  ])('a mistyped name in %j / --profile %s is exit 2 and suggests the closest valid one', (config, profile, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-typo-'));
    writeFileSync(join(dir, '.osai.yml'), config);
    writeFileSync(join(dir, 'README.md'), '---\nlicense: apache-2.0\n---\n# m\n');
    const r = runCli(['check', dir, ...(profile ? ['--profile', profile] : [])]);
    rmSync(dir, { recursive: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('a target that is a file, or a folder osai may not read, is exit 2', () => {
    const file = runCli(['check', fixture('llama-3-weights/LICENSE')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^osai: not a folder/);
    const dir = mkdtempSync(join(tmpdir(), 'osai-unreadable-'));
    chmodSync(dir, 0o700);
    // As root every folder is readable: run as nobody (uid 65534), which root may do, else skip saying so.
    const asNobody = process.getuid?.() === 0;
    const r = asNobody
      ? spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8', uid: 65534, gid: 65534, env: { ...process.env, HOME: tmpdir(), XDG_CACHE_HOME: tmpdir() } })
      : (chmodSync(dir, 0o000), spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8' }));
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^osai: cannot read the folder/);
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true });
  });
});

describe('osai licenses and osai explain', () => {
  test('licenses --format json lists every rated license with its four ratings', () => {
    const { code, stdout } = runCli(['licenses', '--format', 'json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { id: string; osdConformant: boolean; freedoms: Record<string, string> }[];
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.find((r) => r.id === 'LicenseRef-llama-2-community')).toMatchObject({ osdConformant: false, freedoms: { use: 'restricted' } });
    expect(rows.find((r) => r.id === 'Apache-2.0')).toMatchObject({ osdConformant: true, freedoms: { use: 'granted' } });
  });

  test('licenses text output has one line per license', () => {
    const { code, stdout } = runCli(['licenses']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^LicenseRef-gemma-terms +RESTRICTED/m);
    // Columns sized by their widest cell: every row splits into the same six cells on runs of two spaces.
    const rows = stdout.split('\n\n')[0]!.split('\n');
    for (const row of rows) expect(row.split(/ {2,}/), row).toHaveLength(6);
    expect(stdout).not.toMatch(/RESTRICTED(granted|cond|RESTRICTED)/);
  });

  test.each([
    ['llama3.1', 'LicenseRef-llama-3.1-community'],
    ['LicenseRef-deepseek-1.0', 'LicenseRef-deepseek-1.0'],
    ['Apache License 2.0', 'Apache-2.0'],
    ['openrail++', 'LicenseRef-creativeml-openrail-plus-plus-m'],
  ])('explain %s resolves to %s', (name, id) => {
    const { code, stdout } = runCli(['explain', name, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).id).toBe(id);
  });

  test('explain shows the clauses and which profiles the license can pass on the weights', () => {
    const llama = JSON.parse(runCli(['explain', 'llama2', '--format', 'json']).stdout);
    expect(llama.freedoms.modify).toMatchObject({ rating: 'restricted', clause: '§1(b)(v)' });
    expect(llama.profiles.every((p: { outcome: string }) => p.outcome === 'fail')).toBe(true);
    const cdla = JSON.parse(runCli(['explain', 'cdla-permissive-2.0', '--format', 'json']).stdout);
    expect(Object.fromEntries(cdla.profiles.map((p: { profile: string; outcome: string }) => [p.profile, p.outcome])))
      .toEqual({ 'eu-ai-act-53-2': 'pass', 'mof-class-1': 'pass', 'mof-class-2': 'pass', 'mof-class-3': 'pass', 'open-weights': 'pass', 'osaid-1.0': 'pass' });
    const text = runCli(['explain', 'gemma']).stdout;
    expect(text).toContain('§3.2');
    expect(text).toMatch(/osaid-1\.0 +cannot pass/);
  });

  test('a Hugging Face family label is not one license: exit 2, saying so', () => {
    const { code, stderr } = runCli(['explain', 'openrail']);
    expect(code).toBe(2);
    expect(stderr).toContain('names no single license');
  });

  test('an unknown license name exits 2 and names the closest ids', () => {
    const { code, stdout, stderr } = runCli(['explain', 'llama 9 community license']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('LicenseRef-llama-');
  });
});
