// Standard output for the command line without process.stdout: its stream (node:stream, and node:net for a pipe or
// node:tty for a terminal) costs a few ms of loading that a run which writes one string does not need.
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Writes `text` to standard output synchronously; when the descriptor will not take it (non-blocking, or an error), the rest goes through process.stdout as before. */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done);
  } catch (error) {
    // The reader closed the pipe (`osai check | head`): nothing more to say, and the run's exit code stands.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    process.stdout.write(bytes.subarray(done));
  }
}

/** Whether file descriptor `fd` is a terminal: only a character device can be, so pipes and files never load node:tty. */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}
