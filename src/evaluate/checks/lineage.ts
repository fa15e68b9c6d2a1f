// Checks `lineage` and `dataset-licenses`: what a model inherits from its base model, and what its datasets' licenses say.
import { UNKNOWN } from '../../identify/spdx.js';
import type { LicenseFinding } from '../../model.js';
import { FREEDOMS } from '../../ruleset/vocabulary.js';
import { fail, pass, unknown, warn, type CheckContext, type Outcome } from '../check.js';
import { rateFreedom } from '../license-expression.js';

const at = (where: { file: string; line?: number }) => ({ file: where.file, ...(where.line ? { line: where.line } : {}) });

/** The derivative's own claims about its weights: the card, license files and headers, not what it inherits. */
function ownClaims(licenses: LicenseFinding[]): LicenseFinding[] {
  return licenses.filter((l) => l.expression !== UNKNOWN && !['lineage', 'dataset', 'declaration'].includes(l.source.kind)
    && (l.scope.kind === 'repo' || (l.scope.kind === 'group' && l.scope.group === 'weights')));
}

/**
 * A fine-tune, adapter, merge or quantization inherits its base model's license (identify joins it to the weights'
 * license). Claiming a freedom the base license restricts is a license-lineage-conflict; a base osai cannot rate is unknown.
 */
export function checkLineage(ctx: CheckContext): Outcome[] {
  const links = ctx.evidence.lineage;
  if (links.length === 0) return [pass('lineage-none')];
  const claims = ownClaims(ctx.evidence.licenses);
  const out: Outcome[] = [];
  for (const link of links) {
    const where = { component: 'model-parameters-final', ...at(link) };
    if (!link.license) {
      out.push(warn('base-model-unknown', { base: link.base, relation: link.relation }, where));
      continue;
    }
    const args = { base: link.base, relation: link.relation, baseLicense: link.license };
    let judged = true;
    for (const claim of claims) {
      const freedom = FREEDOMS.find((f) => rateFreedom(link.license!, f, ctx.rules).rating === 'restricted'
        && ['granted', 'conditional'].includes(rateFreedom(claim.expression, f, ctx.rules).rating));
      if (freedom) {
        const clauses = rateFreedom(link.license, freedom, ctx.rules).reasons.map((r) => `${r.license} ${r.clause}`.trim()).join('; ');
        out.push(fail('license-lineage-conflict', { ...args, license: claim.expression, claimFile: claim.source.file, freedom, clauses }, { ...where, freedom }));
      }
      if (FREEDOMS.some((f) => rateFreedom(link.license!, f, ctx.rules).rating === 'unknown')) judged = false;
    }
    if (!judged) out.push(unknown('lineage-unrated', args, where));
    else if (!out.some((o) => o.args['base'] === link.base)) out.push(pass('lineage-inherited', args, where));
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
