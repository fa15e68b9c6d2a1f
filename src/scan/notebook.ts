// A Jupyter notebook's code cells as one Python text, with the notebook file's line for each line of it, so a
// reference in a notebook is found like one in a .py file and reported where the notebook holds it.

export interface NotebookCode { code: string; fileLine: (codeLine: number) => number }

/** The code cells of a notebook (nbformat 4, `source` as a string or a list of lines), or undefined when it is not one. */
export function notebookCode(text: string): NotebookCode | undefined {
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
  const lineAt = (offset: number) => { let n = 0; while (n + 1 < starts.length && starts[n + 1]! <= offset) n++; return n + 1; };
  let from = 0;
  for (const cell of cells as { cell_type?: unknown; source?: unknown }[]) {
    if (cell?.cell_type !== 'code') continue;
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
