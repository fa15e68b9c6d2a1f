// What a check is: a pure function from evidence and its parameters to outcomes.
import type { ComponentEvidence, Evidence } from '../model.js';
import type { RuleSet } from '../ruleset/rule-set.js';
import type { Freedom, FreedomReason, Severity, Verdict } from '../report/types.js';

export interface CheckContext {
  evidence: Evidence;
  rules: RuleSet;
  component: (id: string) => ComponentEvidence;
}

/** One result of a check, before the message template turns it into a sentence. */
export interface Outcome {
  code: string;
  verdict: Verdict;
  severity: Severity;
  args: Record<string, string | number>;
  file?: string;
  line?: number;
  component?: string;
  freedom?: Freedom;
  /** A finding merged per cause (evaluate/group.ts): every component and freedom it covers. */
  components?: string[];
  freedoms?: Freedom[];
  reasons?: FreedomReason[];
  /** A passing note the report must still show (the EU profile's para 75 reminders); other passing notes are dropped. */
  note?: boolean;
}

export const pass = (code: string, args: Outcome['args'] = {}, extra: Partial<Outcome> = {}): Outcome =>
  ({ code, verdict: 'pass', severity: 'note', args, ...extra });
export const fail = (code: string, args: Outcome['args'] = {}, extra: Partial<Outcome> = {}): Outcome =>
  ({ code, verdict: 'fail', severity: 'error', args, ...extra });
export const unknown = (code: string, args: Outcome['args'] = {}, extra: Partial<Outcome> = {}): Outcome =>
  ({ code, verdict: 'unknown', severity: 'error', args, ...extra });
export const warn = (code: string, args: Outcome['args'] = {}, extra: Partial<Outcome> = {}): Outcome =>
  ({ code, verdict: 'pass', severity: 'warning', args, ...extra });
