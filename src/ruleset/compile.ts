// Build step: validates rules/*.yaml with zod and writes dist/rules.compiled (see serializeRuleSet), so a run never pays for YAML and zod.
import { writeFileSync } from 'node:fs';
import { OsaiError } from '../errors.js';
import { loadRuleSetFromYaml } from './load.js';
import { COMPILED_RULES, DEFAULT_RULES_DIR, serializeRuleSet } from './rule-set.js';

try {
  writeFileSync(COMPILED_RULES, serializeRuleSet(loadRuleSetFromYaml(DEFAULT_RULES_DIR)));
} catch (error) {
  if (!(error instanceof OsaiError)) throw error;
  process.stderr.write(`rules are invalid: ${error.message}\n`);
  process.exitCode = 1;
}
