// Whether two license statements for the same thing agree under SPDX semantics, rather than by spelling.
import { expressionLeaves, parseExpression, type ExprNode } from './expression.js';

export interface Statement { expression: string; versionOpen?: boolean }

/** GNU ids whose `-only` / `-or-later` a version-open statement (the Hub id `gpl-3.0`) does not say. */
const GNU_VERSIONED = /^((?:A|L)?GPL-\d\.\d|GFDL-\d\.\d)(?:-only|-or-later)$/;

const tree = (s: Statement): ExprNode => parseExpression(s.expression) ?? { license: s.expression };

function key(node: ExprNode, open: boolean): string {
  return [...new Set(expressionLeaves(node).map((id) => (open ? id.replace(GNU_VERSIONED, '$1') : id)))].sort().join(' ');
}

/** The choices an expression offers: the parts of a top-level OR, else the expression itself. */
function choices(node: ExprNode): ExprNode[] {
  return 'op' in node && node.op === 'or' ? [...choices(node.left), ...choices(node.right)] : [node];
}

/**
 * Two statements agree when they name the same licenses; when one offers a choice (`MIT OR Apache-2.0`) and the other
 * names one of its options (LICENSE-MIT beside LICENSE-APACHE); or, when one is version-open (the Hub id `gpl-3.0`
 * says neither `-only` nor `-or-later`), when they name the same GNU license at the same version.
 */
export function statementsAgree(a: Statement, b: Statement): boolean {
  const open = Boolean(a.versionOpen || b.versionOpen);
  const [ta, tb] = [tree(a), tree(b)];
  const [ka, kb] = [key(ta, open), key(tb, open)];
  if (ka === kb) return true;
  return choices(ta).some((c) => key(c, open) === kb) || choices(tb).some((c) => key(c, open) === ka);
}
