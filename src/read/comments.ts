// The comments of a source or config file as prose: what a reader of the file sees written for people. A config
// comment ("# These weights may be used for non-commercial research only.") or a script's header states terms as a
// docs page does, so identify reads them the same way. Each comment line sits at the file's own line (code lines are
// empty), so a finding points at `generation.yaml:3`.

/** How a language writes comments and strings. */
interface Syntax {
  /** Line-comment markers. */
  line: string[];
  /** A block comment's opening and closing. */
  block?: [string, string];
  /** A line-comment marker counts only at the line's start or after white space (YAML, TOML, shell: `a#b` is a value). */
  spaced?: boolean;
  /** Python: a triple-quoted string that opens a line (a docstring) is prose too. */
  docstrings?: boolean;
  /** Quote characters that open a string on one line ('`' also spans lines: a JS template). */
  quotes: string;
}

const HASH: Syntax = { line: ['#'], spaced: true, quotes: `"'` };
const PYTHON: Syntax = { line: ['#'], docstrings: true, quotes: `"'` };
const C_LIKE: Syntax = { line: ['//'], block: ['/*', '*/'], quotes: `"'` };
const JS: Syntax = { line: ['//'], block: ['/*', '*/'], quotes: '"\'`' };
const INI: Syntax = { line: ['#', ';'], spaced: true, quotes: '' };
const LUA: Syntax = { line: ['--'], spaced: true, quotes: `"'` };
const SQL: Syntax = { line: ['--'], block: ['/*', '*/'], quotes: `'"` };
const XML: Syntax = { line: [], block: ['<!--', '-->'], quotes: '' };

const BY_EXTENSION: Record<string, Syntax> = {
  py: PYTHON, pyi: PYTHON, pyx: PYTHON,
  sh: HASH, bash: HASH, zsh: HASH, yaml: HASH, yml: HASH, toml: HASH, r: HASH, jl: HASH, pl: HASH, rb: HASH, mk: HASH,
  gin: HASH, env: HASH, properties: HASH, ps1: HASH, tf: HASH, hcl: HASH, cff: HASH, cmake: HASH,
  cfg: INI, ini: INI, conf: INI,
  sql: SQL, xml: XML, xsd: XML, plist: XML,
  js: JS, mjs: JS, cjs: JS, ts: JS, tsx: JS, jsx: JS,
  rs: C_LIKE, go: C_LIKE, c: C_LIKE, cc: C_LIKE, cpp: C_LIKE, cxx: C_LIKE, cu: C_LIKE, cuh: C_LIKE, h: C_LIKE, hpp: C_LIKE,
  java: C_LIKE, kt: C_LIKE, scala: C_LIKE, swift: C_LIKE, cs: C_LIKE, m: C_LIKE, mm: C_LIKE, proto: C_LIKE, jsonc: C_LIKE,
  lua: LUA,
};
/** Files known by their whole name (any case) and pip's requirements*.txt|in: all `#` comments. */
const HASH_NAMES = new Set(['dockerfile', 'makefile', 'containerfile', 'gemfile', 'procfile', 'cmakelists.txt']);
const REQUIREMENTS = /^requirements[\w.-]*\.(txt|in)$/i;

/** The comment syntax of a file, by its name; undefined for a file that is not source or config osai knows. */
export function commentSyntax(path: string): Syntax | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const byExtension = ext ? BY_EXTENSION[ext] : undefined;
  if (byExtension) return byExtension;
  const lower = name.toLowerCase();
  return HASH_NAMES.has(lower) || (lower.startsWith('requirements') && REQUIREMENTS.test(name)) ? HASH : undefined;
}

/** Names a Markdown code block gives its language by that are not a file extension (```python, ```shell). */
const LANGUAGES: Record<string, string> = {
  python: 'py', python3: 'py', ipython: 'py', shell: 'sh', console: 'sh', bash: 'sh', zsh: 'sh', javascript: 'js',
  typescript: 'ts', 'c++': 'cpp', rust: 'rs', golang: 'go', julia: 'jl', dockerfile: 'Dockerfile',
};

/** The comment syntax of a Markdown code block's language (```python, ```bash, ```yaml), if osai knows it. */
export function commentSyntaxOfLanguage(lang: string): Syntax | undefined {
  const name = LANGUAGES[lang.toLowerCase()] ?? lang.toLowerCase();
  return /^[a-z0-9+]+$/i.test(name) ? commentSyntax(name === 'Dockerfile' ? name : `code.${name}`) : undefined;
}

/**
 * The comments (and, for Python, the docstrings) of `text`, one output line per input line: a comment's words on its
 * own line, every other line empty. Markers and the leading `*` of a block comment's lines are dropped.
 */
export function commentLines(text: string, syntax: Syntax): string[] {
  const lines = text.split('\n');
  const out = lines.map(() => '');
  const put = (i: number, words: string) => {
    // Markers, a block comment's leading `*` and rules of `#####` or `----` are not words.
    const clean = words.replace(/^[\s#/*!=~;-]+/, '').replace(/[\s#/*=~-]+$/, '');
    if (clean) out[i] = out[i] ? `${out[i]} ${clean}` : clean;
  };
  const scan = scanner(syntax);
  // A string or comment that spans lines: its closing, and whether its words are prose.
  let open: { close: string; prose: boolean } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let at = 0;
    if (open) {
      const end = line.indexOf(open.close);
      if (end < 0) { if (open.prose) put(i, line); continue; }
      if (open.prose) put(i, line.slice(0, end));
      at = end + open.close.length;
      open = undefined;
    }
    // From one token that matters (a quote, a comment marker) to the next: the rest of a line is passed over natively.
    scan.lastIndex = at;
    for (let m = scan.exec(line); m; m = scan.exec(line)) {
      const token = m[0];
      at = m.index;
      if (token === '"""' || token === "'''") {
        // A docstring opens its line; a triple-quoted value (`PROMPT = """…`) is data, not prose.
        const prose = /^\s*[rRuUbB]{0,2}$/.test(line.slice(0, at));
        const end = line.indexOf(token, at + 3);
        if (end < 0) { if (prose) put(i, line.slice(at + 3)); open = { close: token, prose }; break; }
        if (prose) put(i, line.slice(at + 3, end));
        scan.lastIndex = end + 3;
      } else if (token === syntax.block?.[0]) {
        const end = line.indexOf(syntax.block[1], at + token.length);
        if (end < 0) { put(i, line.slice(at + token.length)); open = { close: syntax.block[1], prose: true }; break; }
        put(i, line.slice(at + token.length, end));
        scan.lastIndex = end + syntax.block[1].length;
      } else if (syntax.line.includes(token)) {
        if (!syntax.spaced || at === 0 || /\s/.test(line[at - 1]!)) { put(i, line.slice(at + token.length)); break; }
        scan.lastIndex = at + 1;
      } else if (syntax.spaced && at > 0 && !/[\s:=[{,(]/.test(line[at - 1]!)) {
        // In YAML, TOML and shell a quote opens a string only where a value starts: `don't` in a plain scalar is a word.
        scan.lastIndex = at + 1;
      } else {
        const end = closingQuote(line, token, at + 1);
        // A JS template literal may span lines: its text is code's, not prose. Other strings end with their line.
        if (end < 0) { if (token === '`') open = { close: '`', prose: false }; break; }
        scan.lastIndex = end + 1;
      }
    }
  }
  return out;
}

const scanners = new WeakMap<Syntax, RegExp>();
/** The tokens that matter in a syntax, longest first, as one global pattern. */
function scanner(syntax: Syntax): RegExp {
  let re = scanners.get(syntax);
  if (!re) {
    const tokens = [...(syntax.docstrings ? ['"""', "'''"] : []), ...(syntax.block ? [syntax.block[0]] : []), ...syntax.line, ...syntax.quotes];
    re = new RegExp(tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');
    scanners.set(syntax, re);
  }
  return re;
}

/** Where a string opened by `quote` closes on its line (a backslash escapes), or -1. */
function closingQuote(line: string, quote: string, from: number): number {
  for (let at = line.indexOf(quote, from); at >= 0; at = line.indexOf(quote, at + 1)) {
    let slashes = 0;
    while (line[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return at;
  }
  return -1;
}

/**
 * The comment prose of a file (commentLines joined by line breaks), or undefined when its syntax is not known or it
 * holds no comment words. Lines keep the file's numbering.
 */
export function commentProse(path: string, text: string): string | undefined {
  const syntax = commentSyntax(path);
  return syntax && prose(commentLines(text, syntax));
}

/** Lines as one text, or undefined when every line is empty. */
export const prose = (lines: string[]): string | undefined => (lines.some(Boolean) ? lines.join('\n') : undefined);
