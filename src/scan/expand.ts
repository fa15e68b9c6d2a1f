// The scan's edge: turns command-line targets into a stream of things to check, one at a time, so a folder of a
// hundred thousand repositories or a long targets file never sits in memory. Folders are told apart by what they hold:
// a Hugging Face cache, a model repository, or anything else (an application, a folder of models), which is walked for
// model folders, loose weights files and model references in code.
import { closeSync, existsSync, openSync, opendirSync, readSync, statSync, type Dirent } from 'node:fs';
import { createReadStream } from 'node:fs';
import { basename, dirname, join, normalize, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from '../errors.js';
import { hubCacheSnapshot } from '../read/hf-cache.js';
import { isHubSpec, parseHubSpec } from '../read/hub-target.js';
import { SKIPPED_DIRS } from '../read/reader.js';
import { findReferences, meaningOf } from './find-references.js';
import { loadReferenceRules, type ReferenceRules } from './reference-rules.js';
import type { ScanReference, ScanTarget } from './types.js';

/** Bounds of an application walk: entries seen, folder depth, bytes read of one source file, nesting of targets files. */
export const EXPAND_LIMITS = { maxEntries: 1_000_000, maxDepth: 12, maxSourceBytes: 1024 * 1024, maxListDepth: 4 };

const SNAPSHOT_SHA = /^[0-9a-f]{40}$/;
const CACHE_MODEL = /^models--[\w.-]+--[\w.-]+$/;
const CACHE_OTHER = /^(datasets|spaces)--[\w.-]+--[\w.-]+$/;
const MODEL_CARD_KEY = /^(license|license_name|license_link|base_model|base_model_relation|library_name|pipeline_tag|model-index|model_name|datasets|extra_gated_\w+|gated|inference)\s*:/m;

/** Every target the arguments name, in order, each once per argument. */
export async function* expandTargets(args: Iterable<string> | AsyncIterable<string>, listDepth = 0): AsyncGenerator<ScanTarget> {
  const rules = loadReferenceRules();
  for await (const arg of args) {
    if (isHubSpec(arg)) {
      const parsed = parseHubSpec(arg);
      if ('error' in parsed) { yield { kind: 'invalid', id: arg, reason: parsed.error, hint: 'write a Hub model as hf:ORG/NAME[@REVISION]', references: [] }; continue; }
      yield { kind: 'hub', id: arg.includes('@') ? `${parsed.spec}@${parsed.revision}` : parsed.spec, references: [] };
      continue;
    }
    const info = statSync(arg, { throwIfNoEntry: false });
    if (!info) {
      yield { kind: 'invalid', id: arg, reason: `${arg}: no such file or folder`, hint: 'give a folder, an hf:ORG/NAME id, or a file that lists targets', references: [] };
      continue;
    }
    // `models/` and `models` are one target id (ids decide shards).
    if (info.isDirectory()) { yield* expandFolder(normalize(arg).replace(/(.)[\\/]+$/, '$1'), rules); continue; }
    if (rules.isWeights(basename(arg))) {
      yield { kind: 'weights', id: arg, path: dirname(arg), files: [basename(arg)], references: [] };
      continue;
    }
    if (listDepth >= EXPAND_LIMITS.maxListDepth) throw new InputError(`${arg}: targets files nest deeper than ${EXPAND_LIMITS.maxListDepth}`, 'list folders and hf: ids, not other lists');
    yield* expandTargets(readTargetsFile(arg), listDepth + 1);
  }
}

/** The lines of a targets file, one target a line, `#` starting a comment; relative paths are from the file's folder. */
async function* readTargetsFile(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const base = dirname(file);
  for await (const raw of lines) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    yield isHubSpec(line) || line.startsWith('/') ? line : join(base, line);
  }
}

/** A folder: a cache snapshot, a cache's model folder or root, one model repository, or a tree to walk. */
function* expandFolder(root: string, rules: ReferenceRules): Generator<ScanTarget> {
  const cached = cacheSnapshots(root);
  if (cached) { yield* cached; return; }
  if (isModelRepo(root)) { yield { kind: 'folder', id: root, path: root, references: [] }; return; }
  yield* walkTree(root, rules);
}

/** The snapshots of a Hugging Face cache folder (a snapshot, a models--org--name folder), or undefined. */
function cacheSnapshots(dir: string): ScanTarget[] | undefined {
  const name = basename(resolve(dir));
  if (SNAPSHOT_SHA.test(name) && CACHE_MODEL.test(basename(dirname(dirname(resolve(dir)))))) return [snapshotTarget(dir)];
  if (!CACHE_MODEL.test(name) || !existsSync(join(dir, 'snapshots'))) return undefined;
  return names(join(dir, 'snapshots')).filter((n) => SNAPSHOT_SHA.test(n)).sort().map((sha) => snapshotTarget(join(dir, 'snapshots', sha)));
}

const snapshotTarget = (path: string): ScanTarget => ({ kind: 'cache-snapshot', id: path, path, references: [] });

/**
 * A model repository: a model card (MODEL_CARD.md, or a README with front matter that is not a Space's), or a config
 * beside weights. Weights alone do not make one: an application's own README and LICENSE are not a model's terms.
 */
export function isModelRepo(dir: string): boolean {
  const entries = names(dir, 2000);
  // Not .osai.yml: an application keeps its scan policy there too.
  if (entries.some((n) => /^(model_card|modelcard|model-card)\.md$/i.test(n))) return true;
  const readme = entries.find((n) => /^readme\.md$/i.test(n));
  if (readme) {
    const head = readHead(join(dir, readme), 4096);
    const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)/.exec(head)?.[1];
    // A model card's keys; a Space (sdk:) is an application, a site's page (layout:, title:) is neither.
    if (front !== undefined && MODEL_CARD_KEY.test(front) && !/^sdk\s*:/m.test(front)) return true;
  }
  const config = entries.some((n) => /^(config|adapter_config|model_index)\.json$/i.test(n));
  return config && entries.some((n) => /\.(safetensors|gguf|bin|pt|pth|onnx|h5|msgpack)$/i.test(n) && !/tokenizer|training_args/i.test(n));
}

/**
 * Walks an application or a folder of models depth-first. Model folders and cache snapshots are not entered; loose
 * weights and code references are gathered; every target is yielded once at the end, sorted by id, with all the
 * references that name it (a Modelfile's `FROM ./x.gguf` and the file itself are one target). What is held until then
 * is one small record per target of this tree, never a report.
 */
function* walkTree(root: string, rules: ReferenceRules): Generator<ScanTarget> {
  const gathered = new Map<string, ScanTarget>();
  const add = (target: ScanTarget, ref?: ScanReference) => {
    const known = gathered.get(target.id);
    if (!known) { gathered.set(target.id, { ...target, references: ref ? [ref] : [] }); return; }
    if (ref) known.references.push(ref);
    // A model folder that a reference reached first as a weights file is the folder.
    if (known.kind === 'weights' && target.kind === 'folder') gathered.set(target.id, { ...target, references: known.references });
    else if (known.kind === 'weights' && target.kind === 'weights') known.files = [...new Set([...known.files, ...target.files])].sort();
  };
  const stack: { dir: string; rel: string; depth: number }[] = [{ dir: root, rel: '', depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const { dir, rel, depth } = stack.pop()!;
    if (depth > 0) {
      const cached = CACHE_MODEL.test(basename(dir)) ? cacheSnapshots(dir) : undefined;
      if (cached) { for (const t of cached) add(t); continue; }
      if (isModelRepo(dir)) { add({ kind: 'folder', id: dir, path: dir, references: [] }); continue; }
    }
    const subdirs: string[] = [];
    const weights: string[] = [];
    const entries = dirents(dir);
    // A folder the walk cannot read may hold a model: an error result, never a silent gap in the fleet.
    if (typeof entries === 'string') {
      add({ kind: 'invalid', id: dir, reason: `cannot read the folder ${dir} (${entries})`, hint: 'give osai read access to it, or leave it out of the scan', references: [] });
      continue;
    }
    for (const entry of entries) {
      if (++seen > EXPAND_LIMITS.maxEntries) throw new InputError(`${root}: more than ${EXPAND_LIMITS.maxEntries} entries to walk`, 'scan the folders that hold the application\'s code, or list targets in a file');
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // A Hub cache also holds datasets and Spaces (datasets--org--name): not models, and not this walk's.
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.') && !CACHE_OTHER.test(entry.name) && depth < EXPAND_LIMITS.maxDepth) subdirs.push(entry.name);
        continue;
      }
      if (!entry.isFile()) continue;
      if (rules.isWeights(entry.name) || (rules.mayBeGguf(entry.name) && readHead(join(dir, entry.name), 4) === 'GGUF')) { weights.push(entry.name); continue; }
      if (!rules.references.some((r) => r.matchesFile(entry.name))) continue;
      const text = readHead(join(dir, entry.name), EXPAND_LIMITS.maxSourceBytes);
      for (const found of findReferences(entry.name, text, rules)) {
        const ref: ScanReference = { root, file: path, line: found.line, rule: found.rule.id, text: found.value ?? found.computed ?? '' };
        if (found.computed !== undefined) {
          add({ kind: 'unresolved', id: `unresolved:${join(root, path)}:${found.line}`, reason: `the model is computed at run time (${found.computed})`,
            hint: 'write the model id as a literal, or scan the model it resolves to (osai scan hf:ORG/NAME)', references: [] }, ref);
          continue;
        }
        const meaning = meaningOf(found.value!, found.rule);
        // A pinned revision is its own target: the license may differ between revisions.
        const pin = found.revision && found.revision !== 'main' && !('error' in parseHubSpec(`hf:${meaning.kind === 'hub' ? meaning.repo : ''}@${found.revision}`)) ? `@${found.revision}` : '';
        if (meaning.kind === 'hub') add({ kind: 'hub', id: `hf:${meaning.repo}${pin}`, references: [] }, ref);
        else if (meaning.kind === 'unresolved') add({ ...meaning, references: [] }, ref);
        else add(localTarget(root, dir, meaning.path), ref);
      }
    }
    const here = rel ? join(root, rel) : root;
    for (const file of weights.sort()) {
      add({ kind: 'weights', id: here, path: here, files: [file], references: [] }, { root, file: rel ? `${rel}/${file}` : file, line: 0, rule: 'weights-file', text: file });
    }
    for (const name of subdirs.sort().reverse()) stack.push({ dir: join(dir, name), rel: rel ? `${rel}/${name}` : name, depth: depth + 1 });
  }
  yield* [...gathered.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A local path a reference names, from the referring file's folder, else the application's root; unresolved if absent. */
function localTarget(root: string, dir: string, word: string): ScanTarget {
  for (const base of [dir, root]) {
    const path = join(base, word);
    const info = statSync(path, { throwIfNoEntry: false });
    if (info?.isDirectory()) return { kind: 'folder', id: path, path, references: [] };
    if (info?.isFile()) return { kind: 'weights', id: dirname(path), path: dirname(path), files: [basename(path)], references: [] };
  }
  return {
    kind: 'unresolved', id: `unresolved:${word}`, reason: `"${word}" is a local path that is not in the application`,
    hint: 'scan the folder or file it names where it lives (osai scan PATH), or write a Hub id ORG/NAME', references: [],
  };
}

/** A folder's entries sorted by name, or the error code when it cannot be read. */
function dirents(dir: string): Dirent[] | string {
  const out: Dirent[] = [];
  try {
    const handle = opendirSync(dir, { bufferSize: 128 });
    try {
      for (let entry = handle.readSync(); entry; entry = handle.readSync()) out.push(entry);
    } finally {
      handle.closeSync();
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO';
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function names(dir: string, max = Infinity): string[] {
  const out: string[] = [];
  const entries = dirents(dir);
  for (const entry of typeof entries === 'string' ? [] : entries) { if (out.length >= max) break; out.push(entry.name); }
  return out;
}

function readHead(file: string, maxBytes: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(Math.min(maxBytes, Math.max(0, statSync(file).size)));
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
