// The user's license policy (allow / deny) judged over every license finding and every component license.
import { expressionLeaves, parseExpression, UNKNOWN, type ExprNode } from '../spdx/expression.js';
import { termMatches, termText, type LicenseTerm } from '../spdx/match.js';
import { isUnrated, licenseInCategory } from '../ruleset/categories.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import type { Verdict } from '../report/types.js';
import { fail, pass, unknown, type CheckContext, type Outcome } from './check.js';
import { parsePolicyEntry, POLICY_ENTRY_HINT, type PolicyMatcher } from './policy-entry.js';
import { UsageError } from '../errors.js';

/** One allow/deny entry as written, with the config line that holds it (when it came from a file). */
export interface PolicyRule { entry: string; line?: number }

/** One accepted finding code: while it applies, matching findings leave the verdict but stay in `report.ignored`. */
export interface IgnoreRule { code: string; reason: string; until?: string; file?: string; component?: string; line?: number }

/** The policy as data, handed to evaluate(); `file` is the repo-relative config it came from (for locations). */
export interface Policy { allow: PolicyRule[]; deny: PolicyRule[]; ignore: IgnoreRule[]; file?: string }

type Membership = 'yes' | 'no' | 'unknown';
/** The verdict, and the licenses behind a non-pass: `ids` are their license ids, the rest say why, for the message. */
interface Judgement { verdict: Verdict; ids: string[]; denied: string[]; notAllowed: string[]; unclear: string[] }

/**
 * Policy outcomes: one per license finding that breaks the policy, located at the finding, plus one per component
 * whose license breaks it through a license not already reported (a declaration, a combination). An expression passes
 * when the licensee can pick terms (OR) all of whose licenses (AND) are allowed and not denied; a license osai has no
 * rating for cannot be placed in a category, so a category entry makes it `unknown`, never a pass.
 */
export function checkPolicy(ctx: CheckContext, policy: Policy): Outcome[] {
  if (policy.allow.length === 0 && policy.deny.length === 0) return [];
  const allow = policy.allow.map(readRule);
  const deny = policy.deny.map(readRule);
  const judgeLeaf = (leaf: LicenseTerm): Judgement => {
    const j = judgeTerm(leaf);
    return { ...j, ids: j.verdict === 'pass' ? [] : [leaf.license] };
  };
  // A definite answer wins over an unclear one: a denied license fails, and so does one no allow entry can match,
  // whatever a category entry could not decide about it.
  const judgeTerm = (leaf: LicenseTerm): Omit<Judgement, 'ids'> => {
    const none = { denied: [], notAllowed: [], unclear: [] };
    const label = termText(leaf);
    const denyBy = deny.map((d) => ({ d, m: matches(d.matcher, leaf, ctx.rules) }));
    const hit = denyBy.find((x) => x.m === 'yes');
    if (hit) return { ...none, verdict: 'fail', denied: [`${label} (deny: ${hit.d.rule.entry}${territoriesOf(hit.d.matcher, leaf, ctx.rules)})`] };
    const allowBy = allow.map((a) => matches(a.matcher, leaf, ctx.rules));
    if (allow.length > 0 && allowBy.every((m) => m === 'no')) return { ...none, verdict: 'fail', notAllowed: [label] };
    const unclearDeny = denyBy.filter((x) => x.m === 'unknown').map((x) => x.d.rule.entry);
    if (unclearDeny.length > 0) return { ...none, verdict: 'unknown', unclear: [`${label} (deny: ${unclearDeny.join(', ')})`] };
    if (allow.length === 0 || allowBy.includes('yes')) return { ...none, verdict: 'pass' };
    return { ...none, verdict: 'unknown', unclear: [`${label} (allow: ${allow.map((a) => a.rule.entry).join(', ')})`] };
  };
  const judge = (expression: string): Judgement => {
    const tree = parseExpression(expression);
    return tree ? judgeNode(tree, judgeLeaf) : { verdict: 'unknown', ids: [expression], denied: [], notAllowed: [], unclear: [`${expression} (not an expression osai can read)`] };
  };

  const out: Outcome[] = [];
  const reported = new Set<string>();
  const governs = (leaves: string[]) => ctx.evidence.components
    .filter((c) => c.license && expressionLeaves(parseExpression(c.license) ?? { license: c.license }).some((id) => leaves.includes(id)))
    .map((c) => c.id);
  for (const l of ctx.evidence.licenses) {
    const j = judge(l.expression);
    const at = { file: l.source.file, ...(l.source.line ? { line: l.source.line } : {}) };
    j.ids.forEach((id) => reported.add(id));
    const label = l.expression === UNKNOWN ? `the unidentified license${l.raw ? ` "${l.raw}"` : ''} in ${l.source.file}` : l.expression;
    out.push(toOutcome(j, label, policy, { components: governs(j.ids).join(', ') || 'no component' }, at));
  }
  for (const c of ctx.evidence.components) {
    if (!c.license) continue;
    const j = judge(c.license);
    if (j.verdict === 'pass' || j.ids.every((id) => reported.has(id))) continue;
    const source = ctx.evidence.licenses.find((l) => j.ids.some((id) => l.expression.includes(id)))?.source ?? c.evidence[0];
    const at = { component: c.id, ...(source ? { file: source.file, ...(source.line ? { line: source.line } : {}) } : {}) };
    out.push(toOutcome(j, c.license, policy, { components: c.id }, at));
  }
  return out;
}

/** Config files are validated before they get here; an entry from a library caller may still be wrong. */
function readRule(rule: PolicyRule): { rule: PolicyRule; matcher: PolicyMatcher } {
  const matcher = parsePolicyEntry(rule.entry);
  if (!matcher) throw new UsageError(`policy entry "${rule.entry}" is not a license id or a category`, `use ${POLICY_ENTRY_HINT}`);
  return { rule, matcher };
}

function toOutcome(j: Judgement, license: string, policy: Policy, args: Outcome['args'], at: Partial<Outcome>): Outcome {
  const base = { ...args, license, config: policy.file || 'the policy' };
  if (j.verdict === 'pass') return pass('license-policy-ok', base, at);
  if (j.denied.length > 0) return fail('license-denied', { ...base, denied: j.denied.join('; ') }, at);
  if (j.verdict === 'fail') return fail('license-not-allowed', { ...base, licenses: j.notAllowed.join(', '), allow: policy.allow.map((r) => r.entry).join(', ') }, at);
  return unknown('license-policy-unknown', { ...base, unclear: j.unclear.join('; ') }, at);
}

/** AND: every license binds, so one failure fails. OR: the licensee picks, so one pass passes. Unknown sits between. */
function judgeNode(node: ExprNode, leaf: (term: LicenseTerm) => Judgement): Judgement {
  if (!('op' in node)) return leaf(node);
  const parts = [judgeNode(node.left, leaf), judgeNode(node.right, leaf)];
  const rank = { fail: 0, unknown: 1, pass: 2 } as const;
  const pick = node.op === 'and' ? Math.min : Math.max;
  const best = pick(...parts.map((p) => rank[p.verdict]));
  const deciding = parts.filter((p) => rank[p.verdict] === best);
  const verdict = (['fail', 'unknown', 'pass'] as const)[best]!;
  return {
    verdict,
    ids: [...new Set(deciding.flatMap((p) => p.ids))],
    denied: deciding.flatMap((p) => p.denied),
    notAllowed: deciding.flatMap((p) => p.notAllowed),
    unclear: deciding.flatMap((p) => p.unclear),
  };
}

/** For `deny: [territory]`, the territories the license excludes, so the message says where. */
function territoriesOf(matcher: PolicyMatcher, leaf: LicenseTerm, rules: RuleSet): string {
  if (matcher.kind !== 'restriction' || matcher.restriction !== 'territory') return '';
  const where = rules.licenses.get(leaf.license)?.restrictions.flatMap((r) => r.territories ?? []) ?? [];
  return where.length > 0 ? `: excludes ${[...new Set(where)].join(', ')}` : '';
}

function matches(matcher: PolicyMatcher, leaf: LicenseTerm, rules: RuleSet): Membership {
  if (leaf.license === UNKNOWN) return 'unknown';
  if (matcher.kind === 'license') return termMatches(leaf, matcher.term) ? 'yes' : 'no';
  const rule = rules.licenses.get(leaf.license);
  // An unrated rule (every freedom `unknown`) cannot say it lacks a restriction or belongs to a category.
  if (!rule || isUnrated(rule)) return 'unknown';
  if (matcher.kind === 'category') return licenseInCategory(rule, matcher.category) ? 'yes' : 'no';
  return rule.restrictions.some((r) => r.type === matcher.restriction) ? 'yes' : 'no';
}
