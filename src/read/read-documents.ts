// Reads what identification needs: the model card's front matter, license texts and data documentation.
import type { Documents, Inventory, InventoryFile, Problem, TextDocument } from '../model.js';
import { decodeText } from './decode-text.js';
import { readFrontMatter } from './front-matter.js';
import type { RepoReader } from './reader.js';

/** No card, license or data card is this long; the cap keeps a hostile repo from costing memory. */
/** Manifests read for their license field (identify/manifest-license.ts parses them). */
const MANIFEST_NAMES = /(^|\/)(package\.json|pyproject\.toml|setup\.cfg)$/i;

export const MAX_TEXT_BYTES = 1024 * 1024;

export async function readDocuments(inventory: Inventory, reader: RepoReader): Promise<Documents> {
  const problems: Problem[] = [];
  const docs: Documents = { docs: [], licenseTexts: [], problems };

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
  for (const file of inventory.files.filter((f) => f.topic === 'manifest' && MANIFEST_NAMES.test(f.path))) {
    const text = await readText(reader, file, problems);
    if (text !== undefined) (docs.manifests ??= []).push({ file: file.path, text });
  }
  for (const file of inventory.files.filter(isDataDoc)) {
    const text = await readText(reader, file, problems);
    if (text !== undefined) docs.docs.push({ file: file.path, text } satisfies TextDocument);
  }
  return docs;
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
