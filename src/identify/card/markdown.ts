// Parses a card body into a Markdown tree (mdast) with GFM tables; the parser is loaded on first need, not at start-up.
import type { Code, Nodes, Root, RootContent, Table } from 'mdast';
import { addressWords } from './license-pages.js';

interface Parser { parse: (text: string) => Root }
let parser: Parser | undefined;

/**
 * Loads mdast-util-from-markdown with the GFM extensions (tables, strikethrough, autolinks). They are ES modules of
 * ~40 files: loading them costs start-up only for a run that reads a card body, so `checkReader` awaits this before
 * `identify()`, which stays synchronous.
 */
export async function loadMarkdownParser(): Promise<void> {
  if (parser) return;
  const [{ fromMarkdown }, { gfm }, { gfmFromMarkdown }] = await Promise.all([
    import('mdast-util-from-markdown'), import('micromark-extension-gfm'), import('mdast-util-gfm'),
  ]);
  // Built once: combining the extensions costs more than parsing a short chunk.
  const options = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
  parser = { parse: (text) => fromMarkdown(text, options) };
}

const trees = new Map<string, Root>();

/**
 * micromark is quadratic in the lines of one paragraph and in the length of one line (a 32 KiB paragraph of short
 * lines costs seconds). So the body is parsed in chunks of at most CHUNK_LINES lines, cut at a blank line outside a
 * fence when one comes after CHUNK_MIN_LINES, and a line longer than MAX_LINE is not parsed but kept whole as a
 * paragraph of text: every word is still read, and cost stays linear. A construct cut at a chunk edge (a long list, an
 * HTML comment) only loses its nesting, never its words.
 */
const CHUNK_MIN_LINES = 50;
const CHUNK_LINES = 100;
const MAX_LINE = 4096;
/** Past this many lines (no real card has them) each line is kept as a paragraph of text, unparsed but read. */
const MAX_PARSED_LINES = 8_000;

/** The tree of a Markdown text; throws when loadMarkdownParser() has not run (a bug of the caller, not of the repo). */
export function parseMarkdown(text: string): Root {
  if (!parser) throw new Error('internal: loadMarkdownParser() must be awaited before a card body is read');
  let tree = trees.get(text);
  if (!tree) {
    tree = parseInChunks(parser, text);
    // One card is read by several rooms (sections, terms, components); keep the last few trees only.
    if (trees.size > 8) trees.clear();
    trees.set(text, tree);
  }
  return tree;
}

function parseInChunks(p: Parser, text: string): Root {
  const root: Root = { type: 'root', children: [] };
  const lines = text.split('\n');
  let start = 0; // first line of the chunk (0-based)
  let startOffset = 0;
  let offset = 0;
  let inFence = false;
  const flush = (end: number, endOffset: number) => {
    if (end > start) {
      const chunk = p.parse(text.slice(startOffset, Math.max(startOffset, endOffset - 1)));
      for (const child of chunk.children) { shift(child, start, startOffset); root.children.push(child); }
    }
    start = end;
    startOffset = endOffset;
  };
  lines.forEach((line, i) => {
    const next = offset + line.length + 1;
    if (i === MAX_PARSED_LINES) flush(i, offset);
    if (i >= MAX_PARSED_LINES && line.trim() === '') { start = i + 1; startOffset = next; offset = next; return; }
    if (line.length > MAX_LINE || i >= MAX_PARSED_LINES) {
      flush(i, offset);
      const position = { start: { line: i + 1, column: 1, offset }, end: { line: i + 1, column: line.length + 1, offset: offset + line.length } };
      root.children.push({ type: 'paragraph', children: [{ type: 'text', value: line, position }], position });
      start = i + 1;
      startOffset = next;
    } else {
      if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
      // Blank lines outside a fence make no nodes: a run of them is skipped, not parsed.
      if (!inFence && line.trim() === '' && start === i) { start = i + 1; startOffset = next; offset = next; return; }
      const size = i + 1 - start;
      if ((size >= CHUNK_MIN_LINES && !inFence && line.trim() === '') || size >= CHUNK_LINES) flush(i + 1, next);
    }
    offset = next;
  });
  flush(lines.length, text.length + 1);
  return root;
}

/** Moves a chunk's node (and its children) to where the chunk starts in the whole text. */
function shift(node: Nodes, lines: number, offset: number): void {
  if (node.position) {
    node.position = {
      start: { ...node.position.start, line: node.position.start.line + lines, offset: (node.position.start.offset ?? 0) + offset },
      end: { ...node.position.end, line: node.position.end.line + lines, offset: (node.position.end.offset ?? 0) + offset },
    };
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shift(child, lines, offset);
}

/** The plain text of a node: text, inline code, link and image text; HTML tags dropped. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  // An HTML comment is not shown on the Hub, but its words are the card's: read them, not only the tags around them.
  // A tag's alt and title text and a license address it links to are words the reader sees (or follows) too.
  if (node.type === 'html') return node.value.replace(/<!--|-->/g, ' ').replace(/<[^>]*>/g, (tag) => ` ${tagWords(tag)} `);
  if (node.type === 'image') return [node.alt, node.title, addressWords(node.url)].filter(Boolean).join(' ');
  if (node.type === 'link') return [(node.children as Nodes[]).map(textOf).join(''), node.title, addressWords(node.url)].filter(Boolean).join(' ');
  if (node.type === 'definition') return [node.label, node.title, addressWords(node.url)].filter(Boolean).join(' ');
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join(node.type === 'tableRow' ? ' | ' : '');
  return '';
}

/** The alt and title attributes of an HTML tag, and the words of a license address in its href or src. */
function tagWords(tag: string): string {
  const out: string[] = [];
  for (const m of tag.matchAll(/\b(alt|title|href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const value = m[2] ?? m[3] ?? '';
    out.push(/^(alt|title)$/i.test(m[1]!) ? value : addressWords(value));
  }
  return out.filter(Boolean).join(' ');
}

/** A block of prose with the body line it starts on (1-based within the body). */
export interface ProseBlock { text: string; line: number; node: RootContent }

/** Code blocks whose language says prose (none, text, markdown): their words are read like the rest. */
const PROSE_CODE = /^(|text|txt|plain|markdown|md)$/i;

/** Every block of prose in the tree: paragraphs, headings, HTML, prose code blocks; tables and other code blocks apart. */
export function proseBlocks(tree: Root): { blocks: ProseBlock[]; tables: Table[]; code: Code[] } {
  const blocks: ProseBlock[] = [];
  const tables: Table[] = [];
  const code: Code[] = [];
  const visit = (node: RootContent) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'table') { tables.push(node); return; }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'html' || node.type === 'definition') blocks.push({ text: textOf(node), line, node });
    // A fenced block has no sentences, only lines (sample output, a pasted notice): each line is read on its own.
    else if (node.type === 'code') {
      if (PROSE_CODE.test(node.lang ?? '')) node.value.split('\n').forEach((text, i) => blocks.push({ text, line: line + 1 + i, node }));
      else code.push(node);
    }
    else if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  for (const child of tree.children) visit(child);
  return { blocks, tables, code };
}
