// Open-washing: every way bench/open-wash-variants.mjs restricts a passing release, applied to every passing
// fixture, must stop the pass. The count of variants that still pass is printed (last measured: see bench/RESULTS.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { VARIANTS } from '../bench/open-wash-variants.mjs';
import { createMemoryReader } from '../src/read/reader.js';
import { checkReader } from '../src/run.js';
import { fixture } from './helpers/run-cli.js';

const PASSING: [string, string][] = [
  ['apache-weights-full-release', 'osaid-1.0'], ['osi-pythia-like-passes', 'osaid-1.0'], ['osi-olmo-like-passes', 'osaid-1.0'],
  ['osi-t5-like-passes', 'osaid-1.0'], ['safetensors-header-license-agrees', 'open-weights'], ['gated-auto-contact', 'open-weights'],
];

function filesOf(name: string): Record<string, string> {
  const root = fixture(name);
  const out: Record<string, string> = {};
  for (const p of readdirSync(root, { recursive: true }) as string[]) if (statSync(join(root, p)).isFile()) out[p.split('\\').join('/')] = readFileSync(join(root, p), 'latin1');
  return out;
}

describe('open-washed variants of passing fixtures never pass', () => {
  test.each(PASSING)('%s (%s) passes as it is, and none of its variants do', async (name, profile) => {
    const files = filesOf(name);
    const bytes = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Buffer.from(v, 'latin1')]));
    const base = await checkReader(createMemoryReader(bytes(files)), { profile });
    expect(base.profile.verdict).toBe('pass');
    const passing: string[] = [];
    for (const [id, wash] of VARIANTS) {
      const over = Object.fromEntries(Object.entries(wash(files)).map(([k, v]) => [k, typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(files[v.copy] ?? '', 'latin1')]));
      const report = await checkReader(createMemoryReader({ ...bytes(files), ...over }), { profile });
      if (report.profile.verdict === 'pass') passing.push(id);
    }
    expect(passing).toEqual([]);
  });
});
