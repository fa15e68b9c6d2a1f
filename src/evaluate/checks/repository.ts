// Checks over the repository as a whole: readable inputs, identified licenses, agreeing sources, open access, data information.
import { UNKNOWN } from '../../spdx/expression.js';
import { fail, pass, unknown, warn, type CheckContext, type Outcome } from '../check.js';

/** Every problem met while reading is a finding; its weight comes from the messages table. */
export function checkReadable(ctx: CheckContext): Outcome[] {
  const out = ctx.evidence.problems.map((p): Outcome => {
    const severity = ctx.rules.messages[p.code]?.severity ?? 'error';
    const args = { file: p.file ?? '', ...p.args };
    const at = { ...(p.file ? { file: p.file } : {}), ...(p.line ? { line: p.line } : {}) };
    if (p.verdict === 'unknown') return unknown(p.code, args, at);
    if (severity === 'error') return fail(p.code, args, at);
    return { ...warn(p.code, args, at), severity };
  });
  return out.length > 0 ? out : [pass('repository-readable')];
}

/** A license text or name osai could not identify may hide any restriction, so it settles nothing. */
export function checkLicensesIdentified(ctx: CheckContext): Outcome[] {
  // A dataset osai does not know leaves the datasets component unknown (its own check says so), not the whole release.
  const out = ctx.evidence.licenses.filter((l) => l.expression === UNKNOWN && l.source.kind !== 'dataset').map((l) => {
    const at = { file: l.source.file, ...(l.source.line ? { line: l.source.line } : {}) };
    // Words that limit use beside (or without) a license: the license alone no longer says what users may do.
    if (l.addedTerms) return unknown('license-terms-added', { file: l.source.file, raw: l.raw ?? '', beside: l.addedTerms.beside.join(' AND ') || 'the repository\'s license' }, at);
    return unknown('license-unidentified', { file: l.source.file, raw: l.raw ?? '', detail: nearMiss(l) }, at);
  });
  return out.length > 0 ? out : [pass('licenses-identified', { count: ctx.evidence.licenses.length })];
}

/** For a text close to a license it is not: which, and the words that differ (what the user must settle). */
function nearMiss(l: CheckContext['evidence']['licenses'][number]): string {
  if (!l.closest) return '';
  const quote = (list: string[]) => list.slice(0, 2).map((w) => `"${w}"`).join(', ');
  const lacks = l.diff?.missing.length ? `; it lacks ${quote(l.diff.missing)}` : '';
  const adds = l.diff?.extra.length ? `; it adds ${quote(l.diff.extra)}` : '';
  return `; the closest license is ${l.closest.id} (${l.closest.score}), which it is not${lacks}${adds}`;
}

/** Two sources naming different licenses: both bind, so the stricter reading governs, and the user must fix one. */
export function checkLicensesAgree(ctx: CheckContext): Outcome[] {
  const out = ctx.evidence.conflicts.map(({ a, b }) => fail('license-conflict', {
    a: a.expression, aFile: a.source.file, aLine: a.source.line ?? 1, b: b.expression, bFile: b.source.file, bLine: b.source.line ?? 1,
  }, { file: b.source.file, ...(b.source.line ? { line: b.source.line } : {}) }));
  return out.length > 0 ? out : [pass('licenses-agree')];
}

/** Manual approval or click-through terms mean users must ask before they may use or share the weights. */
export function checkAccessOpen(ctx: CheckContext): Outcome[] {
  const { gated, line, extraTerms, clickThrough, euDisallowed } = ctx.evidence.access;
  const card = ctx.component('model-card').evidence[0]?.file;
  const at = { component: 'model-parameters-final', ...(card ? { file: card } : {}), ...(line ? { line } : {}) };
  const out: Outcome[] = [];
  if (gated === 'manual') out.push(fail('access-gated-manual', {}, at));
  if (gated === 'unknown') out.push(unknown('access-gate-unknown', {}, at));
  // Terms to accept before download bind on top of the license, whatever kind of gate shows them.
  if (clickThrough) out.push(fail('access-click-through', {}, at));
  if (euDisallowed) out.push(fail('access-eu-disallowed', {}, at));
  // The gate's words are terms: a restriction the user must accept to download binds like the license's own.
  const access = ctx.evidence.access;
  for (const r of access.restrictions ?? []) out.push(fail('access-gate-restricts', { restriction: r.type, text: r.text, key: r.key }, { ...at, ...(r.line ? { line: r.line } : {}) }));
  if (access.purposeFields) out.push(unknown('access-gate-purpose', { fields: access.purposeFields.join(', ') }, at));
  if (access.unreadFields) out.push(unknown('access-gate-field-unknown', { fields: access.unreadFields.join(', ') }, at));
  if (out.length > 0) return out;
  const fields = access.contactFields?.join(', ') ?? 'the Hugging Face account name and email';
  if (gated === 'auto' || extraTerms) return [warn('access-gated-auto', { fields }, at)];
  return [pass('access-open')];
}

/** OSAID data information is judged on content: every item must be described somewhere. */
export function checkDataInformation(ctx: CheckContext): Outcome[] {
  const info = ctx.evidence.dataInformation;
  const label = (id: string) => ctx.rules.dataInformation.find((i) => i.id === id)?.label ?? id;
  if (info.missing.length === 0) return [pass('data-information-complete', {}, info.source ?? {})];
  // A data card or Training Data section that covers nothing is there, and incomplete: name what it lacks, and where.
  const read = info.source ?? info.read?.[0];
  if (!read) return [fail('data-information-missing', { missing: info.missing.map(label).join('; ') })];
  if (!info.source) return [fail('data-information-incomplete', { missing: info.missing.map(label).join('; '), covered: '' }, read)];
  return [fail('data-information-incomplete', { missing: info.missing.map(label).join('; '), covered: info.covered.map(label).join('; ') }, info.source)];
}
