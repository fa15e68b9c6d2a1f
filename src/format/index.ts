// The formatter registry: the `--format` choices come from this one table; each formatter loads when used.
import type { Report } from '../report/types.js';

export interface FormatOptions { color: boolean }
export type Formatter = (report: Report, options: FormatOptions) => string;

export const FORMATS = {
  text: () => import('./text.js'),
  json: () => import('./json.js'),
} satisfies Record<string, () => Promise<{ default: Formatter }>>;
export type FormatName = keyof typeof FORMATS;

export async function formatReport(report: Report, format: FormatName, options: FormatOptions = { color: false }): Promise<string> {
  const { default: formatter } = await FORMATS[format]();
  return formatter(report, options);
}
