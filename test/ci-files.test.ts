// The GitHub Action and the pre-commit hook: their definitions are well-formed and the action's script really runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { FORMATS } from '../src/format/index.js';
import { ROOT } from './helpers/run-cli.js';

const action = parse(readFileSync(`${ROOT}action.yml`, 'utf8'));

describe('action.yml', () => {
  test('is a JavaScript action whose entry is the committed bundle, with the inputs and outputs the README documents', () => {
    expect(action.runs).toEqual({ using: 'node20', main: 'action/dist/index.cjs' });
    expect(Object.keys(action.inputs)).toEqual(['path', 'profile', 'format', 'config', 'strict', 'sarif-file', 'summary']);
    expect(Object.keys(action.outputs)).toEqual(['sarif-file', 'verdict', 'exit-code']);
    expect(Object.keys(FORMATS)).toContain(action.inputs.format.default);
  });

  /** Runs the action's entry as the runner would: inputs as INPUT_* (defaults from action.yml), GITHUB_* files. */
  function runAction(inputs: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'osai-action-'));
    const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md'), sarif: join(dir, 'osai.sarif') };
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const defaults = Object.fromEntries(Object.entries(action.inputs as Record<string, { default: string }>).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v.default]));
    const env = {
      ...process.env, GITHUB_WORKSPACE: ROOT, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary,
      ...defaults, 'INPUT_SARIF-FILE': files.sarif, ...inputs,
    };
    const r = spawnSync(process.execPath, [`${ROOT}${action.runs.main}`], { cwd: dir, env, encoding: 'utf8' });
    // GITHUB_OUTPUT in the runner's multi-line form: name<<delimiter, value, delimiter.
    const outputs = Object.fromEntries([...readFileSync(files.output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1], m[3]]));
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(files.summary, 'utf8'), sarif: files.sarif };
  }

  test('one run fails a failing repo, annotates, writes SARIF and the summary, and sets the outputs', () => {
    const r = runAction({ INPUT_PATH: 'fixtures/llama-3-weights' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^::error file=fixtures\/llama-3-weights\/LICENSE,line=1,title=osai freedom-restricted::/m);
    expect(r.outputs).toEqual({ 'sarif-file': r.sarif, verdict: 'fail', 'exit-code': '1' });
    const sarif = JSON.parse(readFileSync(r.sarif, 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(7);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('fixtures/llama-3-weights/LICENSE');
    expect(r.summary).toMatch(/^## osai: ❌ fail/);
    expect(r.summary).toContain('`fixtures/llama-3-weights`');
  });

  test('it passes a passing repo and honours profile, config and strict; a bad path is exit 2 with an annotation', () => {
    expect(runAction({ INPUT_PATH: 'fixtures/apache-weights-full-release' }).code).toBe(0);
    expect(runAction({ INPUT_PATH: 'fixtures/mit-weights-only', INPUT_PROFILE: 'open-weights' }).outputs.verdict).toBe('pass');
    expect(runAction({ INPUT_PATH: 'fixtures/policy-strict-warning', INPUT_STRICT: 'false', INPUT_CONFIG: 'fixtures/policy-ignore/.osai.yml' }).code).toBe(0);
    const bad = runAction({ INPUT_PATH: 'no/such/folder' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/^::error title=osai::path not found/);
    expect(bad.outputs['exit-code']).toBe('2');
  });

  test('the committed bundle is what the sources build (scripts/bundle-action.mjs --check)', () => {
    const r = spawnSync(process.execPath, [`${ROOT}scripts/bundle-action.mjs`, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
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
