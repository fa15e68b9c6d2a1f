// Freedoms not granted, one row per freedom and reason naming every component it holds for (a repo-wide license is said once).
import type { Report, Verdict } from '../report/types.js';

export interface FreedomRow { verdict: Verdict; freedom: string; why: string; components: string[] }

export function freedomRows(report: Report): FreedomRow[] {
  const rows = new Map<string, FreedomRow>();
  for (const f of report.freedoms.filter((x) => x.verdict !== 'pass')) {
    const why = f.reasons.map((r) => `${r.license}${r.clause ? ` ${r.clause}` : ''}: ${r.text}`).join('; ') || 'no license covers it';
    const key = `${f.freedom}|${f.verdict}|${why}`;
    const row = rows.get(key) ?? { verdict: f.verdict, freedom: f.freedom, why, components: [] };
    row.components.push(f.component);
    rows.set(key, row);
  }
  return [...rows.values()];
}
