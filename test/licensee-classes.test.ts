// Issue 17, the classes of texts licensee's own suite showed osai missing: project names as template variables,
// Chinese text re-wrapped, HTML pages, sentences and copyright lines a re-wrap broke, titles by another name, the
// Apache notice over "this material", Creative Commons' optional notices, and siblings told apart by their own
// words. Texts are written here or built from the SPDX texts the spdx-license-list package ships; each class has
// rows that change the text so it must NOT come out as the clean license.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, test } from 'vitest';
import { addedTermsIn, identifyLicenseText } from '../src/identify/license-text/license-text.js';
import { loadRuleSet, type RuleSet } from '../src/ruleset/rule-set.js';

const require = createRequire(import.meta.url);
const full: Record<string, { licenseText: string }> = require('spdx-license-list/full');
const text = (id: string) => full[id]!.licenseText;

let rules: RuleSet;
beforeAll(async () => { rules = await loadRuleSet(); });

/** Each finding as `id@confidence`, `+terms` for words that may limit use; `~closest` for an unknown. */
const read = (t: string) => identifyLicenseText('LICENSE', t, { kind: 'repo' }, rules)
  .map((f) => (f.addedTerms ? '+terms' : `${f.expression}@${f.confidence}${f.source.kind === 'notice' ? ':notice' : ''}`));
/** Whether a text is read as exactly one license, clean: that id and nothing else. */
const clean = (t: string) => { const got = read(t); return got.length === 1 && !got[0]!.startsWith('unknown') ? got[0]!.split('@')[0] : got.join(' '); };

/** `t` with `from` replaced by `to`, failing when `from` is not in it (so an attack row never tests the clean text). */
function put(t: string, from: string, to: string): string {
  if (!t.includes(from)) throw new Error(`not in the text: ${from}`);
  return t.replace(from, to);
}

/** Paragraphs re-flowed to `width` columns, as an editor (or licensee's suite) re-wraps a file. */
function rewrap(t: string, width: number): string {
  return t.split(/\n\s*\n/).map((p) => {
    const lines: string[] = [];
    let line = '';
    for (const w of p.split(/\s+/).filter(Boolean)) {
      if (line && line.length + w.length + 1 > width) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
    }
    if (line) lines.push(line);
    return lines.join('\n');
  }).join('\n\n');
}

describe('project names are variable text (rules/license-templates.yaml projects)', () => {
  // The Vim license with another program's name where the SPDX text names Vim as the licensed program.
  const named = (name: string) => text('Vim').replace(/\bVim\b(?! (scripts|maintainer|license))/g, name);
  test.each([
    ['a one-word name', named('Quill'), 'Vim'],
    ['a two-word name, re-wrapped', rewrap(named('Quill Editor'), 60), 'Vim'],
    ['a name that is a party word', named('Licensee'), 'Vim'],
  ])('%s', (_, t, want) => { expect(clean(t)).toBe(want); });

  test.each([
    ['a purpose inside a name slot', put(named('Quill'), 'unmodified copies of Quill except', 'unmodified copies of Quill for noncommercial use except')],
    ['an extra restricting clause', put(named('Quill'), 'IV)', 'V) Quill may not be used for military purposes.\n\nIV)')],
    ['a place put into a name slot', put(named('Quill'), 'unmodified copies of Quill except', 'unmodified copies of Quill in Germany except')],
    ['a time put into a name slot', put(named('Quill'), 'unmodified copies of Quill except', 'unmodified copies of Quill until 2030 except')],
    ['a name slot holding "only"', put(named('Quill'), 'The modified Quill must be', 'The modified Quill only must be')],
  ])('%s is not the clean Vim license', (_, t) => { expect(clean(t)).not.toBe('Vim'); });
});

describe('ideographs are words: a re-wrap inside a Chinese sentence changes nothing', () => {
  // Every line of Chinese broken after 23 characters, wherever that falls.
  const mulan = text('MulanPSL-2.0');
  const broken = mulan.split('\n').map((l) => (/[\u4e00-\u9fff]/.test(l) ? l.replace(/(.{23})/gu, '$1\n') : l)).join('\n');
  test('MulanPSL-2.0 with its Chinese lines broken elsewhere', () => { expect(clean(broken)).toBe('MulanPSL-2.0'); });
  test.each([
    ['a Chinese non-commercial sentence', put(mulan, '2.   授予专利许可', '本软件仅限非商业用途使用。\n\n2.   授予专利许可')],
    ['an English non-commercial sentence', `${mulan}\n\nThis software may be used for non-commercial purposes only.\n`],
  ])('%s is not the clean MulanPSL-2.0', (_, t) => { expect(clean(t)).not.toBe('MulanPSL-2.0'); });
});

describe('HTML pages: style sheets and scripts are no words', () => {
  const mit = text('MIT').replace('<year>', '2024').replace('<copyright holders>', 'Tiny Lab');
  const page = (body: string, head = '') => `<html>\n<head>\n<title>MIT License</title>\n${head}</head>\n<body>\n${body.split(/\n\s*\n/).map((p) => `<p>${p}</p>`).join('\n')}\n</body>\n</html>\n`;
  const style = '<style type="text/css">\n  body {\n    margin: 0.25in 0.5in;\n    font-family: serif;\n  }\n  p.list { margin-left: 0.5in; }\n</style>\n';
  const script = '<script>\n  window.analytics = { track: function () { return 1; } };\n</script>\n';
  test.each([
    ['a page with a style sheet', page(mit, style)],
    ['a page with a script', page(mit, script)],
  ])('%s', (_, t) => { expect(clean(t)).toBe('MIT'); });
  test('terms outside the style sheet are still read', () => {
    expect(read(page(`${mit}\n\nThe weights are for non-commercial research only.`, style))).toContain('+terms');
  });
  test('an opened style sheet that never closes is read as words (and stays cheap)', () => {
    expect(clean(`${'<style '.repeat(20000)}\n\n${mit}`)).not.toBe('');
  });
});

describe('sentences and copyright lines a re-wrap broke', () => {
  test('a line inside an open sentence is no heading (GPL-2.0 with a Markdown link over three lines)', () => {
    const gpl = `${text('GPL-2.0-only')}\n\nThis General Public License does not permit incorporating your program\ninto proprietary programs. If your program is a subroutine library,\nyou may consider it more useful to permit linking proprietary\napplications with the library. If this is what you want to do, use the\n[GNU Lesser General Public\nLicense](https://www.gnu.org/licenses/lgpl.html) instead of this\nLicense.\n`;
    expect(clean(gpl)).toBe('GPL-2.0-only');
  });
  test('a heading-like line inside a restricting sentence is read with it', () => {
    const mit = text('MIT').replace('<year>', '2024').replace('<copyright holders>', 'Tiny Lab');
    expect(read(`${mit}\n\nThe model weights may be used under the\nMIT License\nfor non-commercial research only.\n`)).toContain('+terms');
  });
  test('a URL in <> that ends a sentence is read with it (CC0 without its disclaimer)', () => {
    const cc0 = text('CC0-1.0');
    const legal = cc0.slice(cc0.indexOf('Statement of Purpose'));
    expect(clean(`${legal}\n\nFor more information, please see\n<http://creativecommons.org/publicdomain/zero/1.0/>\n`)).toBe('CC0-1.0');
  });
  const mitBody = text('MIT').slice(text('MIT').indexOf('Permission'));
  test('holder words a re-wrap moved under the copyright line belong to it', () => {
    expect(clean(rewrap(`Copyright (c) 2024 The Quill Software Foundation, Inc. ${mitBody}`, 48))).toBe('MIT');
  });
  test('a rider a re-wrap moved under the copyright line is read', () => {
    expect(read(`Copyright (c) 2024 The Quill Software\nResearch use only. ${mitBody.replace(/\n/g, ' ')}`)).toContain('+terms');
  });
  test('a first paragraph that goes on with the copyright line\'s sentence is license text, not a title (LPPL re-wrapped)', () => {
    // The copyright line and the sentence after it in one paragraph, as licensee's copy has them.
    expect(clean(rewrap(put(text('LPPL-1.3c'), 'LaTeX3 Project\n\nEveryone', 'LaTeX3 Project\nEveryone'), 60))).toBe('LPPL-1.3c');
  });
  test('a reference\'s title lines run into its first words (OFL-1.1 re-wrapped)', () => {
    expect(clean(rewrap(put(text('OFL-1.1'), 'PREAMBLE\n\nThe goals', 'PREAMBLE\nThe goals'), 60))).toBe('OFL-1.1');
  });
});

describe('titles by a name the rules know (aliases)', () => {
  const odbl = text('ODbL-1.0').replace(/^[^\n]*\n/, '## ODC Open Database License (ODbL)\n');
  test('"ODC Open Database License (ODbL)" over the ODbL-1.0 text', () => { expect(clean(odbl)).toBe('ODbL-1.0'); });
  test('a title with a rider is read', () => {
    expect(read(put(odbl, '(ODbL)\n', '(ODbL) for non-commercial research only\n'))).toContain('+terms');
  });
});

describe('the Apache-2.0 notice over other things than a file', () => {
  const notice = (what: string) => `Copyright 2024 Quill Team\n\nLicensed under the Apache License, Version 2.0 (the "License");\nyou may not use ${what} except in compliance with the License.\nYou may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an "AS IS" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n`;
  test.each([['this material'], ['this model'], ['these files']])('"you may not use %s except in compliance"', (what) => {
    expect(read(notice(what))).toEqual(['Apache-2.0@1:notice']);
  });
  test('a purpose put into the notice is read', () => {
    expect(read(notice('this material for commercial purposes'))).toContain('+terms');
  });
  test.each([['this material', false], ['this material for research', true]])('in a README License section: "you may not use %s except in compliance" (terms: %s)', (what, terms) => {
    expect(addedTermsIn('README.md', notice(what), { kind: 'repo' }, 'card-section', rules) !== undefined).toBe(terms);
  });
});

describe('Creative Commons legal codes without CC\'s optional notices (rules/license-templates.yaml spans)', () => {
  const cut = (id: string, { head = false, tail = false }) => {
    let t = text(id);
    if (tail) t = t.slice(0, t.search(/\n[^\n]*(Creative Commons Notice|Creative Commons is not a party to (its public licenses|this License))/));
    if (head) t = t.slice(t.search(/\n\s*\n\s*(License\s*\n|Creative Commons Attribution[^\n]*Public License|Statement of Purpose)/));
    return t;
  };
  test.each([
    ['CC-BY-4.0 without its trailing notice', cut('CC-BY-4.0', { tail: true }), 'CC-BY-4.0'],
    ['CC-BY-NC-4.0 without its trailing notice', cut('CC-BY-NC-4.0', { tail: true }), 'CC-BY-NC-4.0'],
    ['CC-BY-SA-3.0 without its disclaimer and notice', cut('CC-BY-SA-3.0', { head: true, tail: true }), 'CC-BY-SA-3.0'],
    ['CC-BY-2.0 without its disclaimer and notice', cut('CC-BY-2.0', { head: true, tail: true }), 'CC-BY-2.0'],
    ['CC0-1.0 without its disclaimer', cut('CC0-1.0', { head: true }), 'CC0-1.0'],
  ])('%s', (_, t, want) => { expect(clean(t)).toBe(want); });
  test('CC-BY-2.0 without its notices scores 1 (the span-less candidate)', () => {
    expect(read(cut('CC-BY-2.0', { head: true, tail: true }))).toEqual(['CC-BY-2.0@1']);
  });
  test('a NonCommercial sentence in a CC-BY-4.0 without its notice is read', () => {
    const t = put(cut('CC-BY-4.0', { tail: true }), 'Section 2 – Scope.', 'You may not use the Licensed Material for NonCommercial purposes only.\n\nSection 2 – Scope.');
    expect(clean(t)).not.toBe('CC-BY-4.0');
  });
});

describe('siblings: the id is chosen by the words that tell them apart', () => {
  const drop = (t: string, ...parts: (string | RegExp)[]) => parts.reduce<string>((s, p) => s.replace(p, ''), t);
  test.each([
    ['Python-2.0 re-wrapped', rewrap(text('Python-2.0'), 60), 'Python-2.0'],
    ['Python-2.0.1 re-wrapped', rewrap(text('Python-2.0.1'), 60), 'Python-2.0.1'],
    ['X11 re-wrapped', rewrap(text('X11'), 50), 'X11'],
    ['X11-no-permit-persons re-wrapped', rewrap(text('X11-no-permit-persons'), 50), 'X11-no-permit-persons'],
    ['BSD-3-Clause-Clear re-wrapped', rewrap(text('BSD-3-Clause-Clear'), 60), 'BSD-3-Clause-Clear'],
    ['BSD-2-Clause-Views re-wrapped', rewrap(text('BSD-2-Clause-Views'), 60), 'BSD-2-Clause-Views'],
    ['BSD-2-Clause-Patent re-wrapped', rewrap(text('BSD-2-Clause-Patent'), 60), 'BSD-2-Clause-Patent'],
    // None of the words that make it -Clear: the plain id.
    ['BSD-3-Clause-Clear less its patent sentence and title', drop(text('BSD-3-Clause-Clear'), 'The Clear BSD License\n', ' (subject to the limitations in the disclaimer below)', "NO EXPRESS OR IMPLIED LICENSES TO ANY PARTY'S PATENT RIGHTS ARE GRANTED BY THIS LICENSE. "), 'BSD-3-Clause'],
    // None of the words that make it -Views: the plain id.
    ['BSD-2-Clause-Views less its views paragraph', drop(text('BSD-2-Clause-Views'), /\n\s*\nThe views and conclusions[\s\S]*$/), 'BSD-2-Clause'],
    ['GFDL-1.2-invariants-only (the same words as GFDL-1.2-only)', text('GFDL-1.2-invariants-only'), 'GFDL-1.2-only'],
  ])('%s', (_, t, want) => { expect(clean(t)).toBe(want); });
});

describe('a text that is all short paragraphs is its own body, not a title', () => {
  test.each([
    ['TermReadKey (one sentence of 15 words)', text('TermReadKey'), 'TermReadKey'],
    ['any-OSI re-wrapped', rewrap(text('any-OSI'), 30), 'any-OSI'],
  ])('%s', (_, t, want) => { expect(clean(t)).toBe(want); });
  test('a short text with a rider is not TermReadKey', () => {
    expect(clean(`${text('TermReadKey')}\n\nFor research use only.`)).not.toBe('TermReadKey');
  });
});

describe('X11: the holder named in its advertising clause is variable text, its trademark line optional (SPDX template)', () => {
  const x11 = text('X11');
  const named = put(put(x11, 'SHALL THE X CONSORTIUM BE LIABLE', 'SHALL QUILL LABS BE LIABLE'), 'the name of the X Consortium shall', 'the name of Quill Labs shall');
  test.each([
    ['another holder in the disclaimer and the advertising clause', named, ['X11@1']],
    ['without the trademark line', put(x11, 'X Window System is a trademark of X Consortium, Inc.', ''), ['X11@1']],
  ])('%s', (_, t, want) => { expect(read(t)).toEqual(want); });
  test('a purpose put into the advertising clause\'s name is read', () => {
    expect(clean(put(named, 'the name of Quill Labs shall', 'the name of Quill Labs for research shall'))).not.toBe('X11');
  });
});

describe('a few words put into a license text that bring in a place or a time are read, not tolerated as noise', () => {
  const mit = text('MIT').replace('<year>', '2024').replace('<copyright holders>', 'Tiny Lab');
  test.each([
    ['a place', put(mit, 'to any person obtaining', 'to any person in Germany obtaining')],
    ['a time', put(mit, 'to deal in the Software without restriction', 'to deal in the Software until 2030 without restriction')],
  ])('%s in the MIT grant', (_, t) => { expect(clean(t)).not.toBe('MIT'); });
});

describe('CeCILL-2.1 (the SPDX text is the English one)', () => {
  const cecill = text('CECILL-2.1');
  test('re-wrapped, it is CECILL-2.1', () => { expect(clean(rewrap(cecill, 60))).toBe('CECILL-2.1'); });
  test.each([
    ['an extra article that restricts use', put(cecill, '    Article 6 - INTELLECTUAL PROPERTY', '    Article 5.4 - FIELD OF USE\n\nThe Licensee may not use the Software for military purposes.\n\n\n    Article 6 - INTELLECTUAL PROPERTY')],
    ['a non-commercial sentence', `${cecill}\n\nThe Software may be used for non-commercial purposes only.\n`],
  ])('%s is not the clean CECILL-2.1', (_, t) => { expect(clean(t)).not.toBe('CECILL-2.1'); });
});
