// Components declared in .osai.yml: evidence for the component and, when named, its license.
import { InputError } from '../../errors.js';
import type { Declaration, LicenseFinding, Problem } from '../../model.js';
import type { RuleSet } from '../../ruleset/rule-set.js';
import { UNKNOWN } from '../../spdx/expression.js';
import { resolveLicenseName } from '../license-name.js';
import { add, type Found } from './components.js';
import { isLocation } from './location.js';

/** Declarations from .osai.yml: evidence for their component and, when they name one, a component-scoped license. */
export function declare(declarations: Declaration[], rules: RuleSet, found: Found, problems: Problem[]): LicenseFinding[] {
  const known = new Set(rules.components.map((c) => c.id));
  const findings: LicenseFinding[] = [];
  for (const d of declarations) {
    if (!known.has(d.component)) {
      throw new InputError(`${d.file}:${d.line}: unknown component "${d.component}"`, `use one of: ${[...known].join(', ')}`);
    }
    // `location: TODO` says the component is not out: it is reported and is not evidence, whatever license it names.
    if (!isLocation(d.location)) {
      problems.push({ code: 'declaration-location-placeholder', file: d.file, line: d.line, args: { component: d.component, location: d.location } });
      continue;
    }
    add(found, d.component, { file: d.file, line: d.line, kind: 'declaration', detail: d.location });
    if (d.license === undefined) continue;
    const source = { file: d.file, line: d.line, kind: 'declaration' as const };
    const scope = { kind: 'component' as const, component: d.component };
    const resolved = resolveLicenseName(d.license, rules);
    findings.push(resolved ? { ...resolved, source, scope } : { expression: UNKNOWN, confidence: 0, source, scope, raw: d.license });
  }
  return findings;
}
