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
/**
 * A word's shape (first character, folded to 7 bits, and length) indexes SHAPES, whose bits say which fold table
 * has a key of that shape: most words have none and need no string lookup. Folding the character only merges shapes.
 */
const shape = (w: string): number => ((w.charCodeAt(0) & 127) << 6) | Math.min(w.length, 63);
const PAIR_BIT = 1;
const WORD_BIT = 2;
const HOLDER_BIT = 4;
const SHAPES = new Uint8Array(128 << 6);
for (const [keys, bit] of [[PAIR_FIRST, PAIR_BIT], [WORD_FOLD.keys(), WORD_BIT], [COPYRIGHT_HOLDER, HOLDER_BIT]] as const) {
  for (const k of keys) SHAPES[shape(k)]! |= bit;
}

/** The word a holder's or project's name becomes (see rules/license-templates.yaml); no text tokenises to it. */
export const HOLDER_SLOT = '<holder>';

/** An optional span: from where `from` stands to where `until` then stands (not included), or to the text's end. */
export interface OptionalSpan { from: string; until?: string }

/** The slots of rules/license-templates.yaml, as the build wrote them to dist/license-slots.json. */
export interface TemplateSlots {
  /** `project`: a project's name (rules/license-templates.yaml `projects`), which may be a word `parties` lists. */
  slots: { before: string; after: string; kind?: 'project' }[]; maxWords: number; deny: string[];
  /** Words that name a party (you, licensee): never a holder's name, but a project may be called "Licensee". */
  parties?: string[];
  /** Per SPDX id, phrases (normalised words) the license's template marks optional: left out of its reference. */
  optional?: Record<string, string[]>;
  /** Spans the templates mark optional, by the phrases they start and end at (rules/license-templates.yaml `spans`). */
  spans?: OptionalSpan[];
  /** Words an honest copy adds alone where the reference writes a sign or another form ("and" for "&"). */
  variantWords?: string[];
  /** Words a copy may lack where the reference has them without being another license (articles, address parts). */
  ignorableMissing?: string[];
  /** What bracketed text is a placeholder or markup, and so no words of the text (rules/license-templates.yaml). */
  placeholders?: PlaceholderRules;
}

/** rules/license-templates.yaml `placeholders`. */
export interface PlaceholderRules { words: string[]; htmlTags: string[]; commentDeny: string[] }
interface Placeholders { words: Set<string>; tags: Set<string>; commentDeny: Set<string> }
let placeholders: Placeholders | null | undefined;

function loadPlaceholders(): Placeholders | null {
  if (placeholders !== undefined) return placeholders;
  const p = slotSource()?.placeholders;
  placeholders = p ? { words: new Set(p.words), tags: new Set(p.htmlTags), commentDeny: new Set(p.commentDeny) } : null;
  return placeholders;
}

const TAG_NAME = /^\/?([a-z][a-z0-9]*)(?=[\s/]|$)/i;
const NAMESPACED = /^\/?[a-z][a-z0-9]*:[a-z][a-z0-9-]*(\s|\/?$)/;
const ADDRESS = /^(https?:\/\/|mailto:|#)|^[^\s@]{1,100}@[^\s@]{1,100}$/i;
const INNER_WORD = /[a-z0-9\u00c0-\uffff]+/g;

/**
 * Whether the text between a pair of brackets is no words of the text: an HTML tag, comment or address in `<>`, or a
 * template's placeholder ("<name of author>", "{year}", "[project]") made only of the words placeholders use. Any
 * other bracketed text ("{except commercial use}", an unknown "<tag>") is read as words: it may be terms. Without
 * the rules (before the build wrote them) every bracketed text in `<>` and `{}` is dropped, as it always was.
 */
export function isPlaceholder(inner: string, open: '<' | '{' | '['): boolean {
  const p = loadPlaceholders();
  if (!p) return open !== '[';
  const lower = inner.toLowerCase();
  if (open === '<') {
    // An XML declaration or a doctype.
    if (lower.startsWith('?') || lower.startsWith('!doctype')) return true;
    if (lower.startsWith('!--')) return !(lower.match(INNER_WORD) ?? []).some((w) => p.commentDeny.has(w));
    const tag = TAG_NAME.exec(lower);
    if (tag && p.tags.has(tag[1]!)) return true;
    // A namespaced tag (Word's "<o:p>", "<w:sdt …>") is markup whatever its name; an unknown plain name is not
    // ("<only for research="yes">" would hide words a reader of the file sees).
    if (NAMESPACED.test(lower)) return true;
    if (ADDRESS.test(lower.trim())) return true;
  }
  const words = lower.match(INNER_WORD) ?? [];
  // A placeholder names something ("name of author", "year"); one that begins as a phrase joined to the text before
  // it ("[of the company]", "{to the owner}") narrows that text, and is read.
  if (words.length > 0 && JOINING.has(words[0]!)) return false;
  return words.every((w) => p.words.has(w) || /^\d+$/.test(w));
}
const JOINING = new Set(['of', 'to', 'and', 'or', 'a', 'an']);

/**
 * A bracketed span as stripMarkup leaves it: a placeholder emptied (its line breaks kept; "[]" and "{}" stay, so
 * "Copyright [2023] Lightning AI" is still a copyright line), else its words.
 */
function bracket(whole: string, inner: string, open: '<' | '{' | '['): string {
  if (!isPlaceholder(inner, open)) return ` ${inner} `;
  const breaks = whole.includes('\n') ? inner.replace(/[^\n]+/g, '') : '';
  return open === '<' ? ` ${breaks}` : `${open}${breaks}${open === '[' ? ']' : '}'}`;
}
interface Slot { before: string[]; after: string[]; deny: Set<string> }
interface Slots { byAfter: Map<string, Slot[]>; shapes: Uint8Array; second: Uint8Array; maxWords: number }
let slots: Slots | undefined;
let slotSource: () => TemplateSlots | undefined = () => undefined;

/** Where the slots come from (set once by the reference index module, which knows the dist folder). */
export function setTemplateSlots(source: () => TemplateSlots | undefined): void { slotSource = source; slots = undefined; placeholders = undefined; }

function loadSlots(): Slots {
  if (slots) return slots;
  const t = slotSource();
  const byAfter = new Map<string, Slot[]>();
  const projectDeny = new Set(t?.deny ?? []);
  const holderDeny = new Set([...projectDeny, ...(t?.parties ?? [])]);
  for (const s of t?.slots ?? []) {
    const after = s.after.split(' ');
    const list = byAfter.get(after[0]!) ?? byAfter.set(after[0]!, []).get(after[0]!)!;
    list.push({ before: s.before.split(' '), after, deny: s.kind === 'project' ? projectDeny : holderDeny });
  }
  // The shapes of the `after` words: most words have none, and skip the map.
  const shapes = new Uint8Array(128 << 6);
  for (const k of byAfter.keys()) shapes[shape(k)] = 1;
  // And of their second words, so a common first word ("is", "you") followed by another second word skips it too
  // (an `after` of one word lets every second word through).
  const second = new Uint8Array(128 << 6);
  for (const list of byAfter.values()) for (const c of list) if (c.after.length > 1) second[shape(c.after[1]!)] = 1; else second.fill(1);
  slots = { byAfter, shapes, second, maxWords: t?.maxWords ?? 0 };
  return slots;
}

/**
 * Folds each holder slot (the words between a slot's `before` and `after`) into HOLDER_SLOT, in place, `lines` kept
 * in step. The nearest `before` wins; a run with a denied word is no slot.
 */
function foldSlots(words: string[], lines: number[]): string[] {
  const { byAfter, shapes, second, maxWords } = loadSlots();
  if (byAfter.size === 0) return words;
  const n = words.length;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const cands = shapes[shape(w)] === 1 && (i + 1 >= n || second[shape(words[i + 1]!)] === 1) ? byAfter.get(w) : undefined;
    if (cands) {
      let found = 0;
      for (const c of cands) {
        if (i + c.after.length > n) continue;
        let ok = true;
        for (let a = 1; a < c.after.length; a++) if (words[i + a] !== c.after[a]) { ok = false; break; }
        if (!ok) continue;
        // Look back through the words written so far for the nearest `before`.
        for (let k = 1; k <= maxWords && o - k - c.before.length >= 0; k++) {
          const sw = words[o - k]!;
          if (c.deny.has(sw) || sw === HOLDER_SLOT) break;
          let b = 0;
          while (b < c.before.length && words[o - k - c.before.length + b] === c.before[b]) b++;
          if (b === c.before.length) { found = k; break; }
        }
        if (found) break;
      }
      if (found) {
        o -= found;
        words[o] = HOLDER_SLOT;
        lines[o] = lines[o]!;
        o++;
      }
    }
    words[o] = w;
    lines[o] = lines[i]!;
    o++;
  }
  words.length = o;
  lines.length = o;
  return words;
}

/** A word of lower-cased ASCII text (asciiWords, tokenizeAscii). */
const ASCII_WORD = /[a-z0-9]+/g;
/** Any character outside ASCII: such text (or line) takes the Unicode-aware regex path. */
const NON_ASCII = /[^\x00-\x7f]/;
/**
 * Whether a text is all ASCII. Callers then use an ASCII class ([a-z0-9]) for \p{L}\p{N}, which means the same on
 * such text: V8 compiles a Unicode property class in about 0.1–0.5 ms, a cost worth paying only for text that needs it.
 */
export const isAscii = (text: string): boolean => !NON_ASCII.test(text);
/** What stripMarkup rewrites; text without any of it skips the five replacements. */
const MARKUP = /[<&{[]|\+\+/;

/** Lower-case words separated by single spaces; everything that is not a letter or digit is a separator. */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  const stripped = MARKUP.test(lower) ? stripMarkup(lower) : lower; // a byte-order mark is a separator anyway
  // The Unicode classes are written in the function, so V8 builds them (about 0.15 ms each) only for text that needs them.
  const words = NON_ASCII.test(stripped) ? splitIdeographs(stripped.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '')) : asciiWords(stripped);
  return foldWords(words).join(' ');
}

/** Chinese and Japanese ideographs and kana: scripts written without spaces between words. */
const IDEOGRAPH = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const IDEOGRAPH_OR_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

/**
 * Each ideograph is a word of its own: where a line breaks inside a Chinese sentence is not a word boundary, so
 * "贡献" and "贡\n献" (two wraps of one text) must give the same words. Other letters keep their runs.
 */
function splitIdeographs(words: string[]): string[] {
  if (!words.some((w) => IDEOGRAPH.test(w))) return words;
  return words.flatMap((w) => (IDEOGRAPH.test(w) ? w.match(IDEOGRAPH_OR_RUN)! : [w]));
}

/** The runs of [a-z0-9] in lower-case ASCII text: what splitting on [^\p{L}\p{N}]+ gives, without a Unicode regex. */
function asciiWords(text: string): string[] {
  return text.match(ASCII_WORD) ?? [];
}

function stripMarkup(text: string): string {
  return stripBlocks(text)
    .replace(/^\uFEFF/, '')
    // HTML tags and template placeholders (the class excludes its opener: linear on "<<<<…"); see isPlaceholder.
    .replace(/<([^<>\n]{0,200})>/g, (m, inner: string) => bracket(m, inner, '<'))
    // A GNU placeholder a re-wrap split over two lines ("<one line to give the program's name and a brief idea of\n
    // what it does.>"): short, and it starts with a letter.
    .replace(/<([a-z][^<>\n]{0,100}\n[^<>\n]{0,100})>/gi, (m, inner: string) => bracket(m, inner, '<'))
    .replace(/\{([^{}]{0,200})\}/g, (m, inner: string) => bracket(m, inner, '{')) // "{year}", as the SPDX texts' "<year>"
    .replace(/\[([^[\]]{1,100})\](?!\()/g, (m, inner: string) => bracket(m, inner, '[')) // "[yyyy]", "[project]"
    .replace(/\]\([^()\n]{0,500}\)/g, ' ')      // Markdown link targets (linear on "](](…")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, ' ')
    .replace(/\+\+/g, ' plusplus ');           // RAIL++ is another license than RAIL: keep the pluses as a word
}

const BLOCK_OPEN = /<(style|script)\b/gi;

/**
 * An HTML page's style sheets and scripts (`<style>…</style>`, `<script>…</script>`) are no words of its text: each
 * is blanked, its line breaks kept so line numbers still point into the file. A scan with indexOf, linear on a
 * hostile text (an opener that is never closed ends the search).
 */
function stripBlocks(text: string): string {
  BLOCK_OPEN.lastIndex = 0;
  if (!BLOCK_OPEN.test(text)) return text;
  const lower = text.toLowerCase();
  let out = '';
  let at = 0;
  let style = -2;
  let script = -2;
  for (;;) {
    // Each opener's next place is searched again only once the scan has passed it (once absent, never again).
    if (style !== -1 && style < at) style = lower.indexOf('<style', at);
    if (script !== -1 && script < at) script = lower.indexOf('<script', at);
    const open = style < 0 ? script : script < 0 ? style : Math.min(style, script);
    if (open < 0) break;
    const tag = open === style ? '</style' : '</script';
    const close = lower.indexOf(tag, open);
    if (close < 0) break;
    const end = lower.indexOf('>', close);
    const stop = end < 0 ? lower.length : end + 1;
    out += text.slice(at, open) + ' ' + text.slice(open, stop).replace(/[^\r\n]+/g, '');
    at = stop;
  }
  return at === 0 ? text : out + text.slice(at);
}

/**
 * Folds varietal spellings and two-word terms in place (the array is compacted and returned); `lines` (one per
 * word) is kept in step.
 */
function foldWords(words: string[], lines?: number[]): string[] {
  const n = words.length;
  let o = 0;
  for (let i = 0; i < n; i++) {
    let w = words[i]!;
    const line = lines ? lines[i]! : 0;
    const bits = SHAPES[shape(w)]!;
    if (bits !== 0) {
      const pair = bits & PAIR_BIT && i + 1 < n && PAIR_FIRST.has(w) ? PAIR_FOLD.get(`${w} ${words[i + 1]!}`) : undefined;
      if (pair !== undefined) { w = pair; i++; } else {
        const folded = bits & WORD_BIT ? WORD_FOLD.get(w) : undefined;
        if (folded !== undefined) w = folded;
        else if (bits & HOLDER_BIT && o > 0 && words[o - 1] === 'copyright' && COPYRIGHT_HOLDER.has(w)) w = 'holder';
      }
    }
    words[o] = w;
    if (lines) lines[o] = line;
    o++;
  }
  words.length = o;
  if (lines) lines.length = o;
  return words;
}

/**
 * The words of a text as the reference matcher sees them, with the 1-based line each word is on; and the lines it
 * left out (copyright lines and leading title paragraphs), in order, with their text, for the reader of what a match
 * leaves unexplained.
 */
export interface MatchWords { words: string[]; lines: number[]; dropped: { line: number; text: string }[] }

/** A copyright statement line: "Copyright (c) 2024 …", "Copyright © …", "Copyright 2024 …", "Copyright <year> …", "(c) 2024 …". */
const COPYRIGHT_LINE = /^[\s#>*_`|{}[\]-]*(copyright\s*(\(c\)|©|\d{4}|<|\[|:|\{)|\(c\)\s*(\d{4}|<)|©|all rights reserved\W*$)/i;
/** Words a title paragraph holds: a short leading paragraph with one of them is a title, not license terms. */
const TITLE_WORD = /\b(licen[cs]e|version|agreement|terms|copyright|https?)\b/i;

/**
 * The matching words of a text: copyright lines and leading title paragraphs dropped, list markers removed, then
 * normalised. Two texts that differ only in what the guidelines call non-substantive give the same words.
 * One pass over the characters (this runs on every license file, so it avoids a regex per line).
 */
export function matchWords(input: string): MatchWords {
  const text = /[<&+{[]/.test(input) ? stripMarkup(input) : input.replace(/^\uFEFF/, '');
  // ASCII text is lower-cased once and scanned by character code; a text with other characters is checked line by
  // line, and a line with any takes the Unicode-aware regex path (both give the same words on ASCII).
  const lowerAll = NON_ASCII.test(text) ? undefined : text.toLowerCase();
  const words: string[] = [];
  const lineOf: number[] = [];
  let leading = true;
  let start = 0;
  let titleish = false;
  let lineCount = 0;
  // A paragraph that goes on with the sentence a copyright line began ("Copyright 1999 LaTeX3 Project Everyone is
  // allowed" / "to distribute verbatim copies …", as a re-wrap leaves it) is license text, never a title.
  let afterOpenCopyright = false;
  /** The leading paragraphs dropped as titles, kept in case nothing else is left. */
  const titles: { words: string[]; lines: number[]; pending: { line: number; text: string }[] }[] = [];
  let continuesSentence = false;
  let lastStart = 0;
  let lastEnd = 0;
  const dropped: { line: number; text: string }[] = [];
  // The lines of the current paragraph while it may still be a title (only leading paragraphs: a few lines).
  let pending: { line: number; text: string }[] = [];
  const flush = (): void => {
    const n = words.length - start;
    if (n > 0 && leading) {
      // A heading: one line that ends without a full stop, or a short paragraph with a title word.
      const heading = lineCount === 1 && !/[.;:,][\s*_]*$/.test(text.slice(lastStart, lastEnd));
      if (n <= 6 || (!continuesSentence && n <= 15 && (titleish || heading))) {
        titles.push({ words: words.slice(start), lines: lineOf.slice(start), pending });
        words.length = start; lineOf.length = start; dropped.push(...pending);
      }
      else leading = false;
    }
    pending = [];
    start = words.length;
    titleish = false;
    lineCount = 0;
    continuesSentence = false;
  };
  let line = 1;
  let pos = 0;
  const len = text.length;
  // In ASCII text a line ends at the next \n or \r: found with indexOf (a vectorised search), kept between lines.
  let lf = -1;
  let cr = -1;
  while (pos <= len) {
    let end = pos;
    let ascii = lowerAll !== undefined;
    if (ascii) {
      if (lf < pos) { lf = text.indexOf('\n', pos); if (lf < 0) lf = len; }
      if (cr < pos) { cr = text.indexOf('\r', pos); if (cr < 0) cr = len; }
      end = lf < cr ? lf : cr;
    } else {
      ascii = true;
      while (end < len) {
        const c = text.charCodeAt(end);
        if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
        if (c > 127) ascii = false;
        end++;
      }
    }
    const before = words.length;
    let copyright: boolean;
    let grantAt: number;
    if (ascii) {
      const lower = lowerAll ?? text.slice(pos, end).toLowerCase();
      const from = lowerAll === undefined ? 0 : pos;
      const to = from + end - pos;
      copyright = mayBeCopyright(lower, from, to) && COPYRIGHT_LINE.test(text.slice(pos, end));
      // A grant run onto the copyright line (GFDL's "Copyright (c) YEAR YOUR NAME. Permission is granted …") is
      // license text: its words are matched, only the copyright part is left out.
      grantAt = copyright ? grantOnLine(text.slice(pos, end)) : -1;
      if (!copyright) tokenizeAscii(lower, from, to, line, words, lineOf);
      else if (grantAt > 0) tokenizeAscii(lower, from + grantAt, to, line, words, lineOf);
    } else {
      const raw = text.slice(pos, end);
      copyright = COPYRIGHT_LINE.test(raw);
      grantAt = copyright ? grantOnLine(raw) : -1;
      if (!copyright) tokenizeLine(raw, line, words, lineOf);
      else if (grantAt > 0) tokenizeLine(raw.slice(grantAt), line, words, lineOf);
    }
    if (copyright) dropped.push({ line, text: grantAt > 0 ? text.slice(pos, pos + grantAt).trimEnd() : text.slice(pos, end) });
    if (words.length === before) {
      if (!copyright) flush();
    } else {
      if (leading && lineCount === 0 && afterOpenCopyright && /^[^\p{L}]*\p{Ll}/u.test(text.slice(pos, end))) continuesSentence = true;
      if (leading) pending.push({ line, text: text.slice(pos, end) });
      lineCount++;
      lastStart = pos;
      lastEnd = end;
      if (leading && TITLE_WORD.test(text.slice(pos, end))) titleish = true;
    }
    afterOpenCopyright = copyright && grantAt < 0 && !/[.!?;:]["')\]]*\s*$/.test(text.slice(pos, end));
    if (end < len && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end++;
    pos = end + 1;
    line++;
  }
  flush();
  if (words.length === 0 && titles.length > 0) {
    // A text that is all short paragraphs ("Unlimited distribution and/or modification is allowed as long as this
    // copyright notice remains intact.") is its own body: its paragraphs are its words, not its title.
    for (const t of titles) { words.push(...t.words); lineOf.push(...t.lines); }
    const restored = new Set(titles.flatMap((t) => t.pending));
    for (let i = dropped.length - 1; i >= 0; i--) if (restored.has(dropped[i]!)) dropped.splice(i, 1);
  }
  if (dropped.length > 1) dropped.sort((a, b) => a.line - b.line);
  return { words: foldSlots(foldWords(words, lineOf), lineOf), lines: lineOf, dropped };
}

const DIGITS = /^\d+$/;
const ROMAN = /^[ivx]{1,5}$/;


/** Splits one line into lower-case words, leaving out list markers (`1.`, `1.2.`, `(a)`, `b)`, `iv.`) that stand alone. */
function tokenizeLine(raw: string, line: number, words: string[], lines: number[]): void {
  const lower = raw.toLowerCase();
  const n = raw.length;
  const word = /[\p{L}\p{N}]+/gu; // a fresh lastIndex per line, built only for a line that is not ASCII
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
    // Markdown emphasis may close around a marker ("**(1)**", "**5.1.**").
    let e = k + 1;
    while (raw[e] === '*' || raw[e] === '_') e++;
    const afterNext = raw[e];
    const markerShape = k > j || (text.length <= 3 && (DIGITS.test(text) || text.length === 1 || ROMAN.test(text)));
    if (markerShape) {
      const standsAlone = (after === '.' || after === ')') && (afterNext === undefined || afterNext === ' ' || afterNext === '\t')
        && (prev === ' ' || prev === '\t' || prev === '(' || i === 0 || /[*#>-]/.test(prev));
      if (standsAlone || (k > j && (after === undefined || after === ' '))) { word.lastIndex = k + 1; continue; }
    }
    if (IDEOGRAPH.test(text)) {
      for (const piece of text.match(IDEOGRAPH_OR_RUN)!) { words.push(piece); lines.push(line); }
      continue;
    }
    words.push(text);
    lines.push(line);
  }
}

function isDigitCode(c: number): boolean { return c >= 48 && c <= 57; }

/** "… YOUR NAME. Permission is granted …" on a copyright line: where the grant starts, or -1. */
const GRANT_ON_LINE = /\.\s+(?=permission (is|to)\b)/i;
function grantOnLine(line: string): number {
  const m = GRANT_ON_LINE.exec(line);
  return m ? m.index + m[0].length : -1;
}

/**
 * Whether an ASCII line (lower-cased) can match COPYRIGHT_LINE: past its leading marks (`#`, `>`, `*`, …, space) it
 * must start with "copyright", "(c)" or "all rights reserved". Most lines fail here and skip the regex.
 */
function mayBeCopyright(lower: string, from: number, to: number): boolean {
  let p = from;
  for (; p < to; p++) {
    const c = lower.charCodeAt(p);
    // \s (tab, vertical tab, form feed, space) and # > * _ ` | - and an emptied placeholder's {} []
    if (!(c === 32 || c === 9 || c === 11 || c === 12 || c === 35 || c === 62 || c === 42 || c === 95 || c === 96 || c === 124 || c === 45
      || c === 123 || c === 125 || c === 91 || c === 93)) break;
  }
  return lower.startsWith('copyright', p) || lower.startsWith('(c)', p) || lower.startsWith('all rights reserved', p);
}

/**
 * tokenizeLine for one ASCII line `lower[from, to)` that is already lower-cased: the same words and list markers. The
 * words are found by a native regex scan, so the JavaScript runs once per word rather than once per character (a
 * per-character loop is slow until V8 optimises it, which costs more than the scan at start-up).
 */
function tokenizeAscii(lower: string, from: number, to: number, line: number, words: string[], lines: number[]): void {
  // The line alone: a scan of the whole text from `from` would run to its end on a line without words (quadratic on
  // a million blank lines).
  const text = from === 0 && to === lower.length ? lower : lower.slice(from, to);
  const end = text.length;
  // All the line's runs in one native match, each placed by indexOf from where the last one ended (the characters
  // between runs are no word characters, so the next occurrence is the run itself): an exec per word built a match
  // array per word, ~250 KB of garbage on an Apache-2.0 text (a scavenge more at start-up).
  const runs = text.match(ASCII_WORD);
  if (runs === null) return;
  let at = 0;
  /** Runs that start before this are part of a marker already skipped ("1.2.3." skips its "2" and "3"). */
  let skipTo = 0;
  for (let w = 0; w < runs.length; w++) {
    const found = runs[w]!;
    const i = text.indexOf(found, at);
    const n = found.length;
    at = i + n;
    if (i < skipTo) continue;
    const j = i + n;
    const first = found.charCodeAt(0);
    // Only short words and numbers can be markers: the rest are words.
    if (n > 3 && !isDigitCode(first)) { words.push(found); lines.push(line); continue; }
    let digits = isDigitCode(first);
    for (let x = i + 1; digits && x < j; x++) digits = isDigitCode(text.charCodeAt(x));
    let roman = n <= 3;
    for (let x = i; roman && x < j; x++) { const c = text.charCodeAt(x); roman = c === 105 || c === 118 || c === 120; } // i v x
    // A numbered marker may run on: 1.2.3.
    let k = j;
    if (digits) {
      while (k + 1 < end && text.charCodeAt(k) === 46 && isDigitCode(text.charCodeAt(k + 1))) {
        let e = k + 1;
        while (e < end && isDigitCode(text.charCodeAt(e))) e++;
        k = e;
      }
    }
    if (k > j || (n <= 3 && (digits || n === 1 || roman))) {
      const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
      const after = k < end ? text.charCodeAt(k) : -1;
      // Markdown emphasis may close around a marker ("**(1)**", "**5.1.**").
      let e = k + 1;
      while (e < end && (text.charCodeAt(e) === 42 || text.charCodeAt(e) === 95)) e++;
      const afterNext = e < end ? text.charCodeAt(e) : -1;
      // . ) then end, space or tab; after start, space, tab, ( * # > -
      const standsAlone = (after === 46 || after === 41) && (afterNext === -1 || afterNext === 32 || afterNext === 9)
        && (prev === 32 || prev === 9 || prev === 40 || prev === 42 || prev === 35 || prev === 62 || prev === 45);
      if (standsAlone || (k > j && (after === -1 || after === 32))) { skipTo = k + 1; continue; }
    }
    words.push(found);
    lines.push(line);
  }
}
