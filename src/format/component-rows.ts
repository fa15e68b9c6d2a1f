// The component table, judged by the findings of the chosen profile, so the table and the summary line always agree.
import type { ComponentResult, Finding, Report, Verdict } from '../report/types.js';

/** `missing`: required and absent; `not required`: present, and the chosen profile asks nothing of it. */
export type RowVerdict = Verdict | 'missing' | 'not required';
export interface ComponentRow { component: ComponentResult; verdict: RowVerdict; codes: string[] }

/** The components a finding is about: its `components`, its `component`, or the list a `component-missing-any` names. */
export function findingComponents(f: Finding): string[] {
  if (f.components) return f.components;
  if (f.component) return [f.component];
  return typeof f.args.components === 'string' ? f.args.components.split(', ') : [];
}

/**
 * One row per component that is present or required. A row fails only when a finding of the chosen profile fails on
 * it, and is unknown only when one is unknown: the same findings the summary line counts.
 */
export function componentRows(report: Report): ComponentRow[] {
  const about = (id: string) => report.findings.filter((f) => f.severity === 'error' && findingComponents(f).includes(id));
  return report.components.filter((c) => c.status !== 'absent' || c.required).map((component) => {
    const findings = about(component.id);
    const codes = [...new Set(findings.map((f) => f.code))];
    let verdict: RowVerdict;
    if (findings.some((f) => f.verdict === 'fail')) verdict = component.status === 'absent' ? 'missing' : 'fail';
    else if (findings.some((f) => f.verdict === 'unknown')) verdict = 'unknown';
    else if (!component.required) verdict = 'not required';
    // Required, absent and no finding: another component of an any-of rule stood in for it.
    else verdict = component.status === 'absent' ? 'not required' : 'pass';
    return { component, verdict, codes };
  });
}
