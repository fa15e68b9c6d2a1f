// Parses a card body into a Markdown tree (mdast) with GFM tables; the parser is loaded on first need, not at start-up.
import type { Nodes, Root, RootContent, Table } from 'mdast';

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
  parser = { parse: (text) => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) };
}

const trees = new Map<string, Root>();

/** The tree of a Markdown text; throws when loadMarkdownParser() has not run (a bug of the caller, not of the repo). */
export function parseMarkdown(text: string): Root {
  if (!parser) throw new Error('internal: loadMarkdownParser() must be awaited before a card body is read');
  let tree = trees.get(text);
  if (!tree) {
    tree = parser.parse(text);
    // One card is read by several rooms (sections, terms, components); keep the last few trees only.
    if (trees.size > 8) trees.clear();
    trees.set(text, tree);
  }
  return tree;
}

/** The plain text of a node: text, inline code, link and image text; HTML tags dropped. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html') return node.value.replace(/<[^>]*>/g, ' ');
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join(node.type === 'tableRow' ? ' | ' : '');
  return '';
}

/** A block of prose with the body line it starts on (1-based within the body). */
export interface ProseBlock { text: string; line: number; node: RootContent }

/** Code blocks whose language says prose (none, text, markdown): their words are read like the rest. */
const PROSE_CODE = /^(|text|txt|plain|markdown|md)$/i;

/** Every block of prose in the tree: paragraphs, headings, HTML, prose code blocks; tables are returned apart. */
export function proseBlocks(tree: Root): { blocks: ProseBlock[]; tables: Table[] } {
  const blocks: ProseBlock[] = [];
  const tables: Table[] = [];
  const visit = (node: RootContent) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'table') { tables.push(node); return; }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'html') blocks.push({ text: textOf(node), line, node });
    // A fenced block has no sentences, only lines (sample output, a pasted notice): each line is read on its own.
    else if (node.type === 'code') { if (PROSE_CODE.test(node.lang ?? '')) node.value.split('\n').forEach((text, i) => blocks.push({ text, line: line + 1 + i, node })); }
    else if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  for (const child of tree.children) visit(child);
  return { blocks, tables };
}
