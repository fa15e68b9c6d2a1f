// Lineage and datasets: what a model inherits from its base models and what its datasets' licenses say.
import type { CardDocument, DatasetLink, LicenseFinding, LineageLink, TextDocument, WeightsHeader } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { findBaseModel, matchesPattern } from './base-match.js';
import { basesFromCardBody, basesFromCardMetadata, basesFromConfigs, basesFromHeaders, basesFromMetadataKeys, type Candidate } from './base-sources.js';
import { hubId } from './hub-id.js';
import { resolveLicenseName } from '../license-name.js';
import { UNKNOWN } from '../../spdx/expression.js';
import { isNotYetReleased } from '../components/components.js';

export { matchesPattern } from './base-match.js';
export { hubId } from './hub-id.js';

/**
 * A base model's license from outside the rules: a `base_models:` entry of .osai.yml, or (src/identify/lineage/remote.ts)
 * the license the Hub reports for the base, with the revision it was read at.
 */
export interface ResolvedBase { base: string; license: string; file: string; line?: number; via: 'declaration' | 'hub'; revision?: string }

export interface LineageInputs {
  /** adapter_config.json and config.json texts. */
  configs?: readonly TextDocument[];
  /** Every other config and metadata file (JSON, YAML, TOML), read for rules/base-models.yaml `config-keys`. */
  metadata?: readonly TextDocument[];
  /** Licenses for bases the rules may not know; the rules win where they rate a base. */
  resolved?: readonly ResolvedBase[];
}

/** One document per file (config.json is both a config and a metadata file). */
const uniqueFiles = (docs: readonly TextDocument[]) => [...new Map(docs.map((d) => [d.file, d])).values()];

/**
 * The base models the card (metadata and "fine-tuned from" links), the adapter and model configs and the weights
 * headers name, each with the license the rules (or a resolved source) know for it. Every base binds: a merge of
 * three inherits all three licenses.
 */
export function identifyLineage(card: CardDocument | undefined, headers: WeightsHeader[], rules: RuleSet, inputs: LineageInputs = {}): { links: LineageLink[]; findings: LicenseFinding[] } {
  const candidates: Candidate[] = [
    ...(card ? basesFromCardMetadata(card) : []),
    ...(inputs.configs ? basesFromConfigs(inputs.configs) : []),
    ...basesFromMetadataKeys(uniqueFiles([...(inputs.configs ?? []), ...(inputs.metadata ?? [])]), rules.baseModelKeys),
    ...basesFromHeaders(headers),
    ...(card ? basesFromCardBody(card) : []),
    ...(inputs.resolved ?? []).filter((r) => r.via === 'declaration').map((r): Candidate => ({ base: r.base, relation: 'derivative', file: r.file, ...(r.line ? { line: r.line } : {}) })),
  ];
  const links: LineageLink[] = [];
  const findings: LicenseFinding[] = [];
  const seen = new Set<string>();
  for (const { knownOnly, ...link } of candidates) {
    const key = link.base.toLowerCase();
    if (seen.has(key)) continue;
    const known = findBaseModel(link.base, rules.baseModels);
    const resolved = known ? undefined : inputs.resolved?.find((r) => r.base.toLowerCase() === key);
    if (knownOnly && !known) continue;
    seen.add(key);
    if (known) Object.assign(link, { license: known.license, family: known.family });
    else if (resolved && resolveLicenseName(resolved.license, rules)) Object.assign(link, { license: resolveLicenseName(resolved.license, rules)!.expression, resolvedBy: { file: resolved.file, ...(resolved.line ? { line: resolved.line } : {}), via: resolved.via } });
    links.push(link);
    if (!link.license) continue;
    findings.push({
      expression: link.license, confidence: 1, raw: `base model ${link.base}${link.family ? ` (${link.family})` : ''}`,
      source: { file: link.file, ...(link.line ? { line: link.line } : {}), kind: 'lineage' }, scope: { kind: 'group', group: 'weights' },
    });
  }
  return { links, findings };
}

/**
 * The datasets the card lists (`datasets:`) or links (huggingface.co/datasets/…), each with the license the rules know.
 * Links on lines for which `isEvaluation` holds (an Evaluation section) are evaluation data, not training data.
 */
export function identifyDatasets(card: CardDocument, rules: RuleSet, isEvaluation: (line: number) => boolean = () => false): DatasetLink[] {
  const raw = card.metadata['datasets'];
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const links: DatasetLink[] = values.map((value, i) => {
    const line = card.lines[Array.isArray(raw) ? `datasets[${i}]` : 'datasets'] ?? card.lines['datasets'];
    return { id: hubId(String(value), 'dataset') ?? String(value), via: 'card-metadata' as const, file: card.file, ...(line ? { line } : {}) };
  });
  card.body.split(/\r\n|\r|\n/).forEach((text, i) => {
    // A line without "://" holds no dataset link (and a run whose card has none compiles neither expression).
    if (!text.includes('://') || isNotYetReleased(text)) return;
    for (const match of text.matchAll(/https?:\/\/(?:huggingface\.co|hf\.co)\/datasets\/([\w.-]+(?:\/[\w.-]+)?)/gi)) {
      if (isEvaluation(card.bodyLine + i)) continue;
      if (!links.some((l) => l.id.toLowerCase() === match[1]!.toLowerCase())) links.push({ id: match[1]!, via: 'card-link', file: card.file, line: card.bodyLine + i });
    }
  });
  links.forEach((link) => describeDataset(link, rules));
  return links;
}

/** Adds what the datasets table knows (license, name, use, note) to a dataset link. */
export function describeDataset(link: DatasetLink, rules: RuleSet): DatasetLink {
  const known = rules.datasets.find((d) => matchesPattern(d.pattern, link.id));
  if (known) Object.assign(link, { license: known.license, name: known.name, ...(known.use ? { use: known.use } : {}), ...(known.note ? { note: known.note } : {}) });
  return link;
}

/**
 * Dataset licenses as findings on the datasets component. Every known dataset's license binds, so a restrictive one
 * binds even beside unknown ones; each unknown dataset adds an `unknown` term, so the component's license is never
 * settled by the known ones alone (that could pass wrongly). checks/repository.ts reports those terms on the
 * component, not as an unidentified license of the whole release. When the data is in the repository
 * (`unknownBinds: false`), its own license files govern it and only the known datasets' terms are added.
 */
export function datasetFindings(links: DatasetLink[], component = 'datasets', { unknownBinds = true } = {}): LicenseFinding[] {
  return links.filter((l) => l.license || unknownBinds).map((l) => ({
    expression: l.license ?? UNKNOWN, confidence: l.license ? 1 : 0, raw: `dataset ${l.id}`,
    source: { file: l.file, ...(l.line ? { line: l.line } : {}), kind: 'dataset' as const }, scope: { kind: 'component' as const, component },
  }));
}
