// A component declared in .osai.yml must say where it is: a placeholder location is not a release.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isLocation } from '../src/config/schema.js';
import { fixture, runCli } from './helpers/run-cli.js';

describe('declared locations', () => {
  test.each(['TODO', 'tbd', 'N/A', 'none', '-', '?', '  ', '<url>', '{{ repo }}', 'on request', 'coming soon', 'foo', 'https://github.com/', 'https://x/y'])(
    '%j is not a location', (value) => expect(isLocation(value)).toBe(false));

  test.each(['https://github.com/example/tiny-model', 'https://huggingface.co/datasets/tiny/corpus', 'https://arxiv.org/abs/2402.00838',
    'hf://datasets/tiny/corpus', 's3://bucket/checkpoints', 'training/', 'src/train.py'])(
    '%j is a location', (value) => expect(isLocation(value)).toBe(true));

  test('a declaration whose location is TODO cannot be checked (exit 2), where the same with a URL passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-decl-'));
    const config = (training: string) => [
      'components:',
      `  - {id: training-code, location: "${training}", license: Apache-2.0}`,
      '  - {id: inference-code, location: "https://github.com/example/tiny-model", license: Apache-2.0}',
      '  - {id: data-preprocessing-code, location: "https://github.com/example/tiny-data", license: MIT}',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'todo.yml'), config('TODO'));
    writeFileSync(join(dir, 'url.yml'), config('https://github.com/example/tiny-model'));
    const todo = runCli(['check', fixture('training-code-declared'), '--config', join(dir, 'todo.yml')]);
    expect(todo.code).toBe(2);
    expect(todo.stderr).toContain('location');
    expect(runCli(['check', fixture('training-code-declared'), '--config', join(dir, 'url.yml')]).code).toBe(0);
  });
});
