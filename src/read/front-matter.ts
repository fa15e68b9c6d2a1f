// Splits a model card into YAML front matter and Markdown body, keeping the line of every top-level key.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';

export type FrontMatter =
  | { kind: 'ok'; metadata: Record<string, unknown>; lines: Record<string, number>; body: string; bodyLine: number; comments: FrontMatterComment[] }
  | { kind: 'none'; body: string }
  | { kind: 'invalid'; line: number; reason: string };

// As huggingface_hub's REGEX_YAML_BLOCK: the block opens the file (leading blank space allowed), only the first counts.
const BLOCK = /^(\s*---[ \t]*(?:\r\n|\r|\n))([\s\S]*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/;

const YAML_LIMITS = { maxAliasCount: 50, uniqueKeys: true, prettyErrors: false, merge: false };

/** A `# …` comment of the front matter, with the line of the node it stands by (or of the block's first line). */
export interface FrontMatterComment { text: string; line: number }

/** Parses the front matter of a card; invalid YAML or a non-mapping block is reported with its line. */
export function readFrontMatter(text: string): FrontMatter {
  const match = BLOCK.exec(text);
  if (!match) {
    if (/^\s*---[ \t]*\r?\n/.test(text)) return { kind: 'invalid', line: 1, reason: 'the front matter opens with --- but never closes' };
    return { kind: 'none', body: text };
  }
  const opening = match[1]!;
  const yamlText = match[2]!;
  const firstLine = countLines(opening) + 1;
  const counter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(yamlText, { ...YAML_LIMITS, lineCounter: counter });
  } catch (err) {
    // The parser recurses: thousands of nested `[` can overflow the stack. That is bad input, not a crash.
    return { kind: 'invalid', line: firstLine, reason: `the YAML cannot be parsed (${(err as Error).message.split('\n')[0]})` };
  }
  // A tag the YAML core schema does not know (`!!python/object`, `!custom`) is refused, as the Hub's safe loader does.
  const error = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (error) {
    const line = firstLine - 1 + counter.linePos(error.pos[0]).line;
    return { kind: 'invalid', line, reason: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') };
  }
  let metadata: unknown;
  try {
    metadata = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
  } catch (err) {
    return { kind: 'invalid', line: firstLine, reason: (err as Error).message.split('\n')[0]! };
  }
  if (metadata === null || metadata === undefined) metadata = {};
  if (typeof metadata !== 'object' || Array.isArray(metadata) || !isMap(doc.contents)) {
    return { kind: 'invalid', line: firstLine, reason: 'the front matter must be a YAML mapping of keys to values' };
  }
  const lines: Record<string, number> = Object.create(null);
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    lines[key] = firstLine - 1 + counter.linePos(pair.key.range[0]).line;
    if (isSeq(pair.value)) {
      pair.value.items.forEach((item, i) => {
        const range = (item as { range?: [number, number, number] }).range;
        if (range) lines[`${key}[${i}]`] = firstLine - 1 + counter.linePos(range[0]).line;
      });
    }
  }
  // Comments are no data, but words a person reads: "# weights: non-commercial use only" states terms all the same.
  const comments: FrontMatterComment[] = [];
  const note = (comment: string | null | undefined, at: number | undefined) => {
    if (comment) comments.push({ text: comment, line: at === undefined ? firstLine : firstLine - 1 + counter.linePos(at).line });
  };
  note(doc.commentBefore, undefined);
  note(doc.comment, undefined);
  visit(doc, (_key, node) => {
    // A key with no value visits a null node.
    if (!node) return;
    const n = node as { commentBefore?: string | null; comment?: string | null; range?: [number, number, number] | null };
    note(n.commentBefore, n.range?.[0]);
    note(n.comment, n.range?.[0]);
  });
  const body = text.slice(match[0].length);
  return { kind: 'ok', metadata: toPlainRecord(metadata as Record<string, unknown>), lines, body, bodyLine: countLines(match[0]) + 1, comments };
}

function countLines(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

/** Copies into a null-prototype object so keys such as `__proto__` stay plain data. */
function toPlainRecord(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value)) out[k] = v;
  return out;
}

/** The card keys Hugging Face reads, spelled as it spells them; a card may write them in another case (`License:`). */
const CANONICAL_KEYS = ['license', 'license_name', 'license_link', 'base_model', 'base_model_relation', 'datasets', 'gated',
  'extra_gated_prompt', 'extra_gated_fields', 'extra_gated_heading', 'extra_gated_description', 'extra_gated_button_content',
  'extra_gated_eu_disallowed', 'tags', 'pipeline_tag', 'library_name', 'model-index', 'language', 'model_name', 'inference'];
const spelling = (key: string) => key.toLowerCase().replace(/[\s-]+/g, '_');
const CANONICAL = new Map(CANONICAL_KEYS.map((k) => [spelling(k), k]));

export interface KeySpelling { key: string; canonical: string; line?: number; clash: boolean }

/**
 * Moves keys written in another case or with other separators (`License:`, `License-Name:`) to their canonical
 * name, in place, and returns each such key. Hugging Face may ignore the odd spelling, but its value still states
 * terms. A key whose canonical spelling is also present is a clash: both are kept apart and both are reported.
 */
export function canonicalizeKeys(metadata: Record<string, unknown>, lines: Record<string, number>): KeySpelling[] {
  const out: KeySpelling[] = [];
  for (const key of Object.keys(metadata)) {
    const canonical = CANONICAL.get(spelling(key)) ?? (/^licen[cs]e$/i.test(key) ? 'license' : undefined);
    if (!canonical || canonical === key) continue;
    const clash = Object.hasOwn(metadata, canonical) && metadata[canonical] !== metadata[key];
    out.push({ key, canonical, ...(lines[key] ? { line: lines[key] } : {}), clash });
    if (clash || Object.hasOwn(metadata, canonical)) continue;
    metadata[canonical] = metadata[key];
    delete metadata[key];
    for (const [k, v] of Object.entries(lines)) {
      if (k === key || k.startsWith(`${key}[`)) { lines[canonical + k.slice(key.length)] = v; delete lines[k]; }
    }
  }
  return out;
}
