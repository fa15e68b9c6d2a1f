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

// Issue 10: a restriction stated anywhere terms can stand never leaves the release passing. The sentences are built
// from parts (who, what is limited, how it is said, casing, wrapping), so the vocabulary is not tested by its own list.
describe('a random restrictive sentence anywhere terms can stand: no profile passes', () => {
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  const purpose = fc.constantFrom('non-commercial', 'noncommercial', 'research', 'academic', 'personal', 'evaluation', 'internal');
  const freedom = fc.constantFrom('distribute', 'redistribute', 'modify', 'sell', 'share');
  const sentence = fc.oneof(
    fc.tuple(fc.constantFrom('The weights', 'This model', 'The model', 'These checkpoints'), fc.constantFrom('may only be used', 'are licensed', 'are released', 'can be used'), purpose)
      .map(([who, verb, p]) => `${who} ${verb} for ${p} purposes only.`),
    purpose.map((p) => `For ${p} use only.`),
    fc.constantFrom('Commercial use is not permitted.', 'Commercial use is prohibited.', "Don't use this model commercially.", 'No commercial use.',
      'Commercial use requires a separate license; contact us.', 'Use is subject to the Acme Model License.', 'You must comply with our acceptable use policy.',
      'You may not use the outputs to improve any other large language model.', 'This model is released under CC BY-NC 4.0.'),
    freedom.map((f) => `You may not ${f} the weights without our prior written permission.`),
  ).chain((s) => fc.tuple(fc.constant(s), fc.boolean(), fc.boolean()).map(([t, upper, wrap]) => {
    const cased = upper ? t.toUpperCase() : t;
    return wrap ? cased.replace(/ (?=\S+ \S+$)/, '\n') : cased; // wrapped over two lines, as editors do
  }));

  test('in the card body, as a paragraph, a list item, a quote, a bold heading\'s section or an HTML block', async () => {
    const card = decode(files['README.md']!);
    const shapes = fc.constantFrom((s: string) => s, (s: string) => `- ${s}`, (s: string) => `> ${s}`, (s: string) => `**Terms**\n\n${s}`,
      (s: string) => `<p>${s}</p>`, (s: string) => `Notes\n-----\n\n${s}`, (s: string) => `| Note |\n|---|\n| ${s.replace(/\n/g, ' ')} |`);
    await fc.assert(fc.asyncProperty(sentence, shapes, fc.nat(), async (s, shape, at) => {
      const lines = card.split('\n');
      const bodyStart = lines.indexOf('---', 1) + 1;
      const i = bodyStart + (at % (lines.length - bodyStart));
      lines.splice(i, 0, '', shape(s), '');
      const report = await checkReader(createMemoryReader({ ...files, 'README.md': lines.join('\n') }));
      expectNoPass(report);
    }), { numRuns: 60 });
  });

  test('as a card table row whose key names a freedom', async () => {
    const key = fc.constantFrom('Commercial use', 'commercial usage', 'Redistribution', 'Modification', 'Derivative works', 'Fine-tuning');
    const value = fc.constantFrom('No', 'no', '❌', '✗', 'Not allowed', 'Prohibited', 'Contact us', 'Ask first', 'Research only', 'N');
    await fc.assert(fc.asyncProperty(key, value, fc.boolean(), async (k, v, header) => {
      const table = header ? `| ${k} | ${v} |\n|---|---|\n` : `| Term | Value |\n|---|---|\n| ${k} | ${v} |\n`;
      const report = await checkReader(createMemoryReader({ ...files, 'README.md': `${decode(files['README.md']!)}\n## Terms\n\n${table}` }));
      expectNoPass(report);
    }), { numRuns: 40 });
  });

  test('in the gate text: a prompt, a heading, a field label or a select option', async () => {
    const where = fc.constantFrom('prompt', 'heading', 'label', 'option');
    await fc.assert(fc.asyncProperty(sentence, where, async (s, w) => {
      const one = JSON.stringify(s.replace(/\n/g, ' '));
      const gate = w === 'prompt' ? `extra_gated_prompt: ${one}\n` : w === 'heading' ? `extra_gated_heading: ${one}\n`
        : w === 'label' ? `extra_gated_fields:\n  ${one}: text\n` : `extra_gated_fields:\n  Affiliation:\n    type: select\n    options:\n      - ${one}\n`;
      const card = decode(files['README.md']!).replace(/^---\n/, `---\ngated: auto\n${gate}`);
      const report = await checkReader(createMemoryReader({ ...files, 'README.md': card }));
      expectNoPass(report);
    }), { numRuns: 40 });
  });

  test('in metadata: a config.json terms key, a safetensors __metadata__ string', async () => {
    const key = fc.constantFrom('license', 'terms_of_use', 'usage_restrictions', 'license_notes');
    await fc.assert(fc.asyncProperty(sentence, key, fc.boolean(), async (s, k, header) => {
      const value = s.replace(/\n/g, ' ');
      let over: Record<string, Uint8Array | string>;
      if (header) {
        const json = Buffer.from(JSON.stringify({ __metadata__: { format: 'pt', [`modelspec.${k}`]: value }, w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }));
        const head = Buffer.alloc(8);
        head.writeBigUInt64LE(BigInt(json.length));
        over = { 'model.safetensors': cat(head, json, new Uint8Array(8)) };
      } else {
        over = { 'config.json': JSON.stringify({ ...JSON.parse(decode(files['config.json']!)), [k]: value }) };
      }
      const report = await checkReader(createMemoryReader({ ...files, ...over }));
      expectNoPass(report);
    }), { numRuns: 40 });
  });

  // Words around or inside a matched license text are issue 10 item 1 (src/identify/license-text/, another branch):
  // today "Use is subject to the Acme Model License." after Apache-2.0, or "You must comply with our acceptable use
  // policy." between its sections, still pass. Unskip when item 1 lands.
  test.skip('in the LICENSE, before, inside or after the license text', async () => {
    const license = decode(files['LICENSE']!);
    await fc.assert(fc.asyncProperty(sentence, fc.constantFrom('before', 'after', 'inside'), fc.nat(), async (s, where, at) => {
      const paragraphs = license.split('\n\n');
      const i = where === 'before' ? 0 : where === 'after' ? paragraphs.length : 1 + (at % (paragraphs.length - 1));
      paragraphs.splice(i, 0, s);
      const report = await checkReader(createMemoryReader({ ...files, LICENSE: paragraphs.join('\n\n') }));
      expectNoPass(report);
    }), { numRuns: 40 });
  });

  test('in a terms file of any name: USAGE.md, "Model Terms.txt", docs/acceptable-use.md, LICENSE-WEIGHTS', async () => {
    const name = fc.constantFrom('USAGE.md', 'Model Terms.txt', 'docs/acceptable-use.md', 'LICENSE-WEIGHTS', 'TERMS', 'legal/EULA.html', 'Restrictions.rst');
    await fc.assert(fc.asyncProperty(sentence, name, async (s, n) => {
      const report = await checkReader(createMemoryReader({ ...files, [n]: `# Notes\n\n${s}\n` }));
      expectNoPass(report);
    }), { numRuns: 40 });
  });
});
