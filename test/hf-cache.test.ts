// A Hugging Face cache snapshot folder is checked like a clone: its links into ../../blobs are followed, none further.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { check } from '../src/run.js';
import { fixture } from './helpers/run-cli.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const snapshot = fixture(`hf-cache-snapshot/models--acme--tiny/snapshots/${SHA}`);
const tmp = mkdtempSync(join(tmpdir(), 'osai-hf-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('a snapshot folder passes like the clone it mirrors, naming the model id and the snapshot sha', async () => {
  const report = await check(snapshot, { profile: 'open-weights' });
  expect(report.profile.verdict).toBe('pass');
  expect(report.target).toMatchObject({ revision: SHA, model: 'acme/tiny' });
  expect(report.findings.filter((f) => f.code === 'link-outside')).toEqual([]);
});

test('a link out of the model\'s cache folder is still refused, and a folder that only looks like a snapshot gets no model id', async () => {
  const root = join(tmp, 'hub');
  cpSync(fixture('hf-cache-snapshot'), root, { recursive: true, verbatimSymlinks: true });
  writeFileSync(join(tmp, 'elsewhere-LICENSE'), 'MIT License\n');
  const snap = join(root, `models--acme--tiny/snapshots/${SHA}`);
  symlinkSync(join(tmp, 'elsewhere-LICENSE'), join(snap, 'LICENSE-EXTRA'));
  const report = await check(snap, { profile: 'open-weights' });
  expect(report.findings.find((f) => f.code === 'link-outside')?.file).toBe('LICENSE-EXTRA');
  const plain = await check(fixture('safetensors-header-license-agrees'), { profile: 'open-weights' });
  expect(plain.target.revision).toBeUndefined();
});
