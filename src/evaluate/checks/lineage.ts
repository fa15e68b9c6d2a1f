// Checks `lineage` and `dataset-licenses`: what a model inherits from its base model, and what its datasets' licenses say.
import { UNKNOWN } from '../../spdx/expression.js';
import type { LicenseFinding } from '../../model.js';
import { FREEDOMS } from '../../ruleset/vocabulary.js';
import { fail, pass, unknown, warn, type CheckContext, type Outcome } from '../check.js';
import { rateFreedom } from '../license-expression.js';

const at = (where: { file: string; line?: number }) => ({ file: where.file, ...(where.line ? { line: where.line } : {}) });

/** The derivative's own claims about its weights: the card, license files, headers and declarations, not what it inherits. */
function ownClaims(ctx: CheckContext): LicenseFinding[] {
  const weights = new Set(ctx.rules.components.filter((c) => c.group === 'weights').map((c) => c.id));
  return ctx.evidence.licenses.filter((l) => l.expression !== UNKNOWN && !['lineage', 'dataset'].includes(l.source.kind)
    && (l.scope.kind === 'repo' || (l.scope.kind === 'group' && l.scope.group === 'weights') || (l.scope.kind === 'component' && weights.has(l.scope.component))));
}

/**
 * A fine-tune, adapter, merge or quantization inherits its base model's license (identify joins it to the weights'
 * license). Claiming a freedom the base license restricts is a license-lineage-conflict; a base osai cannot rate is unknown.
 */
export function checkLineage(ctx: CheckContext): Outcome[] {
  const links = ctx.evidence.lineage;
  if (links.length === 0) return [pass('lineage-none')];
  const claims = ownClaims(ctx);
  const out: Outcome[] = [];
  for (const link of links) {
    const where = { component: 'model-parameters-final', ...at(link) };
    if (!link.license) {
      // Deny by default: what the base's terms allow is unknown, so what the derivative may grant is unknown too.
      out.push(unknown('base-model-unknown', { base: link.base, relation: link.relation }, where));
      continue;
    }
    const args = { base: link.base, relation: link.relation, baseLicense: link.license };
    const base = Object.fromEntries(FREEDOMS.map((f) => [f, rateFreedom(link.license!, f, ctx.rules)]));
    // The first freedom the base restricts that some claim grants; every claim that grants it is named.
    const conflict = FREEDOMS.map((freedom) => ({ freedom, claiming: base[freedom]!.rating === 'restricted'
      ? claims.filter((c) => ['granted', 'conditional'].includes(rateFreedom(c.expression, freedom, ctx.rules).rating)) : [] }))
      .find((c) => c.claiming.length > 0);
    if (conflict) {
      const clauses = base[conflict.freedom]!.reasons.map((r) => `${r.license} ${r.clause}`.trim()).join('; ');
      const license = [...new Set(conflict.claiming.map((c) => c.expression))].join(', ');
      const claimFile = [...new Set(conflict.claiming.map((c) => c.source.file))].join(', ');
      out.push(fail('license-lineage-conflict', { ...args, license, claimFile, freedom: conflict.freedom, clauses }, { ...where, freedom: conflict.freedom }));
    } else if (claims.length > 0 && FREEDOMS.some((f) => base[f]!.rating === 'unknown')) {
      out.push(unknown('lineage-unrated', args, where));
    } else out.push(pass('lineage-inherited', args, where));
  }
  return out;
}

/** A dataset under non-commercial or research-only terms: the report must show it (a warning; --strict fails). */
export function checkDatasetLicenses(ctx: CheckContext): Outcome[] {
  const out: Outcome[] = [];
  for (const d of ctx.evidence.datasets) {
    if (!d.license) continue;
    const use = rateFreedom(d.license, 'use', ctx.rules);
    const restriction = d.use ?? (use.rating === 'restricted' ? use.reasons.map((r) => `${r.license} ${r.clause}: ${r.text}`.trim()).join('; ') : undefined);
    if (restriction) out.push(warn('dataset-license-restricted', { dataset: d.id, license: d.license, restriction }, { component: 'datasets', ...at(d) }));
  }
  return out.length > 0 ? out : [pass('dataset-licenses-open', { count: ctx.evidence.datasets.length })];
}
