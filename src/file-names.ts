// Tests on file names that need no regular expression. A run tests a few names against many expressions, and V8
// compiles each expression at its first use (~30 µs apiece): a suffix test first skips the expressions that could
// not match anyway.

/** Whether `path` ends with one of the `suffixes` (written in lower case), ASCII letters compared without case. */
export function endsWithIgnoringCase(path: string, ...suffixes: string[]): boolean {
  for (const suffix of suffixes) {
    if (path.length >= suffix.length && path.slice(path.length - suffix.length).toLowerCase() === suffix) return true;
  }
  return false;
}
