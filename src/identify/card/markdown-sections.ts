// Splits a Markdown body into headed sections with their first line, so evidence can point at a line.
import type { Html, Paragraph, RootContent } from 'mdast';
import { parseMarkdown, textOf } from './markdown.js';

export interface Section { heading: string; level: number; line: number; text: string }

/** A bold line standing alone is a heading (`**License**`, `__Training data:__`); nested below every real heading. */
const BOLD_LEVEL = 7;
const HTML_HEADING = /^\s*(?:<(?:div|p|center|span)\b[^>]*>\s*)*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/i;

/** The heading a top-level block stands for: ATX and setext headings, an HTML `<hN>`, a bold line; else undefined. */
function headingOf(node: RootContent): { heading: string; level: number } | undefined {
  if (node.type === 'heading') return { heading: textOf(node).trim(), level: node.depth };
  if (node.type === 'html') {
    const m = HTML_HEADING.exec((node as Html).value);
    return m ? { heading: m[2]!.replace(/<[^>]*>/g, '').trim(), level: Number(m[1]) } : undefined;
  }
  if (node.type === 'paragraph') return boldLine(node);
  return undefined;
}

function boldLine(node: Paragraph): { heading: string; level: number } | undefined {
  const kids = node.children.filter((c) => !(c.type === 'text' && /^[\s:.]*$/.test(c.value)));
  if (kids.length !== 1 || kids[0]!.type !== 'strong') return undefined;
  const heading = textOf(kids[0]!).replace(/:\s*$/, '').trim();
  return heading.length > 0 && heading.length <= 80 && !/[.!?]$/.test(heading) ? { heading, level: BOLD_LEVEL } : undefined;
}

/** The sections of a Markdown body; `firstLine` is the file line of the body's first line. */
export function splitSections(body: string, firstLine: number): Section[] {
  const tree = parseMarkdown(body);
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const sections: Section[] = [{ heading: '', level: 0, line: firstLine, text: '' }];
  let textFrom = 0;
  const close = (end: number) => { sections[sections.length - 1]!.text = body.slice(textFrom, end); };
  for (const node of tree.children) {
    const heading = headingOf(node);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    // An empty heading (`#` alone) titles nothing: its text stays with the section above.
    if (!heading || heading.heading === '' || start === undefined || end === undefined) continue;
    close(lineStarts[node.position!.start.line - 1] ?? start);
    sections.push({ ...heading, line: firstLine + node.position!.start.line - 1, text: '' });
    // The section's text starts on the line after its heading, as the old line splitter had it.
    textFrom = lineStarts[node.position!.end.line] ?? body.length;
  }
  close(body.length);
  for (const s of sections) if (s.text.length > 0 && !s.text.endsWith('\n')) s.text += '\n';
  return sections;
}

/** A section's text with all of its sub-sections. */
export function sectionWithChildren(sections: Section[], index: number): string {
  const head = sections[index]!;
  let text = head.text;
  for (let i = index + 1; i < sections.length && sections[i]!.level > head.level; i++) text += `${sections[i]!.heading}\n${sections[i]!.text}`;
  return text;
}
