// Data kept as `key<TAB>value` lines (each after a line break) and looked up by a string search, so a run that
// needs a few entries neither splits nor parses the rest: the compiled aliases, the reference extras.

/** The value of `key`'s line in `text`, or undefined when there is none (a key holding a tab or break has none). */
export function lineValue(text: string, key: string): string | undefined {
  if (key.includes('\n') || key.includes('\t')) return undefined;
  const at = text.indexOf(`\n${key}\t`);
  if (at < 0) return undefined;
  const start = at + key.length + 2;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}
