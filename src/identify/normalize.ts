// Normalises license text for matching (SPDX License List Matching Guidelines): case, whitespace, punctuation,
// quote variants, bullets and list numbering, copyright and title lines, varietal spellings, Markdown and HTML.

/** Equivalent spellings (SPDX guideline 8, varietal words), folded word by word. */
const WORD_FOLD = new Map([
  ['licence', 'license'], ['licences', 'licenses'], ['licenced', 'licensed'], ['licencing', 'licensing'],
  ['licensor', 'licensor'], ['acknowledgment', 'acknowledgement'], ['acknowledgments', 'acknowledgements'],
  ['authorise', 'authorize'], ['authorised', 'authorized'], ['authorises', 'authorizes'], ['whilst', 'while'],
]);
/** Two words that mean one ("non commercial", "share alike"): folded into one so a wrap or hyphen cannot split them. */
const PAIR_FOLD = new Map([
  ['non commercial', 'noncommercial'], ['no derivatives', 'noderivatives'], ['share alike', 'sharealike'],
  ['sub license', 'sublicense'], ['per cent', 'percent'],
]);
const PAIR_FIRST = new Set([...PAIR_FOLD.keys()].map((k) => k.split(' ')[0]!));
/** "copyright holders", "copyright owner(s)" → "copyright holder". */
const COPYRIGHT_HOLDER = new Set(['holders', 'owner', 'owners']);

const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Lower-case words separated by single spaces; everything that is not a letter or digit is a separator. */
export function normalizeText(text: string): string {
  return foldWords(stripMarkup(text.toLowerCase()).split(NOT_WORD).filter((w) => w !== '')).join(' ');
}

function stripMarkup(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/<[^<>\n]{0,200}>/g, ' ')         // HTML tags (the class excludes its opener: linear on "<<<<…")
    .replace(/\]\([^()\n]{0,500}\)/g, ' ')      // Markdown link targets (linear on "](](…")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, ' ')
    .replace(/\+\+/g, ' plusplus ');           // RAIL++ is another license than RAIL: keep the pluses as a word
}

/** Folds varietal spellings and two-word terms in place; `lines` (one per word) is kept in step. */
function foldWords(words: string[], lines?: number[]): string[] {
  const out: string[] = [];
  const outLines: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next !== undefined && PAIR_FIRST.has(w)) {
      const pair = PAIR_FOLD.get(`${w} ${next}`);
      if (pair) { out.push(pair); if (lines) outLines.push(lines[i]!); i++; continue; }
    }
    const folded = WORD_FOLD.get(w);
    out.push(folded ?? (COPYRIGHT_HOLDER.has(w) && out[out.length - 1] === 'copyright' ? 'holder' : w));
    if (lines) outLines.push(lines[i]!);
  }
  // Copied element by element: a spread of a million words would overflow the call stack.
  if (lines) { lines.length = outLines.length; for (let i = 0; i < outLines.length; i++) lines[i] = outLines[i]!; }
  return out;
}

/** The words of a text as the reference matcher sees them, with the 1-based line each word is on. */
export interface MatchWords { words: string[]; lines: number[] }

/** A copyright statement line: "Copyright (c) 2024 …", "Copyright © …", "Copyright 2024 …", "Copyright <year> …", "(c) 2024 …". */
const COPYRIGHT_LINE = /^[\s#>*_`|-]*(copyright\s*(\(c\)|©|\d{4}|<|\[|:|\{)|\(c\)\s*(\d{4}|<)|©|all rights reserved\W*$)/i;
/** Words a title paragraph holds: a short leading paragraph with one of them is a title, not license terms. */
const TITLE_WORD = /\b(licen[cs]e|version|agreement|terms|copyright|https?)\b/i;

/**
 * The matching words of a text: copyright lines and leading title paragraphs dropped, list markers removed, then
 * normalised. Two texts that differ only in what the guidelines call non-substantive give the same words.
 * One pass over the characters (this runs on every license file, so it avoids a regex per line).
 */
export function matchWords(input: string): MatchWords {
  const text = /[<&+]|\]\(/.test(input) ? stripMarkup(input) : input.replace(/^\uFEFF/, '');
  const words: string[] = [];
  const lineOf: number[] = [];
  let leading = true;
  let start = 0;
  let titleish = false;
  let lineCount = 0;
  let lastLine = '';
  const flush = (): void => {
    const n = words.length - start;
    // A heading: one line that ends without a full stop, or a short paragraph with a title word.
    const heading = lineCount === 1 && !/[.;:,][\s*_]*$/.test(lastLine);
    if (n > 0 && leading && (n <= 6 || (n <= 15 && (titleish || heading)))) { words.length = start; lineOf.length = start; }
    else if (n > 0) leading = false;
    start = words.length;
    titleish = false;
    lineCount = 0;
  };
  let line = 1;
  let pos = 0;
  const len = text.length;
  while (pos <= len) {
    let end = pos;
    while (end < len) { const c = text.charCodeAt(end); if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break; end++; }
    const raw = text.slice(pos, end);
    const before = words.length;
    const copyright = COPYRIGHT_LINE.test(raw);
    if (!copyright) tokenizeLine(raw, line, words, lineOf);
    if (words.length === before) {
      if (!copyright) flush();
    } else {
      lineCount++;
      lastLine = raw;
      if (leading && TITLE_WORD.test(raw)) titleish = true;
    }
    if (end < len && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end++;
    pos = end + 1;
    line++;
  }
  flush();
  return { words: foldWords(words, lineOf), lines: lineOf };
}

const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\d+$/;
const ROMAN = /^[ivx]{1,5}$/;


/** Splits one line into lower-case words, leaving out list markers (`1.`, `1.2.`, `(a)`, `b)`, `iv.`) that stand alone. */
function tokenizeLine(raw: string, line: number, words: string[], lines: number[]): void {
  const lower = raw.toLowerCase();
  const n = raw.length;
  const word = new RegExp(WORD); // a fresh lastIndex per line
  for (let m = word.exec(lower); m; m = word.exec(lower)) {
    const i = m.index;
    const j = i + m[0].length;
    const text = m[0];
    // A numbered marker may run on: 1.2.3.
    let k = j;
    if (DIGITS.test(text)) {
      while (raw[k] === '.' && k + 1 < n && isDigitCode(raw.charCodeAt(k + 1))) {
        let e = k + 1;
        while (e < n && isDigitCode(raw.charCodeAt(e))) e++;
        k = e;
      }
    }
    const prev = i === 0 ? ' ' : raw[i - 1]!;
    const after = raw[k];
    const afterNext = raw[k + 1];
    const markerShape = k > j || (text.length <= 3 && (DIGITS.test(text) || text.length === 1 || ROMAN.test(text)));
    if (markerShape) {
      const standsAlone = (after === '.' || after === ')') && (afterNext === undefined || afterNext === ' ' || afterNext === '\t')
        && (prev === ' ' || prev === '\t' || prev === '(' || i === 0 || /[*#>-]/.test(prev));
      if (standsAlone || (k > j && (after === undefined || after === ' '))) { word.lastIndex = k + 1; continue; }
    }
    words.push(text);
    lines.push(line);
  }
}

function isDigitCode(c: number): boolean { return c >= 48 && c <= 57; }
