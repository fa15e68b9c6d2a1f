// The GitHub Action and the pre-commit hook: their definitions are well-formed and the action's script really runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { FORMATS } from '../src/format/index.js';
import { CLI, ROOT } from './helpers/run-cli.js';

const action = parse(readFileSync(`${ROOT}action.yml`, 'utf8'));

describe('action.yml', () => {
  test('is a composite action with the inputs and outputs the README documents', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['path', 'profile', 'format', 'config', 'strict', 'sarif-file', 'summary']);
    expect(Object.keys(action.outputs)).toEqual(['sarif-file', 'verdict', 'exit-code']);
    expect(Object.keys(FORMATS)).toContain(action.inputs.format.default);
  });

  /** Runs the action's check step as the runner would: inputs as env, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. */
  function runStep(inputs: Record<string, string>) {
    const step = action.runs.steps.find((s: { id?: string }) => s.id === 'check');
    const dir = mkdtempSync(join(tmpdir(), 'osai-action-'));
    const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md'), sarif: join(dir, 'osai.sarif') };
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const env = {
      ...process.env, NO_COLOR: '1', GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, OSAI_CLI: CLI,
      OSAI_PATH: '.', OSAI_PROFILE: '', OSAI_FORMAT: 'github', OSAI_CONFIG: '', OSAI_STRICT: 'false', OSAI_SARIF: files.sarif, OSAI_SUMMARY: 'true',
      ...inputs,
    };
    const r = spawnSync('bash', ['-e', '-c', step.run], { cwd: ROOT, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(readFileSync(files.output, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
    return { code: r.status, stdout: r.stdout, outputs, summary: readFileSync(files.summary, 'utf8'), sarif: files.sarif };
  }

  test('the check step fails on a failing repo, annotates, writes SARIF and the summary', () => {
    const r = runStep({ OSAI_PATH: 'fixtures/llama-3-weights' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=fixtures\/llama-3-weights\/LICENSE,line=1,/m);
    expect(r.outputs).toEqual({ 'sarif-file': r.sarif, verdict: 'fail', 'exit-code': '1' });
    expect(JSON.parse(readFileSync(r.sarif, 'utf8')).version).toBe('2.1.0');
    expect(r.summary).toMatch(/^## osai: ❌ fail/);
  });

  test('it passes a passing repo and honours profile and strict', () => {
    expect(runStep({ OSAI_PATH: 'fixtures/apache-weights-full-release' }).code).toBe(0);
    expect(runStep({ OSAI_PATH: 'fixtures/mit-weights-only', OSAI_PROFILE: 'open-weights' }).outputs.verdict).toBe('pass');
    expect(runStep({ OSAI_PATH: 'fixtures/policy-strict-warning', OSAI_STRICT: 'false', OSAI_CONFIG: 'fixtures/policy-ignore/.osai.yml' }).code).toBe(0);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  test('defines the osai hook for language node, running the package bin', () => {
    const [hook] = parse(readFileSync(`${ROOT}.pre-commit-hooks.yaml`, 'utf8'));
    expect(hook).toMatchObject({ id: 'osai', language: 'node', entry: 'osai check', pass_filenames: false });
    const files = new RegExp(hook.files);
    for (const f of ['README.md', 'LICENSE', 'models/x/LICENSE-MODEL', '.osai.yml']) expect(files.test(f), f).toBe(true);
    expect(files.test('src/train.py')).toBe(false);
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(pkg.bin.osai).toBe('dist/cli.cjs');
  });
});
