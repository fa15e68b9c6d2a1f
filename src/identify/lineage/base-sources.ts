// Where a model names its base models: card metadata and body, adapter and model configs, GGUF headers.
import type { CardDocument, LineageLink, TextDocument, WeightsHeader } from '../../model.js';
import { hubId } from './hub-id.js';
import { parseConfig, snake } from '../metadata/metadata-terms.js';

/** A candidate link; `knownOnly`: the source also names models themselves, so only a base the rules rate binds. */
export type Candidate = LineageLink & { knownOnly?: boolean };

const RELATIONS = new Set(['adapter', 'merge', 'quantized', 'finetune']);
const MAX_CONFIG_BYTES = 256 * 1024;

/** `base_model:` in the card's front matter: each entry binds; more than one is a merge. */
export function basesFromCardMetadata(card: CardDocument): Candidate[] {
  const raw = card.metadata['base_model'];
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const declared = card.metadata['base_model_relation'];
  const relation = typeof declared === 'string' && RELATIONS.has(declared) ? declared : values.length > 1 ? 'merge' : 'finetune';
  return values.map((value, i) => {
    const line = card.lines[Array.isArray(raw) ? `base_model[${i}]` : 'base_model'] ?? card.lines['base_model'];
    return { base: hubId(String(value)) ?? String(value), relation, file: card.file, ...(line ? { line } : {}) };
  });
}

/**
 * "fine-tuned from [org/model](https://huggingface.co/org/model)", "a quantized version of `org/model`": the card says
 * what the weights derive from. Only a Hub link or a code-quoted id counts, so "and/or" or prose is never a model.
 */
const DERIVATION = /\b(fine-?tuned|finetuned|fine-tune|finetune|trained|derived|distilled|quanti[sz]ed|quanti[sz]ation|merged?|adapted|adapter|continued(?: pre-?training)?|based)\b(?: (?:version|variant|checkpoint))?\s+(?:from|of|on top of)\s+(?:the\s+)?/.source;
const DERIVED = new RegExp(`${DERIVATION}${/(?:\[[^\]\n]{0,120}\]\(\s*)?(?:<)?(https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/[\w.-]+\/[\w.-]+|`[\w.-]+\/[\w.-]+`)/.source}`, 'gi');

/**
 * The same statement with a bare id ("a fine-tune of meta-llama/Llama-2-7b-hf", "fine-tuned from skt/kogpt2-base-v2"):
 * an owner and a name, each with a letter (so "of 80/20" is no model), then no further path. It binds as a link does
 * when the words say what only weights are (fine-tuned, quantized, distilled, merged, continued pre-training of) and
 * the name has a digit, a dot, a hyphen or an underscore. Otherwise it is an id only when the rules rate it: a plain
 * word ("derived from and/or", "PyTorch/JAX", bigscience/bloom), and what code is too ("our training code was adapted
 * from EleutherAI/gpt-neox", "derived from huggingface/pytorch-image-models": GitHub repositories read the same).
 */
const DERIVED_BARE = new RegExp(`${DERIVATION}${/(?<![\w/.-])((?=[\w.-]*[A-Za-z])[A-Za-z0-9][\w.-]*\/(?=[\w.-]*[A-Za-z])[\w.-]*[A-Za-z0-9])(?![\w/-])/.source}`, 'gi');

/** Derivation words that only weights are said to be (code is "adapted", "derived", "based" too). */
const WEIGHTS_ONLY = /^(fine|finetune|quanti|distil|merge|continued)/i;

/** Hub paths that are not model repositories. */
const NOT_MODELS = /^(datasets|spaces|docs|blog|papers|collections|organizations|models|settings|join|login)\//i;

/** Whether a line may hold what DERIVED needs (a Hub link or a code-quoted id): the pattern is compiled only then. */
const mayNameBase = (line: string): boolean => line.includes('`') || /hf\.co|huggingface\.co/i.test(line);

export function basesFromCardBody(card: CardDocument): Candidate[] {
  const out: Candidate[] = [];
  if (!card.body.includes('/')) return out;
  const relationOf = (phrase: string) => (/quanti/i.test(phrase) ? 'quantized' : /merge/i.test(phrase) ? 'merge' : /adapt/i.test(phrase) ? 'adapter' : 'finetune');
  card.body.split(/\r\n|\r|\n/).forEach((text, i) => {
    if (!text.includes('/')) return;
    const line = text.slice(0, 4096);
    if (mayNameBase(text)) {
      for (const match of line.matchAll(DERIVED)) {
        const id = hubId(match[2]!.replace(/`/g, ''));
        if (id && id.includes('/') && !NOT_MODELS.test(id)) out.push({ base: id, relation: relationOf(match[1]!), file: card.file, line: card.bodyLine + i });
      }
    }
    for (const match of line.matchAll(DERIVED_BARE)) {
      const id = hubId(match[2]!);
      const plain = !/[\d._-]/.test(match[2]!.slice(match[2]!.indexOf('/') + 1)) || !WEIGHTS_ONLY.test(match[1]!);
      if (id && id.includes('/') && !NOT_MODELS.test(id)) out.push({ base: id, relation: relationOf(match[1]!), file: card.file, line: card.bodyLine + i, ...(plain ? { knownOnly: true } : {}) });
    }
  });
  return out;
}

/**
 * adapter_config.json's `base_model_name_or_path` is the model the adapter applies to: it always binds.
 * config.json's `_name_or_path` is often the model's own name or a local path, so it binds only when the rules rate it.
 */
export function basesFromConfigs(configs: readonly TextDocument[]): Candidate[] {
  const out: Candidate[] = [];
  for (const doc of configs) {
    const adapter = /(^|\/)adapter_config\.json$/i.test(doc.file);
    let json: unknown;
    try { json = JSON.parse(doc.text.slice(0, MAX_CONFIG_BYTES)); } catch { continue; }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) continue;
    const value = (json as Record<string, unknown>)[adapter ? 'base_model_name_or_path' : '_name_or_path'];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const id = hubId(value);
    // A local path (/home/…, ./out, C:\…) names no model anyone can look up.
    if (!id) continue;
    out.push({ base: id, relation: adapter ? 'adapter' : 'derivative', file: doc.file, line: lineOf(doc.text, value), ...(adapter ? {} : { knownOnly: true }) });
  }
  return out;
}

/**
 * The model's own config and metadata files (config.json, model_info.json, model_config.yaml, params.toml …): a key
 * of rules/base-models.yaml `config-keys` (`base_model`, `parent_model`, `pretrained_model_name_or_path`, any case
 * or depth up to four) names a base, which binds; one of `known-only-keys` (`model_name_or_path`) binds when the rules
 * rate the base. Only a file whose text holds one of the keys is parsed; a list at the top is records, not a config.
 */
export function basesFromMetadataKeys(docs: readonly TextDocument[], { binding, knownOnly }: { binding: string[]; knownOnly: string[] }): Candidate[] {
  const out: Candidate[] = [];
  const keys = [...binding, ...knownOnly];
  const wanted = new Set(keys);
  const weak = new Set(knownOnly);
  // Any spelling of a key (`base_model`, `baseModel`, `BaseModel`), without lower-casing the whole text.
  const mayHold = new RegExp(keys.map((k) => k.replace(/_/g, '_?')).join('|'), 'i');
  for (const doc of docs) {
    if (!mayHold.test(doc.text.slice(0, MAX_CONFIG_BYTES))) continue;
    const data = parseConfig(doc.file, doc.text.slice(0, MAX_CONFIG_BYTES));
    if (!data || typeof data !== 'object' || Array.isArray(data)) continue;
    const walk = (value: object, depth: number) => {
      for (const [key, v] of Object.entries(value)) {
        const k = snake(key);
        if (wanted.has(k)) {
          for (const name of Array.isArray(v) ? v : [v]) {
            const id = typeof name === 'string' ? hubId(name) : undefined;
            if (id) out.push({ base: id, relation: 'derivative', file: doc.file, line: lineOf(doc.text, name as string), ...(weak.has(k) ? { knownOnly: true } : {}) });
          }
        } else if (v && typeof v === 'object' && !Array.isArray(v) && depth < 4) walk(v, depth + 1);
      }
    };
    walk(data, 0);
  }
  return out;
}

/**
 * GGUF `general.base_model.N.*` names the bases (they bind); `general.name` / `general.basename` + `size_label` name the
 * model itself, which is a base only when the rules know it (a re-quantized Llama keeps Llama's name and its terms).
 */
export function basesFromHeaders(headers: readonly WeightsHeader[]): Candidate[] {
  const out: Candidate[] = [];
  for (const header of headers) {
    for (const model of header.baseModels) {
      const id = (model.repoUrl && hubId(model.repoUrl)) ?? (model.organization && model.name ? `${model.organization}/${model.name}`.replace(/\s+/g, '-') : model.name?.replace(/\s+/g, '-'));
      if (id) out.push({ base: id, relation: 'derivative', file: header.file });
    }
    for (const name of header.names ?? []) out.push({ base: name.trim().replace(/\s+/g, '-'), relation: 'derivative', file: header.file, knownOnly: true });
  }
  return out;
}

function lineOf(text: string, value: string): number {
  const at = text.indexOf(JSON.stringify(value).slice(1, -1));
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
