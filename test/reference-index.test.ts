// The built reference data and the word scanner: the words file lines up with the index, diffs name the words a
// text lacks, and ASCII lines (scanned by character code) give the words the Unicode-aware path gives.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { identifyLicenseText } from '../src/identify/license-text/license-text.js';
import { matchWords } from '../src/identify/normalize.js';
import {
  buildReferenceIndex, buildSampleIndex, confirmedExact, exactMatch, optionalTailStart, referenceIndex, referenceSamples, referenceWords, supplementStart,
  templateOptional, templateSpans, withoutOptional, withoutSpans,
} from '../src/identify/license-text/reference-index.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';
import { ROOT } from './helpers/run-cli.js';

const full: Record<string, { licenseText: string }> = createRequire(import.meta.url)('spdx-license-list/full');
const rules = await loadRuleSet();

describe('built reference words', () => {
  test('every entry\'s words are its reference text\'s matching words, optional tail left out', () => {
    const { entries } = referenceIndex();
    const { vocab, ids } = referenceWords();
    expect(ids.length).toBe(entries.reduce((n, e) => n + e.words, 0));
    let at = 0;
    const wrong: string[] = [];
    const seen = new Set<string>();
    for (const e of entries) {
      // The license alone: LGPL-3.0's text without the GPL-3.0 it appends (supplementStart).
      const text = full[e.id]!.licenseText;
      const cut = supplementStart(text);
      // Less the optional text rules/license-templates.yaml lists (PostgreSQL's title); an id's second entry is
      // its text without the optional spans (CC's notices).
      const whole = withoutOptional(matchWords(cut === undefined ? text : text.slice(0, cut)).words, templateOptional()[e.id]);
      const words = seen.has(e.id) ? withoutSpans(whole, templateSpans()) : whole;
      seen.add(e.id);
      const want = words.slice(0, optionalTailStart(words));
      const got = Array.from(ids.subarray(at, at + e.words), (n) => vocab[n]);
      if (got.join(' ') !== want.join(' ')) wrong.push(e.id);
      at += e.words;
    }
    expect(wrong).toEqual([]);
  });

  test('the pieces a near miss reads from dist/ are the in-memory build\'s (hashes by range, sampled postings)', () => {
    const memory = buildReferenceIndex().index;
    const built = referenceIndex();
    expect(built.entries).toEqual(memory.entries);
    expect(Buffer.from(built.grams.buffer).equals(Buffer.from(memory.grams.buffer))).toBe(true);
    const want = buildSampleIndex(memory);
    const got = referenceSamples();
    for (const part of ['keys', 'starts', 'postings', 'counts'] as const) expect(Array.from(got[part]), part).toEqual(Array.from(want[part]));
  });

  test('a diff names the words of the paragraph that was removed', () => {
    const paragraphs = full['BSD-3-Clause']!.licenseText.split(/\n\s*\n/);
    const removed = paragraphs.findIndex((p) => p.includes('Redistributions of source code'));
    const [f] = identifyLicenseText('LICENSE', paragraphs.filter((_, i) => i !== removed).join('\n\n'), { kind: 'repo' }, rules);
    expect(f!.expression === 'BSD-3-Clause' || f!.closest?.id === 'BSD-3-Clause').toBe(true);
    // The alignment finds the whole clause gone, though its later words ("the above copyright notice", …) are also
    // in the binary-form clause (trigrams alone named only "of source code must retain").
    expect(f!.diff?.missing).toEqual(['of source code must retain the above copyright notice this list of …']);
    expect(f!.diff?.extra).toEqual([]);
  });
});

describe('an exact match is confirmed word for word', () => {
  test('the built table points every key at the words it was made from', () => {
    const table = readFileSync(join(ROOT, 'dist', 'license-exact.txt'), 'latin1').split('\n').slice(1).filter((l) => l !== '');
    const words = readFileSync(join(ROOT, 'dist', 'license-exact-words.txt'));
    const mitKey = table.find((l) => l.split('\t')[1] === 'MIT')!.split('\t');
    expect(words.subarray(Number(mitKey[2]), Number(mitKey[2]) + Number(mitKey[3])).toString('utf8')).toBe(matchWords(full['MIT']!.licenseText).words.join(' '));
    // Each range is a whole line of the words file.
    for (const line of table) {
      const [, , start, length] = line.split('\t').map(String);
      expect(words[Number(start) + Number(length)]).toBe(0x0a);
      expect(Number(start) === 0 || words[Number(start) - 1] === 0x0a).toBe(true);
    }
  });

  test('every reference text is an exact match of itself, confirmed', () => {
    for (const id of ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'CC-BY-4.0', 'ISC']) expect(exactMatch(matchWords(full[id]!.licenseText).words)).toBe(id);
  });

  // The 64-bit key is FNV-1a: a text made to share MIT's key must still not be MIT. A key hit whose reference words
  // are not the text's own is refused, so such a text goes on to the similarity match and its unexplained words.
  test('a key hit whose reference words are not the text\'s own is no match', () => {
    const mit = matchWords(full['MIT']!.licenseText).words;
    const bytes = Buffer.from(mit.join(' '), 'utf8');
    const read = (start: number, length: number) => bytes.subarray(start, start + length);
    const restricted = mit.map((w) => (w === 'person' ? 'student' : w));
    const longer = [...mit, 'for', 'research'];
    expect(confirmedExact(`MIT\t0\t${bytes.length}`, mit, read)).toBe('MIT');
    expect(confirmedExact(`MIT\t0\t${bytes.length}`, restricted, read)).toBeUndefined();
    expect(confirmedExact(`MIT\t0\t${bytes.length}`, longer, read)).toBeUndefined();
    expect(confirmedExact(`MIT\t0\t${bytes.length}`, mit.slice(0, -1), read)).toBeUndefined();
    expect(confirmedExact(`MIT\t0\t${bytes.length - 1}`, mit, read)).toBeUndefined();
    expect(confirmedExact('MIT', mit, read)).toBeUndefined();
    expect(confirmedExact(`MIT\t0\tx`, mit, read)).toBeUndefined();
    expect(confirmedExact(undefined, mit, read)).toBeUndefined();
  });
});

describe('what a check reads', () => {
  // Start-up: an exact text reads only the small exact-match file; a near miss reads the entries, the sampled
  // postings and the vocabulary, and of the 3.7 MB of hashes and words only its few candidates' ranges. Run in a
  // fresh process on the built dist/: node:fs's readers are wrapped before osai is loaded (syncBuiltinESMExports gives
  // ES modules the wrappers too), and the module cache shows what was required.
  const loaded = (text: string): Record<string, number> => {
    const script = `
      import fs from 'node:fs';
      import { createRequire, syncBuiltinESMExports } from 'node:module';
      const read = {};
      const count = (file, n) => { const name = String(file).split('/').pop(); read[name] = (read[name] ?? 0) + n; };
      const { readFileSync, openSync, readSync } = fs;
      const open = new Map();
      fs.readFileSync = (file, ...rest) => { const out = readFileSync(file, ...rest); count(file, out.length); return out; };
      fs.openSync = (file, ...rest) => { const fd = openSync(file, ...rest); open.set(fd, file); return fd; };
      fs.readSync = (fd, ...rest) => { const n = readSync(fd, ...rest); if (open.has(fd)) count(open.get(fd), n); return n; };
      syncBuiltinESMExports();
      const { identifyLicenseText } = await import('./dist/identify/license-text/license-text.js');
      const { loadRuleSet } = await import('./dist/ruleset/rule-set.js');
      identifyLicenseText('LICENSE', ${JSON.stringify(text)}, { kind: 'repo' }, await loadRuleSet());
      for (const f of Object.keys(createRequire(import.meta.url).cache)) count(f, 0);
      process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(read).filter(([f]) => /license-(exact|exact-words|index|words|vocab|samples)\\.(json|bin|txt)$|spdx-license-list/.test(f)))));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as Record<string, number>;
  };
  const size = (file: string) => statSync(join(ROOT, 'dist', file)).size;

  test('an exact MIT text loads neither the index nor the words, and of the exact texts only its own', () => {
    const read = loaded(full['MIT']!.licenseText);
    expect(Object.keys(read).sort()).toEqual(['license-exact-words.txt', 'license-exact.txt']);
    expect(read['license-exact-words.txt']).toBe(Buffer.byteLength(matchWords(full['MIT']!.licenseText).words.join(' ')));
  });

  test('without the exact words file (a half-finished build), an exact text is still confirmed, from an in-memory build', () => {
    const script = `
      import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const { openSync } = fs;
      fs.openSync = (file, ...rest) => { if (String(file).endsWith('license-exact-words.txt')) throw Object.assign(new Error('gone'), { code: 'ENOENT' }); return openSync(file, ...rest); };
      syncBuiltinESMExports();
      const { matchWords } = await import('./dist/identify/normalize.js');
      const { exactMatch } = await import('./dist/identify/license-text/reference-index.js');
      const mit = ${JSON.stringify(full['MIT']!.licenseText)};
      process.stdout.write(JSON.stringify([exactMatch(matchWords(mit).words), exactMatch(matchWords(mit.replace('merge, publish', 'publish')).words) ?? null]));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(['MIT', null]);
  });

  test('a near miss reads its candidates\' parts of the hashes and words, never the 5 MB package text', () => {
    const t = full['MIT']!.licenseText.replace('merge, publish', 'publish');
    const read = loaded(t);
    expect(Object.keys(read).sort()).toEqual(['license-exact.txt', 'license-index.bin', 'license-index.json', 'license-samples.bin', 'license-vocab.bin', 'license-vocab.txt', 'license-words.bin']);
    expect(read['license-index.bin']).toBeLessThan(size('license-index.bin') / 20);
    expect(read['license-words.bin']).toBeLessThan(size('license-words.bin') / 20);
  });
});

describe('ASCII and Unicode scanning agree', () => {
  // A first paragraph long enough not to be taken for a title; the line under test is the second paragraph.
  const lead = 'Permission is hereby granted to any person obtaining a copy of this work to deal in it without restriction.\n\n';
  const body = (text: string) => matchWords(lead + text).words.slice(matchWords(lead).words.length);
  const E = '\u00e9t\u00e9';
  // [line, its words, the words of the line with a non-ASCII word appended (which sends it through the regex path)]
  test.each<[string, string[], string[]]>([
    ['1. The Software', ['the', 'software'], ['the', 'software', E]],
    ['1.2.3 Grant of rights', ['grant', 'of', 'rights'], ['grant', 'of', 'rights', E]],
    ['(a) the code; b) the docs', ['the', 'code', 'the', 'docs'], ['the', 'code', 'the', 'docs', E]],
    ['iv. Termination of this licence', ['termination', 'of', 'this', 'license'], ['termination', 'of', 'this', 'license', E]],
    ['- * > # 2. Notices', ['notices'], ['notices', E]],
    ['Section 2.1 applies in 2024.', ['section', 'applies', 'in', '2024'], ['section', 'applies', 'in', '2024', E]],
    // A number with a dot inside a sentence is taken for a marker, "(c)" inside one as well: both paths agree.
    ['version 2.0 of the Non Commercial terms', ['version', 'of', 'the', 'noncommercial', 'terms'], ['version', 'of', 'the', 'noncommercial', 'terms', E]],
    ['a copyright notice, as (c) shows', ['a', 'copyright', 'notice', 'as', 'shows'], ['a', 'copyright', 'notice', 'as', 'shows', E]],
    ['the copyright holders and owners', ['the', 'copyright', 'holder', 'and', 'owners'], ['the', 'copyright', 'holder', 'and', 'owners', E]],
    ['Copyright (c) 2024 Example Corp', [], []],
    ['  ## (C) 2031 Someone', [], []],
    // "all rights reserved" is a copyright line only at the end of the line.
    ['All Rights Reserved.', [], ['all', 'rights', 'reserved', E]],
  ])('%s', (line, want, withWord) => {
    expect(body(line)).toEqual(want);
    expect(body(`${line} ${E}`)).toEqual(withWord);
  });
});
