// Reads what identification needs: the model card's front matter, license texts and data documentation.
import { createHash } from 'node:crypto';
import type { Documents, FileHash, Inventory, InventoryFile, Problem, TextDocument } from '../model.js';
import { decodeText } from './decode-text.js';
import { readFrontMatter } from './front-matter.js';
import type { RepoReader } from './reader.js';
import { readWeightsHeader } from './weights-header.js';

/** No card, license or data card is this long; the cap keeps a hostile repo from costing memory. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** Headers are cheap (one bounded read each), but a repo of thousands of shards should not cost thousands of opens. */
export const MAX_WEIGHTS_HEADERS = 256;
/** A file pinned by `clarify:` is a license text; anything larger is not hashed. */
export const MAX_HASH_BYTES = 16 * 1024 * 1024;

/** Reads the card, license texts, data docs and weights headers; `hashPaths` are the files `clarify:` pins. */
export async function readDocuments(inventory: Inventory, reader: RepoReader, hashPaths: string[] = []): Promise<Documents> {
  const problems: Problem[] = [];
  const docs: Documents = { docs: [], licenseTexts: [], weightsHeaders: [], hashes: [], problems };

  const cards = inventory.files.filter((f) => f.role === 'model-card').sort(byCardPreference);
  const cardFile = cards[0];
  if (!cardFile) problems.push({ code: 'card-missing' });
  else {
    const text = await readText(reader, cardFile, problems);
    if (text !== undefined) {
      const fm = readFrontMatter(text);
      if (fm.kind === 'ok') docs.card = { file: cardFile.path, metadata: fm.metadata, lines: fm.lines, body: fm.body, bodyLine: fm.bodyLine };
      else if (fm.kind === 'none') {
        problems.push({ code: 'card-metadata-missing', file: cardFile.path, line: 1 });
        docs.card = { file: cardFile.path, metadata: Object.create(null), lines: {}, body: fm.body, bodyLine: 1 };
      } else problems.push({ code: 'front-matter-invalid', file: cardFile.path, line: fm.line, args: { reason: fm.reason } });
    }
  }

  for (const file of inventory.files.filter((f) => f.role === 'license')) {
    const text = await readText(reader, file, problems, 'license-file');
    if (text !== undefined) docs.licenseTexts.push({ file: file.path, text });
  }
  for (const file of inventory.files.filter(isDataDoc)) {
    const text = await readText(reader, file, problems);
    if (text !== undefined) docs.docs.push({ file: file.path, text } satisfies TextDocument);
  }
  const weights = inventory.files.filter((f) => f.role === 'weights' && /\.(gguf|safetensors)$/i.test(f.path));
  if (weights.length > MAX_WEIGHTS_HEADERS) problems.push({ code: 'weights-header-limit', args: { limit: MAX_WEIGHTS_HEADERS, count: weights.length } });
  for (const file of weights.slice(0, MAX_WEIGHTS_HEADERS)) {
    const result = await readWeightsHeader(reader, file.path, file.size);
    if ('header' in result) docs.weightsHeaders.push(result.header);
    else problems.push(result.problem);
  }
  for (const path of [...new Set(hashPaths)]) docs.hashes.push(await hashFile(reader, inventory, path));
  return docs;
}

async function hashFile(reader: RepoReader, inventory: Inventory, path: string): Promise<FileHash> {
  const file = inventory.files.find((f) => f.path === path);
  if (!file) return { file: path, problem: 'the file does not exist' };
  if (file.size > MAX_HASH_BYTES) return { file: path, problem: `the file is larger than ${MAX_HASH_BYTES} bytes` };
  try {
    const bytes = await reader.read(path, MAX_HASH_BYTES);
    return { file: path, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    return { file: path, problem: `the file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
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
async function readText(reader: RepoReader, file: InventoryFile, problems: Problem[], prefix = 'file'): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await reader.read(file.path, MAX_TEXT_BYTES + 1);
  } catch (error) {
    problems.push({ code: 'file-unreadable', file: file.path, args: { reason: (error as NodeJS.ErrnoException).code ?? String(error) } });
    return undefined;
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
