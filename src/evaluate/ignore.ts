// Accepted findings: an `ignore` entry takes matching findings out of the verdict until its date, and says so when it expires.
import { UsageError } from '../errors.js';
import { closestName } from '../suggest.js';
import { fail, warn, type Outcome } from './check.js';
import type { IgnoreRule, Policy } from './policy.js';

export interface IgnoreResult { active: Outcome[]; ignored: { outcome: Outcome; rule: IgnoreRule }[] }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ignore applies through its `until` day and expires the day after. An expired ignore no longer hides anything and
 * adds `ignore-expired` (a failure), so a forgotten exception cannot pass a build forever. `ignore-expired` itself
 * cannot be ignored. Passing outcomes are not findings and are never ignored.
 */
export function applyIgnores(outcomes: Outcome[], policy: Policy | undefined, today: string | undefined, codes: string[] = []): IgnoreResult {
  const rules = policy?.ignore ?? [];
  if (rules.length === 0) return { active: outcomes, ignored: [] };
  if (rules.some((r) => r.until) && !(today && ISO_DATE.test(today))) {
    throw new UsageError('an ignore entry has an `until` date, but evaluate() was given no `today` (YYYY-MM-DD)');
  }
  const expired = rules.filter((r) => r.until !== undefined && today! > r.until);
  const live = rules.filter((r) => !expired.includes(r));
  const active: Outcome[] = [];
  const ignored: IgnoreResult['ignored'] = [];
  for (const o of outcomes) {
    const isFinding = o.verdict !== 'pass' || o.severity !== 'note';
    const rule = isFinding && o.code !== 'ignore-expired' ? live.find((r) => covers(r, o)) : undefined;
    if (rule) ignored.push({ outcome: o, rule });
    else active.push(o);
  }
  // An ignore that accepts nothing is a typo or a fixed problem: say so (a warning), naming the code it may have meant.
  for (const r of live.filter((rule) => !ignored.some((i) => i.rule === rule))) {
    const at = { ...(policy?.file ? { file: policy.file } : {}), ...(r.line ? { line: r.line } : {}) };
    const config = policy?.file || 'the policy';
    if (codes.length > 0 && !codes.includes(r.code)) {
      const guess = closestName(r.code, codes);
      active.push(warn('ignore-code-unknown', { code: r.code, config, guess: guess ? `did you mean "${guess}"? ` : '' }, at));
    } else {
      active.push(warn('ignore-unmatched', { code: r.code, config }, at));
    }
  }
  for (const r of expired) {
    active.push(fail('ignore-expired', { code: r.code, until: r.until!, reason: r.reason, config: policy?.file || 'the policy' }, {
      ...(policy?.file ? { file: policy.file } : {}), ...(r.line ? { line: r.line } : {}),
    }));
  }
  return { active, ignored };
}

function covers(rule: IgnoreRule, o: Outcome): boolean {
  return rule.code === o.code
    && (rule.file === undefined || rule.file === o.file)
    && (rule.component === undefined || rule.component === o.component);
}
