// Splits a Markdown body into headed sections with their first line, so evidence can point at a line.

export interface Section { heading: string; level: number; line: number; text: string }

/** The sections of a Markdown body; `firstLine` is the file line of the body's first line. */
export function splitSections(body: string, firstLine: number): Section[] {
  const lines = body.split(/\r\n|\r|\n/);
  const sections: Section[] = [{ heading: '', level: 0, line: firstLine, text: '' }];
  let inFence = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (match) sections.push({ heading: match[2]!, level: match[1]!.length, line: firstLine + i, text: '' });
    else sections[sections.length - 1]!.text += `${line}\n`;
  });
  return sections;
}

/** A section's text with all of its sub-sections. */
export function sectionWithChildren(sections: Section[], index: number): string {
  const head = sections[index]!;
  let text = head.text;
  for (let i = index + 1; i < sections.length && sections[i]!.level > head.level; i++) text += `${sections[i]!.heading}\n${sections[i]!.text}`;
  return text;
}
