#!/usr/bin/env node
// The eu-ai-act-53-2 verdict for each real AI license text in ../shared/corpus/ai-licenses: each text is put as the
// LICENSE of a small release (a card with usage information, config.json and weights from a fixture) and checked.
//   npm run build && node bench/eu-corpus.mjs
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus', 'ai-licenses');
if (!existsSync(corpus)) {
  process.stdout.write(`skipped: ${corpus} not found\n`);
  process.exit(0);
}
const { check } = await import(join(root, 'dist', 'index.js'));
const base = join(root, 'fixtures', 'eu-apache-full-usage-passes');
const card = readFileSync(join(base, 'README.md'), 'utf8').replace('license: apache-2.0', 'license: other\nlicense_link: LICENSE');
const rows = [];
for (const file of readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()) {
  const dir = mkdtempSync(join(tmpdir(), 'osai-eu-corpus-'));
  try {
    for (const f of ['model.safetensors', 'config.json']) cpSync(join(base, f), join(dir, f));
    writeFileSync(join(dir, 'README.md'), card);
    writeFileSync(join(dir, 'LICENSE'), readFileSync(join(corpus, file), 'utf8'));
    const report = await check(dir, { profile: 'eu-ai-act-53-2', allFiles: true });
    const deciding = report.findings.filter((f) => f.verdict !== 'pass');
    const paras = [...new Set(deciding.map((f) => f.args?.para).filter(Boolean))].join(', ');
    const license = report.licenses.filter((l) => l.source.file === 'LICENSE').map((l) => l.expression).join(' AND ');
    rows.push(`| ${file} | ${license} | ${report.profile.verdict} | ${[...new Set(deciding.map((f) => f.code))].join(', ')} | ${paras} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(['| text | identified as | verdict | codes | paras |', '|---|---|---|---|---|', ...rows].join('\n') + '\n');
