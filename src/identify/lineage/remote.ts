// Remote facts (fetched at the edge for hf: targets and --online) joined to the evidence: base-model chains, dataset
// cards, linked code repositories' license files, and the Hub's own gate. Pure: the facts arrive as data.
import type { DatasetLink, Evidence, LicenseFinding, LineageLink, Problem, RemoteFacts, RemoteModel, ResolvedSource } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { UNKNOWN } from '../../spdx/expression.js';
import { identifyCardLicenses } from '../card/card-license.js';
import { identifyLicenseText } from '../license-text/license-text.js';
import type { Found } from '../components/components.js';
import { hubId, matchesPattern } from './lineage.js';

const short = (sha: string) => sha.slice(0, 12);
const where = (m: { id: string; source: { revision: string } }) => `${m.id}@${short(m.source.revision)}`;

/** The license a Hub card's metadata states, as osai's card reader identifies it; UNKNOWN when it says nothing usable. */
export function remoteCardLicense(kind: 'model' | 'dataset', fact: { id: string; source: { revision: string }; cardData: Record<string, unknown> }, rules: RuleSet): string {
  const file = `hf:${kind === 'dataset' ? 'datasets/' : ''}${fact.id}@${short(fact.source.revision)}/README.md`;
  const findings = identifyCardLicenses({ file, metadata: fact.cardData, lines: {}, body: '', bodyLine: 1 }, rules, new Set(), []);
  const known = findings.filter((f) => f.expression !== UNKNOWN);
  if (known.length === 0 || known.length !== findings.length) return UNKNOWN;
  return [...new Set(known.map((f) => f.expression))].map((e) => (known.length > 1 && /\s/.test(e) ? `(${e})` : e)).join(' AND ');
}

function bases(model: RemoteModel): string[] {
  const raw = model.cardData['base_model'];
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return values.map((v) => hubId(String(v)) ?? String(v));
}

/**
 * The chain above a base model, as resolved on the Hub: every model up to the root, each with its license. A model
 * missing from the facts, or one whose license osai cannot identify, leaves the chain `unknown` (deny by default).
 */
export function resolveChain(base: string, remote: RemoteFacts, rules: RuleSet): { chain: string[]; licenses: string[]; unresolved?: string } {
  const byId = new Map(remote.models.map((m) => [m.id.toLowerCase(), m]));
  const chain: string[] = [];
  const licenses: string[] = [];
  const seen = new Set<string>();
  const queue = [base];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id.toLowerCase())) continue;
    seen.add(id.toLowerCase());
    const model = byId.get(id.toLowerCase());
    const table = rules.baseModels.find((m) => matchesPattern(m.pattern, id));
    if (!model) {
      // Not fetched (depth limit, not found): the rules table may still rate it; otherwise the chain is unknown.
      if (table) { chain.push(`${id} (rules table)`); licenses.push(table.license); continue; }
      return { chain: [...chain, id], licenses, unresolved: id };
    }
    const license = remoteCardLicense('model', model, rules);
    chain.push(where(model));
    if (license === UNKNOWN && !table) return { chain, licenses, unresolved: id };
    if (license !== UNKNOWN) licenses.push(license);
    if (table) licenses.push(table.license);
    queue.push(...bases(model));
  }
  return { chain, licenses: [...new Set(licenses)] };
}

const conjoin = (list: string[]) => (list.length === 1 ? list[0]! : list.map((e) => (/\s/.test(e) ? `(${e})` : e)).join(' AND '));

/** Base models resolved through the Hub: each link gets the conjunction of its chain's licenses, with the chain named. */
export function applyRemoteLineage(links: LineageLink[], remote: RemoteFacts, rules: RuleSet, problems: Problem[]): LicenseFinding[] {
  const findings: LicenseFinding[] = [];
  for (const link of links) {
    const { chain, licenses, unresolved } = resolveChain(link.base, remote, rules);
    if (unresolved) {
      problems.push({ code: 'lineage-unresolved', file: link.file, ...(link.line ? { line: link.line } : {}), args: { base: link.base, chain: chain.join(' → '), missing: unresolved } });
      continue;
    }
    const license = conjoin(licenses.length > 0 ? licenses : [UNKNOWN]);
    if (license === link.license) continue;
    link.license = license;
    link.family = `resolved on the Hub: ${chain.join(' → ')}`;
    problems.push({ code: 'lineage-resolved', file: link.file, ...(link.line ? { line: link.line } : {}), args: { base: link.base, chain: chain.join(' → '), license } });
    findings.push({
      expression: license, confidence: 1, raw: `base model chain ${chain.join(' → ')}`,
      source: { file: link.file, ...(link.line ? { line: link.line } : {}), kind: 'lineage' }, scope: { kind: 'group', group: 'weights' },
    });
  }
  return findings;
}

/** Datasets the rules do not know get the license their Hub dataset card states, at the commit it was read. */
export function applyRemoteDatasets(links: DatasetLink[], remote: RemoteFacts, rules: RuleSet, problems: Problem[]): void {
  for (const link of links) {
    if (link.license) continue;
    const fact = remote.datasets.find((d) => d.id.toLowerCase() === link.id.toLowerCase());
    if (!fact) continue;
    const license = remoteCardLicense('dataset', fact, rules);
    if (license === UNKNOWN) continue;
    link.license = license;
    link.note = `from its dataset card, ${where(fact)}`;
    problems.push({ code: 'dataset-resolved', file: link.file, ...(link.line ? { line: link.line } : {}), args: { dataset: link.id, license, source: `${fact.source.url}@${fact.source.revision}` } });
  }
}

/**
 * Code repositories the card links, with the license file GitHub serves for them identified by osai's matcher (not
 * GitHub's label): one finding per component that link stands for.
 */
export function remoteCodeLicenses(found: Found, remote: RemoteFacts, rules: RuleSet): LicenseFinding[] {
  const out: LicenseFinding[] = [];
  for (const code of remote.code) {
    if (!code.text || !code.file) continue;
    const file = `github:${code.repo}@${short(code.source.revision)}/${code.file}`;
    const identified = identifyLicenseText(file, code.text, { kind: 'repo' }, rules, { terms: true });
    const pattern = new RegExp(`github\\.com/${code.repo.replace(/[.]/g, '\\.')}(?![\\w.-])`, 'i');
    for (const [component, items] of found) {
      if (!items.some((e) => e.kind === 'card-link' && pattern.test(e.detail ?? ''))) continue;
      for (const f of identified) out.push({ ...f, scope: { kind: 'component', component } });
    }
  }
  return out;
}

const GATE_RANK = { false: 0, auto: 1, unknown: 2, manual: 3 } as const;

/**
 * The Hub's gate setting is what users meet, whatever the card's front matter says: the stricter of the two governs
 * (a card that says `gated: false` cannot open a repository the Hub gates by manual approval).
 */
export function applyRemoteAccess(access: Evidence['access'], remote: RemoteFacts): Evidence['access'] {
  const gate = remote.target?.gated;
  return gate && GATE_RANK[gate] > GATE_RANK[String(access.gated) as keyof typeof GATE_RANK] ? { ...access, gated: gate } : access;
}

/** Every remote fact the run used, with where and at which commit it was read, and the license osai read in it. */
export function resolvedSources(remote: RemoteFacts, rules: RuleSet): ResolvedSource[] {
  const out: ResolvedSource[] = [];
  const license = (l: string) => (l === UNKNOWN ? {} : { license: l });
  if (remote.target) out.push({ kind: 'target', id: remote.target.id, ...remote.target.source });
  for (const m of remote.models) out.push({ kind: 'base-model', id: m.id, ...m.source, ...license(remoteCardLicense('model', m, rules)) });
  for (const d of remote.datasets) out.push({ kind: 'dataset', id: d.id, ...d.source, ...license(remoteCardLicense('dataset', d, rules)) });
  for (const c of remote.code) {
    const found = c.text && c.file ? identifyLicenseText(c.file, c.text, { kind: 'repo' }, rules).map((f) => f.expression) : [];
    out.push({ kind: 'code', id: c.repo, ...c.source, ...(found.length === 1 ? license(found[0]!) : {}) });
  }
  return out;
}
