// Issue 10.1: a license file's words that its reference match does not explain are terms (license-terms-added,
// unknown) unless rules/benign-lines.yaml recognises them; a cut grant refuses the match.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, test } from 'vitest';
import { identifyLicenseText } from '../src/identify/license-text/license-text.js';
import { findAddedTerms } from '../src/identify/added-terms.js';
import { normalizeText } from '../src/identify/normalize.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';
import type { RuleSet } from '../src/ruleset/rule-set.js';

const require = createRequire(import.meta.url);
const full: Record<string, { licenseText: string }> = require('spdx-license-list/full');
const text = (id: string) => full[id]!.licenseText;
const mit = text('MIT').replace('<year> <copyright holders>', '2024 Tiny Lab');
const apache = text('Apache-2.0');
const apacheBody = apache.slice(0, apache.indexOf('END OF TERMS AND CONDITIONS') + 'END OF TERMS AND CONDITIONS'.length);

let rules: RuleSet;
beforeAll(async () => { rules = await loadRuleSet(); });

/** The ids found, with `+terms` when unexplained words were reported, and the quote. */
function read(t: string, file = 'LICENSE'): { ids: string[]; raw?: string } {
  const found = identifyLicenseText(file, t, { kind: 'repo' }, rules);
  const terms = found.find((f) => f.addedTerms);
  return { ids: found.map((f) => (f.addedTerms ? '+terms' : f.expression)), ...(terms?.raw ? { raw: terms.raw } : {}) };
}

describe('benign lines keep the match clean', () => {
  test.each([
    ['a title line', `MIT License\n\n${mit}`],
    ['a Markdown title and rule', `# The MIT License (MIT)\n\n---\n\n${mit}`],
    ['copyright with all rights reserved', `Copyright (c) 2020-2024 Tiny Lab, Inc. <legal@tiny.example>\nAll rights reserved.\n\n${mit}`],
    ['a copyright holder list that continues', `Copyright (c) 2024 Tiny Lab\n  and contributors\n\n${mit}`],
    ['NCSA-style credit lines', `${mit}\n\nDeveloped by: Tiny Lab\n  Ben Balter\n  https://tiny.example/lab\n`],
    ['the license URL', `${mit}\n\nhttps://opensource.org/licenses/MIT\n`],
    ['an SPDX tag', `SPDX-License-Identifier: MIT\n\n${mit}`],
    ['a pointer to NOTICE', `${apacheBody}\n\nSee the NOTICE file for the list of contributors.\n`],
    ['a citation request', `${mit}\n\nPlease cite this work using the citation in CITATION.cff.\n`],
    ['the Apache appendix filled in', apache.replace('[yyyy] [name of copyright owner]', '2024 Tiny Lab')],
    ['a scope sentence', `${mit}\n\nThe model weights and the code in this repository are both released under the terms above.\n`],
    ['labels between licenses', `Code:\n\n${mit}\n\nModel weights:\n\n${apacheBody}\n`],
    // Title lines that are the reference's own, in its own places, are read by a shortcut (issue 16): the same answer.
    ['Apache-2.0 as apache.org publishes it', apache],
    ['Apache-2.0 with its title lines indented and CRLF', apache.replace(/\n/g, '\r\n').replace('Apache License', '    Apache License   ')],
  ])('%s', (_name, t) => {
    expect(read(t).ids).not.toContain('+terms');
  });
});

describe('unexplained words are terms', () => {
  test.each([
    ['a rider after Apache-2.0', `${apacheBody}\n\nThe Licensor may update these terms at any time.`, 'update these terms'],
    ['a sentence before the text', `These terms apply to the weights as published by Tiny Lab.\n\n${mit}`, 'apply to the weights'],
    ['words on the copyright line', mit.replace('2024 Tiny Lab', '2024 Tiny Lab. Weights for research use only'), 'research use only'],
    ['a short first paragraph read as a title', `Research preview\n\n${mit}`, 'Research preview'],
    ['a title with a rider', `MIT License for Tiny Lab members\n\n${mit}`, 'Tiny Lab members'],
    ['a URL to terms elsewhere', `${mit}\n\nhttps://tiny.example/model-terms\n`, 'tiny.example'],
    ['an SPDX tag with words after it', `SPDX-License-Identifier: MIT OR research-only\n\n${mit}`, 'research'],
    ['a paragraph inside the text', apacheBody.replace('3. Grant of Patent License.', 'Tiny Lab publishes a changelog of these terms on its website every month.\n\n3. Grant of Patent License.'), 'publishes a changelog'],
    ['text in another language', `${mit}\n\n本模型权重仅限学术研究使用。`, 'no vocabulary'],
    ['a pointer whose purpose is terms', `${mit}\n\nSee the NOTICE file for the research only terms.`, 'research'],
    ['a contact sentence that asks for a license', `${mit}\n\nPlease contact us for a commercial license.`, 'commercial'],
    // Open-washing the benign rules themselves.
    ['a copyright line with a second sentence', mit.replace('2024 Tiny Lab', '2024 Tiny Lab. Weights excluded'), 'Weights excluded'],
    ['a copyright line with a semicolon', mit.replace('2024 Tiny Lab', '2024 Tiny Lab; military applications excluded'), 'military'],
    ['a copyright continuation that is a rider', mit.replace('2024 Tiny Lab', '2024 Tiny Lab\n  excluding any military applications'), 'military'],
    ['a capitalised continuation that is a rider', mit.replace('2024 Tiny Lab', '2024 Tiny Lab\nNon-Commercial Use Only'), 'noncommercial'],
    ['a title that excludes the weights', `MIT License (weights excluded)\n\n${mit}`, 'weights excluded'],
    // Not the reference's own title lines, so read in full although every other word is the license's.
    ['an Apache-2.0 title line with a rider', apache.replace('Version 2.0, January 2004', 'Version 2.0, January 2004, for research use only'), 'research use only'],
    ['an Apache-2.0 title line added', `Tiny Lab research weights license\n\n${apache}`, 'research weights'],
    ['a rider in the Apache appendix', apache.replace('To apply the Apache License to your work', 'Companies with more than 700 million monthly users need a separate grant from Tiny Lab. To apply the Apache License to your work'), '700 million'],
    ['a scope sentence that names a purpose', `${mit}\n\nThe model weights for academic work are released under the terms above.`, 'academic'],
  ])('%s', (_name, t, quote) => {
    const got = read(t);
    expect(got.ids).toContain('+terms');
    expect(got.raw ?? '').toContain(quote.toLowerCase() === quote ? quote : quote);
  });
});

describe('missing grant words refuse the match', () => {
  test.each([
    ['MIT without distribute and sublicense', mit.replace('copy, modify, merge, publish, distribute, sublicense, and/or sell', 'copy and modify')],
    ['Apache-2.0 without the copyright grant', apacheBody.replace(/to reproduce, prepare Derivative Works of, publicly display, publicly perform, sublicense, and distribute/, 'to use')],
  ])('%s', (_name, t) => {
    expect(read(t).ids).toEqual(['unknown']);
  });
});

describe('restriction vocabulary: contractions and negations', () => {
  const hit = (s: string) => findAddedTerms(normalizeText(s).split(' '), rules) !== undefined;
  test.each([
    ["don't use the weights commercially", true],
    ["You can't redistribute the weights.", true],
    ['you do not need our permission to use it commercially', false],
    ["You don't need our permission to sell products built with it.", false],
  ])('%s → %s', (s, want) => {
    expect(hit(s)).toBe(want);
  });
});

describe('issue 17: reference texts alone, template variables', () => {
  const gplAt = text('LGPL-3.0-only').search(/\n\s*GNU GENERAL PUBLIC LICENSE\s*\n\s*Version 3, 29 June 2007/);
  const gpl3 = text('GPL-3.0-only');
  test.each([
    ['LGPL-3.0 without the GPL-3.0 its SPDX text appends', text('LGPL-3.0-only').slice(0, gplAt), ['LGPL-3.0-only']],
    ['LGPL-3.0 with it, as COPYING.LESSER files often are', text('LGPL-3.0-only'), ['LGPL-3.0-only']],
    ['GPL-3.0, whose appendix names the GNU Lesser GPL', gpl3, ['GPL-3.0-only']],
    ['GPL-3.0 with {braced} template variables in its appendix', gpl3.replace(/<program>/g, '{project}').replace(/<year>/g, '{year}').replace(/<name of author>/g, '{fullname}'), ['GPL-3.0-only']],
  ])('%s', (_name, t, want) => {
    expect(read(t).ids).toEqual(want);
  });
});
