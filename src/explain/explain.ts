// `osai licenses` and `osai explain`: the rule set's licenses, one license freedom by freedom, and what it means for profiles.
// Pure: takes the loaded rule set, returns data; src/explain/format.ts renders it.
import { resolveLicenseName } from '../identify/license-name.js';
import { normalizeText } from '../identify/normalize.js';
import { licenseInCategory, type Category } from '../ruleset/categories.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import type { LicenseRule, ProfileRule } from '../ruleset/schema.js';
import { FREEDOMS } from '../ruleset/vocabulary.js';
import { readUnderEu } from '../evaluate/checks/eu-exemption.js';

export type FreedomName = (typeof FREEDOMS)[number];
export type RatingName = 'granted' | 'conditional' | 'restricted' | 'unknown';

export interface LicenseRow {
  id: string;
  name: string;
  osiApproved: boolean;
  osdConformant: boolean;
  categories: string[];
  suits: string[];
  freedoms: Record<FreedomName, RatingName>;
}

/** Every license of the rule set, sorted by id, with its four ratings. */
export function listLicenses(rules: RuleSet): LicenseRow[] {
  return [...rules.licenses.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((rule) => ({
      id: rule.id,
      name: rule.name,
      osiApproved: rule.osiApproved,
      osdConformant: licenseInCategory(rule, 'osd-conformant'),
      categories: rule.categories,
      suits: rule.suits,
      freedoms: Object.fromEntries(FREEDOMS.map((f) => [f, rule.freedoms[f].rating])) as Record<FreedomName, RatingName>,
    }));
}

export type Lookup = { found: LicenseRule; via: string } | { found: undefined; closest: string[]; note?: string };

/** Finds a license by rule id, Hugging Face id, alias, SPDX id or free-text name; otherwise the closest ids. */
export function findLicense(query: string, rules: RuleSet): Lookup {
  const resolved = resolveLicenseName(query, rules);
  const direct = resolved && rules.licenses.get(resolved.expression);
  if (direct) return { found: direct, via: resolved.expression === query.trim() ? 'id' : 'name' };
  const key = normalizeText(query);
  const hub = rules.hubIds.get(query.trim().toLowerCase());
  if (hub && hub.kind !== 'license') return { found: undefined, closest: closestIds(key, rules), note: hub.note ?? `${query} is a ${hub.kind}` };
  if (key !== '') {
    for (const rule of rules.licenses.values()) {
      if ([rule.id, rule.name, ...rule.aliases].some((a) => normalizeText(a) === key)) return { found: rule, via: 'name' };
    }
  }
  return { found: undefined, closest: closestIds(key, rules) };
}

/** Up to five ids whose id, name or aliases share the most words with the query (ties: shorter edit distance). */
function closestIds(key: string, rules: RuleSet): string[] {
  const words = new Set(key.split(' ').filter(Boolean));
  const scored = [...rules.licenses.values()].map((rule) => {
    const names = [rule.id, rule.name, ...rule.aliases].map(normalizeText);
    const overlap = Math.max(...names.map((n) => n.split(' ').filter((w) => words.has(w)).length));
    const distance = Math.min(...names.map((n) => editDistance(n, key)));
    return { id: rule.id, overlap, distance };
  });
  return scored
    .filter((s) => s.overlap > 0 || s.distance <= Math.max(3, key.length / 3))
    .sort((a, b) => b.overlap - a.overlap || a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map((s) => s.id);
}

function editDistance(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Math.abs(a.length - b.length) + 200;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export type ProfileOutcome = 'pass' | 'pass-with-warning' | 'fail' | 'not-checked' | 'review';

export interface ProfileFit { profile: string; name: string; outcome: ProfileOutcome; reasons: string[] }

export interface Explanation {
  license: LicenseRule;
  osdConformant: boolean;
  categories: Category[];
  /** Obligations that bind whoever modifies or redistributes: what a derivative must carry. */
  derivativeObligations: LicenseRule['obligations'];
  otherObligations: LicenseRule['obligations'];
  /** Whether the license, on the final weights, can satisfy each profile's weights check (other components aside). */
  profiles: ProfileFit[];
}

const ON_DERIVATIVES = new Set(['share-alike', 'state-changes', 'naming', 'pass-on-license', 'pass-on-policy', 'source-code']);
const WEIGHTS = 'model-parameters-final';

export function explainLicense(rule: LicenseRule, rules: RuleSet): Explanation {
  const all: Category[] = ['osi-approved', 'osd-conformant', 'mot-open', 'open-data', 'open-content', 'fsf-libre'];
  return {
    license: rule,
    osdConformant: licenseInCategory(rule, 'osd-conformant'),
    categories: all.filter((c) => licenseInCategory(rule, c)),
    derivativeObligations: rule.obligations.filter((o) => ON_DERIVATIVES.has(o.type)),
    otherObligations: rule.obligations.filter((o) => !ON_DERIVATIVES.has(o.type)),
    profiles: [...rules.profiles.values()].sort((a, b) => a.id.localeCompare(b.id)).map((p) => weightsFit(rule, p, rules)),
  };
}

/** The profile's checks on the final weights (inherited ones included), applied to this one license. */
function weightsFit(rule: LicenseRule, profile: ProfileRule, rules: RuleSet): ProfileFit {
  // The EU AI Act profile reads the license clause by clause, each reading sourced to its paragraph.
  const eu = profile.checks.find((c) => c.kind === 'eu-exemption');
  if (eu) {
    const reading = readUnderEu(rule.id, rules, eu);
    const outcome = reading.verdict === 'pass' ? 'pass' : reading.verdict === 'fail' ? 'fail' : 'review';
    return { profile: profile.id, name: profile.name, outcome, reasons: reading.reasons.map((r) => `${r.clause ? `${r.clause}: ` : ''}${r.text} (para ${r.para})`) };
  }
  const checks = [];
  const seen = new Set<string>();
  for (let p: ProfileRule | undefined = profile; p && !seen.has(p.id); p = p.extends ? rules.profiles.get(p.extends) : undefined) {
    seen.add(p.id);
    checks.push(...p.checks.filter((c) => c.kind === 'component' && (c.component === WEIGHTS || c.anyOf?.includes(WEIGHTS))));
  }
  const base = { profile: profile.id, name: profile.name };
  if (checks.length === 0) return { ...base, outcome: 'not-checked', reasons: ['the profile sets no rule for the weights license'] };
  const fails: string[] = [];
  const warns: string[] = [];
  for (const check of checks) {
    if (check.kind !== 'component') continue;
    if (check.license && !licenseInCategory(rule, check.license)) fails.push(`not ${check.license}`);
    if (check.freedoms) {
      for (const f of FREEDOMS) {
        if (rule.freedoms[f].rating === 'restricted') fails.push(`${f} restricted (${rule.freedoms[f].clause})`);
        if (rule.freedoms[f].rating === 'unknown') fails.push(`not rated yet: ${rule.freedoms[f].reason}`);
      }
    }
    if (check.typeAppropriate && !rule.suits.includes('weights')) {
      (check.typeAppropriate === 'fail' ? fails : warns).push('not a type-appropriate license for weights (MOF: data licenses)');
    }
  }
  const unique = (xs: string[]) => [...new Set(xs)];
  if (fails.length > 0) return { ...base, outcome: 'fail', reasons: unique(fails) };
  if (warns.length > 0) return { ...base, outcome: 'pass-with-warning', reasons: unique(warns) };
  return { ...base, outcome: 'pass', reasons: [] };
}
