// Turns a check's outcomes into one finding per cause: a license that restricts freedoms is one finding (its freedoms,
// clauses and the components it governs) at the file that carries its terms, not one per component and freedom.
import type { Freedom, FreedomReason } from '../report/types.js';
import { FREEDOMS } from '../ruleset/vocabulary.js';
import type { CheckContext, Outcome } from './check.js';

/**
 * Codes whose outcomes are merged per cause, and the key of a cause. `freedom-restricted` is keyed by the licenses
 * that restrict (the reasons), so `Apache-2.0 AND Llama` on five components is one Llama finding; the others by the
 * component's license (and category), since osai knows no narrower cause for them.
 */
const CAUSE: Record<string, (o: Outcome) => string> = {
  'freedom-restricted': (o) => restrictingLicenses(o).join(' AND ') || String(o.args.license),
  'freedom-unknown': (o) => String(o.args.license),
  'license-category': (o) => `${o.args.license}\u0000${o.args.category}`,
  'license-unknown': (o) => `${o.args.license}\u0000${o.args.category}`,
  'license-type-inappropriate': (o) => `${o.args.license}\u0000${o.args.group}`,
};

/**
 * Merges outcomes of one cause into one. A `license-category` failure of a component whose freedoms are restricted is
 * the same cause (the restriction is why the license is not in the category), so it joins that license's finding;
 * so does a `license-unknown` of a component whose freedoms osai cannot rate (`freedom-unknown`).
 * Verdicts are computed before this, from every outcome: grouping changes what a person reads, never the verdict.
 */
export function groupByCause(outcomes: Outcome[], ctx: CheckContext): Outcome[] {
  const componentsOf = (code: string) => new Set(outcomes.filter((o) => o.code === code && o.component).map((o) => o.component!));
  const restrictedComponents = componentsOf('freedom-restricted');
  const unratedComponents = componentsOf('freedom-unknown');
  const groups = new Map<string, Outcome[]>();
  const out: (Outcome | string)[] = [];
  for (const o of outcomes) {
    const key = CAUSE[o.code];
    if (!key || o.verdict === 'pass' && o.severity === 'note') { out.push(o); continue; }
    if (o.code === 'license-category' && o.verdict === 'fail' && o.component && restrictedComponents.has(o.component)) continue;
    // Likewise a license osai cannot place in a category because it cannot rate its freedoms: one cause, unrated terms.
    if (o.code === 'license-unknown' && o.component && unratedComponents.has(o.component)) continue;
    const id = `${o.code}\u0000${o.verdict}\u0000${key(o)}`;
    const group = groups.get(id);
    if (group) group.push(o);
    else { groups.set(id, [o]); out.push(id); }
  }
  return out.map((item) => (typeof item === 'string' ? merge(groups.get(item)!, ctx) : item));
}

function merge(group: Outcome[], ctx: CheckContext): Outcome {
  const first = group[0]!;
  const components = unique(group.map((o) => o.component).filter((c): c is string => c !== undefined));
  const freedoms = FREEDOMS.filter((f) => group.some((o) => o.freedom === f)) as Freedom[];
  const reasons = uniqueReasons(group.flatMap((o) => o.reasons ?? []));
  const licenses = first.code === 'freedom-restricted' ? restrictingLicenses(first) : [];
  const license = licenses.length > 0 ? licenses.join(' AND ') : String(first.args.license);
  // Clauses per freedom; the license name only when more than one license restricts ("use: §2, §1(b)(iv); share: §2").
  const named = licenses.length > 1;
  const clauses = freedoms.map((f) => {
    const cited = uniqueStrings(group.filter((o) => o.freedom === f).flatMap((o) => o.reasons ?? []).map((r) => (named ? `${r.license} ${r.clause}` : r.clause).trim()));
    return cited.length > 0 ? `${f}: ${cited.join(', ')}` : '';
  }).filter((c) => c !== '').join('; ');
  const { file, line } = termsLocation(ctx, licenses.length > 0 ? licenses : [license], first);
  const { component: _c, freedom: _f, reasons: _r, file: _file, line: _line, ...rest } = first;
  // `component` / `freedom` args stay only when there is one: a merged finding names them all in the plural args.
  const { component: _ac, freedom: _af, ...args } = first.args;
  return {
    ...rest,
    args: {
      ...args,
      license,
      components: components.join(', '),
      ...(freedoms.length > 0 ? { freedoms: freedoms.join(', ') } : {}),
      ...(clauses ? { clauses } : {}),
      ...(components.length === 1 ? { component: components[0]! } : {}),
      ...(freedoms.length === 1 ? { freedom: freedoms[0]! } : {}),
    },
    ...(file ? { file } : {}),
    ...(line ? { line } : {}),
    ...(components.length === 1 ? { component: components[0]! } : {}),
    ...(components.length > 0 ? { components } : {}),
    ...(freedoms.length === 1 ? { freedom: freedoms[0]! } : {}),
    ...(freedoms.length > 0 ? { freedoms } : {}),
    ...(reasons.length > 0 ? { reasons } : {}),
  };
}

/** The licenses named by a restriction's reasons, in order of first mention. */
function restrictingLicenses(o: Outcome): string[] {
  return uniqueStrings((o.reasons ?? []).map((r) => r.license).filter((l) => l !== ''));
}

/**
 * Where the terms are: a license file that holds one of the licenses beats the card key that names it, which beats
 * where the outcome pointed (the component's evidence).
 */
function termsLocation(ctx: CheckContext, licenses: string[], fallback: Outcome): { file?: string; line?: number } {
  const holds = (expression: string) => licenses.some((id) => expression === id || expression.split(/\s+/).includes(id));
  const found = ctx.evidence.licenses.filter((l) => holds(l.expression));
  const best = found.find((l) => l.source.kind === 'license-file') ?? found.find((l) => l.source.kind === 'card-metadata') ?? found[0];
  if (best) return { file: best.source.file, ...(best.source.line ? { line: best.source.line } : {}) };
  return { ...(fallback.file ? { file: fallback.file } : {}), ...(fallback.line ? { line: fallback.line } : {}) };
}

function unique<T>(items: T[]): T[] { return [...new Set(items)]; }
function uniqueStrings(items: string[]): string[] { return unique(items.filter((s) => s !== '')); }
function uniqueReasons(reasons: FreedomReason[]): FreedomReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => { const k = `${r.license}\u0000${r.clause}\u0000${r.text}`; return seen.has(k) ? false : (seen.add(k), true); });
}
