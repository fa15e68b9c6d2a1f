// The loaded rule set, and the fast path: rules compiled to JSON at build time, validated YAML for a custom folder.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { normalizeText } from '../identify/normalize.js';
import { COMPILED_RULES_FILE, RULES_DIR } from '../paths.js';
import { canonicalSpdxId } from '../spdx/expression.js';
import { escapeLines, isPlainAscii, lineValue, unescapeLines } from '../text-lines.js';
import type { AddedTermsRules, BaseModelRule, BenignLinesRules, CardTermsRules, ComponentRule, DatasetRule, LicenseRule, Messages, ProfileRule, TermsFilesRules } from './schema.js';

export interface HubId { license?: string; kind: 'license' | 'family' | 'sentinel'; note?: string; members?: string[] }
export interface DataInformationItem { id: string; label: string; anyOf: string[] }

export interface RuleSet {
  licenses: Map<string, LicenseRule>;
  /** Lower-cased id, name or alias → license id. */
  aliases: Map<string, string>;
  hubIds: Map<string, HubId>;
  components: ComponentRule[];
  profiles: Map<string, ProfileRule>;
  messages: Messages;
  dataInformation: DataInformationItem[];
  /** Well-known base models by HF repo id pattern (rules/base-models.yaml). */
  baseModels: BaseModelRule[];
  /** Config and metadata keys that name a base model (rules/base-models.yaml `config-keys`, `known-only-keys`). */
  baseModelKeys: { binding: string[]; knownOnly: string[] };
  /** Well-known datasets by HF dataset id pattern (rules/datasets.yaml). */
  datasets: DatasetRule[];
  /** Words that limit use in text no license explains (rules/added-terms.yaml). */
  addedTerms: AddedTermsRules;
  /** File names that carry terms (rules/terms-files.yaml). */
  termsFiles: TermsFilesRules;
  /** Sentences that state terms in a card, a gate or a metadata string (rules/card-terms.yaml). */
  cardTerms: CardTermsRules;
  /** What a license file may hold beside its license text (rules/benign-lines.yaml). */
  benignLines: BenignLinesRules;
}

/** A license's `identify:` phrases, excludes and titles as normalised text, for finding it in a file. */
export interface LicenseMatcher { id: string; phrases: string[]; excludes: string[]; titles: string[]; weight: number; spdx: boolean }

/** The rules folder shipped with the package (dist/ruleset → ../../rules). */
export const DEFAULT_RULES_DIR = RULES_DIR;
/** The same rules, validated and compiled by `npm run build` (see compile-rules.ts). */
export const COMPILED_RULES = COMPILED_RULES_FILE;

const cache = new Map<string, RuleSet>();

/**
 * The rule set: the shipped rules from their compiled lines of JSON (no YAML or zod at start-up), or a custom folder
 * validated file by file. Cached per folder.
 */
export async function loadRuleSet(dir?: string): Promise<RuleSet> {
  const key = dir ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  let rules: RuleSet;
  if (dir === undefined && existsSync(COMPILED_RULES)) rules = readCompiled(COMPILED_RULES);
  else {
    const { loadRuleSetFromYaml } = await import('./load.js');
    rules = loadRuleSetFromYaml(dir ?? DEFAULT_RULES_DIR);
  }
  cache.set(key, rules);
  return rules;
}

/**
 * The compiled form: one line of JSON for everything but the licenses (the head), then the body: one line per
 * distinct shared value and one JSON line per license (JSON.stringify never writes a raw line break). The head holds
 * the licenses' ids and where each body line starts, so a run reads and parses the head and, on first lookup, the
 * lines of the licenses it asks for (a handful of the ~800), by position.
 */
export function serializeRuleSet(rules: RuleSet): string {
  const licenses = compactLicenses([...rules.licenses]);
  const body = [...licenses.shared, ...licenses.entries.map(([, json]) => json)].map(asciiOnly);
  // The aliases' lines open the body as text (a JSON string of them has ~3,500 escapes for JSON.parse to undo at every
  // start, though a run looks up a few), right after the head, so the read that takes the head takes them too; ASCII,
  // so that a character is a byte there as well (see escapeLines).
  const aliasText = escapeLines(aliasLines(rules.aliases));
  // Then the parts a run reads only when it needs them (LAZY_PARTS), one JSON line each, parsed on first use.
  const lazy: Record<string, { from: number; to: number }> = {};
  let at = aliasText.length;
  const lazyLines = LAZY_PARTS.map((part) => {
    const line = asciiOnly(JSON.stringify(rules[part]));
    lazy[part] = { from: at, to: at + line.length };
    at += line.length + 1;
    return line;
  });
  const starts = [at];
  for (const line of body) starts.push(starts[starts.length - 1]! + line.length + 1);
  const head = JSON.stringify({
    licenses: { shared: licenses.shared.length, ids: licenses.entries.map(([id]) => id), starts },
    aliases: { from: 0, to: aliasText.length }, lazy, hubIds: [...rules.hubIds],
    components: rules.components, profiles: [...rules.profiles], messages: rules.messages, dataInformation: rules.dataInformation,
    baseModelKeys: rules.baseModelKeys, addedTerms: rules.addedTerms,
    termsFiles: rules.termsFiles, cardTerms: rules.cardTerms, matchers: licenseMatchers(rules),
  });
  return `${asciiOnly(head)}\n${aliasText}${lazyLines.map((l) => `${l}\n`).join('')}${body.join('\n')}\n`;
}

/**
 * Parts of the rules that a run reads only for some repositories (a card that names a base model or a dataset, a
 * license file with lines no reference explains): kept out of the head, so a run that needs none does not parse them.
 */
const LAZY_PARTS = ['baseModels', 'datasets', 'benignLines'] as const;

/**
 * ASCII only (\uXXXX for the rest, the same JSON value): read as latin1 it is a one-byte string, which V8 decodes and
 * parses faster than the two-byte string a few non-ASCII characters make of UTF-8; and a character is a byte, so
 * the head's line starts are byte positions too.
 */
function asciiOnly(json: string): string {
  return json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The compiled text in memory (tests, tools). */
export function deserializeRuleSet(text: string): RuleSet {
  const end = text.indexOf('\n');
  const body = text.slice(end + 1);
  return fromHead(text.slice(0, end), (from, to) => body.slice(from, to));
}

/**
 * The compiled file: its head read at once, the body's lines by positional reads when a license is first looked up.
 * The descriptor stays open for those reads (a rule set is loaded once per process and cached).
 */
function readCompiled(file: string): RuleSet {
  const fd = openSync(file, 'r');
  const read = (position: number, length: number): Buffer => {
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buffer, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done);
  };
  let chunk = read(0, 256 * 1024);
  let end = chunk.indexOf(10);
  while (end < 0 && chunk.length > 0) {
    const more = read(chunk.length, chunk.length);
    if (more.length === 0) break;
    chunk = Buffer.concat([chunk, more]);
    end = chunk.indexOf(10);
  }
  if (end < 0) { closeSync(fd); throw new Error(`osai: ${file} is damaged (no head line); rebuild it (npm run build)`); }
  const bodyAt = end + 1;
  // What the first read took (the head, the aliases, the first licenses) is sliced from it; the rest is read by position.
  const taken = chunk;
  return fromHead(taken.toString('latin1', 0, end), (from, to) => (bodyAt + to <= taken.length
    ? taken.toString('latin1', bodyAt + from, bodyAt + to)
    : read(bodyAt + from, to - from).toString('latin1')));
}

/** A rule set from the compiled head, reading body lines through `slice(from, to)` (positions in the body). */
function fromHead(head: string, slice: (from: number, to: number) => string): RuleSet {
  const data = JSON.parse(head);
  const { shared: count, ids, starts } = data.licenses as { shared: number; ids?: string[]; starts?: number[] };
  if (!Array.isArray(ids) || !Array.isArray(starts)) throw new Error('osai: the compiled rules are from an older build; rebuild them (npm run build)');
  const line = (i: number) => slice(starts[i]!, starts[i + 1]! - 1);
  const licenses = expandLicenses(count, ids, line);
  // Normalised at build time; tied to this licenses map, so a rule set made with other licenses computes its own.
  matcherCache.set(licenses, data.matchers);
  if (typeof data.lazy !== 'object' || data.lazy === null) throw new Error('osai: the compiled rules are from an older build; rebuild them (npm run build)');
  const lazy = data.lazy as Record<(typeof LAZY_PARTS)[number], { from: number; to: number }>;
  const parsed: Partial<Pick<RuleSet, (typeof LAZY_PARTS)[number]>> = {};
  const part = <K extends (typeof LAZY_PARTS)[number]>(key: K): RuleSet[K] => (parsed[key] ??= JSON.parse(slice(lazy[key].from, lazy[key].to)) as RuleSet[K]) as RuleSet[K];
  return {
    licenses, aliases: new LazyMap(new TextEntries(() => slice(data.aliases.from, data.aliases.to)), (id) => id), hubIds: new Map(data.hubIds),
    components: data.components, profiles: new Map(data.profiles), messages: data.messages, dataInformation: data.dataInformation,
    get baseModels() { return part('baseModels'); }, baseModelKeys: data.baseModelKeys, get datasets() { return part('datasets'); },
    addedTerms: data.addedTerms, get benignLines() { return part('benignLines'); },
    termsFiles: data.termsFiles, cardTerms: data.cardTerms,
  };
}

/** The aliases as `key<TAB>id` lines: one JSON string, which parses far faster than 1,700 pairs. */
function aliasLines(aliases: Map<string, string>): string {
  const lines = [...aliases].map(([key, id]) => {
    if (/[\t\n]/.test(key + id)) throw new Error(`rules: the alias ${JSON.stringify(key)} holds a tab or a line break`);
    return `${key}\t${id}`;
  });
  return `\n${lines.join('\n')}\n`;
}

const matcherCache = new WeakMap<Map<string, LicenseRule>, LicenseMatcher[]>();

/** The licenses' identify matchers: the compiled ones for the compiled licenses, else computed once per licenses map. */
export function licenseMatchers(rules: RuleSet): LicenseMatcher[] {
  let matchers = matcherCache.get(rules.licenses);
  if (!matchers) {
    matchers = [...rules.licenses.values()].flatMap((rule) => (rule.identify ? [{
      id: rule.id,
      phrases: rule.identify.phrases.map(normalizeText),
      excludes: rule.identify.excludes.map(normalizeText),
      titles: (rule.identify.title ?? []).map(normalizeText),
      weight: rule.identify.phrases.join('').length,
      spdx: canonicalSpdxId(rule.id) === rule.id,
    }] : []));
    matcherCache.set(rules.licenses, matchers);
  }
  return matchers;
}

/**
 * The generated SPDX rules repeat the same freedoms and obligations hundreds of times; the compiled text stores each
 * distinct value once (`shared`) and licenses point at it by index. Each license and each shared value is its own
 * JSON string, parsed on first lookup: a run asks for a handful of the ~800 licenses, so start-up parses a few.
 */
const SHARED_FIELDS = ['freedoms', 'obligations', 'restrictions'] as const;

interface CompactLicenses { shared: string[]; entries: [string, string][] }

/** The licenses' JSON lines by id, read through `line(i)` (the body's i-th line): a LazyMap's raw entries. */
class LineEntries implements RawEntries {
  /** Built once a run has looked up more than a few ids: until then a search of the ~800 ids costs less than the map. */
  private at: Map<string, number> | undefined;
  private lookups = 0;
  constructor(private readonly ids: string[], private readonly first: number, private readonly line: (i: number) => string) {}
  private map(): Map<string, number> {
    this.at ??= new Map(this.ids.map((id, i) => [id, this.first + i]));
    return this.at;
  }
  private indexOf(id: string): number | undefined {
    if (this.at || ++this.lookups > 32) return this.map().get(id);
    const i = this.ids.indexOf(id);
    return i < 0 ? undefined : this.first + i;
  }
  get(id: string): string | undefined { const i = this.indexOf(id); return i === undefined ? undefined : this.line(i); }
  has(id: string): boolean { return this.indexOf(id) !== undefined; }
  get size(): number { return this.ids.length; }
  keys(): MapIterator<string> { return this.map().keys(); }
  [Symbol.iterator](): MapIterator<[string, string]> { return new Map(this.ids.map((id, i) => [id, this.line(this.first + i)] as [string, string]))[Symbol.iterator](); }
}

function compactLicenses(entries: [string, LicenseRule][]): CompactLicenses {
  const shared: string[] = [];
  const index = new Map<string, number>();
  const out = entries.map(([id, rule]): [string, string] => {
    const copy: Record<string, unknown> = { ...rule };
    for (const field of SHARED_FIELDS) {
      const key = JSON.stringify(rule[field]);
      let i = index.get(key);
      if (i === undefined) { i = shared.push(key) - 1; index.set(key, i); }
      copy[field] = i;
    }
    return [id, JSON.stringify(copy)];
  });
  return { shared, entries: out };
}

function expandLicenses(count: number, ids: string[], line: (i: number) => string): Map<string, LicenseRule> {
  const shared: unknown[] = [];
  const value = (i: number) => (shared[i] ??= JSON.parse(line(i)));
  return new LazyMap(new LineEntries(ids, count, line), (text) => {
    const rule = JSON.parse(text) as Record<string, unknown>;
    for (const field of SHARED_FIELDS) rule[field] = value(rule[field] as number);
    return rule as unknown as LicenseRule;
  });
}

/**
 * A Map whose values are parsed from their text on first `get`; iterating or changing it parses the rest first,
 * in the original order, so it behaves as the Map it stands for.
 */
class LazyMap<V> extends Map<string, V> {
  private raw: RawEntries | undefined;
  private readonly parse: (text: string) => V;

  constructor(raw: RawEntries, parse: (text: string) => V) {
    super();
    this.raw = raw;
    this.parse = parse;
  }

  private all(): this {
    const raw = this.raw;
    if (raw) {
      this.raw = undefined;
      const done = new Map(super.entries());
      super.clear();
      for (const [key, text] of raw) super.set(key, done.get(key) ?? this.parse(text));
    }
    return this;
  }

  override get(key: string): V | undefined {
    const hit = super.get(key);
    if (hit !== undefined || !this.raw) return hit;
    const text = this.raw.get(key);
    if (text === undefined) return undefined;
    const value = this.parse(text);
    super.set(key, value);
    return value;
  }

  override has(key: string): boolean { return this.raw ? this.raw.has(key) : super.has(key); }
  override get size(): number { return this.raw ? this.raw.size : super.size; }
  override set(key: string, value: V): this { this.all(); return super.set(key, value); }
  override delete(key: string): boolean { this.all(); return super.delete(key); }
  override clear(): void { this.raw = undefined; super.clear(); }
  override keys(): MapIterator<string> { return this.raw ? this.raw.keys() : super.keys(); }
  override values(): MapIterator<V> { return this.all(), super.values(); }
  override entries(): MapIterator<[string, V]> { return this.all(), super.entries(); }
  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, self?: unknown): void { this.all(); super.forEach(fn, self); }
  override [Symbol.iterator](): MapIterator<[string, V]> { return this.all(), super[Symbol.iterator](); }
}

/** The unparsed entries a LazyMap starts from. */
type RawEntries = Pick<Map<string, string>, 'get' | 'has' | 'size' | 'keys' | typeof Symbol.iterator>;

/**
 * `key<TAB>value` lines (each line after a line break), answered by a string search: a run looks up a few aliases, so
 * the 1,700 entries are split into a Map only when something counts or iterates them (explain, re-serialising).
 */
class TextEntries implements RawEntries {
  private map: Map<string, string> | undefined;
  private value: string | undefined;
  /** Where to read the lines (written by escapeLines) when first asked: the compiled aliases are read only by a lookup. */
  constructor(private readonly source: () => string) {}

  private get text(): string {
    this.value ??= this.source();
    return this.value;
  }

  get(key: string): string | undefined {
    if (this.map) return this.map.get(key);
    const value = lineValue(this.text, isPlainAscii(key) ? key : escapeLines(key));
    return value === undefined ? undefined : unescapeLines(value);
  }
  has(key: string): boolean { return this.get(key) !== undefined; }
  get size(): number { return this.split().size; }
  keys(): MapIterator<string> { return this.split().keys(); }
  [Symbol.iterator](): MapIterator<[string, string]> { return this.split()[Symbol.iterator](); }
  private split(): Map<string, string> {
    if (!this.map) {
      this.map = new Map();
      for (const line of this.text.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) {
          const key = line.slice(0, tab);
          const value = line.slice(tab + 1);
          this.map.set(unescapeLines(key), unescapeLines(value));
        }
      }
    }
    return this.map;
  }
}
