// Reads what identification needs: the model card's front matter, license texts and data documentation.
import { classifyPath } from '../discover/classify.js';
import type { Documents, FileHash, Inventory, InventoryFile, LfsPointer, Problem, TextDocument } from '../model.js';
import { MAX_POINTER_BYTES, parseLfsPointer } from './lfs-pointer.js';
import { decodeText } from './decode-text.js';
import { canonicalizeKeys, readFrontMatter } from './front-matter.js';
import { OsaiError } from '../errors.js';
import type { RepoReader } from './reader.js';
import { readWeightsHeader } from './weights-header.js';
import type { CardTermsRules, TermsFilesRules } from '../ruleset/schema.js';
import { isUnreadableTermsName } from '../discover/terms-files.js';
import { endsWithIgnoringCase } from '../file-names.js';
import { notebookComments, notebookProse } from './notebook.js';
import { commentProse, commentSyntax, prose } from './comments.js';

/** No card, license or data card is this long; the cap keeps a hostile repo from costing memory. */
/** Manifests read for their license field (identify/manifest-license.ts parses them). */
const MANIFEST_NAMES = /(^|\/)(package\.json|pyproject\.toml|setup\.cfg|citation\.cff)$/i;

/** Code files read to tell a real script from a placeholder (identify/components/stub-code.ts); larger ones are real. */
const CODE_TOPICS = new Set(['training', 'inference', 'evaluation', 'preprocessing', 'architecture']);
const MAX_CODE_BYTES = 64 * 1024;
const MAX_CODE_FILES = 256;
/** Configs read for the base model they name (identify/lineage/base-sources.ts). */
const CONFIG_NAMES = /(^|\/)(adapter_config|config)\.json$/i;
const isConfigName = (path: string) => endsWithIgnoringCase(path, '.json') && CONFIG_NAMES.test(path);
/**
 * Config files read (for terms, and for the base model they name): small files, so the bound is generous (a diffusers
 * pipeline or a folder per checkpoint holds dozens); past it, metadata-file-limit says which were not read.
 */
export const MAX_CONFIGS = 256;

export const MAX_TEXT_BYTES = 1024 * 1024;
/** Headers are cheap (one bounded read each), but a repo of thousands of shards should not cost thousands of opens. */
export const MAX_WEIGHTS_HEADERS = 256;
/** A file pinned by `clarify:` is a license text; anything larger is not hashed. */
export const MAX_HASH_BYTES = 16 * 1024 * 1024;
/** All texts together: 20,000 license files of 1 MiB each would otherwise be 20 GiB held in memory. */
export const MAX_TOTAL_TEXT_BYTES = 64 * 1024 * 1024;

interface Budget { left: number; reported: boolean }

/** Reads the card, license texts, data docs and weights headers; `hashPaths` are the files `clarify:` pins. */
export async function readDocuments(inventory: Inventory, reader: RepoReader, hashPaths: string[] = [], terms?: TermsFilesRules, cardTerms?: CardTermsRules): Promise<Documents> {
  const problems: Problem[] = [];
  const budget: Budget = { left: MAX_TOTAL_TEXT_BYTES, reported: false };
  const docs: Documents = { docs: [], licenseTexts: [], weightsHeaders: [], hashes: [], problems };

  problems.push(...skippedReleaseFiles(inventory.problems));
  const cards = inventory.files.filter((f) => f.role === 'model-card').sort(byCardPreference);
  const cardFile = cards[0];
  if (!cardFile) problems.push({ code: 'card-missing' });
  else {
    const text = await readText(reader, cardFile, problems, budget);
    if (text !== undefined) {
      const fm = readFrontMatter(text);
      if (fm.kind === 'ok') {
        docs.card = { file: cardFile.path, metadata: fm.metadata, lines: fm.lines, body: fm.body, bodyLine: fm.bodyLine, comments: fm.comments };
        problems.push(...keySpellings(cardFile.path, fm.metadata, fm.lines));
      }
      else if (fm.kind === 'none') {
        problems.push({ code: 'card-metadata-missing', file: cardFile.path, line: 1 });
        docs.card = { file: cardFile.path, metadata: Object.create(null), lines: {}, body: fm.body, bodyLine: 1 };
      } else problems.push({ code: 'front-matter-invalid', file: cardFile.path, line: fm.line, args: { reason: fm.reason } });
    }
  }

  // Another model card (MODEL_CARD.md beside README.md) may state another license in its front matter: it binds too.
  for (const other of cards.slice(1)) {
    const text = await readText(reader, other, problems, budget);
    const fm = text === undefined ? undefined : readFrontMatter(text);
    if (fm?.kind === 'ok') {
      (docs.otherCards ??= []).push({ file: other.path, metadata: fm.metadata, lines: fm.lines, body: fm.body, bodyLine: fm.bodyLine, comments: fm.comments });
      problems.push(...keySpellings(other.path, fm.metadata, fm.lines));
    }
  }

  for (const file of inventory.files.filter((f) => f.role === 'license')) {
    const text = await readTermsFile(reader, file, problems, budget, terms);
    if (text !== undefined) docs.licenseTexts.push({ file: file.path, text });
  }
  await readFolderCards(inventory, reader, problems, budget, docs);
  const metadata = inventory.files.filter((f) => isMetadataName(f.path));
  // A config past the bound may state terms ("license": "cc-by-nc-4.0") that no one read: unknown, never silence.
  if (metadata.length > MAX_CONFIGS) {
    problems.push({ code: 'metadata-file-limit', verdict: 'unknown', file: metadata[MAX_CONFIGS]!.path, args: { limit: MAX_CONFIGS, count: metadata.length } });
  }
  for (const file of metadata.slice(0, MAX_CONFIGS)) {
    const text = await readText(reader, file, [], budget);
    if (text !== undefined) (docs.metadataFiles ??= []).push({ file: file.path, text });
  }
  for (const file of inventory.files.filter((f) => f.topic === 'manifest' && MANIFEST_NAMES.test(f.path))) {
    const text = await readText(reader, file, problems, budget);
    if (text !== undefined) (docs.manifests ??= []).push({ file: file.path, text });
  }
  // The configs that name a base model; a repo of many sub-models is read up to a bound. An empty or unreadable config
  // is no problem of the release's terms, so it is not reported here (a missing base shows as lineage evidence missing).
  for (const file of inventory.files.filter((f) => isConfigName(f.path)).slice(0, MAX_CONFIGS)) {
    const text = await readText(reader, file, [], budget);
    if (text !== undefined) (docs.configs ??= []).push({ file: file.path, text });
  }
  // Code that stands for a component is read (bounded) so identify can tell a real script from a placeholder.
  for (const file of inventory.files.filter((f) => f.role === 'code' && f.topic && CODE_TOPICS.has(f.topic) && f.size <= MAX_CODE_BYTES).slice(0, MAX_CODE_FILES)) {
    const text = await readText(reader, file, [], budget);
    if (text !== undefined) (docs.code ??= []).push({ file: file.path, text });
  }
  for (const file of inventory.files.filter(isDataDoc)) {
    const text = await readText(reader, file, problems, budget);
    if (text !== undefined) docs.docs.push({ file: file.path, text } satisfies TextDocument);
  }
  await readProse(inventory, reader, problems, budget, docs, cardTerms);
  await readComments(inventory, reader, problems, docs);
  // A clone without `git lfs pull` holds pointers for every weights format: the weights are present (on the LFS
  // server, with the pointer's size) but their header is not here to read.
  const pointers = await readLfsPointers(inventory, reader);
  if (pointers.length > 0) docs.lfsPointers = pointers;
  for (const p of pointers) problems.push({ code: 'weights-lfs-pointer', file: p.file, args: { size: p.size } });
  const isPointer = new Set(pointers.map((p) => p.file));
  const weights = inventory.files.filter((f) => f.role === 'weights' && /\.(gguf|safetensors)$/i.test(f.path) && !isPointer.has(f.path));
  if (weights.length > MAX_WEIGHTS_HEADERS) problems.push({ code: 'weights-header-limit', args: { limit: MAX_WEIGHTS_HEADERS, count: weights.length } });
  for (const file of weights.slice(0, MAX_WEIGHTS_HEADERS)) {
    const result = await readWeightsHeader(reader, file.path, file.size);
    if ('header' in result) docs.weightsHeaders.push(result.header);
    else problems.push(result.problem);
  }
  // Weights whose header was read are known to be readable; the others get one small read.
  await probeWeights(inventory, reader, problems, new Set([...weights.slice(0, MAX_WEIGHTS_HEADERS).map((f) => f.path), ...isPointer]));
  for (const path of [...new Set(hashPaths)]) docs.hashes.push(await hashFile(reader, inventory, path));
  return docs;
}

async function hashFile(reader: RepoReader, inventory: Inventory, path: string): Promise<FileHash> {
  const file = inventory.files.find((f) => f.path === path);
  if (!file) return { file: path, problem: 'the file does not exist' };
  if (file.size > MAX_HASH_BYTES) return { file: path, problem: `the file is larger than ${MAX_HASH_BYTES} bytes` };
  try {
    const bytes = await reader.read(path, MAX_HASH_BYTES);
    // Loaded here, only for the files a `clarify:` entry names: node:crypto costs 5–13 ms to load at start-up.
    const { createHash } = await import('node:crypto');
    return { file: path, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    return { file: path, problem: `the file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/** Problems of the walk that mean a file was seen but not listed, so never read. */
const SKIP_CODES = new Set(['link-outside', 'link-broken', 'link-loop', 'link-folder', 'special-file', 'file-name-invalid']);
const RELEASE_ROLES = new Set(['license', 'model-card', 'weights']);

/**
 * A skipped file is only a warning in general, but one whose name says it is a license, card or weights file
 * may hold the very terms that bind the release: that is an error, so the profile cannot pass without it.
 * Escaped bytes in an invalid name (`LICENSE\x0a`) are read as `_` for the name test.
 */
function skippedReleaseFiles(walkProblems: Problem[]): Problem[] {
  return walkProblems.flatMap((p): Problem[] => {
    if (!p.file || !SKIP_CODES.has(p.code)) return [];
    const { role } = classifyPath(p.file.replace(/\\x[0-9a-f]{2}/gi, '_'));
    return RELEASE_ROLES.has(role) ? [{ code: 'release-file-skipped', file: p.file, args: { role, reason: p.code } }] : [];
  });
}

/**
 * Weights are never read past their header, but a weights file that cannot be opened at all must not count
 * as released: one small read proves it is readable. GGUF and safetensors files are skipped: their header read
 * already reports an unreadable file (file-unreadable), so each weights file is opened once.
 */
async function probeWeights(inventory: Inventory, reader: RepoReader, problems: Problem[], headerRead: Set<string>): Promise<void> {
  for (const file of inventory.files.filter((f) => f.role === 'weights' && !headerRead.has(f.path))) {
    try {
      await reader.read(file.path, 16);
    } catch (error) {
      problems.push({ code: 'file-unreadable', file: file.path, args: { reason: (error as NodeJS.ErrnoException).code ?? String(error) } });
    }
  }
}

/** Weights files small enough to be Git LFS pointers, read once each (at most 1 KiB) and parsed. */
async function readLfsPointers(inventory: Inventory, reader: RepoReader): Promise<LfsPointer[]> {
  const out: LfsPointer[] = [];
  for (const file of inventory.files.filter((f) => (f.role === 'weights' || f.topic === 'weights-index') && f.size > 0 && f.size <= MAX_POINTER_BYTES)) {
    try {
      const pointer = parseLfsPointer(file.path, await reader.read(file.path, MAX_POINTER_BYTES));
      if (pointer) out.push(pointer);
    } catch {
      // Unreadable: the header read or the probe below reports it.
    }
  }
  return out;
}

/**
 * Config files whose license, terms or usage keys are read (identify/metadata/metadata-terms.ts): every JSON file whose
 * name holds "config" (config.json, adapter_config.json, tokenizer_config.json, quantize_config.json, …), plus
 * model_index.json and params.json. Any of them can state a license, so none is passed over for its name.
 */
const METADATA_NAMES = /(^|\/)([^/]*config[^/]*|model_index|params)\.json$/i;
const isMetadataName = (path: string) => endsWithIgnoringCase(path, '.json') && METADATA_NAMES.test(path);
/** A classic license name: a binary one is `license-file-binary`; any other terms file osai cannot read is unknown. */
const CLASSIC_LICENSE = /^(licen[cs]e|copying)([._-][\w.-]*)?$/i;
/** Sub-folder READMEs read for model front matter, at most this many. */
const MAX_FOLDER_CARDS = 32;
/** Front-matter keys of a model card (a dataset card or a docs page has none of them). */
const MODEL_KEYS = /^(license|license_name|license_link|base_model|pipeline_tag|library_name|model-index|model_name|inference|extra_gated_\w+|gated)$/i;

/**
 * A terms file: read as text, or, when it is a PDF, DOCX, image or binary, `terms-file-unreadable` (verdict unknown):
 * osai cannot say what it states, so it is neither passed over nor taken for a paper.
 */
async function readTermsFile(reader: RepoReader, file: InventoryFile, problems: Problem[], budget: Budget, terms?: TermsFilesRules): Promise<string | undefined> {
  const name = file.path.split('/').pop()!;
  const unreadable = (format: string): undefined => {
    problems.push({ code: 'terms-file-unreadable', file: file.path, verdict: 'unknown', args: { format } });
    return undefined;
  };
  if (terms && isUnreadableTermsName(name, terms)) return unreadable(name.split('.').pop()!.toUpperCase());
  const own: Problem[] = [];
  const text = await readText(reader, file, own, budget, 'license-file');
  for (const p of own) {
    if (p.code === 'license-file-binary' && !CLASSIC_LICENSE.test(name)) unreadable('binary');
    else problems.push(p);
  }
  return text;
}

/** Prose documents read for the terms they state; past the bound, prose-doc-limit names the first one left unread. */
export const MAX_PROSE_DOCS = 256;
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '').toLowerCase();
/** Documentation whose words are the release's own prose: Markdown, reStructuredText, plain text and HTML pages. */
const PROSE_NAMES = /\.(md|markdown|rst|txt|html?|adoc|asciidoc|org|textile)$/i;
/**
 * A file whose name has no extension (READ_THIS_FIRST, WEIGHTS-NOTES) and no other role is read as prose too: its
 * words may be terms. Not a dotfile, and not one read for its comments (Makefile, Dockerfile). A binary one is skipped.
 */
const isBareName = (f: InventoryFile) => f.role === 'other' && !/[./]/.test(f.path.slice(f.path.lastIndexOf('/') + 1)) && !commentSyntax(f.path) && f.size <= MAX_TEXT_BYTES;
/** A Jupyter notebook, whatever its role: its Markdown cells are prose of the release. */
const isNotebook = (path: string) => endsWithIgnoringCase(path, '.ipynb');
/** Docs that are not prose about the release: generated samples and result tables state no terms of it. */
const NOT_PROSE_TOPICS = new Set(['sample-outputs', 'evaluation-results', 'data-card', 'manifest']);

/**
 * Every other prose document of the release (docs/usage.md, NOTES.txt, a sub-folder's README without model keys) is
 * read for the terms it states: a restriction written anywhere in the release binds it, so none is passed over for
 * its name. Bounded in number; the budget bounds the bytes.
 */
async function readProse(inventory: Inventory, reader: RepoReader, problems: Problem[], budget: Budget, docs: Documents, cardTerms?: CardTermsRules): Promise<void> {
  // CONTRIBUTING.md, CODE_OF_CONDUCT.md: rules for the project's contributors (rules/card-terms.yaml `prose.not-names`).
  const notProse = new Set(cardTerms?.prose['not-names'] ?? []);
  const done = new Set([...(docs.prose ?? []), ...(docs.otherCards ?? [])].map((d) => d.file));
  const files = inventory.files.filter((f) => (f.role === 'docs' && !(f.topic && NOT_PROSE_TOPICS.has(f.topic)) && PROSE_NAMES.test(f.path) || isNotebook(f.path) || isBareName(f)) && !done.has(f.path) && !notProse.has(baseName(f.path)));
  const room = Math.max(0, MAX_PROSE_DOCS - (docs.prose?.length ?? 0));
  if (files.length > room) problems.push({ code: 'prose-doc-limit', verdict: 'unknown', file: files[room]!.path, args: { limit: MAX_PROSE_DOCS, count: files.length + (docs.prose?.length ?? 0) } });
  for (const file of files.slice(0, room)) {
    const read = await readText(reader, file, [], budget);
    // A notebook's Markdown cells (quickstart.ipynb: "The weights are for non-commercial use only."), at its own lines.
    // One that is not valid notebook JSON is read as it is: its words are still what a reader of the file sees.
    const text = read !== undefined && isNotebook(file.path) ? notebookProse(read) ?? read : read;
    if (text !== undefined) (docs.prose ??= []).push({ file: file.path, text });
  }
}

/** Source and config files read for their comments; past the bound, comment-file-limit names the first left unread. */
export const MAX_COMMENT_FILES = 4096;
/** Comments have their own budget, so a repository of much code never leaves a license text unread. */
export const MAX_COMMENT_BYTES = 64 * 1024 * 1024;
/** Roles whose files are not source: weights and data are never read for comments; terms files are read whole. */
const NOT_SOURCE_ROLES = new Set(['weights', 'data', 'license']);
/** osai's own config: its comments are about the check (`osai init` writes them), not terms of the release. */
const OSAI_CONFIG = /(^|\/)\.osai\.ya?ml$/i;
const isOsaiConfig = (path: string) => endsWithIgnoringCase(path, '.yml', '.yaml') && OSAI_CONFIG.test(path);
/** YAML and TOML files, read for license, terms and note keys as `*config*.json` is (but NOT_MODEL_CONFIG). */
const isStructuredConfig = (path: string) => endsWithIgnoringCase(path, '.yml', '.yaml', '.toml');
/**
 * Any other JSON file (model_info.json, metadata.json) is read for those keys too; `*config*.json` is read above, and
 * a tokenizer's vocabulary, a weights index or a manifest states no license of the model.
 */
const OTHER_JSON = (f: InventoryFile) => endsWithIgnoringCase(f.path, '.json') && !METADATA_NAMES.test(f.path) && !NOT_METADATA_TOPICS.has(f.topic ?? '')
  && !/(^|\/)(vocab|merges|tokenizer)[^/]*$/i.test(f.path) && !NOT_METADATA_FOLDERS.test(f.path);
/** JSON under these folders is data, samples or test fixtures (a record's `license` is that record's), not a config. */
const NOT_METADATA_FOLDERS = /(^|\/)(data|datasets?|samples?|examples?|tests?|fixtures|evals?|evaluations?|results?)\//i;
/** Benchmark results and sample outputs name tasks ("blimp_…_agreement_…"), not terms; manifests are read on their own. */
const NOT_METADATA_TOPICS = new Set(['tokenizer', 'manifest', 'evaluation-results', 'sample-outputs']);
/**
 * Not read for keys: manifests (read for their own license field), tool and CI files (a dotfile or a dot folder such
 * as .github/), conda recipes and environments, documentation-site and container-compose files — their `license:` is
 * a package's or a tool's, not the model's.
 */
const NOT_MODEL_CONFIG = /(^|\/)\.|(^|\/)(pyproject\.toml|cargo\.toml|meta\.ya?ml|environment[\w.-]*\.ya?ml|mkdocs\.ya?ml|docker-compose[\w.-]*\.ya?ml|compose\.ya?ml|chart\.ya?ml|pubspec\.ya?ml|netlify\.toml)$/i;

/**
 * The comments of every source and config file (generation.yaml: "# These weights may be used for non-commercial
 * research only."), and of every notebook's code cells: words written for people bind like a docs page's. A file
 * larger than MAX_TEXT_BYTES is read up to it (a header states terms at the top); past the count or the bytes,
 * comment-file-limit is unknown. YAML, TOML and other JSON files read here are also metadata files (their `license:`
 * keys).
 */
async function readComments(inventory: Inventory, reader: RepoReader, problems: Problem[], docs: Documents): Promise<void> {
  const budget: Budget = { left: MAX_COMMENT_BYTES, reported: true };
  const known = new Map([...(docs.code ?? []), ...(docs.manifests ?? [])].map((d) => [d.file, d.text]));
  const files = inventory.files.filter((f) => !NOT_SOURCE_ROLES.has(f.role) && !isOsaiConfig(f.path) && (isNotebook(f.path) || commentSyntax(f.path) || (OTHER_JSON(f) && !NOT_MODEL_CONFIG.test(f.path))));
  const limit = (file: InventoryFile) => problems.push({ code: 'comment-file-limit', verdict: 'unknown', file: file.path, args: { limit: MAX_COMMENT_FILES, count: files.length } });
  if (files.length > MAX_COMMENT_FILES) limit(files[MAX_COMMENT_FILES]!);
  for (const file of files.slice(0, MAX_COMMENT_FILES)) {
    if (budget.left <= 0) { limit(file); break; }
    const text = known.get(file.path) ?? await readText(reader, file, [], budget);
    if (text === undefined) {
      if (budget.left <= 0) { limit(file); break; }
      continue;
    }
    if ((isStructuredConfig(file.path) || OTHER_JSON(file)) && !NOT_MODEL_CONFIG.test(file.path)) (docs.otherMetadata ??= []).push({ file: file.path, text });
    // A notebook's code cells: their comments, each at the notebook's own line.
    const lines = isNotebook(file.path) ? notebookComments(text) : undefined;
    const words = lines ? prose(lines) : commentProse(file.path, text);
    if (words !== undefined) (docs.comments ??= []).push({ file: file.path, text: words });
  }
}

/**
 * A README.md with model front matter in a sub-folder (a quantization, an adapter) is that folder's model card: its
 * license binds the folder's files. Other READMEs (docs pages, dataset cards) carry no model keys and are left alone.
 */
async function readFolderCards(inventory: Inventory, reader: RepoReader, problems: Problem[], budget: Budget, docs: Documents): Promise<void> {
  const readmes = inventory.files.filter((f) => /\/readme\.md$/i.test(f.path) && f.role !== 'dataset-card').slice(0, MAX_FOLDER_CARDS);
  for (const file of readmes) {
    const text = await readText(reader, file, [], budget);
    const fm = text === undefined ? undefined : readFrontMatter(text);
    if (fm?.kind === 'invalid') problems.push({ code: 'front-matter-invalid', file: file.path, line: fm.line, args: { reason: fm.reason } });
    if (fm?.kind !== 'ok' || !Object.keys(fm.metadata).some((k) => MODEL_KEYS.test(k))) {
      // A docs page or a folder's notes: no card, but the terms it states bind (weights/README.md: "commercial use is prohibited").
      if (text !== undefined) (docs.prose ??= []).push({ file: file.path, text });
      continue;
    }
    problems.push(...keySpellings(file.path, fm.metadata, fm.lines));
    const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
    (docs.otherCards ??= []).push({ file: file.path, metadata: fm.metadata, lines: fm.lines, body: fm.body, bodyLine: fm.bodyLine, folder, comments: fm.comments });
  }
}

/** A card key in another spelling is a warning; one that clashes with the canonical key is an error. */
function keySpellings(file: string, metadata: Record<string, unknown>, lines: Record<string, number>): Problem[] {
  return canonicalizeKeys(metadata, lines).map((k) => ({
    code: k.clash ? 'card-key-clash' : 'card-key-noncanonical', file, ...(k.line ? { line: k.line } : {}), args: { key: k.key, canonical: k.canonical },
  }));
}

/** README.md at the root first, then the dedicated model-card names. */
function byCardPreference(a: InventoryFile, b: InventoryFile): number {
  const rank = (f: InventoryFile) => (/^readme\.md$/i.test(f.path) ? 0 : 1);
  return rank(a) - rank(b) || (a.path < b.path ? -1 : 1);
}

function isDataDoc(file: InventoryFile): boolean {
  return file.role === 'dataset-card' || (file.topic === 'data-card' && /\.(md|txt|rst)$/i.test(file.path));
}

/** Reads and decodes one file; empty, binary, oversized or unreadable files become problems. */
async function readText(reader: RepoReader, file: InventoryFile, problems: Problem[], budget: Budget, prefix = 'file'): Promise<string | undefined> {
  if (budget.left <= 0) {
    // Past the budget every further text is unread: an error, since an unread license may be the binding one.
    if (!budget.reported) problems.push({ code: 'read-budget-exceeded', file: file.path, args: { limit: MAX_TOTAL_TEXT_BYTES } });
    budget.reported = true;
    return undefined;
  }
  let bytes: Uint8Array;
  const cap = Math.min(MAX_TEXT_BYTES, budget.left);
  try {
    bytes = await reader.read(file.path, cap + 1);
    budget.left -= bytes.length;
  } catch (error) {
    // osai could not reach the source at all (network, rate limit): exit 2, never a verdict.
    if (error instanceof OsaiError) throw error;
    problems.push({ code: 'file-unreadable', file: file.path, args: { reason: (error as NodeJS.ErrnoException).code ?? String(error) } });
    return undefined;
  }
  if (bytes.length > cap && cap < MAX_TEXT_BYTES) {
    budget.left = 0;
    return readText(reader, file, problems, budget, prefix);
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    problems.push({ code: 'file-too-large', file: file.path, args: { limit: MAX_TEXT_BYTES } });
    bytes = bytes.subarray(0, MAX_TEXT_BYTES);
  }
  const decoded = decodeText(bytes);
  if (decoded.kind === 'empty') { problems.push({ code: `${prefix}-empty`, file: file.path }); return undefined; }
  if (decoded.kind === 'binary') { problems.push({ code: `${prefix}-binary`, file: file.path }); return undefined; }
  return decoded.text;
}
