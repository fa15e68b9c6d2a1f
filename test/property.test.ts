// Property-based: random bytes where a repository holds text or weights never crash osai, always give a
// well-formed report, and never let an unreadable or unidentifiable required file pass. Seeds are printed by
// fast-check on failure; rerun with the seed to reproduce.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createMemoryReader } from '../src/read/reader.js';
import { readFrontMatter } from '../src/read/front-matter.js';
import { checkReader } from '../src/run.js';
import { expectNoPass, expectValidReport, passingFiles, readerFailingOn } from './helpers/hostile-repo.js';

const files = passingFiles();
const bytes = (max: number) => fc.uint8Array({ maxLength: max });
const text = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** YAML-significant fragments, so the generator reaches anchors, aliases, tags, merges, flow and block nesting. */
const YAML_TOKENS = ['&a ', '*a ', '<<: ', '!!python/object ', '!tag ', '!!binary ', '[', ']', '{', '}', ': ', '- ', '\n', '  ', '\t',
  'license', 'apache-2.0', 'llama3', '__proto__', 'constructor', 'datasets', '"', "'", '#', '|', '>', '? ', ',', '---', '...', '%YAML 1.2\n', '\r\n', '\u0000', '\ufeff'];
const yamlish = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((t) => t.join(''));

describe('random input never crashes and never passes by accident', () => {
  test('random bytes as LICENSE: a valid report, and no profile passes', async () => {
    await fc.assert(fc.asyncProperty(bytes(4096), async (license) => {
      const report = await checkReader(createMemoryReader({ ...files, LICENSE: license }));
      expectValidReport(report);
      expectNoPass(report);
    }), { numRuns: 150 });
  });

  test('random printable text as LICENSE: no profile passes', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 2000 }), async (license) => {
      const report = await checkReader(createMemoryReader({ ...files, LICENSE: license }));
      expectValidReport(report);
      expectNoPass(report);
    }), { numRuns: 100 });
  });

  test('random bytes as the whole README: a valid report; binary or empty never passes', async () => {
    await fc.assert(fc.asyncProperty(bytes(4096), async (readme) => {
      const report = await checkReader(createMemoryReader({ ...files, 'README.md': readme }));
      expectValidReport(report);
      const codes = new Set(report.findings.map((f) => f.code));
      if (codes.has('file-binary') || codes.has('file-empty')) expectNoPass(report);
    }), { numRuns: 100 });
  });

  test('random bytes and YAML fragments as front matter: a valid report, plain data, no prototype touched', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(yamlish, bytes(2048).map((b) => Buffer.from(b).toString('latin1'))), async (yaml) => {
      const fm = readFrontMatter(`---\n${yaml}\n---\n# Card\n`);
      expect(['ok', 'none', 'invalid']).toContain(fm.kind);
      if (fm.kind === 'ok') expect(Object.getPrototypeOf(fm.metadata)).toBe(null);
      const report = await checkReader(createMemoryReader({ ...files, 'README.md': `---\n${yaml}\n---\n# Card\n` }));
      expectValidReport(report);
      if (report.findings.some((f) => f.code === 'front-matter-invalid')) expectNoPass(report);
      expect(({} as Record<string, unknown>)['license']).toBeUndefined();
    }), { numRuns: 200 });
  });

  test('random bytes after a plausible safetensors or GGUF prefix: a valid report', async () => {
    const safetensors = fc.tuple(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), bytes(4096)).map(([length, rest]) => {
      const head = Buffer.alloc(8);
      head.writeBigUInt64LE(length);
      return cat(head, text('{"'), rest);
    });
    const gguf = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), bytes(4096)).map(([version, rest]) => {
      const head = Buffer.alloc(8);
      head.write('GGUF', 0, 'latin1');
      head.writeUInt32LE(version, 4);
      return cat(head, rest);
    });
    await fc.assert(fc.asyncProperty(safetensors, gguf, async (st, gg) => {
      const report = await checkReader(createMemoryReader({ ...files, 'model.safetensors': st, 'model.gguf': gg }));
      expectValidReport(report);
    }), { numRuns: 150 });
  });

  test('any required file that cannot be read: no profile passes', async () => {
    const required = ['LICENSE', 'README.md', 'model.safetensors'];
    await fc.assert(fc.asyncProperty(fc.subarray(required, { minLength: 1 }), async (failing) => {
      const report = await checkReader(readerFailingOn(files, failing));
      expectValidReport(report);
      expectNoPass(report);
    }), { numRuns: 20 });
  });
});
