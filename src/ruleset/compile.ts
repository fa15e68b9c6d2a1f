// Build step: validates rules/*.yaml with zod and writes dist/rules.compiled (see serializeRuleSet), so a run never pays for YAML and zod.
import { renameSync, writeFileSync } from 'node:fs';
import { OsaiError } from '../errors.js';
import { loadRuleSetFromYaml } from './load.js';
import { COMPILED_RULES, DEFAULT_RULES_DIR, serializeRuleSet } from './rule-set.js';

try {
  // Written beside and renamed over: a running osai reads the old file's body by position through an open
  // descriptor, which keeps seeing the old file rather than a half-written new one.
  const temp = `${COMPILED_RULES}.${process.pid}.tmp`;
  writeFileSync(temp, serializeRuleSet(loadRuleSetFromYaml(DEFAULT_RULES_DIR)));
  renameSync(temp, COMPILED_RULES);
} catch (error) {
  if (!(error instanceof OsaiError)) throw error;
  process.stderr.write(`rules are invalid: ${error.message}\n`);
  process.exitCode = 1;
}
