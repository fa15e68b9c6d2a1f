// A Jupyter notebook's cells of one kind as one text, with the notebook file's line for each line of it: its code
// cells as one Python text, so a reference in a notebook is found like one in a .py file (osai scan); its Markdown
// and raw cells as prose at the notebook's own lines, so a restriction written there binds like one in docs/usage.md.

import { commentLines, commentSyntax } from './comments.js';

export interface NotebookCode { code: string; fileLine: (codeLine: number) => number }

/** The code cells of a notebook (nbformat 4, `source` as a string or a list of lines), or undefined when it is not one. */
export function notebookCode(text: string): NotebookCode | undefined {
  return notebookCells(text, new Set(['code']));
}

/**
 * The Markdown and raw cells of a notebook (what Jupyter shows as text) as a text whose every line sits at the
 * notebook file's line (other lines empty), so a term found in it is reported where the notebook holds it; undefined
 * when it is not a notebook.
 */
export function notebookProse(text: string): string | undefined {
  const cells = notebookCells(text, new Set(['markdown', 'raw']));
  return cells && atFileLines(cells.code.split('\n'), cells.fileLine).join('\n');
}

/** The comments of a notebook's code cells (commentLines), one line per notebook file line; undefined when it is not one. */
export function notebookComments(text: string): string[] | undefined {
  const cells = notebookCode(text);
  return cells && atFileLines(commentLines(cells.code, commentSyntax('cell.py')!), cells.fileLine);
}

/** Lines placed at the notebook file's lines (others empty); two placed at one line (a source string without breaks) are joined. */
function atFileLines(lines: string[], fileLine: (line: number) => number): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!line) return;
    const at = fileLine(i + 1) - 1;
    while (out.length <= at) out.push('');
    out[at] = out[at] ? `${out[at]} ${line}` : line;
  });
  return out;
}

function notebookCells(text: string, kinds: ReadonlySet<string>): NotebookCode | undefined {
  let cells: unknown;
  try {
    cells = (JSON.parse(text) as { cells?: unknown }).cells;
  } catch {
    return undefined;
  }
  if (!Array.isArray(cells)) return undefined;
  const lines: string[] = [];
  const fileLines: number[] = [];
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // The line an offset is on: a binary search of the line starts (a notebook of many lines costs no more per line).
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let from = 0;
  for (const cell of cells as { cell_type?: unknown; source?: unknown }[]) {
    if (typeof cell?.cell_type !== 'string' || !kinds.has(cell.cell_type)) continue;
    const source = Array.isArray(cell.source) ? cell.source.map(String).join('') : typeof cell.source === 'string' ? cell.source : '';
    for (const line of source.split('\n')) {
      // Where the line sits in the file: its JSON spelling, searched forward (notebooks are written a line a line).
      const spelt = JSON.stringify(line).slice(1, -1);
      const at = spelt ? text.indexOf(spelt, from) : -1;
      if (at >= 0) from = at + spelt.length;
      lines.push(line);
      fileLines.push(at >= 0 ? lineAt(at) : lineAt(from));
    }
    lines.push('');
    fileLines.push(lineAt(from));
  }
  return { code: lines.join('\n'), fileLine: (codeLine) => fileLines[codeLine - 1] ?? 1 };
}
