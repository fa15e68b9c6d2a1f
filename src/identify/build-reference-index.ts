// Build step: writes dist/license-exact.json and dist/license-index.{json,bin} from the spdx-license-list package.
import { writeFileSync } from 'node:fs';
import { buildReferenceIndex, EXACT_FILE, INDEX_BIN_FILE, INDEX_META_FILE, INDEX_VERSION } from './reference-index.js';

const { exact, index, shared } = buildReferenceIndex();
writeFileSync(EXACT_FILE, JSON.stringify({ version: INDEX_VERSION, exact }));
writeFileSync(INDEX_META_FILE, JSON.stringify({ version: INDEX_VERSION, entries: index.entries }));
writeFileSync(INDEX_BIN_FILE, new Uint8Array(index.grams.buffer, index.grams.byteOffset, index.grams.byteLength));
if (process.env['OSAI_INDEX_VERBOSE']) {
  for (const ids of shared) process.stdout.write(`same normalised text: ${ids.join(' ')}\n`);
}
