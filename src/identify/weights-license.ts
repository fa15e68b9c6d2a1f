// Turns license keys of weights headers into findings on the weights group, one per distinct license.
import type { LicenseFinding, WeightsHeader } from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import { resolveLicenseName } from './card-license.js';
import { UNKNOWN } from './spdx.js';

/** `general.license` (an id) speaks first, then a name key; a link alone names no license. Shards saying the same count once. */
export function identifyHeaderLicenses(headers: WeightsHeader[], rules: RuleSet): LicenseFinding[] {
  const findings: LicenseFinding[] = [];
  for (const header of headers) {
    // `general.license: other` names nothing: the name key speaks then.
    const named = header.license.filter((l) => !/link$/i.test(l.key))
      .sort((a, b) => Number(!/^(general\.)?licen[cs]e$/i.test(a.key)) - Number(!/^(general\.)?licen[cs]e$/i.test(b.key)));
    const candidates = named.filter((l) => rules.hubIds.get(l.value.trim().toLowerCase())?.kind !== 'sentinel');
    const pick = candidates.find((l) => resolveLicenseName(l.value, rules)) ?? candidates[0] ?? named[0];
    if (!pick) continue;
    const resolved = resolveLicenseName(pick.value, rules);
    const finding: LicenseFinding = {
      ...(resolved ?? { expression: UNKNOWN, confidence: 0 }),
      source: { file: header.file, kind: 'weights-header' },
      scope: { kind: 'group', group: 'weights' },
      raw: `${pick.key}: ${pick.value}`,
    };
    if (!findings.some((f) => f.expression === finding.expression && f.raw === finding.raw)) findings.push(finding);
  }
  return findings;
}
