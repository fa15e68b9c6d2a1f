// Turns license keys of weights headers into findings on the weights group, one per distinct license.
import type { LicenseFinding, WeightsHeader } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { resolveLicenseName } from '../license-name.js';
import { UNKNOWN } from '../../spdx/expression.js';
import { findAddedTerms } from '../added-terms.js';
import { normalizeText } from '../normalize.js';

/** `general.license` (an id) speaks first, then a name key; a link alone names no license. Shards saying the same count once. */
export function identifyHeaderLicenses(headers: WeightsHeader[], rules: RuleSet): LicenseFinding[] {
  const findings: LicenseFinding[] = [];
  for (const header of headers) {
    // `general.license: other` names nothing: the name key speaks then.
    const named = header.license.filter((l) => !/link$/i.test(l.key))
      .sort((a, b) => Number(!/^(general\.)?licen[cs]e$/i.test(a.key)) - Number(!/^(general\.)?licen[cs]e$/i.test(b.key)));
    const candidates = named.filter((l) => rules.hubIds.get(l.value.trim().toLowerCase())?.kind !== 'sentinel');
    const source = { file: header.file, kind: 'weights-header' as const };
    const scope = { kind: 'group' as const, group: 'weights' as const };
    const push = (finding: LicenseFinding) => {
      if (!findings.some((f) => f.expression === finding.expression && f.raw === finding.raw)) findings.push(finding);
    };
    // Every key that names a license speaks (an id key saying apache-2.0 cannot hide a name key saying llama3);
    // one naming the same license as another counts once.
    const resolved = candidates.flatMap((l) => { const r = resolveLicenseName(l.value, rules); return r ? [{ l, r }] : []; });
    const seen = new Set<string>();
    for (const { l, r } of resolved) {
      if (seen.has(r.expression)) continue;
      seen.add(r.expression);
      push({ ...r, source, scope, raw: `${l.key}: ${l.value}` });
    }
    const pick = candidates[0] ?? named[0];
    if (resolved.length === 0) {
      if (pick) push({ expression: UNKNOWN, confidence: 0, source, scope, raw: `${pick.key}: ${pick.value}` });
      continue;
    }
    // A free-text key beside the identified ones ("license.notes: non-commercial use only") may limit use.
    for (const l of candidates.filter((c) => !resolved.some((x) => x.l === c))) {
      const terms = findAddedTerms(normalizeText(l.value).split(' '), rules);
      if (terms) push({ expression: UNKNOWN, confidence: 0, source, scope, raw: `${l.key}: ${l.value}`, addedTerms: { beside: [...seen] } });
    }
  }
  return findings;
}
