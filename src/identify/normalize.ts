// Normalises license text for matching: case, punctuation, quotes, bullets, Markdown and varietal spellings fold away.

const VARIETAL: [RegExp, string][] = [
  [/\blicence\b/g, 'license'], [/\blicences\b/g, 'licenses'], [/\blicenced\b/g, 'licensed'],
  [/\bnon[\s-]+commercial\b/g, 'noncommercial'], [/\bno[\s-]+derivatives\b/g, 'noderivatives'],
  [/\bshare[\s-]+alike\b/g, 'sharealike'], [/\bcopyright holders?\b/g, 'copyright holder'],
];

/** Lower-case words separated by single spaces; everything that is not a letter or digit is a separator. */
export function normalizeText(text: string): string {
  let out = text.toLowerCase()
    // The classes exclude their own opener, so each attempt stops at the next one: linear on "<<<<…" or "](](…".
    .replace(/<[^<>\n]{0,200}>/g, ' ')          // HTML tags
    .replace(/\]\([^()\n]{0,500}\)/g, ' ')      // Markdown link targets
    .replace(/&(amp|lt|gt|quot|#39);/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  for (const [pattern, replacement] of VARIETAL) out = out.replace(pattern, replacement);
  return out.trim();
}
