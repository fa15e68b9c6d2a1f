// Deprecated SPDX ids (GPL-2.0, LGPL-2.1+, AGPL-3.0) as the ids of the rules that rate them: a tag, card or manifest
// that names a deprecated id is rated by its successor's rule rather than coming out `unknown`.
import type { RuleSet } from '../ruleset/rule-set.js';
import { termText } from './match.js';
import { parseExpression, type ExprNode } from './expression.js';

/**
 * The expression with each leaf that has no rule, but whose lower-cased id is a rule's alias, spelled as that rule's
 * id; the expression itself when no leaf changes. `GPL-2.0+` means "or later": only an alias that carries the `+`
 * (GPL-2.0+ → GPL-2.0-or-later) replaces a leaf with one, and a `WITH` exception is kept.
 */
export function withRuleIds(expression: string, rules: RuleSet): string {
  const tree = parseExpression(expression);
  if (!tree) return expression;
  let changed = false;
  const map = (node: ExprNode): ExprNode => {
    if ('op' in node) return { op: node.op, left: map(node.left), right: map(node.right) };
    if (rules.licenses.has(node.license)) return node;
    const id = rules.aliases.get(`${node.license}${node.plus ? '+' : ''}`.toLowerCase());
    if (id === undefined || !rules.licenses.has(id)) return node;
    changed = true;
    return { license: id, ...(node.exception ? { exception: node.exception } : {}) };
  };
  const mapped = map(tree);
  return changed ? format(mapped) : expression;
}

/** An expression tree as text; a compound part under another operator is bracketed. */
function format(node: ExprNode, parent?: 'and' | 'or'): string {
  if (!('op' in node)) return termText(node);
  const text = `${format(node.left, node.op)} ${node.op.toUpperCase()} ${format(node.right, node.op)}`;
  return parent !== undefined && parent !== node.op ? `(${text})` : text;
}
