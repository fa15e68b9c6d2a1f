// Encodings and adversarial text: every decoder branch, and every text scan on 1 MiB pathological lines.
// Timings are in bench/hostile.mjs; here a super-linear scan would show up as vitest's timeout.
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { classifyPath } from '../src/discover/classify.js';
import { findCardComponents } from '../src/identify/components/components.js';
import { identifyLicenseText } from '../src/identify/license-text/license-text.js';
import { splitSections } from '../src/identify/card/markdown-sections.js';
import { normalizeText } from '../src/identify/normalize.js';
import { decodeText } from '../src/read/decode-text.js';
import { readFrontMatter } from '../src/read/front-matter.js';
import { createMemoryReader } from '../src/read/reader.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';
import { checkReader } from '../src/run.js';
import { expectNoPass, passingFiles } from './helpers/hostile-repo.js';
import { loadMarkdownParser } from '../src/identify/card/markdown.js';

// identify() reads card bodies with the Markdown parser, which the pipeline loads before it (run.ts).
await loadMarkdownParser();

const require = createRequire(import.meta.url);
const MIT: string = require('spdx-license-list/licenses/MIT.json').licenseText;
const APACHE: string = require('spdx-license-list/licenses/Apache-2.0.json').licenseText;

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => { const b = Buffer.from(s, 'utf16le'); b.swap16(); return new Uint8Array(b); };
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const TEXT = 'Copyright (c) 2024 Jürgen Müller\nPermission is granted.\n';

describe('decodeText', () => {
  test.each<[string, Uint8Array, ReturnType<typeof decodeText>]>([
    ['UTF-8', utf8(TEXT), { kind: 'text', text: TEXT }],
    ['UTF-8 with BOM', cat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(TEXT)), { kind: 'text', text: TEXT }],
    ['UTF-16 LE with BOM', cat(new Uint8Array([0xff, 0xfe]), utf16le(TEXT)), { kind: 'text', text: TEXT }],
    ['UTF-16 BE with BOM', cat(new Uint8Array([0xfe, 0xff]), utf16be(TEXT)), { kind: 'text', text: TEXT }],
    ['UTF-16 LE without BOM', utf16le('MIT License\nPermission is hereby granted'), { kind: 'text', text: 'MIT License\nPermission is hereby granted' }],
    ['UTF-16 BE without BOM', utf16be('MIT License\nPermission is hereby granted'), { kind: 'text', text: 'MIT License\nPermission is hereby granted' }],
    ['Latin-1', latin1(TEXT), { kind: 'text', text: TEXT }],
    ['Windows-1252 quotes', new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x80]), { kind: 'text', text: '\u201cA\u201d \u20ac' }],
    ['CRLF', utf8(TEXT.replace(/\n/g, '\r\n')), { kind: 'text', text: TEXT.replace(/\n/g, '\r\n') }],
    ['UTF-8 cut inside a character by the read cap', utf8('Müller ü').subarray(0, 9), { kind: 'text', text: 'Müller ' }],
    ['a NUL byte in text', utf8('MIT License\u0000 Permission'), { kind: 'binary' }],
    ['binary garbage', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), { kind: 'binary' }],
    ['control characters without NUL', new Uint8Array(Array.from({ length: 400 }, (_, i) => 1 + (i % 8))), { kind: 'binary' }],
    ['empty', new Uint8Array(0), { kind: 'empty' }],
    ['whitespace only', utf8(' \r\n\t\n'), { kind: 'empty' }],
    ['a BOM only', new Uint8Array([0xef, 0xbb, 0xbf]), { kind: 'empty' }],
    ['a UTF-16 BOM only', new Uint8Array([0xff, 0xfe]), { kind: 'empty' }],
    ['an odd-length UTF-16 file', cat(new Uint8Array([0xff, 0xfe]), utf16le('MIT License text'), new Uint8Array([0x41])), { kind: 'text', text: 'MIT License text\ufffd' }],
  ])('%s', (_name, bytes, expected) => {
    expect(decodeText(bytes)).toEqual(expected);
  });
});

describe('encoded license files are identified, end to end', () => {
  const files = passingFiles();
  test.each<[string, Uint8Array, string]>([
    ['UTF-8 with BOM', cat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(APACHE)), 'Apache-2.0'],
    ['UTF-16 LE with BOM', cat(new Uint8Array([0xff, 0xfe]), utf16le(APACHE)), 'Apache-2.0'],
    ['UTF-16 BE with BOM', cat(new Uint8Array([0xfe, 0xff]), utf16be(APACHE)), 'Apache-2.0'],
    ['CRLF', utf8(APACHE.replace(/\n/g, '\r\n')), 'Apache-2.0'],
    ['Latin-1 with a © and an ü', latin1(MIT.replace('<copyright holders>', '© Jürgen Müller')), 'MIT'],
  ])('%s', async (_name, bytes, id) => {
    const report = await checkReader(createMemoryReader({ ...files, LICENSE: bytes }));
    expect(report.licenses.find((l) => l.source.file === 'LICENSE')?.expression).toBe(id);
  });

  test('a UTF-16 card with front matter is read', async () => {
    const card = new TextDecoder().decode(files['README.md']);
    const report = await checkReader(createMemoryReader({ ...files, 'README.md': cat(new Uint8Array([0xff, 0xfe]), utf16le(card)) }));
    expect(report.licenses.some((l) => l.source.kind === 'card-metadata')).toBe(true);
  });

  test('binary garbage as LICENSE fails every profile', async () => {
    const garbage = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expectNoPass(await checkReader(createMemoryReader({ ...files, LICENSE: garbage })));
  });
});

const MB = 1024 * 1024;
const fill = (unit: string, bytes = MB) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/** The pathological shapes for each scan: long runs that a backtracking regex retries from every position. */
const ADVERSARIAL: [string, string][] = [
  ['spaces then x', `${fill(' ')}x`],
  ['heading + spaces + x', `# ${fill(' ')}x`],
  ['heading + "# " repeated', `# ${fill('# ')}x`],
  ['heading + " #" repeated + x', `# a${fill(' #')}x`],
  ['front matter never closed', `---\n${fill('a: b\n')}`],
  ['front matter + "--- x" lines', `---\n${fill('--- \tx\n')}`],
  ['front matter + 1M newlines', `---${fill('\n')}x`],
  ['SPDX tag + spaces + x', `SPDX-License-Identifier: a${fill(' ')}x`],
  ['repeated SPDX tags', fill('SPDX-License-Identifier: ')],
  ['many "<!--"', `# Evaluation\n${fill('<!--')}`],
  ['many "<"', fill('<')],
  ['many "]("', fill('](')],
  ['arxiv prefixes', fill('https://arxiv.org/abs/')],
  ['doi prefixes', fill('https://doi.org/')],
  ['fence markers', fill('```\n')],
];

describe('text scans stay linear on 1 MiB adversarial input', () => {
  let rules: Awaited<ReturnType<typeof loadRuleSet>>;
  test.each(ADVERSARIAL)('%s', async (_name, text) => {
    rules ??= await loadRuleSet();
    const fm = readFrontMatter(text);
    expect(['ok', 'none', 'invalid']).toContain(fm.kind);
    const sections = splitSections(text, 1);
    expect(sections.length).toBeGreaterThan(0);
    expect(typeof normalizeText(text)).toBe('string');
    const found = new Map();
    findCardComponents({ file: 'README.md', metadata: Object.create(null), lines: {}, body: text, bodyLine: 1 }, found);
    expect(found.has('model-card')).toBe(true);
    const licenses = identifyLicenseText('LICENSE', text, { kind: 'repo' }, rules);
    expect(licenses.length).toBeGreaterThan(0);
    for (const l of licenses) expect(l.expression.length).toBeLessThanOrEqual(500);
    expect(decodeText(new TextEncoder().encode(text)).kind).not.toBe(undefined);
  });

  test('the linear rewrites keep their meaning', () => {
    expect(splitSections('## Training data ##\ntext\n#not a heading\n#\n', 1).map((s) => [s.heading, s.level])).toEqual([['', 0], ['Training data', 2]]);
    expect(splitSections('# C# ##', 1)[1]!.heading).toBe('C#');
    const rulesFree = identifyLicenseText('x.py', '# SPDX-License-Identifier: mit */\n', { kind: 'repo' }, { licenses: new Map() } as never);
    expect(rulesFree[0]).toMatchObject({ expression: 'MIT', source: { line: 1 } });
    expect(identifyLicenseText('x.html', '<!-- SPDX-License-Identifier: Apache-2.0 -->', { kind: 'repo' }, { licenses: new Map() } as never)[0]!.expression).toBe('Apache-2.0');
    expect(normalizeText('A <b>bold</b> [link](https://x.org/a) &amp; more')).toBe('a bold link more');
  });

  test('a 4,000-character path classifies', () => {
    expect(classifyPath(`${`${'a'.repeat(250)}/`.repeat(16)}LICENSE`).role).toBe('license');
    expect(classifyPath(`LICENSE.${'x'.repeat(4000)}`).role).toBe('license');
  });
});
