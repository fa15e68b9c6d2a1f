// The loaded rule set, and the fast path: rules compiled to JSON at build time, validated YAML for a custom folder.
import { existsSync, readFileSync } from 'node:fs';
import { COMPILED_RULES_FILE, RULES_DIR } from '../paths.js';
import type { AddedTermsRules, BaseModelRule, ComponentRule, DatasetRule, LicenseRule, Messages, ProfileRule } from './schema.js';

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
  /** Well-known datasets by HF dataset id pattern (rules/datasets.yaml). */
  datasets: DatasetRule[];
  /** Words that limit use in text no license explains (rules/added-terms.yaml). */
  addedTerms: AddedTermsRules;
}

/** The rules folder shipped with the package (dist/ruleset → ../../rules). */
export const DEFAULT_RULES_DIR = RULES_DIR;
/** The same rules, validated and compiled by `npm run build` (see compile-rules.ts). */
export const COMPILED_RULES = COMPILED_RULES_FILE;

const cache = new Map<string, RuleSet>();

/**
 * The rule set: the shipped rules from their compiled JSON (no YAML or zod at start-up), or a custom folder
 * validated file by file. Cached per folder.
 */
export async function loadRuleSet(dir?: string): Promise<RuleSet> {
  const key = dir ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  let rules: RuleSet;
  // latin1: the compiled JSON is ASCII (serializeRuleSet escapes the rest), and a one-byte string parses faster.
  if (dir === undefined && existsSync(COMPILED_RULES)) rules = deserializeRuleSet(readFileSync(COMPILED_RULES, 'latin1'));
  else {
    const { loadRuleSetFromYaml } = await import('./load.js');
    rules = loadRuleSetFromYaml(dir ?? DEFAULT_RULES_DIR);
  }
  cache.set(key, rules);
  return rules;
}

export function serializeRuleSet(rules: RuleSet): string {
  const json = JSON.stringify({
    licenses: compactLicenses([...rules.licenses]), aliases: [...rules.aliases], hubIds: [...rules.hubIds],
    components: rules.components, profiles: [...rules.profiles], messages: rules.messages, dataInformation: rules.dataInformation,
    baseModels: rules.baseModels, datasets: rules.datasets, addedTerms: rules.addedTerms,
  });
  // ASCII only (\uXXXX for the rest, the same JSON value): read as latin1 it is a one-byte string, which V8 decodes
  // and parses faster than the two-byte string a few non-ASCII characters make of UTF-8.
  return json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function deserializeRuleSet(json: string): RuleSet {
  const data = JSON.parse(json);
  return {
    licenses: new Map(expandLicenses(data.licenses)), aliases: new Map(data.aliases), hubIds: new Map(data.hubIds),
    components: data.components, profiles: new Map(data.profiles), messages: data.messages, dataInformation: data.dataInformation,
    baseModels: data.baseModels, datasets: data.datasets, addedTerms: data.addedTerms,
  };
}

/**
 * The generated SPDX rules repeat the same freedoms and obligations hundreds of times; the compiled JSON stores each
 * distinct value once (`shared`) and licenses point at it by index, so start-up parses a third of the text.
 */
const SHARED_FIELDS = ['freedoms', 'obligations', 'restrictions'] as const;

function compactLicenses(entries: [string, LicenseRule][]): { shared: unknown[]; entries: [string, Record<string, unknown>][] } {
  const shared: unknown[] = [];
  const index = new Map<string, number>();
  const out = entries.map(([id, rule]): [string, Record<string, unknown>] => {
    const copy: Record<string, unknown> = { ...rule };
    for (const field of SHARED_FIELDS) {
      const key = JSON.stringify(rule[field]);
      let i = index.get(key);
      if (i === undefined) { i = shared.push(rule[field]) - 1; index.set(key, i); }
      copy[field] = i;
    }
    return [id, copy];
  });
  return { shared, entries: out };
}

function expandLicenses(data: { shared: unknown[]; entries: [string, Record<string, unknown>][] }): [string, LicenseRule][] {
  return data.entries.map(([id, rule]) => {
    for (const field of SHARED_FIELDS) rule[field] = data.shared[rule[field] as number];
    return [id, rule as unknown as LicenseRule];
  });
}
