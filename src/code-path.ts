// Tells the command line's loader (scripts/cli-loader.cjs) that a run used code a first run may not have, so its V8
// code cache is rewritten at exit to hold that code too. Code only, never a result; a no-op in the library.
const HOOK = Symbol.for('osai.codePath');

/** Marks a part of osai this run used (a command, a format, the near-miss license path): a short stable name. */
export function noteCodePath(name: string): void {
  (globalThis as { [HOOK]?: (name: string) => void })[HOOK]?.(name);
}
