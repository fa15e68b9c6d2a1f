// The pure core: (Evidence, RuleSet, options) → Report. Every profile is evaluated; the chosen one sets the verdict.
import type { ComponentEvidence, Evidence } from '../model.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import type { CheckSpec, ProfileRule } from '../ruleset/schema.js';
import { FREEDOMS } from '../ruleset/vocabulary.js';
import {
  SCHEMA_VERSION, type ComponentResult, type Finding, type FreedomResult, type ProfileResult, type Report,
  type Verdict,
} from '../report/types.js';
import type { CheckContext, Outcome } from './check.js';
import { runCheck } from './checks/index.js';
import { groupByCause } from './group.js';
import { applyIgnores } from './ignore.js';
import { checkPolicy, type Policy } from './policy.js';
import { rateFreedom } from './license-expression.js';
import { renderOutcome } from './messages.js';

export interface EvaluateOptions {
  profile: string;
  strict?: boolean;
  target: string;
  /** A remote target's commit and read time, or a Hub cache snapshot's model and sha. */
  source?: { revision: string; readAt?: string; model?: string };
  tool: { name: string; version: string };
  /** allow / deny / ignore from the config or the caller; applies to every profile. */
  policy?: Policy;
  /** Today as YYYY-MM-DD, for the expiry of ignores (injected: the core never reads the clock). */
  today?: string;
}

export function evaluate(evidence: Evidence, rules: RuleSet, options: EvaluateOptions): Report {
  const chosen = rules.profiles.get(options.profile);
  if (!chosen) {
    throw new UsageError(`unknown profile "${options.profile}"${didYouMean(options.profile, rules.profiles.keys())}`, `choose one of: ${[...rules.profiles.keys()].sort().join(', ')}`);
  }
  const byId = new Map(evidence.components.map((c) => [c.id, c]));
  const ctx: CheckContext = {
    evidence,
    rules,
    component: (id) => byId.get(id) ?? { id, status: 'absent', evidence: [] },
  };
  const strict = options.strict ?? false;
  const policyOutcomes = options.policy ? checkPolicy(ctx, options.policy) : [];
  const codes = Object.keys(rules.messages);
  const results = [...rules.profiles.values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((p) => evaluateProfile(ctx, p, strict, policyOutcomes, options, codes));
  const result = results.find((r) => r.id === chosen.id)!;
  const required = requiredComponents(rules, chosen);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: options.tool,
    target: { path: options.target, ...(options.source ? { revision: options.source.revision, ...(options.source.readAt ? { readAt: options.source.readAt } : {}), ...(options.source.model ? { model: options.source.model } : {}) } : {}) },
    profile: { id: result.id, name: result.name, verdict: result.verdict, strict },
    profiles: results.map(({ id, name, verdict, summary }) => ({ id, name, verdict, summary })),
    components: evidence.components.map((c) => componentResult(ctx, c, required.has(c.id))),
    // An absent component with a license (the weights of a card-only checkout) still says what its terms allow.
    freedoms: evidence.components.filter((c) => c.status !== 'absent' || c.license !== undefined).flatMap((c) => freedomResults(ctx, c)),
    ...(evidence.sources ? { sources: evidence.sources } : {}),
    licenses: evidence.licenses,
    dataInformation: evidence.dataInformation,
    findings: result.findings,
    ignored: result.ignored,
  };
}

/** All checks of a profile and of the profiles it extends, parents first. */
export function profileChecks(rules: RuleSet, profile: ProfileRule, seen = new Set<string>()): CheckSpec[] {
  if (seen.has(profile.id)) return [];
  seen.add(profile.id);
  const parent = profile.extends ? rules.profiles.get(profile.extends) : undefined;
  return [...(parent ? profileChecks(rules, parent, seen) : []), ...profile.checks];
}

function evaluateProfile(
  ctx: CheckContext, profile: ProfileRule, strict: boolean, policyOutcomes: Outcome[], options: EvaluateOptions,
  codes: string[],
): ProfileResult {
  const checked = profileChecks(ctx.rules, profile).flatMap((spec): Outcome[] => {
    const out = runCheck(ctx, spec);
    // A check that says nothing has seen no evidence; silence must never read as a pass.
    return out.length > 0 ? out : [{ code: 'check-no-evidence', verdict: 'unknown', severity: 'error', args: { check: spec.kind } }];
  });
  const { active: outcomes, ignored } = applyIgnores([...checked, ...policyOutcomes], options.policy, options.today, codes);
  const findings = dedupe(groupByCause(outcomes.filter((o) => o.verdict !== 'pass' || o.severity !== 'note' || o.note), ctx).map((o) => renderOutcome(o, ctx.rules)));
  return {
    id: profile.id,
    name: profile.name,
    verdict: verdictOf(outcomes, strict),
    summary: {
      errors: findings.filter((f) => f.verdict === 'fail').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      unknown: findings.filter((f) => f.verdict === 'unknown').length,
    },
    findings,
    ignored: dedupe(ignored.map(({ outcome }) => renderOutcome(outcome, ctx.rules))).map((f) => {
      const { rule } = ignored.find(({ outcome }) => outcome.code === f.code && outcome.args === f.args)!;
      return { ...f, ignore: { reason: rule.reason, ...(rule.until ? { until: rule.until } : {}), ...(options.policy?.file ? { file: options.policy.file } : {}), ...(rule.line ? { line: rule.line } : {}) } };
    }),
  };
}

/** Starts at unknown: only a non-empty set of passing outcomes moves a profile to pass. */
function verdictOf(outcomes: Outcome[], strict: boolean): Verdict {
  if (outcomes.length === 0) return 'unknown';
  if (outcomes.some((o) => o.verdict === 'fail')) return 'fail';
  if (outcomes.some((o) => o.verdict === 'unknown')) return 'unknown';
  if (strict && outcomes.some((o) => o.severity === 'warning')) return 'fail';
  return outcomes.every((o) => o.verdict === 'pass') ? 'pass' : 'unknown';
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.code, f.args, f.file, f.line, f.component, f.freedom]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function requiredComponents(rules: RuleSet, profile: ProfileRule): Set<string> {
  return new Set(profileChecks(rules, profile).flatMap((c) => (c.kind === 'component' ? (c.anyOf ?? [c.component!]) : [])));
}

function componentResult(ctx: CheckContext, c: ComponentEvidence, required: boolean): ComponentResult {
  const rule = ctx.rules.components.find((r) => r.id === c.id)!;
  const verdicts = c.status === 'absent' || !c.license ? ['unknown'] : FREEDOMS.map((f) => ratingVerdict(rateFreedom(c.license!, f, ctx.rules).rating));
  const verdict: Verdict = verdicts.includes('fail') ? 'fail' : verdicts.every((v) => v === 'pass') ? 'pass' : 'unknown';
  return {
    id: c.id, name: rule.name, group: rule.group, status: c.status, required, evidence: c.evidence,
    ...(c.license ? { license: c.license } : {}), verdict,
  };
}

function freedomResults(ctx: CheckContext, c: ComponentEvidence): FreedomResult[] {
  return FREEDOMS.map((freedom) => {
    if (!c.license) return { freedom, component: c.id, verdict: 'unknown', reasons: [] };
    const rated = rateFreedom(c.license, freedom, ctx.rules);
    return { freedom, component: c.id, verdict: ratingVerdict(rated.rating), reasons: rated.reasons };
  });
}

function ratingVerdict(rating: string): Verdict {
  return rating === 'granted' || rating === 'conditional' ? 'pass' : rating === 'restricted' ? 'fail' : 'unknown';
}
