// Check `component`: a required component is there, under a license of the required category that grants the freedoms.
import { expressionLeaves, parseExpression } from '../../spdx/expression.js';
import type { ComponentEvidence } from '../../model.js';
import type { ComponentCheckSpec } from '../../ruleset/schema.js';
import { FREEDOMS } from '../../ruleset/vocabulary.js';
import { fail, pass, unknown, warn, type CheckContext, type Outcome } from '../check.js';
import { expressionInCategory, expressionSuits, rateFreedom } from '../license-expression.js';

export function checkComponent(ctx: CheckContext, spec: ComponentCheckSpec): Outcome[] {
  const ids = spec.anyOf ?? [spec.component!];
  const results = ids.map((id) => checkOne(ctx, ctx.component(id), spec));
  const passing = results.find((outcomes) => outcomes.every((o) => o.verdict === 'pass'));
  if (passing) return passing;
  if (ids.length === 1) return results[0]!;
  const tried = ids.map((id, i) => ({ id, outcomes: results[i]! })).filter(({ id }) => ctx.component(id).status !== 'absent');
  if (tried.length === 0) {
    return [fail('component-missing-any', { components: ids.join(', '), add: ids.map((id) => addHint(ctx, id)).join('; or ') })];
  }
  return tried.flatMap((t) => t.outcomes);
}

function checkOne(ctx: CheckContext, c: ComponentEvidence, spec: ComponentCheckSpec): Outcome[] {
  const rule = ctx.rules.components.find((r) => r.id === c.id)!;
  const at = { component: c.id, ...locate(ctx, c) };
  if (c.status === 'absent') return [fail('component-missing', { component: c.id, add: rule.add }, { component: c.id })];
  if (c.license === undefined) {
    // Only linked: osai cannot see its license. Present or declared without one: released but unlicensed.
    return c.status === 'referenced'
      ? [unknown('license-unverified', { component: c.id, where: c.evidence[0]?.detail ?? c.evidence[0]?.file ?? '' }, at)]
      : [fail('license-missing', { component: c.id }, at)];
  }
  const license = c.license;
  const out: Outcome[] = [];
  if (spec.license) {
    const member = expressionInCategory(license, spec.license, ctx.rules);
    if (member === 'no') out.push(fail('license-category', { component: c.id, license, category: spec.license }, at));
    if (member === 'unknown') out.push(unknown('license-unknown', { component: c.id, license, category: spec.license }, at));
  }
  if (spec.typeAppropriate && expressionSuits(license, rule.group, ctx.rules) === 'no') {
    const make = spec.typeAppropriate === 'fail' ? fail : warn;
    out.push(make('license-type-inappropriate', { component: c.id, license, group: rule.group }, at));
  }
  if (spec.freedoms) {
    for (const freedom of FREEDOMS) {
      const rated = rateFreedom(license, freedom, ctx.rules);
      const extra = { ...at, freedom, reasons: rated.reasons };
      const clauses = rated.reasons.map((r) => `${r.license} ${r.clause}`.trim()).join('; ');
      if (rated.rating === 'restricted') out.push(fail('freedom-restricted', { component: c.id, license, freedom, clauses }, extra));
      if (rated.rating === 'unknown') out.push(unknown('freedom-unknown', { component: c.id, license, freedom }, extra));
    }
  }
  return out.length > 0 ? out : [pass('component-ok', { component: c.id, license }, at)];
}

/** The line that names the component's license, or the first evidence of the component. */
function locate(ctx: CheckContext, c: ComponentEvidence): { file?: string; line?: number } {
  const ids = c.license ? expressionLeaves(parseExpression(c.license) ?? { license: c.license }) : [];
  const finding = ctx.evidence.licenses.find((l) => ids.some((id) => l.expression.includes(id)));
  const where = finding?.source ?? c.evidence[0];
  return where ? { file: where.file, ...(where.line ? { line: where.line } : {}) } : {};
}

function addHint(ctx: CheckContext, id: string): string {
  return ctx.rules.components.find((r) => r.id === id)?.add ?? id;
}
