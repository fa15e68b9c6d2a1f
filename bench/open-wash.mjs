#!/usr/bin/env node
// How many open-washed variants of passing fixtures still pass, for a given build of the CLI (default this one):
//   node bench/open-wash.mjs [path/to/dist/cli.js]
// Run it with another checkout's dist/cli.js to measure before and after a change.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VARIANTS } from './open-wash-variants.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = process.argv[2] ?? join(root, 'dist/cli.js');
const PASSING = [['apache-weights-full-release', 'osaid-1.0'], ['osi-pythia-like-passes', 'osaid-1.0'], ['osi-olmo-like-passes', 'osaid-1.0'],
  ['osi-t5-like-passes', 'osaid-1.0'], ['safetensors-header-license-agrees', 'open-weights'], ['gated-auto-contact', 'open-weights']];

const verdict = (dir, profile) => {
  try { return JSON.parse(execFileSync('node', [cli, 'check', dir, '--profile', profile, '--format', 'json', '--all-files'], { encoding: 'utf8' })).profile.verdict; }
  catch (error) { return error.stdout ? JSON.parse(error.stdout).profile.verdict : 'error'; }
};
let base = 0; let passed = 0; let total = 0;
const still = new Map();
for (const [name, profile] of PASSING) {
  const src = join(root, 'fixtures', name);
  const files = {};
  for (const p of readdirSync(src, { recursive: true })) if (statSync(join(src, p)).isFile()) files[p] = readFileSync(join(src, p), 'latin1');
  if (verdict(src, profile) === 'pass') base++;
  for (const [id, wash] of VARIANTS) {
    const dir = mkdtempSync(join(tmpdir(), 'osai-wash-'));
    cpSync(src, dir, { recursive: true });
    for (const [p, text] of Object.entries(wash(files))) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), typeof text === 'string' ? text : Buffer.from(files[text.copy] ?? '', 'latin1'));
    }
    total++;
    if (verdict(dir, profile) === 'pass') { passed++; still.set(id, (still.get(id) ?? 0) + 1); }
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`open-wash: ${base}/${PASSING.length} fixtures pass as they are; ${passed}/${total} open-washed variants still pass (${cli})`);
for (const [id, n] of [...still].sort()) console.log(`  ${id}: ${n}`);
