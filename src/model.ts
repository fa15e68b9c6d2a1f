// The plain-data types that flow through the pipeline: Inventory → Documents → Evidence.

/** What a file is to osai, decided from its name alone. */
export type FileRole =
  | 'model-card' | 'dataset-card' | 'license' | 'weights' | 'code' | 'config' | 'docs' | 'data' | 'other';

/** A finer reading of a code, config or docs file (training script, tokenizer, paper, …). */
export type FileTopic =
  | 'training' | 'inference' | 'evaluation' | 'preprocessing' | 'architecture' | 'tokenizer' | 'manifest'
  | 'data-card' | 'paper' | 'technical-report' | 'evaluation-results' | 'sample-outputs' | 'checkpoint'
  | 'training-metadata' | 'weights-index' | 'use-policy' | 'notice';

export interface SourceLocation { file: string; line?: number }

/** A directory entry as the reader saw it: repo-relative POSIX path, no contents. */
export interface FileEntry { path: string; size: number }

export interface InventoryFile extends FileEntry { role: FileRole; topic?: FileTopic }

/** A problem met while listing or reading the repository: it becomes a finding, never a crash. */
export interface Problem {
  code: string; file?: string; line?: number; args?: Record<string, string | number>;
  /** `unknown`: the problem hides what the repo says (a terms file osai cannot read), so it gates as unknown, not fail. */
  verdict?: 'unknown';
}

export interface Inventory { files: InventoryFile[]; problems: Problem[] }

/** The model card: YAML front matter with the line of each top-level key, and the Markdown body. */
export interface CardDocument {
  file: string;
  metadata: Record<string, unknown>;
  /** 1-based line of each top-level key, and of list items as `key[i]`. */
  lines: Record<string, number>;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** For a README.md with model front matter in a sub-folder: that folder (`quantized/`), whose files it binds. */
  folder?: string;
  /** The front matter's `# …` comments, read for terms like its strings. */
  comments?: { text: string; line: number }[];
}

export interface TextDocument { file: string; text: string }

/** A Git LFS pointer file (`version https://git-lfs.github.com/spec/v1`, `oid sha256:…`, `size …`) standing for a file. */
export interface LfsPointer { file: string; oid: string; size: number }

/** License and base-model keys read from a weights file's header (GGUF metadata, safetensors __metadata__). */
export interface WeightsHeader {
  file: string;
  format: 'gguf' | 'safetensors';
  /** License keys in key order: `general.license`, `general.license.name`, `general.license.link`, `license`, … */
  license: { key: string; value: string }[];
  baseModels: { name?: string; organization?: string; repoUrl?: string }[];
  /** The model's own names (GGUF `general.name`, `general.basename` with `general.size_label`), most specific first. */
  names?: string[];
  /** Every string value (safetensors `__metadata__`, GGUF `general.*`), scanned for terms whatever its key. */
  strings?: { key: string; value: string }[];
  /** License keys whose value osai cannot read (a number, an array, an oversized string). */
  invalid?: { key: string; reason: string }[];
}

/** The sha256 of a file named in a `clarify:` entry, hashed by the read stage (bounded). */
export interface FileHash { file: string; sha256?: string; problem?: string }

export interface Documents {
  card?: CardDocument;
  weightsHeaders: WeightsHeader[];
  /** Hashes of the files `clarify:` entries name. */
  hashes: FileHash[];
  /** Other Markdown documents read for content (data cards, dataset cards). */
  docs: TextDocument[];
  licenseTexts: TextDocument[];
  /** Prose documents of the release (docs pages, notes, a sub-folder's README without model keys), read for the terms they state. */
  prose?: TextDocument[];
  /**
   * The comments (and Python docstrings) of source and config files and of notebooks' code cells, one line per file
   * line with code lines empty, read for the terms they state.
   */
  comments?: TextDocument[];
  /** Model cards other than the one read as the card (MODEL_CARD.md beside README.md), for their front matter's license. */
  otherCards?: CardDocument[];
  /** package.json, pyproject.toml and setup.cfg, read for their license field (optional: older readers leave it out). */
  manifests?: TextDocument[];
  /** Training, inference, evaluation, preprocessing and architecture code up to 64 KiB, read to find placeholders. */
  code?: TextDocument[];
  /** Every `*config*.json` (config, adapter, generation, tokenizer, …), model_index.json and params.json, read for license and terms keys. */
  metadataFiles?: TextDocument[];
  /**
   * The release's YAML and TOML configs and other JSON files (model_info.json), read for license, terms and note keys
   * as metadataFiles are, except that a terms key holding a number or a list (`agreement: 0.8`) is no terms field.
   */
  otherMetadata?: TextDocument[];
  /** adapter_config.json and config.json, read for the base model they name. */
  configs?: TextDocument[];
  /** Weights files that are Git LFS pointers: the release's weights live on the LFS server, with this size. */
  lfsPointers?: LfsPointer[];
  problems: Problem[];
}

/** `notice`: a statement that names the license (rules/notices.yaml), not the license text. */
export type FindingKind = 'license-file' | 'card-metadata' | 'card-section' | 'weights-header' | 'manifest' | 'declaration' | 'lineage' | 'dataset' | 'notice';

/** Where a license applies: the whole repository, one component group, or one component. */
export type LicenseScope =
  | { kind: 'repo' } | { kind: 'group'; group: ComponentGroup } | { kind: 'path'; prefix: string } | { kind: 'component'; component: string };

export interface LicenseFinding {
  /** SPDX expression over SPDX ids and LicenseRef ids; `unknown` when it could not be identified. */
  expression: string;
  confidence: number;
  source: SourceLocation & { kind: FindingKind };
  scope: LicenseScope;
  /** For a near miss or an unresolved name: what the source said, and the closest candidate. */
  raw?: string;
  closest?: { id: string; score: number };
  /** For a match below 1 or a near miss: a few phrases the reference has and the text lacks, and the reverse. */
  diff?: { missing: string[]; extra: string[] };
  /**
   * Words that limit use in text no license explains (a sentence after a standard text, a NOTICE, a use policy, a
   * README License section), with the licenses identified beside them: `unknown` until a person says what they mean.
   */
  addedTerms?: { beside: string[] };
  /** The source named a GNU license without saying `-only` or `-or-later` (the Hub ids `gpl-3.0`, `agpl-3.0`, …). */
  versionOpen?: boolean;
  /** One of several licenses a card lists under `license:`: a license file with another of them does not conflict. */
  listed?: boolean;
}

/** A component the user states in .osai.yml: where it lives and under which license. */
export interface Declaration { component: string; location: string; license?: string; file: string; line: number }

/** A `clarify:` entry of .osai.yml: the license of one file, valid only while the file's sha256 matches. */
export interface Clarification { path: string; sha256: string; license: string; reason: string; file: string; line: number }

export type ComponentGroup = 'code' | 'weights' | 'data' | 'docs';
export type ComponentStatus = 'present' | 'referenced' | 'declared' | 'absent';
export type EvidenceKind = 'file' | 'card-link' | 'card-metadata' | 'card-section' | 'declaration';

export interface ComponentEvidenceItem { file: string; line?: number; kind: EvidenceKind; detail?: string }

export interface ComponentEvidence {
  id: string;
  status: ComponentStatus;
  evidence: ComponentEvidenceItem[];
  /** The license expression that governs it, or undefined when nothing says. */
  license?: string;
}

export interface DataInformation {
  /** The first document the coverage was read from. */
  source?: SourceLocation;
  covered: string[];
  missing: string[];
  /** Where each covered item was found (the first document that describes it). */
  sources?: Record<string, SourceLocation>;
  /** Every document or section read for data information, covered or not. */
  read?: SourceLocation[];
}

/**
 * How downloads are gated. `extraTerms`: the gate shows a prompt or fields; `clickThrough`: those ask the user to accept
 * a license, agreement or terms (a prompt that names them, or a checkbox field); `euDisallowed`: EU persons are refused.
 */
export interface AccessTerms {
  /** `unknown`: the card sets `gated:` to a value Hugging Face does not define, so the gate cannot be told. */
  gated: false | 'auto' | 'manual' | 'unknown'; line?: number; extraTerms: boolean; clickThrough: boolean; euDisallowed: boolean;
  /** Restrictions the gate's words state (prompt, heading, field labels, select options): agreeing to them binds. */
  restrictions?: { type: string; text: string; key: string; line?: number }[];
  /** Fields asking what the user will do with the weights: what they limit cannot be told. */
  purposeFields?: string[];
  /** Fields that are neither contact data, nor a purpose, nor an agreement: osai cannot tell what they ask. */
  unreadFields?: string[];
  /** Set when the gate only collects contact data (these fields), with no terms to accept. */
  contactFields?: string[];
}

/** A base model the card (`base_model:`) or a GGUF header names, with the license the rules know for it. */
export interface LineageLink {
  base: string; relation: string; file: string; line?: number; license?: string; family?: string;
  /** Where the license came from when the rules do not rate the base: a `base_models:` declaration or the Hub. */
  resolvedBy?: SourceLocation & { via: 'declaration' | 'hub' };
}

/** A dataset the card lists or links, with the license the rules know for it. */
export interface DatasetLink { id: string; via: 'card-metadata' | 'card-link'; file: string; line?: number; license?: string; name?: string; use?: string; note?: string }

/** One remote fact the evidence rests on: what it is, where it was read, at which commit, and the license osai read in it. */
export interface ResolvedSource { kind: 'target' | 'base-model' | 'dataset' | 'code'; id: string; url: string; revision: string; license?: string }

export interface Evidence {
  /** Facts resolved where they live (hf: targets, --online, --offline from the lock); absent for a plain local run. */
  sources?: ResolvedSource[];
  licenses: LicenseFinding[];
  components: ComponentEvidence[];
  dataInformation: DataInformation;
  access: AccessTerms;
  /** Two sources that name different licenses for the same thing. */
  conflicts: { a: LicenseFinding; b: LicenseFinding }[];
  lineage: LineageLink[];
  datasets: DatasetLink[];
  problems: Problem[];
  /** Facts the EU AI Act profile reads (src/identify/eu-facts.ts); absent from evidence built by older callers. */
  euAiAct?: EuAiActFacts;
}

/** What the eu-ai-act-53-2 profile needs beyond the licenses: the card's headings and gate fields, and the declaration. */
export interface EuAiActFacts {
  /** Card headings (ATX `#` lines outside code fences), for the usage information of para 91. */
  headings: { text: string; line: number }[];
  /** Card metadata keys present (`pipeline_tag`, …) with their line. */
  keys: { key: string; value: string; line?: number }[];
  /** The names of `extra_gated_fields` (what a gated download asks for). */
  gateFields: { name: string; line?: number }[];
  /** `eu_ai_act:` in .osai.yml: systemic risk and where the copyright policy and training-content summary are. */
  declaration?: { systemicRisk?: boolean; copyrightPolicy?: string; trainingContentSummary?: string; file: string; line: number };
}

/** Where a remote fact was read: the repository or URL, and the commit (or blob) it was read at. */
export interface RemoteSource { url: string; revision: string }

/** A Hub model (a base model, or the target itself) as its API and card metadata describe it at one commit. */
export interface RemoteModel {
  id: string;
  source: RemoteSource;
  gated: false | 'auto' | 'manual';
  /** The card's front matter as the Hub parsed it (`cardData`): license, license_name, license_link, base_model. */
  cardData: Record<string, unknown>;
}

/** A Hub dataset as its card metadata describes it at one commit. */
export interface RemoteDataset { id: string; source: RemoteSource; cardData: Record<string, unknown> }

/** A code repository's license file as GitHub serves it; osai identifies the text itself. */
export interface RemoteCode { repo: string; source: RemoteSource; file?: string; text?: string }

/**
 * Facts fetched at the edge (hf: targets, --online) and handed to identify as data. `missing` lists what was asked
 * for and not found (with the reason), so identify can say `unknown` instead of nothing.
 */
export interface RemoteFacts {
  /** The target itself when it is a Hub repository: its gate as the Hub reports it. */
  target?: RemoteModel;
  models: RemoteModel[];
  datasets: RemoteDataset[];
  code: RemoteCode[];
  problems: Problem[];
}
