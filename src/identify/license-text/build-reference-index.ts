// Build step: writes dist/license-exact.json, dist/license-index.json (+ .bin), dist/license-words.json (+ .bin) and
// dist/license-samples.bin, and dist/license-extras.json (titles, tails, left-out lines) from the spdx-license-list package.
import { writeFileSync } from 'node:fs';
import { buildReferenceExtras, EXTRAS_FILE, serializeExtras } from './reference-extras.js';
import { buildReferenceIndex, EXACT_FILE, GRAMS_FILE, INDEX_FILE, SAMPLES_FILE, serializeIndex, WORD_IDS_FILE, WORDS_FILE } from './reference-index.js';

const built = buildReferenceIndex();
const { exact, index, grams, words, wordIds, samples } = serializeIndex(built);
writeFileSync(EXACT_FILE, exact);
writeFileSync(GRAMS_FILE, grams);
writeFileSync(INDEX_FILE, index);
writeFileSync(WORD_IDS_FILE, wordIds);
writeFileSync(WORDS_FILE, words);
writeFileSync(SAMPLES_FILE, samples);
writeFileSync(EXTRAS_FILE, serializeExtras(buildReferenceExtras()));
if (process.env['OSAI_INDEX_VERBOSE']) {
  for (const ids of built.shared) process.stdout.write(`same normalised text: ${ids.join(' ')}\n`);
}
