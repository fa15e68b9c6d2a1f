// A license text pasted into prose — a card's Notes, a docs page's third-party notices, a docstring — is that
// license's words: an open one adds no terms (the whole Apache 2.0 under "## Notes" was license-terms-added), while a
// restrictive one, a changed one and any sentence beside it still bind. Texts come from the spdx-license-list package.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMemoryReader } from '../src/read/reader.js';
import { checkReader } from '../src/run.js';
import { fixture } from './helpers/run-cli.js';

const spdx = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>;
const text = (id: string) => spdx[id]!.licenseText;
const root = fixture('apache-weights-full-release');
const files: Record<string, string> = {};
for (const p of readdirSync(root, { recursive: true }) as string[]) if (statSync(join(root, p)).isFile()) files[p.split('\\').join('/')] = readFileSync(join(root, p), 'latin1');
const card = (extra: string) => ({ 'README.md': `${files['README.md']!.replace(/\s*$/, '\n')}\n${extra}\n` });
const changed = (id: string, from: string, to: string) => {
  if (!text(id).includes(from)) throw new Error(`${id} has no "${from}"`);
  return text(id).replace(from, to);
};

describe('a license text pasted into prose', () => {
  test.each<[string, 'pass' | 'not pass', Record<string, string>]>([
    ['the Apache 2.0 text in a card Notes section', 'pass', card(`## Notes\n\n${text('Apache-2.0')}`)],
    ['the MIT text under a Copyright heading', 'pass', card(`## Copyright\n\n${text('MIT')}`)],
    ['the BSD-3-Clause text among a usage page\'s third-party notices', 'pass', { 'docs/usage.md': `# Usage\n\nRun it.\n\n## Third-party notices\n\n${text('BSD-3-Clause')}` }],
    ['the MPL 2.0 text in docs/notices.md', 'pass', { 'docs/notices.md': `# Notices\n\n${text('MPL-2.0')}` }],
    ['the Apache 2.0 text in a Python docstring', 'pass', { 'util.py': `"""\n${text('Apache-2.0')}\n"""\nx = 1\n` }],
    // Restrictive, changed, or beside a restriction: never a pass.
    ['the CC BY-NC 4.0 text in a card', 'not pass', card(`## Notes\n\n${text('CC-BY-NC-4.0')}`)],
    ['BSD-3-Clause made non-commercial', 'not pass', card(`## Notes\n\n${changed('BSD-3-Clause', 'Redistribution and use', 'Non-commercial redistribution and use')}`)],
    ['MIT granted to customers only', 'not pass', card(`## Notes\n\n${changed('MIT', 'Permission is hereby granted', 'Permission is hereby granted to Acme customers only')}`)],
    ['a sentence added inside the MIT text', 'not pass', card(`## Notes\n\n${changed('MIT', 'The above copyright notice', 'The Software may not be used commercially. The above copyright notice')}`)],
    ['a research-only sentence right after the BSD-3-Clause text', 'not pass', card(`## Notes\n\n${text('BSD-3-Clause')}\n\nThe weights may not be used for commercial purposes.`)],
    ['a rider right after the MIT text', 'not pass', card(`## Notes\n\n${text('MIT')}\n\nUse of the weights is subject to the Acme Rider.`)],
    ['a research-only sentence just above the Apache 2.0 text', 'not pass', card(`## Notes\n\nThe weights are for research use only.\n\n${text('Apache-2.0')}`)],
    ['a rider pasted into the Apache 2.0 text', 'not pass', card(`## Notes\n\n${changed('Apache-2.0', '6. Trademarks.', 'Use of the weights is subject to the Acme Rider.\n\n6. Trademarks.')}`)],
    ['a customers-only sentence pasted into the Apache 2.0 text', 'not pass', card(`## Notes\n\n${changed('Apache-2.0', '6. Trademarks.', 'The weights are licensed to Acme customers only.\n\n6. Trademarks.')}`)],
    ['a restriction among the Apache 2.0 heading lines', 'not pass', card(`## Notes\n\n${changed('Apache-2.0', 'Version 2.0, January 2004', 'Version 2.0, January 2004\nThe weights may not be used commercially.')}`)],
    ['a usage page with the BSD-3-Clause text and a research-only sentence', 'not pass', { 'docs/usage.md': `# Usage\n\n${text('BSD-3-Clause')}\n\nThe weights are for research use only.` }],
    ['a NOTICE with the BSD-3-Clause text and a customers-only sentence', 'not pass', { NOTICE: `${text('BSD-3-Clause')}\n\nThe weights may be used by Acme customers only.` }],
  ])('%s: %s', async (_, expected, overlay) => {
    const all = Object.fromEntries(Object.entries({ ...files, ...overlay }).map(([k, v]) => [k, Buffer.from(v, k in overlay ? 'utf8' : 'latin1')]));
    const report = await checkReader(createMemoryReader(all), { profile: 'osaid-1.0' });
    if (expected === 'pass') expect(report.profile.verdict).toBe('pass');
    else expect(report.profile.verdict).not.toBe('pass');
  });
});
