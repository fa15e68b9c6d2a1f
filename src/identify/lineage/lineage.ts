// Lineage and datasets: what a model inherits from its base model (`base_model:`, GGUF base-model keys) and its datasets.
import type { CardDocument, DatasetLink, LicenseFinding, LineageLink, WeightsHeader } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';

const RELATIONS = new Set(['adapter', 'merge', 'quantized', 'finetune']);

/** `*` matches any run of characters; everything else literally, case-insensitive. */
export function matchesPattern(pattern: string, id: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 'i').test(id);
}

/** `meta-llama/Meta-Llama-3-8B`, also from a huggingface.co URL (models or datasets); undefined for anything else. */
export function hubId(value: string, kind: 'model' | 'dataset' = 'model'): string | undefined {
  const text = value.trim();
  const url = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/(datasets\/)?([\w.-]+(?:\/[\w.-]+)?)\/?(?:[?#].*)?$/i.exec(text);
  if (url) return (kind === 'dataset') === Boolean(url[1]) ? url[2] : undefined;
  return /^[\w.-]+(\/[\w.-]+)?$/.test(text) ? text : undefined;
}

/** The base models the card and the weights headers name, each with the license the rules know for it. */
export function identifyLineage(card: CardDocument | undefined, headers: WeightsHeader[], rules: RuleSet): { links: LineageLink[]; findings: LicenseFinding[] } {
  const links: LineageLink[] = [];
  const raw = card?.metadata['base_model'];
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const declared = card?.metadata['base_model_relation'];
  const relation = typeof declared === 'string' && RELATIONS.has(declared) ? declared : values.length > 1 ? 'merge' : 'finetune';
  values.forEach((value, i) => {
    const id = hubId(String(value)) ?? String(value);
    const line = card!.lines[Array.isArray(raw) ? `base_model[${i}]` : 'base_model'] ?? card!.lines['base_model'];
    links.push({ base: id, relation, file: card!.file, ...(line ? { line } : {}) });
  });
  for (const header of headers) {
    for (const model of header.baseModels) {
      const id = (model.repoUrl && hubId(model.repoUrl)) ?? (model.organization && model.name ? `${model.organization}/${model.name}`.replace(/\s+/g, '-') : model.name);
      if (id && !links.some((l) => l.base.toLowerCase() === id.toLowerCase())) links.push({ base: id, relation: 'derivative', file: header.file });
    }
  }
  const findings: LicenseFinding[] = [];
  for (const link of links) {
    const known = rules.baseModels.find((m) => matchesPattern(m.pattern, link.base));
    if (!known) continue;
    link.license = known.license;
    link.family = known.family;
    findings.push({
      expression: known.license, confidence: 1, raw: `base model ${link.base} (${known.family})`,
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
 * Dataset licenses as findings on the datasets component. Only when every listed dataset is known does the component
 * get a license: a partial list would let the known ones speak for the unknown ones, which could pass wrongly.
 */
export function datasetFindings(links: DatasetLink[], component = 'datasets'): LicenseFinding[] {
  if (links.length === 0 || links.some((l) => !l.license)) return [];
  return links.map((l) => ({
    expression: l.license!, confidence: 1, raw: `dataset ${l.id}`,
    source: { file: l.file, ...(l.line ? { line: l.line } : {}), kind: 'dataset' as const }, scope: { kind: 'component' as const, component },
  }));
}
