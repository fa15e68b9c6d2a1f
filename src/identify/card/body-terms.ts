// Reads the whole card body as terms: a sentence that restricts, anywhere, and table rows read as key/value terms.
import { createRequire } from 'node:module';
import type { Code, Table } from 'mdast';
import type { CardDocument, LicenseFinding, LicenseScope, TextDocument } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { UNKNOWN } from '../../spdx/expression.js';
import { FREEDOMS } from '../../ruleset/vocabulary.js';
import { identifyLicenseText } from '../license-text/license-text.js';
import { matchReferences } from '../license-text/reference-match.js';
import { normalizeText } from '../normalize.js';
import { resolveLicenseName } from '../license-name.js';
import { snake, TERMS_KEY } from '../metadata/metadata-terms.js';
import { commentLines, commentSyntaxOfLanguage, prose as commentText } from '../../read/comments.js';
import { parseMarkdown, proseBlocks, textOf } from './markdown.js';
import { antecedentOf, mayStateTerms, namesRelease, offersChoice, sentenceSubject, sentenceTerms, sentencesOf, termsWords, textTerms, type Pronoun, type TermsHit, type TermsReading } from './terms-sentences.js';
import { isFamily, namedDocuments, VERSION_AFTER } from './named-documents.js';

const require = createRequire(import.meta.url);

/** A longer document is not searched for pasted license texts (its findings stay): the search grows with the text. */
const MAX_LICENSE_SEARCH = 256 * 1024;
/** Lines above a matched license text where its own heading lines may stand (a match starts after them). */
const OWN_LINES_ABOVE = 12;
/** A finding's quote of a sentence naming a document osai does not know, and the pattern of what it adds. */
const namesUnknown = (sentence: string, name: string) => `${sentence} (names ${name}, which osai does not know)`;
const NAMES_UNKNOWN = / \(names [^()]*, which osai does not know\)$/;
/** More findings than this from one card say nothing new: the first ones settle that the card states terms. */
const MAX_FINDINGS = 20;

/**
 * Findings for every sentence of the card body that states a restriction (kind `card-section`, unknown with the
 * sentence quoted), and for every table row whose key names a freedom and whose value denies it or cannot be read.
 * A sentence that only names a known license ("subject to the Apache 2.0 license") is that license's finding.
 */
export function identifyCardTerms(card: CardDocument, rules: RuleSet, scope: LicenseScope = { kind: 'repo' }, prose: TermsReading = false): LicenseFinding[] {
  const tree = parseMarkdown(card.body);
  const { blocks, tables, code } = proseBlocks(tree);
  const out: LicenseFinding[] = [];
  const lines = new Set<number>();
  const push = (line: number, hit: TermsHit | { raw: string }, resolved?: { expression: string; confidence: number }) => {
    const fileLine = card.bodyLine + line - 1;
    if (lines.has(fileLine) || out.length >= MAX_FINDINGS) return;
    lines.add(fileLine);
    const source = { file: card.file, line: fileLine, kind: 'card-section' as const };
    const raw = 'raw' in hit ? hit.raw : hit.sentence;
    out.push(resolved ? { ...resolved, source, scope, raw } : { expression: UNKNOWN, confidence: 0, source, scope, raw, addedTerms: { beside: [] } });
  };
  // What "It is released under …" stands for: the subject of the sentence before it in its paragraph, else its
  // section heading's, else the release; in a source comment, never the release.
  // The sentence before is read for it only when a sentence has a pronoun.
  let section: boolean | undefined;
  for (const block of blocks) {
    const heading = block.node.type === 'heading';
    if (heading) section = antecedentOf(block.text, rules.cardTerms, true);
    let previous: string | undefined;
    for (const { sentence, lineOffset } of sentencesOf(block.text)) {
      const before = previous;
      const pronoun: Pronoun = prose !== 'comment' && (() => (before === undefined ? undefined : antecedentOf(before, rules.cardTerms, false)) ?? section ?? true);
      if (!heading) previous = sentence;
      const hit = sentenceTerms(sentence, rules.cardTerms, prose, pronoun);
      if (hit) {
        const named = namedLicenseOnly(sentence, hit, rules);
        if (named !== 'family') push(block.line + lineOffset, hit, named);
        continue;
      }
      // A document named that osai does not know ("The weights come with the Acme Rider"): in a card, or in a docs
      // page's sentence about the release; never in a source comment (its header names the licenses of files). A
      // license it knows, named in a sentence about the release alone ("Gemma Terms of Use apply to the weights"), is
      // that license's finding.
      if (prose === 'comment') continue;
      // A sentence about another work only ("The dataset is available under the …") names that work's terms.
      const documents = namedDocuments(sentence, rules);
      const subject = documents.unknown || documents.known.length ? sentenceSubject(documents.rest, rules.cardTerms, documents.head, pronoun) : undefined;
      if (documents.unknown && subject !== 'other' && (prose === false || namesRelease(documents.rest, rules.cardTerms))) {
        push(block.line + lineOffset, { raw: namesUnknown(sentence.replace(/\s+/g, ' ').trim().slice(0, 200), documents.unknown) });
      } else if (documents.known.length && subject === 'release') {
        push(block.line + lineOffset, { raw: sentence.replace(/\s+/g, ' ').trim().slice(0, 200) }, documents.known[0]);
      }
    }
  }
  for (const table of tables) for (const row of tableTerms(table, rules, prose)) push(row.line, row, row.resolved);
  // The comments of a code block (```python … # These weights may not be used commercially.): read as a source
  // file's comments are.
  if (prose !== 'comment' && code.length > 0) out.push(...codeBlockTerms(card, code, rules).filter((f) => !lines.has(f.source.line!)).slice(0, Math.max(0, MAX_FINDINGS - out.length)));
  return withoutOpenLicenseTexts(out, card.file, card.body, card.bodyLine, rules);
}

/** The terms the comments of a card's code blocks state, at the card's lines (identifyCommentTerms's reading). */
function codeBlockTerms(card: CardDocument, code: Code[], rules: RuleSet): LicenseFinding[] {
  const lines = card.body.split('\n').map(() => '');
  for (const node of code) {
    const syntax = commentSyntaxOfLanguage(node.lang ?? '');
    const first = node.position?.start.line;
    if (!syntax || first === undefined) continue;
    // The block's first line is its fence; its value starts on the next.
    commentLines(node.value, syntax).forEach((comment, i) => { if (comment && first + i < lines.length) lines[first + i] = comment; });
  }
  const text = commentText(lines);
  return text === undefined ? [] : identifyCommentTerms([{ file: card.file, text: `${'\n'.repeat(card.bodyLine - 1)}${text}` }], rules);
}

/**
 * A license text pasted into prose (the whole Apache 2.0 in a card's Notes, a BSD text among a docs page's third-party
 * notices, in a docstring) is that license's words, not terms the sentences add ("… shall not be used to endorse …"):
 * a sentence in (or just above) a region that reads as a license osai rates open for every freedom, with no restriction
 * of its own (the License-section reading), and that stands word for word in that license's own text, is no finding.
 * Any other license's text (CC BY-NC's "NonCommercial" sentences), a sentence the license does not have (a rider
 * pasted into it) and the sentences around it keep their findings. Only a document with findings is looked at.
 * `firstLine`: the file line of the text's first line.
 */
function withoutOpenLicenseTexts(found: LicenseFinding[], file: string, text: string, firstLine: number, rules: RuleSet): LicenseFinding[] {
  if (!found.some((f) => f.addedTerms)) return found;
  const own = openLicenseText(file, text, firstLine, rules);
  return found.filter((f) => !(f.addedTerms && f.source.line !== undefined && own(f.source.line, (f.raw ?? '').replace(NAMES_UNKNOWN, ''))));
}

/**
 * Whether a sentence at a file line is an open license's own text pasted into `text` (see withoutOpenLicenseTexts):
 * a predicate over the line and the sentence. `firstLine`: the file line of the text's first line.
 */
export function openLicenseText(file: string, text: string, firstLine: number, rules: RuleSet): (line: number, sentence: string) => boolean {
  if (text.length > MAX_LICENSE_SEARCH) return () => false;
  const lines = text.split(/\r\n|\r|\n/);
  const regions: { first: number; last: number; words: string }[] = [];
  for (const region of matchReferences(text).matches) {
    const read = identifyLicenseText(file, lines.slice(region.line - 1, region.endLine).join('\n'), { kind: 'repo' }, rules, { kind: 'card-section' });
    const rule = read.length === 1 && !read[0]!.addedTerms ? rules.licenses.get(read[0]!.expression) : undefined;
    if (!rule || !FREEDOMS.every((f) => rule.freedoms[f].rating === 'granted' || rule.freedoms[f].rating === 'conditional')) continue;
    const reference = referenceText(region.id);
    // A match starts after the license's own heading lines ("TERMS AND CONDITIONS FOR USE …"): a few lines above count.
    if (reference) regions.push({ first: firstLine + region.line - 1 - OWN_LINES_ABOVE, last: firstLine + region.endLine - 1, words: ` ${normalizeText(reference)} ` });
  }
  return (line, sentence) => regions.some((r) => line >= r.first && line <= r.last && r.words.includes(` ${normalizeText(sentence)}`));
}

/** The SPDX text of a license (the spdx-license-list package, one file per license), or undefined. */
function referenceText(id: string): string | undefined {
  if (!/^[A-Za-z0-9.+-]+$/.test(id)) return undefined;
  try {
    return (require(`spdx-license-list/licenses/${id}.json`) as { licenseText?: string }).licenseText;
  } catch {
    return undefined;
  }
}

/**
 * Terms stated in the comments of source and config files (one line per file line, blocks apart by empty lines), read
 * as a docs page is. Only blocks with a restriction's words are parsed (a repository's thousands of code comments cost
 * a word scan each), and a block another file already holds (one license header in every source file) is read once.
 */
export function identifyCommentTerms(comments: TextDocument[], rules: RuleSet): LicenseFinding[] {
  const seen = new Set<string>();
  const out: LicenseFinding[] = [];
  for (const { file, text } of comments) {
    if (!mayStateTerms(text, rules.cardTerms)) continue;
    const lines = text.split('\n');
    let kept = false;
    for (let start = 0; start < lines.length;) {
      if (!lines[start]) { start++; continue; }
      let end = start;
      while (end < lines.length && lines[end]) end++;
      const block = lines.slice(start, end).join('\n');
      if (!seen.has(block) && mayStateTerms(block, rules.cardTerms)) { kept = true; seen.add(block); }
      else lines.fill('', start, end);
      start = end;
    }
    // Read in full for a license text: the blocks left out above are parts of it.
    if (kept) out.push(...withoutOpenLicenseTexts(identifyCardTerms({ file, metadata: Object.create(null) as CardDocument['metadata'], lines: {}, body: lines.join('\n'), bodyLine: 1 }, rules, { kind: 'repo' }, 'comment'), file, text, 1, rules));
  }
  return out;
}

/** Words that end a license name read backwards from "license": "subject to the Apache 2.0 License". */
const BEFORE_NAME = new Set(['the', 'a', 'an', 'to', 'by', 'with', 'of', 'under', 'and', 'or', 'its', 'our', 'their', 'this']);
/**
 * The license named around the word "license" at `at` (`length` long): a license in parentheses after it, or the
 * shortest run of words before it that resolves, with a version after it ("Apache License, Version 2.0") or without,
 * and that is not part of a longer name — a capitalised word before it belongs to the name, and "Acme Apache 2.0" is
 * not Apache 2.0 even though a spelling correction reads it so. Returns where the name starts and ends.
 */
function licenseNameAt(text: string, at: number, length: number, rules: RuleSet): { expression: string; confidence: number; start: number; end: number } | undefined {
  const head = text.slice(0, at);
  // "an open-source license (Apache 2.0)": the license in parentheses is the one named.
  const inParentheses = /^\s*\(([^()]{2,40})\)/.exec(text.slice(at + length));
  const said = inParentheses ? resolveLicenseName(inParentheses[1]!.trim(), rules) : undefined;
  if (said) return { ...said, start: at, end: at + length + inParentheses![0].length };
  const version = VERSION_AFTER.exec(text.slice(at + length));
  const versioned = version ? at + length + version[0].length : 0;
  const words = [...head.matchAll(/[^\s()[\]"'“”,;:]+/g)].slice(-7);
  let shorter = false;
  for (let n = 1; n <= words.length; n++) {
    const first = words[words.length - n]!;
    const name = head.slice(first.index).trim();
    const tries: [string, number][] = [
      ...(version ? [[`${name} ${text.slice(at, versioned)}`, versioned], [`${name} license ${version[1]}`, versioned]] as [string, number][] : []),
      [`${name} license`, at + length], [name, at + length],
    ];
    for (const [candidate, end] of tries) {
      const resolved = resolveLicenseName(candidate, rules);
      // A longer name that only a spelling correction resolves, past a shorter one that resolved, is another license.
      if (!resolved || (shorter && resolved.confidence < 0.9)) continue;
      const previous = words[words.length - n - 1]?.[0];
      if (previous === undefined || BEFORE_NAME.has(previous.toLowerCase()) || !/^\p{Lu}/u.test(previous)) return { ...resolved, start: first.index, end };
      shorter = true;
      break;
    }
  }
  return undefined;
}

/** Words after a license name that bind to more ("… the MIT License and the Acme Rider", "…, the Acme Rider"). */
const ALSO = /^\s*(?:,\s*)?(?:and|&|plus|as well as|together with|along with|in addition to|or)\b|^\s*[,;]\s*(?:the|our|its|their|an?)\b/i;
const binderPatterns = new WeakMap<RuleSet, RegExp>();

/** A binder of rules/card-terms.yaml `bound` or "under" (and "the") that ends a text: what is left before a license's name. */
function binderBefore(rules: RuleSet): RegExp {
  let re = binderPatterns.get(rules);
  if (!re) {
    const binders = [...rules.cardTerms.bound.binders, ...rules.cardTerms.bound['strict-binders'], 'under'].sort((a, b) => b.length - a.length);
    re = new RegExp(`\\b(?:${binders.map((b) => b.replace(/ /g, '\\s+')).join('|')})\\s+(?:the\\s+)?$`, 'i');
    binderPatterns.set(rules, re);
  }
  return re;
}

/**
 * The license a sentence names when naming it is all the sentence does ("subject to the Apache 2.0 license", "in
 * accordance with the terms of the Apache License, Version 2.0"). When the rest of the sentence states terms of its
 * own ("… and to our acceptable use policy", "…, which adds a use policy"), or the license is not one osai knows
 * ("the Acme Model License"), the sentence is more than that license: undefined, so it stays unknown.
 */
function namedLicenseOnly(sentence: string, hit: TermsHit, rules: RuleSet): { expression: string; confidence: number } | 'family' | undefined {
  if (hit.type !== rules.cardTerms.bound.kind) return undefined;
  const spans = [
    ...[...sentence.matchAll(/\blicen[cs]e\b/gi)].map((m) => licenseNameAt(sentence, m.index, m[0].length, rules) ?? familyAt(sentence, m.index, rules)),
    // "distributed under the terms of the Creative Commons Attribution-ShareAlike 3.0": a name with no "license".
    ...[...sentence.matchAll(/\b(?:under|subject to|governed by)\s+(?:the\s+)?(?:terms\s+(?:and\s+conditions\s+)?of\s+(?:the\s+)?)?/gi)]
      .map((m) => licenseNameAfter(sentence, m.index + m[0].length, rules)),
  ];
  for (const found of spans) {
    if (!found) continue;
    const named = found.expression === undefined ? found : dualLicense(sentence, found, rules);
    // "the terms (and conditions) of the MIT License": the terms of the license named are that license.
    const before = sentence.slice(0, named.start).replace(/\b(?:the\s+)?terms\s+(?:and\s+conditions\s+)?of\s+(?:the\s+)?$/i, '');
    const after = sentence.slice(named.end);
    // The binder before the license binds to that license ("you agree to the terms of the MIT License", "… under the
    // MIT License, consistent with …"), and stays only to read what else it binds to ("… and the Acme Rider").
    const rest = ALSO.test(after) ? `${before} ${after}` : `${before.replace(binderBefore(rules), '')} ${after}`;
    // … or names a document osai does not know beside it ("…, with the Acme Rider").
    if (sentenceTerms(rest, rules.cardTerms) || namedDocuments(rest, rules).unknown) return undefined;
    if (named.expression !== undefined) return { expression: named.expression, confidence: named.confidence };
    // A family stands for the release's own license: read as "the license", the sentence must state nothing else
    // ("The Apache license does not apply to the weights" does).
    return sentenceTerms(`${sentence.slice(0, named.start)} the license ${after}`, rules.cardTerms) ? undefined : 'family';
  }
  return undefined;
}

type NamedSpan = { expression: string; confidence: number; start: number; end: number };
const OR_AFTER = /^\s*,?\s*(or|and|\/)\s+(?:either\s+)?(?:the\s+)?/i;
const OR_BEFORE = /(?:^|\s)(or|and|\/)\s+(?:the\s+)?$/i;

/**
 * A license named beside another with "or" or "and" ("dual-licensed under the MIT License or the Apache License,
 * Version 2.0", "either the MIT or the Apache 2.0 license"): both, as one expression (OR, or AND when any "and" joins
 * them, unless the sentence offers a choice: "dual-licensed", "either", "at your option"), spanning both names.
 */
function dualLicense(sentence: string, named: NamedSpan, rules: RuleSet): NamedSpan {
  let out = named;
  const ids = [named.expression];
  let and = false;
  for (let more = true; more && ids.length < 4;) {
    more = false;
    const after = OR_AFTER.exec(sentence.slice(out.end));
    const next = after ? licenseNameAfter(sentence, out.end + after[0].length, rules) : undefined;
    if (after && next) { ids.push(next.expression); and ||= after[1]!.toLowerCase() === 'and'; out = { ...out, end: next.end, confidence: Math.min(out.confidence, next.confidence) }; more = true; }
    const before = OR_BEFORE.exec(sentence.slice(0, out.start));
    const prior = before ? licenseNameAt(sentence, before.index, 0, rules) : undefined;
    if (before && prior) { ids.unshift(prior.expression); and ||= before[1]!.toLowerCase() === 'and'; out = { ...out, start: prior.start, confidence: Math.min(out.confidence, prior.confidence) }; more = true; }
  }
  const unique = [...new Set(ids)];
  // "dual-licensed under X and Y", "either X and Y" offer a choice all the same (rules/card-terms.yaml `bound.choice`).
  const all = and && !offersChoice(sentence, rules.cardTerms);
  return unique.length > 1 ? { ...out, expression: unique.map((e) => (/\s/.test(e) ? `(${e})` : e)).join(all ? ' AND ' : ' OR ') } : out;
}

/**
 * The license named from `from` on, without the word license ("CC BY-SA 4.0", "the Creative Commons
 * Attribution-ShareAlike 3.0"): the longest run of up to eight words that resolves, unless a spelling correction
 * is what resolves it and its first word is not in the license's own name ("Acme Apache 2.0" is another license).
 */
function licenseNameAfter(text: string, from: number, rules: RuleSet): { expression: string; confidence: number; start: number; end: number } | undefined {
  const tokens = [...text.slice(from).matchAll(/[^\s,;()[\]"“”]+/g)].slice(0, 8);
  for (let n = tokens.length; n >= 1; n--) {
    const last = tokens[n - 1]!;
    const end = from + last.index + last[0].replace(/[.:!?]+$/, '').length;
    const name = text.slice(from, end).trim();
    if (!name) continue;
    const resolved = resolveLicenseName(name, rules);
    if (!resolved) continue;
    if (resolved.confidence < 0.9 && !inOwnName(tokens[0]![0], resolved.expression, rules)) return undefined;
    return { ...resolved, start: from, end };
  }
  return undefined;
}

/** Whether `word` is a word of the license's own name ("Creative" of Creative Commons Attribution-ShareAlike 3.0). */
function inOwnName(word: string, id: string, rules: RuleSet): boolean {
  const name = rules.licenses.get(id)?.name.toLowerCase() ?? id.toLowerCase();
  return name.split(/[^a-z0-9]+/).includes(word.toLowerCase().replace(/[^a-z0-9]+/g, '')) || id.toLowerCase().startsWith(word.toLowerCase());
}

/**
 * "licensed under the Apache License": a family of open licenses named without a version (rules/card-terms.yaml
 * `named-documents.families`) names no license of its own; the card's metadata and LICENSE say which one.
 */
function familyAt(text: string, at: number, rules: RuleSet): { expression?: undefined; confidence?: undefined; start: number; end: number } | undefined {
  const head = text.slice(0, at);
  const words = [...head.matchAll(/[^\s()[\]"'“”,;:]+/g)].slice(-4);
  for (let n = 1; n <= words.length; n++) {
    const first = words[words.length - n]!;
    if (isFamily(head.slice(first.index).trim(), rules)) return { start: first.index, end: at + 'license'.length };
  }
  return undefined;
}

interface RowTerms { raw: string; line: number; resolved?: { expression: string; confidence: number } }

const cellText = (text: string) => termsWords(text).join(' ');

/**
 * What a value given for a freedom (`| Commercial use | No |`, `commercial_use: no`) says, when it does not grant it:
 * "denied" or "neither yes nor no"; undefined for "yes", or "yes, with attribution" when the rest states no terms.
 */
function freedomAnswer(value: string, rules: RuleSet): string | undefined {
  const t = rules.cardTerms.table;
  const v = cellText(value) || value.trim();
  const first = v.split(' ')[0]!;
  const yes = new Set(t.yes.map((y) => cellText(y) || y));
  if (yes.has(v) || (yes.has(first) && !sentenceTerms(value, rules.cardTerms))) return undefined;
  const no = new Set(t.no.map((n) => cellText(n) || n));
  return no.has(v) || no.has(first) ? 'denied' : 'neither yes nor no';
}

/**
 * Key/value terms in a table: a row whose first cell is a key (`| Commercial use | No |`, the header row too), or a
 * column whose header is a key. A value that denies the freedom restricts; one that is neither yes nor no is unknown.
 * A `License` value names a license: a known one is its finding, anything else is unknown. Every cell is also read
 * as a sentence.
 */
function tableTerms(table: Table, rules: RuleSet, prose: TermsReading): RowTerms[] {
  const keys = new Set(rules.cardTerms.table.keys.map(cellText));
  const rows = table.children.map((row) => ({ line: row.position?.start.line ?? 1, cells: row.children.map((c) => textOf(c).trim()) }));
  const out: RowTerms[] = [];
  const judge = (key: string, value: string, line: number) => {
    const k = cellText(key);
    const v = cellText(value) || value.trim();
    const raw = `${key.trim()}: ${value.trim()}`;
    if (v === '') return;
    if (k === 'license' || k === 'licence') {
      const resolved = resolveLicenseName(value.trim(), rules);
      out.push(resolved ? { raw, line, resolved } : { raw, line });
      return;
    }
    const answer = freedomAnswer(value, rules);
    if (answer) out.push({ raw: `${raw} (${answer})`, line });
  };
  const header = rows[0]?.cells ?? [];
  // A column headed License in a many-row table lists others' licenses (datasets, base models): not the card's terms.
  const isLicense = (h: string) => /^licen[cs]es?$/.test(cellText(h));
  const headerKeyed = header.slice(1).some((h) => keys.has(cellText(h)) && !isLicense(h)) && !keys.has(cellText(header[0] ?? ''));
  const listed = new Set(header.flatMap((h, c) => (c > 0 && isLicense(h) && !keys.has(cellText(header[0] ?? '')) ? [c] : [])));
  rows.forEach((row, r) => {
    if (keys.has(cellText(row.cells[0] ?? '')) && row.cells.length >= 2) judge(row.cells[0]!, row.cells.slice(1).join(' '), row.line);
    else if (headerKeyed && r > 0) header.forEach((h, c) => { if (c > 0 && keys.has(cellText(h)) && !isLicense(h)) judge(h, row.cells[c] ?? '', row.line); });
    for (const [c, cell] of row.cells.entries()) {
      if (listed.has(c)) continue;
      const hit = sentenceTerms(cell, rules.cardTerms, prose);
      if (hit) out.push({ raw: hit.sentence, line: row.line });
    }
  });
  return out;
}

/**
 * A front-matter key that states terms by its name, read as a config's terms field or a table row is: a key that names a
 * freedom (`commercial: false`, `commercial_use: no`: rules/card-terms.yaml `table.keys`) with a value that does not
 * grant it, and a terms key (`terms_of_use`, `usage_policy`, `restrictions`, `license_details`) whose value is not a
 * license osai knows, are unknown; a known license there is its finding. Undefined for any other key.
 */
function metadataField(key: string, value: unknown, rules: RuleSet): { raw: string; resolved?: { expression: string; confidence: number; listed?: boolean } }[] | undefined {
  const k = cellText(key);
  const said = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v) ?? '').slice(0, 200);
  if (rules.cardTerms.table.keys.includes(k) && k !== 'license' && k !== 'licence') {
    const answer = freedomAnswer(said(value), rules);
    return answer ? [{ raw: `${key}: ${said(value)} (${answer})` }] : [];
  }
  if (!TERMS_KEY.test(snake(key))) return undefined;
  // Several licenses listed (`licenses: [apache-2.0, mit]`) are each `listed`, as under `license:` (identifyCardLicenses).
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => {
    const found = typeof v === 'string' && v.length <= 200 ? resolveLicenseName(v, rules) : undefined;
    const resolved = found && values.length > 1 ? { ...found, listed: true } : found;
    return { raw: `${key}: ${said(v)}`, ...(resolved ? { resolved } : {}) };
  });
}

/** Front-matter keys that hold ids and names, not prose: a dataset id with "nc" in it states no terms of the model's. */
const ID_KEYS = new Set(['base_model', 'datasets', 'language', 'model-index', 'widget', 'pipeline_tag', 'library_name', 'metrics', 'license', 'license_name', 'license_link']);
const MAX_METADATA_STRINGS = 2000;

/**
 * Every other string of the front matter (`tags: [research-only]`, `description:`, `usage_terms:`, a key osai does not
 * know) is read for terms like the body: the card's metadata can state them as well as its prose. Gate keys are
 * read by identify/access.
 */
export function identifyMetadataTerms(card: CardDocument, rules: RuleSet, scope: LicenseScope = { kind: 'repo' }): LicenseFinding[] {
  const out: LicenseFinding[] = [];
  let seen = 0;
  const push = (key: string, raw: string, resolved?: { expression: string; confidence: number; listed?: boolean }) => {
    const line = card.lines[key];
    const source = { file: card.file, ...(line ? { line } : {}), kind: 'card-metadata' as const };
    out.push(resolved ? { ...resolved, source, scope, raw } : { expression: UNKNOWN, confidence: 0, source, scope, raw, addedTerms: { beside: [] } });
  };
  const walk = (key: string, value: unknown, depth: number) => {
    if (seen++ > MAX_METADATA_STRINGS || depth > 8 || out.length >= MAX_FINDINGS) return;
    if (typeof value === 'string') {
      const hit = textTerms(value, rules.cardTerms);
      if (hit) push(key, `${key}: ${hit.sentence}`);
    } else if (Array.isArray(value)) value.forEach((v) => walk(key, v, depth + 1));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { walk(key, k, depth + 1); walk(key, v, depth + 1); }
  };
  for (const [key, value] of Object.entries(card.metadata)) {
    if (ID_KEYS.has(key) || key.startsWith('extra_gated_') || value === null || value === undefined || value === '') continue;
    const said = metadataField(key, value, rules);
    if (said) { for (const f of said) push(key, f.raw, f.resolved); continue; }
    walk(key, value, 0);
  }
  for (const { text, line } of card.comments ?? []) {
    const hit = out.length < MAX_FINDINGS ? textTerms(text, rules.cardTerms) : undefined;
    if (hit) out.push({ expression: UNKNOWN, confidence: 0, source: { file: card.file, line, kind: 'card-metadata' }, scope, raw: `# ${hit.sentence}`, addedTerms: { beside: [] } });
  }
  return out;
}
