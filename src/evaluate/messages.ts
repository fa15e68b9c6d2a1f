// Fills a finding's message and help from the rules' templates: `{name}` is replaced by the outcome's argument.
import type { RuleSet } from '../ruleset/rule-set.js';
import type { Finding } from '../report/types.js';
import type { Outcome } from './check.js';

export function renderOutcome(outcome: Outcome, rules: RuleSet): Finding {
  const template = rules.messages[outcome.code];
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in outcome.args ? String(outcome.args[key]) : whole));
  // `note` only tells evaluate() to keep a passing note; it is not part of the report's Finding.
  const { code, severity, verdict, args, note: _keep, ...rest } = outcome;
  return {
    code,
    severity,
    verdict,
    message: template ? fill(template.message) : `${code} ${JSON.stringify(args)}`,
    help: template ? fill(template.help) : '',
    args,
    ...rest,
  };
}
