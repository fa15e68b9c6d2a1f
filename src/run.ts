// The only file that sequences the stages: discover → read → identify → evaluate.
import { dirname, relative, resolve, sep } from 'node:path';
import { noteCodePath } from './code-path.js';
import type { Clarification, Declaration, Documents, RemoteFacts } from './model.js';
import type { ResolvedBase } from './identify/lineage/lineage.js';
import type { IgnoreRule, Policy } from './evaluate/policy.js';
import { discoverFiles } from './discover/discover.js';
import { evaluate } from './evaluate/evaluate.js';
import { identify } from './identify/identify.js';
import { loadMarkdownParser } from './identify/card/markdown.js';
import { identifyEuFacts, type EuDeclaration } from './identify/eu-facts.js';
import { loadConfig } from './read/config.js';
import { openFsRepo } from './read/fs-reader.js';
import { releaseReader, selectReleaseFiles } from './read/git-files.js';
import { readDocuments } from './read/read-documents.js';
import type { RepoReader } from './read/reader.js';
import { isHubSpec } from './read/hub-target.js';
import type { LockEntry } from './read/lock-file.js';
import type { Report } from './report/types.js';
import { loadRuleSet } from './ruleset/rule-set.js';
import { TOOL } from './version.js';

export const DEFAULT_PROFILE = 'osaid-1.0';

/** What a run knows beyond the repository: the config's declarations, clarifications and policy. */
export interface RepoInputs {
  declarations?: Declaration[]; clarifications?: Clarification[]; policy?: Policy | undefined;
  /** Fetches the remote facts the documents point to (base models, datasets, linked code); the edge, not the core. */
  resolve?: (documents: Documents) => Promise<RemoteFacts>;
  /** Base-model licenses stated in `base_models:` (or resolved from the Hub) for bases the rules do not rate. */
  bases?: ResolvedBase[];
  /** `eu_ai_act:` from the config, for the eu-ai-act-53-2 profile. */
  euAiAct?: EuDeclaration;
}

export interface CheckOptions {
  /** The profile whose verdict is the run's verdict; default from the config, else osaid-1.0. */
  profile?: string;
  /** Warnings fail the profile. */
  strict?: boolean;
  /** A config file to use instead of the .osai.yml found from the target upward. */
  config?: string;
  /** Another rules folder (for testing rule changes). */
  rulesDir?: string;
  /** Licenses allowed: SPDX/LicenseRef ids, categories or restriction types; replaces the config's `allow`. */
  allow?: string[];
  /** Licenses denied, in the same words; replaces the config's `deny`. */
  deny?: string[];
  /** Accepted finding codes; replaces the config's `ignore`. */
  ignore?: IgnoreRule[];
  /** Judge every file in the folder, not only those git tracks (when the folder is in a git work tree). */
  allFiles?: boolean;
  /** Today as YYYY-MM-DD for ignore expiry; default the current UTC date. */
  today?: string;
  /** A Hugging Face token for hf: targets and --online (else HF_TOKEN, else the login token file). */
  token?: string;
  /** Resolve base models, datasets and linked code where they live, for a local folder too. */
  online?: boolean;
  /** Use only the lock file and the cache for remote facts; never open a connection. */
  offline?: boolean;
  /** The environment to read HF_ENDPOINT, HF_TOKEN, HF_HOME, GITHUB_API_URL from (default process.env). */
  env?: Record<string, string | undefined>;
}

/** Checks the repository at `path` and returns the Report. Throws an OsaiError when it cannot check at all. */
export async function check(path: string, options: CheckOptions = {}): Promise<Report> {
  return (await checkTarget(path, options)).report;
}

/**
 * `osai lock`: checks `path` online and writes osai.lock.json (beside .osai.yml, else in the target folder, else in the
 * working directory for an hf: target) with every remote source the check read. Returns the report and the lock's path.
 */
export async function lock(path: string, options: CheckOptions = {}): Promise<{ report: Report; file: string }> {
  const { report, touched, lockDir } = await checkTarget(path, { ...options, online: true, offline: false });
  const { writeLock } = await import('./read/lock-file.js');
  return { report, file: writeLock(lockDir, touched) };
}

async function checkTarget(path: string, options: CheckOptions): Promise<{ report: Report; touched: LockEntry[]; lockDir: string }> {
  const hub = isHubSpec(path);
  // A Hub repository has no folder to search upward from: the config (and lock) is the working directory's.
  const home = hub ? '.' : path;
  const { config, file, lineOf } = await loadConfig(home, options.config);
  const where = file ? relative(resolve(home), file).split(sep).join('/') : '';
  const declarations = (config.components ?? []).map((c, i): Declaration => ({
    component: c.id, location: c.location, ...(c.license ? { license: c.license } : {}), file: where, line: lineOf(['components', i]),
  }));
  const clarifications = (config.clarify ?? []).map((c, i): Clarification => ({
    path: c.file.replace(/^\.?\//, ''), sha256: c.sha256, license: c.license, reason: c.reason, file: where, line: lineOf(['clarify', i]),
  }));
  const bases = (config.base_models ?? []).map((b, i): ResolvedBase => ({
    base: b.model, license: b.license, via: 'declaration', file: where, line: lineOf(['base_models', i]),
  }));
  const policy: Policy = {
    allow: options.allow?.map((entry) => ({ entry })) ?? (config.allow ?? []).map((entry, i) => ({ entry, line: lineOf(['allow', i]) })),
    deny: options.deny?.map((entry) => ({ entry })) ?? (config.deny ?? []).map((entry, i) => ({ entry, line: lineOf(['deny', i]) })),
    ignore: options.ignore ?? (config.ignore ?? []).map((r, i) => ({ ...r, line: lineOf(['ignore', i]) })),
    ...(where ? { file: where } : {}),
  };
  const eu = config.eu_ai_act;
  const euAiAct: EuDeclaration | undefined = eu ? {
    ...(eu.systemic_risk !== undefined ? { systemicRisk: eu.systemic_risk } : {}), ...(eu.copyright_policy ? { copyrightPolicy: eu.copyright_policy } : {}),
    ...(eu.training_content_summary ? { trainingContentSummary: eu.training_content_summary } : {}), file: where, line: lineOf(['eu_ai_act']),
  } : undefined;
  const settled = { ...options, profile: options.profile ?? config.profile, strict: options.strict ?? config.strict };
  const lockDir = file ? dirname(file) : home;
  if (!hub && !options.online && !options.offline) {
    const reader = releaseReader(await openFsRepo(path), await selectReleaseFiles(path, { allFiles: options.allFiles ?? false }));
    return { report: await checkReader(reader, settled, { declarations, clarifications, policy, bases, ...(euAiAct ? { euAiAct } : {}) }), touched: [], lockDir };
  }
  noteCodePath('remote');
  const { openRemoteRun } = await import('./read/remote-run.js');
  const run = await openRemoteRun(path, { ...settled, lockDir });
  const report = await checkReader(run.reader, settled, { declarations, clarifications, policy, bases, resolve: run.resolve, ...(euAiAct ? { euAiAct } : {}) });
  return { report, touched: run.touched, lockDir };
}

/** The same pipeline over any RepoReader (an in-memory repo in tests). */
export async function checkReader(
  reader: RepoReader, options: CheckOptions = {}, { declarations = [], clarifications = [], policy, bases = [], resolve: resolveRemote, euAiAct }: RepoInputs = {},
): Promise<Report> {
  const rules = await loadRuleSet(options.rulesDir);
  const listing = await reader.list();
  const inventory = discoverFiles(listing.entries, listing.problems, rules.termsFiles);
  const documents = await readDocuments(inventory, reader, clarifications.map((c) => c.path), rules.termsFiles, rules.cardTerms);
  const remote = resolveRemote ? await resolveRemote(documents) : undefined;
  // The Markdown parser is loaded only for a run that reads a card body or other prose (a data card, docs pages, a
  // notebook's Markdown cells); identify() itself stays synchronous.
  if (documents.card || documents.otherCards?.length || documents.docs.length || documents.prose?.length || documents.comments?.length) await loadMarkdownParser();
  const evidence = { ...identify(inventory, documents, rules, declarations, clarifications, remote, bases), euAiAct: identifyEuFacts(documents.card, euAiAct) };
  return evaluate(evidence, rules, {
    profile: options.profile ?? DEFAULT_PROFILE,
    strict: options.strict ?? false,
    target: reader.root,
    ...(reader.source ? { source: reader.source } : {}),
    tool: TOOL,
    policy: policy ?? { allow: (options.allow ?? []).map((entry) => ({ entry })), deny: (options.deny ?? []).map((entry) => ({ entry })), ignore: options.ignore ?? [] },
    today: options.today ?? new Date().toISOString().slice(0, 10),
  });
}
