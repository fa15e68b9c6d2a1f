// Training-data section recall: node bench/training-data-recall.mjs [manifest]. Each real heading of the manifest
// is put over a section that describes data, in an otherwise empty card; a hit is a section osai reads as data
// information (Evidence.dataInformation.read names its line). The headings come from public cards (see the manifest).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(process.argv[2] ?? join(root, 'bench/training-data-headings.json'), 'utf8'));
const { checkReader } = await import(join(root, 'dist/run.js'));
const { createMemoryReader } = await import(join(root, 'dist/read/reader.js'));

let hits = 0;
const misses = [];
for (const { id, heading } of manifest.headings) {
  const card = `---\nlicense: apache-2.0\n---\n# Model\n\n${heading}\n\nThe corpus was collected from public web pages and deduplicated.\n`;
  const report = await checkReader(createMemoryReader({ 'README.md': card }));
  const read = report.dataInformation.read ?? [];
  if (read.some((s) => s.file === 'README.md' && s.line === 6)) hits++;
  else misses.push(`${id}: ${heading}`);
}
console.log(`training-data sections read: ${hits}/${manifest.headings.length} real headings`);
for (const m of misses) console.log(`  missed ${m}`);
