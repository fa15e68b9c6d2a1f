#!/usr/bin/env node
// Rebuilds the false-alarm corpus folder from bench/false-alarm-manifest.json: one sub-folder per entry holding the
// real file at the commit the manifest pins. The texts are others' work, so they stay out of the repository.
//
//   node scripts/fetch-false-alarm-corpus.mjs <folder> [--mirror owner/name=<git dir>]...
//
// With --mirror, files come from a local git copy (`git --git-dir <dir> show <commit>:<path>`), which works offline;
// otherwise from raw.githubusercontent.com at the pinned commit. Each written file is checked to be non-empty.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--') && !a.includes('='));
if (!folder) {
  console.error('usage: node scripts/fetch-false-alarm-corpus.mjs <folder> [--mirror owner/name=<git dir>]');
  process.exit(2);
}
const mirrors = new Map(args.flatMap((a, i) => (args[i - 1] === '--mirror' ? [a.split('=')] : [])));
const manifest = JSON.parse(readFileSync(join(root, 'bench/false-alarm-manifest.json'), 'utf8'));

let written = 0;
for (const entry of manifest.entries) {
  const target = join(folder, entry.id.replace(/\//g, '__'), entry.as ?? entry.path.split('/').pop());
  let bytes;
  const gitDir = mirrors.get(entry.repo);
  if (gitDir) bytes = execFileSync('git', ['--git-dir', gitDir, 'show', `${entry.commit}:${entry.path}`], { maxBuffer: 8 << 20 });
  else {
    const url = `https://raw.githubusercontent.com/${entry.repo}/${entry.commit}/${entry.path.split('/').map(encodeURIComponent).join('/')}`;
    const res = await fetch(url);
    if (!res.ok) { console.error(`${entry.id}: ${url} answered ${res.status}`); process.exitCode = 1; continue; }
    bytes = Buffer.from(await res.arrayBuffer());
  }
  if (bytes.length === 0) { console.error(`${entry.id}: empty`); process.exitCode = 1; continue; }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  written++;
}
console.log(`wrote ${written} of ${manifest.entries.length} files under ${folder}`);
