// Decides from a bounded read whether a code file is only a placeholder: pass, NotImplementedError, TODOs, comments.

/** What a placeholder body may hold besides comments: signatures, imports, pass / ... / NotImplementedError, a bare return. */
const SKELETON = /^(?:(?:async\s+)?def\s+\w+\s*\(.*\)\s*(?:->\s*[^:]+)?:\s*(?:pass|\.\.\.)?|class\s+\w+(?:\(.*\))?\s*:\s*(?:pass|\.\.\.)?|(?:from\s+\S+\s+)?import\s+.+|pass|\.\.\.|raise\s+NotImplementedError(?:\(.*\))?|return(?:\s+None)?|if\s+__name__\s*==\s*["']__main__["']\s*:|\w+\(\)|@\w+(?:\(.*\))?|(?:print|console\.log)\(\s*["'][^"']*\b(?:todo|tbd|not implemented|coming soon)\b[^"']*["']\s*\)|(?:function\s+\w+\s*\(.*\)\s*\{|\}|\{)\s*|(?:throw\s+new\s+Error\(.*\)|exit\s+\d+|set\s+-e\w*|#!.*|echo\s+["']?.*\b(?:todo|tbd|not implemented)\b.*);?)$/i;
/** The lines that say a body is empty. */
const MARKER = /(?::\s*(?:pass|\.\.\.)$|^pass$|^\.\.\.$|NotImplementedError|\b(?:todo|tbd|not implemented|coming soon)\b|^throw\s+new\s+Error)/i;
/** Comment lines, and lines that only say TODO. */
const COMMENT = /^(?:#|\/\/|--|;|\*|\/\*|\*\/|rem\b)|^(?:todo|fixme|tbd)\b/i;

/**
 * True when the text is a placeholder: after dropping comments, docstrings and blank lines, every line is a skeleton
 * line (a signature, an import, pass, NotImplementedError, a TODO print). A file with no statements at all is one too.
 * The caller reads a bounded prefix; a long file that starts as a skeleton is judged by that prefix only if it is whole.
 */
export function isPlaceholderCode(text: string): boolean {
  const withoutDocstrings = text.replace(/("""|''')[\s\S]*?\1/g, '');
  const lines = withoutDocstrings.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '' && !COMMENT.test(l));
  const statements = lines.map((l) => l.replace(/\s+#.*$/, ''));
  // A thin wrapper (`from pkg.train import main; main()`) is real: the code lives in the package. Only a skeleton that
  // says it is empty (pass, ..., NotImplementedError, a TODO print) or has no statement at all is a placeholder.
  return statements.every((l) => SKELETON.test(l)) && (statements.length === 0 || statements.some((l) => MARKER.test(l)));
}
