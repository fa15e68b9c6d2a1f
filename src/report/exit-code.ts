// The exit code of a finished check: 0 when the chosen profile passed, 1 otherwise (unknown gates like fail).
import type { Report } from './types.js';

export function exitCodeFor(report: Report): 0 | 1 {
  return report.profile.verdict === 'pass' ? 0 : 1;
}
