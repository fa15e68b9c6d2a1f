// Scores file names: each path gets a role (and for code, configs and docs a topic) from its name alone.
import type { FileRole, FileTopic } from '../model.js';
import type { TermsFilesRules } from '../ruleset/schema.js';
import { termsFileKind } from './terms-files.js';

interface NameRule { test: (name: string, path: string, dirs: string[]) => boolean; role: FileRole; topic?: FileTopic }

const re = (pattern: RegExp) => (name: string) => pattern.test(name);
const CODE_EXT = /\.(py|ipynb|sh|js|ts|rs|go|c|cc|cpp|cu|h|hpp|java|jl|r|lua|swift|kt|scala)$/i;
const isCode = (name: string) => CODE_EXT.test(name);
const inDir = (dirs: string[], pattern: RegExp) => dirs.some((d) => pattern.test(d));

// First match wins, so the more specific rules come first.
const RULES: NameRule[] = [
  { test: re(/\.license$/i), role: 'license' },
  { test: (_n, _p, dirs) => dirs[0]?.toUpperCase() === 'LICENSES' && dirs.length === 1, role: 'license' },
  { test: re(/^(model_card|modelcard|model-card)\.md$/i), role: 'model-card' },
  { test: (n, _p, dirs) => /^readme\.md$/i.test(n) && dirs.length === 0, role: 'model-card' },
  { test: re(/^(data_?card|data-card|datasheet|dataset_card|dataset-card)[\w.-]*\.md$/i), role: 'docs', topic: 'data-card' },
  { test: (n, _p, dirs) => /^readme\.md$/i.test(n) && inDir(dirs, /^(data|datasets?)$/i), role: 'dataset-card' },
  // Trainer state (training_args.bin, optimizer.pt) is model metadata, not parameters, whatever its extension.
  { test: re(/^(trainer_state|training_args|optimizer|scheduler|rng_state)[\w.-]*$/i), role: 'config', topic: 'training-metadata' },
  { test: re(/\.index\.json$/i), role: 'weights', topic: 'weights-index' },
  // Tokenized corpora (nanoGPT's data/train.bin) are data, not weights.
  { test: (n, _p, dirs) => /\.bin$/i.test(n) && inDir(dirs, /^(data|datasets?)$/i), role: 'data' },
  { test: (n, _p, dirs) => /\.bin$/i.test(n) && !inDir(dirs, /^tests?$/i) && !/tokenizer|vocab|merges/i.test(n), role: 'weights' },
  { test: re(/\.(safetensors|gguf|pt|pth|ckpt|onnx|h5|keras|msgpack|tflite|mlmodel|ggml|npz)$/i), role: 'weights' },
  { test: re(/^(tokenizer[\w.-]*|vocab\.(json|txt)|merges\.txt|spiece\.model|sentencepiece[\w.-]*|special_tokens_map\.json|tokenization_\w+\.py)$/i), role: 'code', topic: 'tokenizer' },
  { test: re(/^(config|generation_config|preprocessor_config|model_index|params)\.json$/i), role: 'config', topic: 'architecture' },
  { test: re(/^(pyproject\.toml|setup\.py|setup\.cfg|package\.json|requirements[\w.-]*\.txt|environment\.ya?ml|cargo\.toml)$/i), role: 'code', topic: 'manifest' },
  // CITATION.cff: how to cite the work, and its `license` field (read as a manifest's).
  { test: re(/^citation\.cff$/i), role: 'docs', topic: 'manifest' },
  // Code under tests/ exercises the release; a tests/train.py is a test, not the training code.
  { test: (n, _p, dirs) => isCode(n) && inDir(dirs, /^(tests?|__tests__|testing)$/i), role: 'code' },
  { test: (n) => isCode(n) && /^(modeling|modelling|model|architecture|configuration)[\w-]*\./i.test(n), role: 'code', topic: 'architecture' },
  { test: (n, _p, dirs) => isCode(n) && (/(^|[_-])(pre_?process|prepare|clean|dedup|filter|tokenize_data|build_dataset)/i.test(n) || inDir(dirs, /^(data_?prep|preprocess(ing)?)$/i)), role: 'code', topic: 'preprocessing' },
  { test: (n, _p, dirs) => isCode(n) && (/(^|[_-])(train|finetune|fine_tune|pretrain|sft|dpo|rlhf)/i.test(n) || inDir(dirs, /^train(ing)?$/i)), role: 'code', topic: 'training' },
  { test: (n, _p, dirs) => isCode(n) && (/(^|[_-])(eval|evaluate|evaluation|benchmark|bench)/i.test(n) || inDir(dirs, /^eval(uation)?s?$/i)), role: 'code', topic: 'evaluation' },
  { test: (n, _p, dirs) => isCode(n) && (/(^|[_-])(infer|inference|generate|generation|predict|serve|chat|run|demo|app)/i.test(n) || inDir(dirs, /^inference$/i)), role: 'code', topic: 'inference' },
  { test: (n) => isCode(n), role: 'code' },
  { test: re(/(eval_results|results)[\w.-]*\.(json|ya?ml|csv|md)$/i), role: 'docs', topic: 'evaluation-results' },
  { test: re(/(technical[_-]?report|tech[_-]report)[\w.-]*\.(pdf|md)$/i), role: 'docs', topic: 'technical-report' },
  { test: re(/\.pdf$/i), role: 'docs', topic: 'paper' },
  { test: re(/(samples?|sample_outputs?|examples?_outputs?)[\w.-]*\.(jsonl?|md|txt|png|jpg|wav)$/i), role: 'docs', topic: 'sample-outputs' },
  { test: re(/\.(parquet|arrow|jsonl|csv|tsv)$/i), role: 'data' },
  { test: re(/\.(md|markdown|rst|txt|html?|adoc|asciidoc|org|textile)$/i), role: 'docs' },
];

/**
 * Without the rule set (a listing's warning about an untracked file) only the classic names count as terms.
 * Kept to the names every rule set lists, so it never says less than the rules do about LICENSE, COPYING or NOTICE.
 */
const CLASSIC_TERMS = /^(licen[cs]e|copying|notice)/i;

/** The role of a repo-relative POSIX path, from its name and folders; `other` when nothing fits. */
export function classifyPath(path: string, terms?: TermsFilesRules): { role: FileRole; topic?: FileTopic } {
  const parts = path.split('/');
  const name = parts[parts.length - 1]!;
  const dirs = parts.slice(0, -1);
  // Terms first, in any folder and with any extension but code's, weights' and data's (rules/terms-files.yaml).
  const kind = terms ? termsFileKind(name, terms) : CLASSIC_TERMS.test(name) ? 'license' : undefined;
  if (kind) return kind === 'license' ? { role: 'license' } : { role: 'license', topic: kind };
  const rule = RULES.find((r) => r.test(name, path, dirs));
  if (!rule) return { role: 'other' };
  const topic = rule.topic ?? checkpointTopic(rule.role, dirs);
  return topic ? { role: rule.role, topic } : { role: rule.role };
}

/** Weights below a checkpoint folder (checkpoint-1000/, step5000/) are intermediate parameters. */
function checkpointTopic(role: FileRole, dirs: string[]): FileTopic | undefined {
  return role === 'weights' && inDir(dirs, /^(checkpoints?|ckpts?|step[-_]?\d+|checkpoint[-_]\d+|iter[-_]?\d+|revisions?)$/i)
    ? 'checkpoint' : undefined;
}
