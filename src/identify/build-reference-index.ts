// Build step: writes dist/license-exact.json and dist/license-index.json from the spdx-license-list package.
import { writeFileSync } from 'node:fs';
import { buildReferenceIndex, EXACT_FILE, INDEX_FILE, serializeIndex } from './reference-index.js';

const built = buildReferenceIndex();
const { exact, index } = serializeIndex(built);
writeFileSync(EXACT_FILE, exact);
writeFileSync(INDEX_FILE, index);
if (process.env['OSAI_INDEX_VERBOSE']) {
  for (const ids of built.shared) process.stdout.write(`same normalised text: ${ids.join(' ')}\n`);
}
