// Splits a Markdown body into headed sections with their first line, so evidence can point at a line.

export interface Section { heading: string; level: number; line: number; text: string }

/** The sections of a Markdown body; `firstLine` is the file line of the body's first line. */
export function splitSections(body: string, firstLine: number): Section[] {
  const lines = body.split(/\r\n|\r|\n/);
  const sections: Section[] = [{ heading: '', level: 0, line: firstLine, text: '' }];
  let inFence = false;
  lines.forEach((line, i) => {
    if (/^[ \t]*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? undefined : atxHeading(line);
    if (heading) sections.push({ ...heading, line: firstLine + i, text: '' });
    else sections[sections.length - 1]!.text += `${line}\n`;
  });
  return sections;
}

/** An ATX heading (`## Title ##`). String operations, not a backtracking regex: linear on a 1 MB line. */
function atxHeading(line: string): { heading: string; level: number } | undefined {
  const open = /^#{1,6}(?=[ \t])/.exec(line);
  if (!open) return undefined;
  let text = line.slice(open[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length) text = text.slice(0, end).trimEnd();
  return { heading: text, level: open[0].length };
}

/** A section's text with all of its sub-sections. */
export function sectionWithChildren(sections: Section[], index: number): string {
  const head = sections[index]!;
  let text = head.text;
  for (let i = index + 1; i < sections.length && sections[i]!.level > head.level; i++) text += `${sections[i]!.heading}\n${sections[i]!.text}`;
  return text;
}
