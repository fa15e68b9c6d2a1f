// Reads the arguments of a Python call from its opening parenthesis: enough syntax (strings, brackets, comments) to
// split them at the top level and tell a string literal from an expression computed at run time.

export interface CallArgument { keyword?: string; text: string }

/** Calls longer than this are not read further: a reference is in the first arguments. */
const MAX_CALL_CHARS = 4000;

/** The arguments of the call whose `(` is just before `start`, or undefined when the call does not close in reach. */
export function readCallArguments(text: string, start: number): CallArgument[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  const end = Math.min(text.length, start + MAX_CALL_CHARS);
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '#') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? end : eol - 1;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const close = stringEnd(text, i);
      if (close < 0) return undefined;
      current += text.slice(i, close);
      i = close - 1;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) {
      if (depth === 0) {
        if (current.trim() !== '' || args.length > 0) args.push(current);
        return args.map(splitKeyword);
      }
      depth--;
    }
    if (ch === ',' && depth === 0) { args.push(current); current = ''; continue; }
    current += ch;
  }
  return undefined;
}

/** The index just past the string literal that opens at `i` (single, double or triple quoted), or -1. */
function stringEnd(text: string, i: number): number {
  const quote = text[i]!;
  const triple = text.startsWith(quote.repeat(3), i);
  const closing = triple ? quote.repeat(3) : quote;
  for (let j = i + closing.length; j < text.length; j++) {
    if (text[j] === '\\') { j++; continue; }
    if (!triple && text[j] === '\n') return -1;
    if (text.startsWith(closing, j)) return j + closing.length;
  }
  return -1;
}

function splitKeyword(raw: string): CallArgument {
  const text = raw.trim();
  const match = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/.exec(text);
  return match ? { keyword: match[1]!, text: match[2]!.trim() } : { text };
}

/** The value of a plain Python string literal ('x', "x", r'x', u"x"), or undefined for anything else (f-strings too). */
export function stringLiteral(text: string): string | undefined {
  const match = /^([rRuU]?)(['"])([^'"\\\n{}]*)\2$/.exec(text.trim());
  return match ? match[3] : undefined;
}
