// Data kept as `key<TAB>value` lines (each after a line break) and looked up by a string search, so a run that
// needs a few entries neither splits nor parses the rest: the compiled aliases, the reference extras. Written as
// ASCII (escapeLines), such a file is read as latin1: a copy, where UTF-8 would be decoded (and non-ASCII text kept
// as two bytes a character).

/** The value of `key`'s line in `text`, or undefined when there is none (a key holding a tab or break has none). */
export function lineValue(text: string, key: string): string | undefined {
  if (key.includes('\n') || key.includes('\t')) return undefined;
  const at = text.indexOf(`\n${key}\t`);
  if (at < 0) return undefined;
  const start = at + key.length + 2;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Lines as ASCII: any other character, and the backslash, as \uXXXX (UTF-16 units), so positions are bytes. */
export function escapeLines(text: string): string {
  return text.replace(/[^\x00-\x5b\x5d-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether escapeLines would leave the text as it is (a loop: cheaper than a regular expression's first use). */
export function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || c === 0x5c) return false;
  }
  return true;
}

/** The text escapeLines was given. */
export function unescapeLines(text: string): string {
  return text.includes('\\') ? text.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
