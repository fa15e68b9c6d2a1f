#!/usr/bin/env node
// False alarms on real permissive releases: runs `osai check` on every sub-folder of <folder> (rebuilt from
// bench/false-alarm-manifest.json by scripts/fetch-false-alarm-corpus.mjs) and counts those with a terms finding.
// A card-only folder fails for its missing weights and code; only findings about terms count here.
//
//   npm run build && node bench/false-alarms.mjs <folder> [--show]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../dist/index.js';

/** Finding codes that say the terms are restrictive, unreadable or unidentified: on a permissive release, a false alarm. */
const TERMS_CODES = new Set([
  'license-terms-added', 'license-unidentified', 'license-conflict', 'freedom-restricted', 'terms-file-unreadable',
  'access-gate-restricts', 'access-gate-purpose', 'access-gate-field-unknown', 'access-click-through', 'metadata-license-invalid',
  'card-key-clash', 'card-license-missing', 'license-file-binary',
]);

const folder = process.argv[2];
if (!folder) { console.error('usage: node bench/false-alarms.mjs <folder> [--show]'); process.exit(2); }
const show = process.argv.includes('--show');
if (!existsSync(folder)) {
  console.log(`false alarms: skipped, ${folder} is missing (build it: node scripts/fetch-false-alarm-corpus.mjs ${folder})`);
  process.exit(0);
}
const items = readdirSync(folder).filter((n) => statSync(join(folder, n)).isDirectory()).sort();
const byCode = new Map();
const flagged = [];
for (const name of items) {
  const report = await check(join(folder, name), { profile: 'open-weights', allFiles: true });
  const hits = report.findings.filter((f) => TERMS_CODES.has(f.code) && f.verdict !== 'pass');
  if (hits.length === 0) continue;
  flagged.push(name);
  for (const h of hits) {
    const list = byCode.get(h.code) ?? [];
    list.push(`${name}/${h.file ?? ''}:${h.line ?? ''} ${h.message}`);
    byCode.set(h.code, list);
  }
}
console.log(`false alarms: ${flagged.length} of ${items.length} permissive releases flagged`);
for (const [code, list] of [...byCode].sort()) {
  console.log(`  ${code}: ${list.length}`);
  for (const line of show ? list : list.slice(0, 3)) console.log(`    ${line.slice(0, 240)}`);
}
