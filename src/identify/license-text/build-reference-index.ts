// Build step: writes dist/license-exact.json, dist/license-index.json (+ .bin), dist/license-vocab.txt (+ .bin), dist/license-words.bin and
// dist/license-samples.bin, dist/license-slots.json (rules/license-templates.yaml), dist/license-extras.txt (+ .bin: titles, tails, left-out lines) from the spdx-license-list package.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RULES_DIR } from '../../paths.js';
import type { TemplateSlots } from '../normalize.js';
import { buildReferenceExtras, EXTRA_GRAMS_FILE, EXTRAS_FILE, serializeExtras } from './reference-extras.js';
import { type Notice, NOTICES_FILE } from './notices.js';
import { buildReferenceIndex, EXACT_FILE, SLOTS_FILE, GRAMS_FILE, INDEX_FILE, SAMPLES_FILE, serializeIndex, VOCAB_FILE, VOCAB_TEXT_FILE, WORD_IDS_FILE } from './reference-index.js';

// The holder slots first: matchWords folds them in every reference text below (and in every text at run time).
const templates = parse(readFileSync(join(RULES_DIR, 'license-templates.yaml'), 'utf8')) as TemplateSlots;
const slots: TemplateSlots = {
  slots: templates.slots.map((s) => ({ before: String(s.before), after: String(s.after) })), maxWords: templates.maxWords,
  deny: templates.deny.map(String),
  optional: Object.fromEntries(Object.entries(templates.optional ?? {}).map(([id, list]) => [id, list.map(String)])),
};
writeFileSync(SLOTS_FILE, JSON.stringify(slots));
// Notices (rules/notices.yaml), checked to compile here so a bad pattern fails the build, not a run.
const notices = (parse(readFileSync(join(RULES_DIR, 'notices.yaml'), 'utf8')) as { notices: Notice[] }).notices
  .map((n) => ({ id: String(n.id), says: String(n.says) }));
for (const n of notices) new RegExp(n.says);
writeFileSync(NOTICES_FILE, JSON.stringify(notices));
const built = buildReferenceIndex(slots.optional);
const { exact, index, grams, vocab, wordIds, samples } = serializeIndex(built);
writeFileSync(EXACT_FILE, exact);
writeFileSync(GRAMS_FILE, grams);
writeFileSync(INDEX_FILE, index);
writeFileSync(WORD_IDS_FILE, wordIds);
writeFileSync(VOCAB_TEXT_FILE, vocab.text);
writeFileSync(VOCAB_FILE, vocab.bin);
writeFileSync(SAMPLES_FILE, samples);
const extras = serializeExtras(buildReferenceExtras());
writeFileSync(EXTRAS_FILE, extras.lines);
writeFileSync(EXTRA_GRAMS_FILE, extras.grams);
if (process.env['OSAI_INDEX_VERBOSE']) {
  for (const ids of built.shared) process.stdout.write(`same normalised text: ${ids.join(' ')}\n`);
}
