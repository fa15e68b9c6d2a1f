// The only file that sequences the stages: discover → read → identify → evaluate.
import { relative, resolve, sep } from 'node:path';
import type { Clarification, Declaration } from './model.js';
import { discoverFiles } from './discover/discover.js';
import { evaluate } from './evaluate/evaluate.js';
import { identify } from './identify/identify.js';
import { loadConfig } from './read/config.js';
import { openFsRepo } from './read/fs-reader.js';
import { readDocuments } from './read/read-documents.js';
import type { RepoReader } from './read/reader.js';
import type { Report } from './report/types.js';
import { loadRuleSet } from './ruleset/rule-set.js';
import { TOOL } from './version.js';

export const DEFAULT_PROFILE = 'osaid-1.0';

export interface CheckOptions {
  /** The profile whose verdict is the run's verdict; default from the config, else osaid-1.0. */
  profile?: string;
  /** Warnings fail the profile. */
  strict?: boolean;
  /** A config file to use instead of the .osai.yml found from the target upward. */
  config?: string;
  /** Another rules folder (for testing rule changes). */
  rulesDir?: string;
}

/** Checks the repository at `path` and returns the Report. Throws an OsaiError when it cannot check at all. */
export async function check(path: string, options: CheckOptions = {}): Promise<Report> {
  const reader = await openFsRepo(path);
  const { config, file, lineOf } = await loadConfig(path, options.config);
  const where = file ? relative(resolve(path), file).split(sep).join('/') : '';
  const declarations = (config.components ?? []).map((c, i): Declaration => ({
    component: c.id, location: c.location, ...(c.license ? { license: c.license } : {}), file: where, line: lineOf(['components', i]),
  }));
  const clarifications = (config.clarify ?? []).map((c, i): Clarification => ({
    path: c.file.replace(/^\.?\//, ''), sha256: c.sha256, license: c.license, reason: c.reason, file: where, line: lineOf(['clarify', i]),
  }));
  return checkReader(reader, {
    ...options,
    profile: options.profile ?? config.profile,
    strict: options.strict ?? config.strict,
  }, declarations, clarifications);
}

/** The same pipeline over any RepoReader (an in-memory repo in tests). */
export async function checkReader(
  reader: RepoReader, options: CheckOptions = {}, declarations: Declaration[] = [], clarifications: Clarification[] = [],
): Promise<Report> {
  const rules = await loadRuleSet(options.rulesDir);
  const listing = await reader.list();
  const inventory = discoverFiles(listing.entries, listing.problems);
  const documents = await readDocuments(inventory, reader, clarifications.map((c) => c.path));
  const evidence = identify(inventory, documents, rules, declarations, clarifications);
  return evaluate(evidence, rules, {
    profile: options.profile ?? DEFAULT_PROFILE,
    strict: options.strict ?? false,
    target: reader.root,
    tool: TOOL,
  });
}
