// Loads rules/*.yaml, validates every file with the zod schemas and indexes licenses by id and alias.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { RulesError } from '../errors.js';
import {
  AddedTermsFile, BaseModelsFile, BenignLinesFile, CardTermsFile, ComponentsFile, DataInformationFile, DatasetsFile, HubIdsFile, LicenseRule, MessagesFile, ProfileRule, TermsFilesFile,
} from './schema.js';
import type { RuleSet } from './rule-set.js';

/** Loads and validates the rule set in a rules folder. Slow (zod and YAML): the CLI uses the compiled copy. */
export function loadRuleSetFromYaml(dir: string): RuleSet {
  const licenses = new Map<string, LicenseRule>();
  const aliases = new Map<string, string>();
  // Hand-written rules first; generated ones (licenses/spdx/, see scripts/generate-spdx-rules.mjs) only fill gaps.
  const files = [
    ...yamlFiles(join(dir, 'licenses')).map((name) => ({ file: join(dir, 'licenses', name), generated: false })),
    ...yamlFiles(join(dir, 'licenses', 'spdx'), true).map((name) => ({ file: join(dir, 'licenses', 'spdx', name), generated: true })),
  ];
  for (const { file, generated } of files) {
    const rule = loadFile(file, LicenseRule);
    if (licenses.has(rule.id)) {
      if (generated) continue;
      throw new RulesError(`${file}: license id ${rule.id} is defined twice`);
    }
    licenses.set(rule.id, rule);
    for (const alias of [rule.id, rule.name, ...rule.aliases]) {
      const key = alias.toLowerCase();
      const owner = aliases.get(key);
      if (owner && owner !== rule.id) throw new RulesError(`${file}: alias "${alias}" is already used by ${owner}`);
      aliases.set(key, rule.id);
    }
  }
  const profiles = new Map<string, ProfileRule>();
  for (const name of yamlFiles(join(dir, 'profiles'))) {
    const rule = loadFile(join(dir, 'profiles', name), ProfileRule);
    profiles.set(rule.id, rule);
  }
  const hub = loadFile(join(dir, 'huggingface-ids.yaml'), HubIdsFile);
  const bases = loadFile(join(dir, 'base-models.yaml'), BaseModelsFile);
  const ruleSet: RuleSet = {
    licenses,
    aliases,
    hubIds: new Map(Object.entries(hub.ids)),
    components: loadFile(join(dir, 'components.yaml'), ComponentsFile).components,
    profiles,
    messages: loadFile(join(dir, 'messages.yaml'), MessagesFile),
    dataInformation: loadFile(join(dir, 'data-information.yaml'), DataInformationFile).items,
    baseModels: bases.models,
    baseModelKeys: { binding: bases['config-keys'], knownOnly: bases['known-only-keys'] },
    datasets: loadFile(join(dir, 'datasets.yaml'), DatasetsFile).datasets,
    addedTerms: loadFile(join(dir, 'added-terms.yaml'), AddedTermsFile),
    termsFiles: loadFile(join(dir, 'terms-files.yaml'), TermsFilesFile),
    cardTerms: loadFile(join(dir, 'card-terms.yaml'), CardTermsFile),
    benignLines: loadFile(join(dir, 'benign-lines.yaml'), BenignLinesFile),
  };
  checkReferences(ruleSet, dir);
  return ruleSet;
}

function yamlFiles(dir: string, optional = false): string[] {
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new RulesError(`cannot read rules folder ${dir}: ${(error as Error).message}`);
  }
}

/** One rules file, parsed and validated; a bad file is a RulesError naming the file and the YAML path. */
export function loadFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    throw new RulesError(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') || '(top level)';
    throw new RulesError(`${file}: ${where.replace(/^\./, '')}: ${issue.message}`);
  }
  return result.data;
}

/** Cross-file references must resolve, so a typo in a profile or the hub table fails at load, not mid-run. */
function checkReferences(rules: RuleSet, dir: string): void {
  const componentIds = new Set(rules.components.map((c) => c.id));
  for (const [id, profile] of rules.profiles) {
    if (profile.extends && !rules.profiles.has(profile.extends)) {
      throw new RulesError(`${dir}/profiles: ${id} extends unknown profile ${profile.extends}`);
    }
    for (const check of profile.checks) {
      if (check.kind !== 'component') continue;
      for (const c of check.anyOf ?? [check.component!]) {
        if (!componentIds.has(c)) throw new RulesError(`${dir}/profiles: ${id} names unknown component ${c}`);
      }
    }
  }
  // The shipped hub table maps every license id to a rule (test/rules.test.ts); in a custom rules folder an id
  // without a rule rates `unknown` and fails, never passes.
}
