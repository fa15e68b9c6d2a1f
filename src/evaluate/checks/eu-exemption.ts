// The EU AI Act Art. 53(2) / 54(6) open-source exemption, each verdict sourced to its paragraph of C(2025) 5045.
import { parseExpression, type ExprNode } from '../../spdx/expression.js';
import { isUnrated } from '../../ruleset/categories.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import type { EuExemptionSpec } from '../../ruleset/schema.js';
import type { Verdict } from '../../report/types.js';
import { fail, pass, unknown, type CheckContext, type Outcome } from '../check.js';

/** One reason behind a license's reading: the license, its clause, and the paragraph that decides it. */
export interface EuReason { license: string; clause: string; text: string; para: string; verdict: Verdict }
export interface EuReading { verdict: Verdict; reasons: EuReason[] }

const RANK: Record<Verdict, number> = { fail: 0, unknown: 1, pass: 2 };
const FREE = ['use', 'modify', 'share'] as const;

/**
 * How a license expression reads under the exemption: a restriction reads as the profile's table says (para 83 fail,
 * para 84 review, …); a freedom rated restricted without a typed restriction fails paras 77-82; an unrated license is
 * unknown. AND binds both sides (the worse wins), OR lets the licensee choose (the better wins).
 */
export function readUnderEu(expression: string, rules: RuleSet, spec: EuExemptionSpec): EuReading {
  const tree = parseExpression(expression);
  if (!tree) return { verdict: 'unknown', reasons: [{ license: expression, clause: '', text: 'not a license expression osai can read', para: '77-82', verdict: 'unknown' }] };
  return readNode(tree, rules, spec);
}

function readNode(node: ExprNode, rules: RuleSet, spec: EuExemptionSpec): EuReading {
  if ('op' in node) {
    const parts = [readNode(node.left, rules, spec), readNode(node.right, rules, spec)];
    const pick = node.op === 'and' ? Math.min : Math.max;
    const best = pick(...parts.map((p) => RANK[p.verdict]));
    const verdict = (['fail', 'unknown', 'pass'] as const)[best]!;
    return { verdict, reasons: parts.filter((p) => RANK[p.verdict] === best).flatMap((p) => p.reasons) };
  }
  const rule = rules.licenses.get(node.license);
  if (!rule || isUnrated(rule)) {
    return { verdict: 'unknown', reasons: [{ license: node.license, clause: '', text: 'osai has no reading of this license', para: '77-82', verdict: 'unknown' }] };
  }
  const reasons: EuReason[] = rule.restrictions.map((r) => {
    const reading = spec.restrictions[r.type];
    const where = r.territories ? ` (excluded: ${r.territories.join(', ')})` : '';
    return { license: rule.id, clause: r.clause, text: `${r.type}${where}: ${r.text}; ${reading.why}`, para: reading.para, verdict: reading.verdict };
  });
  // A freedom the rule restricts with no typed restriction behind it still withholds what paras 77-82 require.
  for (const f of FREE) {
    const rated = rule.freedoms[f];
    if (rated.rating === 'restricted' && !rule.restrictions.some((r) => r.limits.includes(f))) {
      reasons.push({ license: rule.id, clause: rated.clause, text: `${f} is restricted: ${rated.reason}`, para: '77-82', verdict: 'fail' });
    }
  }
  const verdict = reasons.reduce<Verdict>((v, r) => (RANK[r.verdict] < RANK[v] ? r.verdict : v), 'pass');
  return { verdict, reasons: reasons.filter((r) => r.verdict === verdict) };
}

const WEIGHTS = 'model-parameters-final';

export function checkEuExemption(ctx: CheckContext, spec: EuExemptionSpec): Outcome[] {
  return [...licenseOutcomes(ctx, spec), ...accessOutcomes(ctx, spec), ...publicOutcomes(ctx, spec), ...notes(ctx)];
}

/** Paras 77-86: the weights' license must grant access, use, modification and distribution without disqualifying terms. */
function licenseOutcomes(ctx: CheckContext, spec: EuExemptionSpec): Outcome[] {
  const weights = ctx.component(WEIGHTS);
  if (!weights.license) return [unknown('eu-license-missing', { para: '77-82' }, { component: WEIGHTS })];
  const reading = readUnderEu(weights.license, ctx.rules, spec);
  const at = { component: WEIGHTS, ...locationOf(ctx, weights.license) };
  if (reading.verdict === 'pass') return [pass('eu-license-free', { license: weights.license, para: '77-82' }, at)];
  const code = reading.verdict === 'fail' ? 'eu-license-disqualifies' : 'eu-license-review';
  const make = reading.verdict === 'fail' ? fail : unknown;
  return reading.reasons.map((r) => make(code, { license: r.license, clause: r.clause || '(whole text)', reason: r.text, para: r.para }, at));
}

function locationOf(ctx: CheckContext, expression: string): { file?: string; line?: number } {
  const found = ctx.evidence.licenses.find((l) => expression.includes(l.expression));
  return found ? { file: found.source.file, ...(found.source.line ? { line: found.source.line } : {}) } : {};
}

/** Para 79 (access without discrimination, e.g. by country) and para 87 (access conditioned on personal data). */
function accessOutcomes(ctx: CheckContext, spec: EuExemptionSpec): Outcome[] {
  const { gated, line, euDisallowed, clickThrough } = ctx.evidence.access;
  const card = ctx.component('model-card').evidence[0]?.file;
  const at = { component: WEIGHTS, ...(card ? { file: card } : {}), ...(line ? { line } : {}) };
  const out: Outcome[] = [];
  if (euDisallowed) out.push(fail('eu-access-discriminates', { para: '79' }, at));
  const fields = ctx.evidence.euAiAct?.gateFields ?? [];
  const personal = fields.filter((f) => spec.personalData.some((w) => f.name.toLowerCase().includes(w)));
  if (personal.length > 0) {
    out.push(unknown('eu-access-personal-data', { fields: personal.map((f) => f.name).join(', '), para: '87' }, { ...at, ...(personal[0]!.line ? { line: personal[0]!.line } : {}) }));
  } else if (gated !== false) {
    // Even a plain Hub gate shares the user's name and e-mail with the author: whether that is strictly for security is a reading.
    out.push(unknown('eu-access-gated', { gate: String(gated), para: '79, 87' }, at));
  }
  if (clickThrough && personal.length === 0 && gated === false) out.push(unknown('eu-access-gated', { gate: 'click-through terms', para: '79' }, at));
  return out.length > 0 ? out : [pass('eu-access-open', { para: '79' }, at)];
}

/** Paras 90-92: weights, architecture information and usage information are public. */
function publicOutcomes(ctx: CheckContext, spec: EuExemptionSpec): Outcome[] {
  const out: Outcome[] = [];
  const status = (id: string) => ctx.component(id).status;
  out.push(status(WEIGHTS) === 'absent' ? fail('eu-weights-not-public', { para: '90' }, { component: WEIGHTS }) : pass('eu-weights-public', { para: '90' }));
  out.push(status('model-architecture') === 'absent'
    ? fail('eu-architecture-not-public', { para: '90' }, { component: 'model-architecture' }) : pass('eu-architecture-public', { para: '90' }));
  const facts = ctx.evidence.euAiAct;
  const card = ctx.component('model-card').evidence[0]?.file;
  const missing = spec.usage.filter((item) => {
    const byHeading = facts?.headings.some((h) => item.headings.some((w) => h.text.toLowerCase().includes(w)));
    const byKey = facts?.keys.some((k) => item.keys.includes(k.key) && k.value.trim() !== '');
    return !byHeading && !byKey;
  });
  if (missing.length === 0) out.push(pass('eu-usage-information', { para: '91-92' }));
  else out.push(unknown('eu-usage-information-missing', { missing: missing.map((m) => m.label).join('; '), para: '91-92' }, card ? { file: card } : {}));
  return out;
}

/** Para 75 and Art. 53(2) last sentence: always said, as notes; a declaration of systemic risk ends the exemption. */
function notes(ctx: CheckContext): Outcome[] {
  const d = ctx.evidence.euAiAct?.declaration;
  const at = d ? { file: d.file, line: d.line } : {};
  const out: Outcome[] = [];
  if (d?.systemicRisk === true) out.push(fail('eu-systemic-risk', { para: '75' }, at));
  else {
    out.push({ ...pass('eu-note-systemic-risk', { declared: d?.systemicRisk === false ? `declared no systemic risk in ${d.file}` : 'not declared', para: '75' }, at), note: true });
  }
  const policy = d?.copyrightPolicy ? `copyright policy: ${d.copyrightPolicy}` : 'no copyright policy declared';
  const summary = d?.trainingContentSummary ? `training-content summary: ${d.trainingContentSummary}` : 'no training-content summary declared';
  out.push({ ...pass('eu-note-still-required', { policy, summary, para: '75' }, at), note: true });
  return out;
}
