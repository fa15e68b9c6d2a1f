// Normalises license text for matching (SPDX License List Matching Guidelines): case, whitespace, punctuation,
// quote variants, bullets and list numbering, copyright and title lines, varietal spellings, Markdown and HTML.

/** Equivalent words (SPDX guideline 8, varietal spellings), applied to normalised single-space text. */
const VARIETAL: [RegExp, string][] = [
  [/\blicence\b/g, 'license'], [/\blicences\b/g, 'licenses'], [/\blicenced\b/g, 'licensed'], [/\blicencing\b/g, 'licensing'],
  [/\bnon[\s-]+commercial\b/g, 'noncommercial'], [/\bno[\s-]+derivatives\b/g, 'noderivatives'],
  [/\bshare[\s-]+alike\b/g, 'sharealike'], [/\bcopyright holders?\b/g, 'copyright holder'],
  [/\backnowledgment\b/g, 'acknowledgement'], [/\bauthorise(d|s)?\b/g, 'authorize$1'], [/\bcopyright owners?\b/g, 'copyright holder'],
  [/\bsub[\s-]+license\b/g, 'sublicense'], [/\bper cent\b/g, 'percent'], [/\bwhilst\b/g, 'while'],
];

/** Lower-case words separated by single spaces; everything that is not a letter or digit is a separator. */
export function normalizeText(text: string): string {
  let out = stripMarkup(text.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, ' ');
  for (const [pattern, replacement] of VARIETAL) out = out.replace(pattern, replacement);
  return out.trim();
}

function stripMarkup(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/<[^>\n]{0,200}>/g, ' ')          // HTML tags
    .replace(/\]\([^)\n]{0,500}\)/g, ' ')       // Markdown link targets
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, ' ')
    .replace(/\+\+/g, ' plusplus ');           // RAIL++ is another license than RAIL: keep the pluses as a word
}

/** The words of a text as the reference matcher sees them, with the 1-based line each word is on. */
export interface MatchWords { words: string[]; lines: number[] }

const COPYRIGHT_LINE = /^[\s#>*_`|-]*(copyright\b|\(c\)|©|all rights reserved)/i;
/** List numbering and bullets: `1.`, `1.2`, `(a)`, `a)`, `iv.` standing alone as a token. */
const LIST_MARKER = /(^|\s)(\(?(\d{1,3}(\.\d{1,3})*|[a-z]|[ivx]{1,5})[.)]|\((\d{1,3}|[a-z]|[ivx]{1,5})\))(?=\s|$)/gi;
/** Words a title paragraph holds: a short leading paragraph with one of them is a title, not license terms. */
const TITLE_WORD = /\b(licen[cs]e|version|agreement|terms|copyright|https?)\b/i;

/**
 * The matching words of a text: copyright lines and leading title paragraphs dropped, list markers removed, then
 * normalised. Two texts that differ only in what the guidelines call non-substantive give the same words.
 */
export function matchWords(text: string): MatchWords {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const words: string[] = [];
  const lineOf: number[] = [];
  let leading = true;
  let paragraph: { words: string[]; lines: number[]; raw: string } = { words: [], lines: [], raw: '' };
  const flush = (): void => {
    if (paragraph.words.length === 0) return;
    const isTitle = leading && (paragraph.words.length <= 6 || (paragraph.words.length <= 15 && TITLE_WORD.test(paragraph.raw)));
    if (!isTitle) {
      leading = false;
      for (let i = 0; i < paragraph.words.length; i++) { words.push(paragraph.words[i]!); lineOf.push(paragraph.lines[i]!); }
    }
    paragraph = { words: [], lines: [], raw: '' };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (COPYRIGHT_LINE.test(line)) continue;
    const plain = normalizeText(line.replace(LIST_MARKER, ' '));
    if (plain === '') { flush(); continue; }
    paragraph.raw += ` ${line}`;
    for (const w of plain.split(' ')) { paragraph.words.push(w); paragraph.lines.push(i + 1); }
  }
  flush();
  return { words: joinVarietals(words, lineOf), lines: lineOf };
}

/** VARIETAL folds that span two words ("non commercial") are applied per line; this catches the ones a wrap split. */
function joinVarietals(words: string[], lines: number[]): string[] {
  for (let i = 0; i + 1 < words.length; i++) {
    const next = words[i + 1]!;
    if (words[i] === 'copyright' && COPYRIGHT_HOLDER.has(next)) { words[i + 1] = 'holder'; continue; }
    const folded = FOLD_PAIRS.get(`${words[i]} ${next}`);
    if (folded) { words.splice(i, 2, folded); lines.splice(i + 1, 1); }
  }
  return words;
}

const COPYRIGHT_HOLDER = new Set(['holders', 'owner', 'owners']);
const FOLD_PAIRS = new Map([
  ['non commercial', 'noncommercial'], ['no derivatives', 'noderivatives'], ['share alike', 'sharealike'],
  ['sub license', 'sublicense'], ['per cent', 'percent'],
]);
