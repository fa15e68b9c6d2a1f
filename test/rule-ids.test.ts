// Deprecated SPDX ids come out as the ids of the rules that rate them (GPL-2.0 → GPL-2.0-only), in one place.
import { describe, expect, test } from 'vitest';
import { discoverFiles } from '../src/discover/discover.js';
import { identify } from '../src/identify/identify.js';
import { withRuleIds } from '../src/spdx/rule-ids.js';
import type { Documents } from '../src/model.js';
import { loadRuleSet } from '../src/ruleset/rule-set.js';
import { loadMarkdownParser } from '../src/identify/card/markdown.js';

// identify() reads card bodies with the Markdown parser, which the pipeline loads before it (run.ts).
await loadMarkdownParser();

const rules = await loadRuleSet();

describe('withRuleIds', () => {
  test.each([
    ['GPL-2.0', 'GPL-2.0-only'],
    ['GPL-2.0+', 'GPL-2.0-or-later'],
    ['GPL-3.0', 'GPL-3.0-only'],
    ['LGPL-2.1', 'LGPL-2.1-only'],
    ['LGPL-2.1+', 'LGPL-2.1-or-later'],
    ['AGPL-3.0', 'AGPL-3.0-only'],
    ['GPL-2.0 WITH Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['(MIT OR GPL-2.0) AND LGPL-2.1+', '(MIT OR GPL-2.0-only) AND LGPL-2.1-or-later'],
    ['MIT AND (Apache-2.0 OR GPL-3.0+)', 'MIT AND (Apache-2.0 OR GPL-3.0-or-later)'],
    // Negative cases: ids with a rule, ids no rule names, and text that is no expression stay as they are.
    ['GPL-2.0-only', 'GPL-2.0-only'],
    ['Apache-2.0 OR MIT', 'Apache-2.0 OR MIT'],
    ['Nunit', 'Nunit'],
    ['LicenseRef-not-rated', 'LicenseRef-not-rated'],
    ['unknown', 'unknown'],
    ['not an expression', 'not an expression'],
  ])('%s → %s', (expression, want) => {
    expect(withRuleIds(expression, rules)).toBe(want);
  });

  test('a + without an "or later" alias is never dropped', () => {
    // No rule has GPL-1.0+ as an alias: the leaf keeps its + and stays unrated rather than becoming GPL-1.0-only.
    expect(rules.aliases.get('gpl-1.0+')).toBeUndefined();
    expect(withRuleIds('GPL-1.0+', rules)).toBe('GPL-1.0+');
  });
});

describe('identify() spells every finding with rule ids', () => {
  const docs = (over: Partial<Documents>): Documents => ({ docs: [], licenseTexts: [], weightsHeaders: [], hashes: [], problems: [], ...over });
  const card = (license: string) => ({ file: 'README.md', metadata: { license }, lines: { license: 2 }, body: '', bodyLine: 4 });
  const manifest = (license: string) => ({ file: 'package.json', text: JSON.stringify({ name: 'x', license }) });
  const files = discoverFiles([{ path: 'README.md', size: 10 }, { path: 'LICENSE', size: 10 }, { path: 'package.json', size: 10 }]);

  test.each<[string, Partial<Documents>, string]>([
    ['an SPDX tag', { licenseTexts: [{ file: 'LICENSE', text: 'SPDX-License-Identifier: GPL-2.0\n' }] }, 'GPL-2.0-only'],
    ['an SPDX tag with +', { licenseTexts: [{ file: 'LICENSE', text: 'SPDX-License-Identifier: GPL-2.0+\n' }] }, 'GPL-2.0-or-later'],
    ['a card expression', { card: card('MIT OR GPL-2.0') }, 'MIT OR GPL-2.0-only'],
    ['a card id', { card: card('GPL-2.0') }, 'GPL-2.0-only'],
    ['a manifest expression', { manifests: [manifest('GPL-2.0 WITH Classpath-exception-2.0')] }, 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['a manifest id with +', { manifests: [manifest('LGPL-2.1+')] }, 'LGPL-2.1-or-later'],
  ])('%s', (_name, over, want) => {
    const evidence = identify(files, docs(over), rules);
    expect(evidence.licenses.map((l) => l.expression)).toEqual([want]);
  });
});
