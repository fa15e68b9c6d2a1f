// Build step: writes dist/license-exact.txt (+ -words.txt), dist/license-index.json (+ .bin), dist/license-vocab.txt (+ .bin), dist/license-words.bin and
// dist/license-samples.bin, dist/license-slots.json (rules/license-templates.yaml), dist/license-extras.txt (+ .bin: titles, tails, left-out lines) from the spdx-license-list package.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RULES_DIR } from '../../paths.js';
import { matchWords, setTemplateSlots, type TemplateSlots } from '../normalize.js';
import { buildReferenceExtras, EXTRA_GRAMS_FILE, EXTRAS_FILE, serializeExtras } from './reference-extras.js';
import { type Notice, NOTICES_FILE } from './notices.js';
import { buildReferenceIndex, EXACT_FILE, EXACT_WORDS_FILE, SLOTS_FILE, GRAMS_FILE, INDEX_FILE, SAMPLES_FILE, serializeIndex, VOCAB_FILE, VOCAB_TEXT_FILE, WORD_IDS_FILE } from './reference-index.js';

interface Project { id: string; name: string; keep?: string[] }
type Slot = TemplateSlots['slots'][number];

/** Whether a slot would fold a run of words (1 to `max`, no `deny` word) in a word list. */
function folds(words: string[], slot: { before: string[]; after: string[] }, max: number, deny: Set<string>): boolean {
  const { before, after } = slot;
  const at = (i: number, phrase: string[]) => phrase.every((w, k) => words[i + k] === w);
  for (let i = 0; i < words.length; i++) {
    if (!at(i, after)) continue;
    for (let k = 1; k <= max && i - k - before.length >= 0 && !deny.has(words[i - k]!); k++) if (at(i - k - before.length, before)) return true;
  }
  return false;
}

/**
 * The project slots of one license: around every place its project name stands in its SPDX text (words as matching
 * reads them, no slot folded), outside the `keep` phrases, the words on either side: two, or as many more (up to
 * five) as it takes for the slot to fold nothing in any other SPDX text.
 */
function projectSlots(p: Project, texts: Map<string, string[]>, max: number, deny: Set<string>): Slot[] {
  const words = texts.get(p.id);
  if (!words) throw new Error(`rules/license-templates.yaml: projects: ${p.id} has no SPDX text`);
  const name = String(p.name).split(' ');
  const at = (i: number, phrase: string[]) => phrase.every((w, k) => words[i + k] === w);
  const kept = new Set<number>();
  for (const k of (p.keep ?? []).map((x) => String(x).split(' '))) {
    const offset = k.findIndex((_, j) => name.every((w, n) => k[j + n] === w));
    if (offset < 0) throw new Error(`rules/license-templates.yaml: projects: ${p.id}: keep "${k.join(' ')}" lacks "${p.name}"`);
    for (let i = 0; i + k.length <= words.length; i++) if (at(i, k)) kept.add(i + offset);
  }
  const others = [...texts].filter(([id]) => id !== p.id).map(([, w]) => w);
  const out = new Map<string, Slot>();
  for (let i = 0; i < words.length; i++) {
    if (!at(i, name) || kept.has(i)) continue;
    for (let side = 2; side <= 5; side++) {
      if (i < side || i + name.length + side > words.length) break;
      const slot = { before: words.slice(i - side, i), after: words.slice(i + name.length, i + name.length + side) };
      if (others.some((w) => folds(w, slot, max, deny))) continue;
      out.set(`${slot.before.join(' ')}|${slot.after.join(' ')}`, { before: slot.before.join(' '), after: slot.after.join(' '), kind: 'project' });
      break;
    }
  }
  if (out.size === 0) throw new Error(`rules/license-templates.yaml: projects: ${p.id}: "${p.name}" is nowhere in its text`);
  return [...out.values()];
}

// The slots first: matchWords folds them in every reference text below (and in every text at run time).
const templates = parse(readFileSync(join(RULES_DIR, 'license-templates.yaml'), 'utf8')) as TemplateSlots & { projects?: Project[] };
const spdx: Record<string, { licenseText: string }> = createRequire(import.meta.url)('spdx-license-list/full');
const p = templates.placeholders;
if (!p) throw new Error('rules/license-templates.yaml: placeholders is missing');
const placeholders = { words: p.words.map(String), htmlTags: p.htmlTags.map(String), commentDeny: p.commentDeny.map(String) };
function projectSlotsOf(t: TemplateSlots & { projects?: Project[] }): Slot[] {
  if (!t.projects?.length) return [];
  // Every SPDX text's words with no slot folded, to place the slots in one and keep them out of the others.
  setTemplateSlots(() => ({ slots: [], maxWords: 0, deny: [], placeholders }));
  const texts = new Map(Object.entries(spdx).map(([id, l]) => [id, matchWords(l.licenseText).words]));
  const projectDeny = new Set(t.deny.map(String));
  return t.projects.flatMap((p) => projectSlots(p, texts, t.maxWords, projectDeny));
}
const slots: TemplateSlots = {
  slots: [
    ...templates.slots.map((s) => ({ before: String(s.before), after: String(s.after), ...(s.kind === 'project' ? { kind: 'project' as const } : {}) })),
    ...projectSlotsOf(templates),
  ],
  maxWords: templates.maxWords, deny: templates.deny.map(String), parties: (templates.parties ?? []).map(String),
  optional: Object.fromEntries(Object.entries(templates.optional ?? {}).map(([id, list]) => [id, list.map(String)])),
  spans: (templates.spans ?? []).map((x) => ({ from: String(x.from), ...(x.until === undefined ? {} : { until: String(x.until) }) })),
  placeholders, variantWords: (templates.variantWords ?? []).map(String),
  ignorableMissing: (templates.ignorableMissing ?? []).map(String),
};
writeFileSync(SLOTS_FILE, JSON.stringify(slots));
setTemplateSlots(() => slots);
// Notices (rules/notices.yaml), checked to compile here so a bad pattern fails the build, not a run.
const notices = (parse(readFileSync(join(RULES_DIR, 'notices.yaml'), 'utf8')) as { notices: Notice[] }).notices
  .map((n) => ({ id: String(n.id), says: String(n.says) }));
for (const n of notices) new RegExp(n.says);
writeFileSync(NOTICES_FILE, JSON.stringify(notices));
const built = buildReferenceIndex(slots.optional, slots.spans);
const { exact, index, grams, vocab, wordIds, samples } = serializeIndex(built);
writeFileSync(EXACT_FILE, exact.table);
writeFileSync(EXACT_WORDS_FILE, exact.words);
writeFileSync(GRAMS_FILE, grams);
writeFileSync(INDEX_FILE, index);
writeFileSync(WORD_IDS_FILE, wordIds);
writeFileSync(VOCAB_TEXT_FILE, vocab.text);
writeFileSync(VOCAB_FILE, vocab.bin);
writeFileSync(SAMPLES_FILE, samples);
const extras = serializeExtras(buildReferenceExtras(slots.spans));
writeFileSync(EXTRAS_FILE, extras.lines);
writeFileSync(EXTRA_GRAMS_FILE, extras.grams);
if (process.env['OSAI_INDEX_VERBOSE']) {
  for (const ids of built.shared) process.stdout.write(`same normalised text: ${ids.join(' ')}\n`);
}
