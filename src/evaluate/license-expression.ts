// Rates an SPDX expression: AND means every license binds (the worst rating wins), OR means the user may pick (the best wins).
import { parseExpression, type ExprNode } from '../spdx/expression.js';
import { isUnrated, licenseInCategory, type Category } from '../ruleset/categories.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import type { Freedom, FreedomReason } from '../report/types.js';

export type Rating = 'restricted' | 'unknown' | 'conditional' | 'granted';
const ORDER: Rating[] = ['restricted', 'unknown', 'conditional', 'granted'];

export interface RatedFreedom { rating: Rating; reasons: FreedomReason[] }

/** How the expression treats one freedom, with the clauses behind the rating. */
export function rateFreedom(expression: string, freedom: Freedom, rules: RuleSet): RatedFreedom {
  const tree = parseExpression(expression);
  if (!tree) return { rating: 'unknown', reasons: [{ license: expression, clause: '', text: 'not a license expression osai can read' }] };
  return rateNode(tree, freedom, rules);
}

function rateNode(node: ExprNode, freedom: Freedom, rules: RuleSet): RatedFreedom {
  if (!('op' in node)) {
    const rule = rules.licenses.get(node.license);
    if (!rule) return { rating: 'unknown', reasons: [{ license: node.license, clause: '', text: 'osai has no rating for this license' }] };
    const rated = rule.freedoms[freedom];
    const limits = rule.restrictions.filter((r) => r.limits.includes(freedom));
    // Typed restrictions name the exact clause, so they replace the rating's summary as the reason.
    const reasons = limits.length > 0
      ? limits.map((r) => ({ license: rule.id, clause: r.clause, text: r.text }))
      : [{ license: rule.id, clause: rated.clause, text: rated.reason }];
    return { rating: limits.length > 0 ? 'restricted' : rated.rating, reasons };
  }
  const left = rateNode(node.left, freedom, rules);
  const right = rateNode(node.right, freedom, rules);
  const pick = node.op === 'and' ? Math.min : Math.max;
  const rating = ORDER[pick(ORDER.indexOf(left.rating), ORDER.indexOf(right.rating))]!;
  const reasons = [left, right].filter((r) => r.rating === rating).flatMap((r) => r.reasons);
  return { rating, reasons };
}

export type Membership = 'yes' | 'no' | 'unknown';

/** Whether the expression as a whole is in a category; an id osai does not know makes the answer unknown, never yes. */
export function expressionInCategory(expression: string, category: Category, rules: RuleSet): Membership {
  const tree = parseExpression(expression);
  return tree ? memberNode(tree, (id) => {
    const rule = rules.licenses.get(id);
    return rule && !isUnrated(rule) ? (licenseInCategory(rule, category) ? 'yes' : 'no') : 'unknown';
  }) : 'unknown';
}

/** The expression's licenses all suit a component group (MOF type-appropriateness). */
export function expressionSuits(expression: string, group: string, rules: RuleSet): Membership {
  const tree = parseExpression(expression);
  return tree ? memberNode(tree, (id) => {
    const rule = rules.licenses.get(id);
    return rule ? (rule.suits.includes(group as never) ? 'yes' : 'no') : 'unknown';
  }) : 'unknown';
}

function memberNode(node: ExprNode, leaf: (id: string) => Membership): Membership {
  if (!('op' in node)) return leaf(node.license);
  const l = memberNode(node.left, leaf);
  const r = memberNode(node.right, leaf);
  if (node.op === 'and') return l === 'no' || r === 'no' ? 'no' : l === 'yes' && r === 'yes' ? 'yes' : 'unknown';
  return l === 'yes' || r === 'yes' ? 'yes' : l === 'no' && r === 'no' ? 'no' : 'unknown';
}
