// Table tests for the GGUF and safetensors header readers: what they read, and bad bytes as findings, never crashes.
import { describe, expect, test } from 'vitest';
import { createMemoryReader } from '../src/read/reader.js';
import { readWeightsHeader } from '../src/read/weights-header.js';
import { ggufBytes, safetensorsBytes } from './helpers/weights.js';

async function read(file: string, bytes: Uint8Array, size = bytes.length) {
  return readWeightsHeader(createMemoryReader({ [file]: bytes }), file, size);
}

const le64 = (n: bigint) => { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, n, true); return b; };
const concat = (...parts: Uint8Array[]) => { const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0)); let at = 0; for (const p of parts) { out.set(p, at); at += p.length; } return out; };

describe('GGUF metadata', () => {
  test('license and base-model keys are read, other keys and token arrays skipped', async () => {
    const bytes = ggufBytes({
      'general.architecture': 'llama', 'general.license': 'llama3', 'general.license.link': 'https://llama.meta.com/llama3/license',
      'tokenizer.ggml.tokens': ['a', 'b', 'c'], 'general.base_model.count': 1,
      'general.base_model.0.name': 'Meta Llama 3 8B', 'general.base_model.0.organization': 'Meta Llama',
      'general.base_model.0.repo_url': 'https://huggingface.co/meta-llama/Meta-Llama-3-8B',
    });
    const result = await read('m.gguf', bytes);
    expect(result).toEqual({ header: {
      file: 'm.gguf', format: 'gguf',
      license: [{ key: 'general.license', value: 'llama3' }, { key: 'general.license.link', value: 'https://llama.meta.com/llama3/license' }],
      baseModels: [{ name: 'Meta Llama 3 8B', organization: 'Meta Llama', repoUrl: 'https://huggingface.co/meta-llama/Meta-Llama-3-8B' }],
      // Every general.* string is kept to be read for terms (identify/metadata/metadata-terms.ts).
      strings: expect.arrayContaining([{ key: 'general.architecture', value: 'llama' }]),
    } });
  });

  test('version 1 (32-bit counts) is read too', async () => {
    const result = await read('m.gguf', ggufBytes({ 'general.license': 'mit' }, 1));
    expect(result).toMatchObject({ header: { license: [{ key: 'general.license', value: 'mit' }] } });
  });

  test('a 200,000-token vocabulary is skipped, and keys after it are still read', async () => {
    const tokens = Array.from({ length: 200_000 }, (_, i) => `tok${i}`);
    const result = await read('m.gguf', ggufBytes({ 'tokenizer.ggml.tokens': tokens, 'general.license': 'mit' }));
    expect(result).toMatchObject({ header: { license: [{ key: 'general.license', value: 'mit' }] } });
  });

  test('a file without license keys reads as no license, not an error', async () => {
    expect(await read('m.gguf', ggufBytes({ 'general.name': 'x' }))).toMatchObject({ header: { license: [], baseModels: [] } });
  });

  const full = ggufBytes({ 'general.license': 'apache-2.0', 'general.name': 'tiny' });
  const hugeKeys = concat(new TextEncoder().encode('GGUF'), Uint8Array.of(3, 0, 0, 0), le64(0n), le64(1n << 40n));
  const hugeString = concat(new TextEncoder().encode('GGUF'), Uint8Array.of(3, 0, 0, 0), le64(0n), le64(1n), le64(1n << 50n));
  const badType = concat(ggufBytes({}).subarray(0, 16), le64(1n), le64(1n), new TextEncoder().encode('k'), Uint8Array.of(99, 0, 0, 0));
  badType.set(le64(1n), 16);
  test.each([
    ['wrong magic', new TextEncoder().encode('GGUX\u0003\u0000\u0000\u0000'), /magic/],
    ['empty file', new Uint8Array(0), /truncated/],
    ['truncated metadata', full.subarray(0, full.length - 3), /truncated/],
    ['truncated in the counts', full.subarray(0, 12), /truncated/],
    ['version 9', concat(new TextEncoder().encode('GGUF'), Uint8Array.of(9, 0, 0, 0)), /version 9/],
    ['2^40 metadata keys', hugeKeys, /exceed the limit/],
    ['a 2^50-byte key', hugeString, /exceeds the limit/],
    ['an unknown value type', badType, /unsupported value type 99/],
  ])('%s is a weights-header-invalid problem', async (_name, bytes, reason) => {
    const result = await read('m.gguf', bytes);
    expect(result).toMatchObject({ problem: { code: 'weights-header-invalid', file: 'm.gguf' } });
    expect(String((result as { problem: { args: { reason: string } } }).problem.args.reason)).toMatch(reason);
  });
});

describe('safetensors __metadata__', () => {
  test('a license key is read', async () => {
    const result = await read('model.safetensors', safetensorsBytes({ format: 'pt', license: 'cc-by-nc-4.0' }));
    expect(result).toMatchObject({ header: { format: 'safetensors', license: [{ key: 'license', value: 'cc-by-nc-4.0' }] } });
  });

  test('no metadata at all is no license, not an error', async () => {
    const json = new TextEncoder().encode('{}');
    expect(await read('model.safetensors', concat(le64(2n), json))).toMatchObject({ header: { license: [] } });
  });

  const ok = safetensorsBytes({ license: 'mit' });
  test.each([
    ['shorter than 8 bytes', Uint8Array.of(1, 2, 3), /shorter/],
    ['a length over 25,000,000', concat(le64(25_000_001n), new Uint8Array(16)), /exceeds/],
    ['a length of 2^63', concat(le64(1n << 63n), new Uint8Array(16)), /exceeds/],
    ['a length longer than the file', concat(le64(1000n), new Uint8Array(16)), /longer than the file/],
    ['a header that is not JSON', concat(le64(4n), new TextEncoder().encode('{{{{')), /not JSON/],
    ['a JSON array header', concat(le64(2n), new TextEncoder().encode('[]')), /not a JSON object/],
    ['invalid UTF-8', concat(le64(2n), Uint8Array.of(0xff, 0xfe)), /not JSON/],
  ])('%s is a weights-header-invalid problem', async (_name, bytes, reason) => {
    const result = await read('model.safetensors', bytes);
    expect(result).toMatchObject({ problem: { code: 'weights-header-invalid' } });
    expect(String((result as { problem: { args: { reason: string } } }).problem.args.reason)).toMatch(reason);
  });

  test('a header claimed longer than what the reader returns is truncated', async () => {
    expect(await read('model.safetensors', ok.subarray(0, 20), ok.length)).toMatchObject({ problem: { args: { reason: 'the header is truncated' } } });
  });

  test('a multi-GB sparse file costs one header read', async () => {
    let bytesRead = 0;
    const inner = createMemoryReader({ 'big.safetensors': ok });
    const reader = { ...inner, readRange: async (p: string, o: number, l: number) => { const b = await inner.readRange(p, o, l); bytesRead += b.length; return b; } };
    const result = await readWeightsHeader(reader, 'big.safetensors', 8 * 1024 ** 3);
    expect(result).toMatchObject({ header: { license: [{ key: 'license', value: 'mit' }] } });
    expect(bytesRead).toBeLessThanOrEqual(ok.length);
  });
});

describe('on disk', () => {
  test('a 4 GiB sparse safetensors file is read through its header only', async () => {
    const { mkdtempSync, openSync, writeSync, ftruncateSync, closeSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createFsReader } = await import('../src/read/fs-reader.js');
    const dir = mkdtempSync(join(tmpdir(), 'osai-sparse-'));
    try {
      const header = safetensorsBytes({ license: 'mit' });
      const fd = openSync(join(dir, 'big.safetensors'), 'w');
      writeSync(fd, header);
      ftruncateSync(fd, 4 * 1024 ** 3);
      closeSync(fd);
      const result = await readWeightsHeader(createFsReader(dir), 'big.safetensors', 4 * 1024 ** 3);
      expect(result).toMatchObject({ header: { license: [{ key: 'license', value: 'mit' }] } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mutated headers', () => {
  // A deterministic generator, so a failure reproduces.
  let seed = 42;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const seeds: [string, Uint8Array][] = [
    ['m.gguf', ggufBytes({ 'general.license': 'mit', 'tokenizer.ggml.tokens': ['a', 'bb', 'ccc'], 'general.base_model.count': 1, 'general.base_model.0.name': 'x' })],
    ['model.safetensors', safetensorsBytes({ license: 'mit', format: 'pt' })],
  ];
  test.each(seeds)('1,000 mutations of %s each give a header or a problem, never an exception', async (file, bytes) => {
    for (let i = 0; i < 1000; i++) {
      const copy = bytes.slice(0, rand(3) === 0 ? rand(bytes.length + 1) : bytes.length);
      for (let k = 0; k < 1 + rand(4); k++) if (copy.length > 0) copy[rand(copy.length)] = rand(256);
      const result = await read(file, copy);
      expect('header' in result || 'problem' in result).toBe(true);
    }
  });
});
