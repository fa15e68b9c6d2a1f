// The built CLI, spawned as a user runs it: exit codes, JSON on stdout, one-line errors without stack traces.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, runCli } from './helpers/run-cli.js';

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
    const restricted = report.findings.filter((f: { code: string; component: string }) => f.code === 'freedom-restricted' && f.component === 'model-parameters-final');
    expect(restricted.map((f: { freedom: string }) => f.freedom).sort()).toEqual(['modify', 'share', 'use']);
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
    expect(stdout.split('\n')[1]).toMatch(/^FAIL {2}osaid-1.0/);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stdout).toContain('700 million');
  });
});
