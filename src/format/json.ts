// JSON output: the Report itself, stable key order, two-space indent.
import type { Report } from '../report/types.js';
import type { FormatOptions } from './index.js';

export default function formatJson(report: Report, _options: FormatOptions): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
